import { DateTime } from 'luxon';
import { AGENCIES, addAgency } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// A confirmed import writes every row's request, history and deadlines many
// rows to a statement. What it stores must be what filing the request and
// logging each event through the API one by one stores: the same chain (so it
// verifies), the same status counts, the same deadlines and response times.

let app: TestApp;
let room: Newsroom;

// One row per kind of history: answered in full with notes, withdrawn, denied,
// released in part after an extension, acknowledged and still open, filed and
// nothing since, no records by mail, and an extension with no new date (a note).
// None was emailed: the API files only a letter sent now by email, and each row
// is filed again through the API to compare.
const CSV = [
  'Agency,Request,Date filed,Method,Tracking #,Status,Acknowledged,Extension,Extended to,Released,Denied,Closed,Notes',
  'City of Minneapolis,Police overtime,2025-07-03,portal,MPLS-1,Full grant,2025-07-08,,,2025-08-01,,2025-08-01,Got everything',
  'City of Minneapolis,Parking tickets,2025-07-21,portal,,Request withdrawn,,,,,,2025-08-15,',
  'City of Minneapolis,Body camera policy,2025-08-04,fax,,Denied,2025-08-05,,,,2025-08-20,,',
  'U.S. Immigration and Customs Enforcement,Detainer requests,2025-07-10,portal,ICE-1,Partial grant/partial denial,2025-07-14,2025-08-06,2025-09-30,2025-09-02,,,Some pages withheld',
  'U.S. Immigration and Customs Enforcement,Use of force,2025-12-15,portal,,Pending,2025-12-17,,,,,,',
  'City of Minneapolis,Snow emergency towing,2026-01-12,portal,,Pending,,,,,,,',
  'City of Minneapolis,Fleet fuel cards,2025-09-02,mail,,No records,,,,,,2025-09-30,',
  'U.S. Immigration and Customs Enforcement,Body cameras,2025-11-03,mail,,Pending,2025-11-05,2025-11-20,,,,,',
].join('\n');

interface PlannedEvent {
  type: string;
  on: string;
  body?: string;
  data: Record<string, unknown>;
}
interface ReportRow {
  row: number;
  action: string;
  requestId?: string;
  request: { title: string; filedOn: string; method: string; trackingNumber: string | null };
  events: PlannedEvent[];
  warnings: Array<{ message: string }>;
}

const knex = () => app.db.knex;

/** What the deadlines of a request store, but for their ids and the request's. */
const deadlinesOf = (requestId: string) =>
  knex()('deadlines')
    .where({ request_id: requestId })
    .orderBy('kind')
    .select(
      knex().raw(`organization_id, agency_id, assignee_id, timezone, kind, due_date::text as due_date, statutory, status, basis,
        exceeds_statute, statutory_due_date::text as statutory_due_date, claimed_due_date::text as claimed_due_date,
        satisfied_on::text as satisfied_on, trace, details, computed_at, remind_before_on::text as remind_before_on,
        overdue_on::text as overdue_on, next_reminder_on::text as next_reminder_on`),
    );

/** The request fields the history moves or the recount stores. */
const requestOf = (id: string) =>
  knex()('requests')
    .where({ id })
    .first(
      'status',
      'awaiting',
      'submission_method',
      'submitted_at',
      'tracking_number',
      'letter_undelivered',
      'assignee_id',
      'first_response_at',
      'final_response_at',
      'first_response_bdays',
      'final_response_bdays',
      'updated_at',
    );

/** The row's request filed and worked through the API, one call per event, as a reporter without the import would. */
async function byHand(r: ReportRow, agencyId: string, zone: string): Promise<string> {
  const as = bearer(room.tokens.editor);
  const draft = await app.http
    .post('/v1/requests')
    .set(as)
    .send({ agencyId, title: `${r.request.title} (by hand)`, recordsSought: r.request.title })
    .expect(201);
  const id = draft.body.id as string;
  const [filing, ...rest] = r.events;
  expect(filing!.type).toBe('submitted');
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(as)
    .send({
      method: r.request.method,
      submittedAt: DateTime.fromISO(r.request.filedOn, { zone }).startOf('day').toISO(),
      ...(r.request.trackingNumber ? { trackingNumber: r.request.trackingNumber } : {}),
    })
    .expect(200);
  for (const e of rest) {
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(as)
      .send({ type: e.type, occurredAt: e.on, data: e.data, ...(e.body ? { body: e.body } : {}) })
      .expect(201);
  }
  return id;
}

async function statusCountsAgree(orgId: string): Promise<void> {
  const kept = await knex()('request_status_counts')
    .where({ organization_id: orgId })
    .groupBy('status')
    .select('status', knex().raw('sum(count)::int as n'));
  const recount = await knex()('requests')
    .where({ organization_id: orgId })
    .groupBy('status')
    .select('status', knex().raw('count(*)::int as n'));
  const byStatus = (rows: Array<{ status: string; n: number }>) =>
    Object.fromEntries(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.status, Number(r.n)]));
  expect(byStatus(kept)).toEqual(byStatus(recount));
}

beforeAll(async () => {
  app = await startTestApp();
  app.setNow(new Date('2026-01-20T15:00:00Z'));
  room = await createNewsroom(app);
}, 60_000);
afterAll(() => app.close());

describe('what a confirmed import stores', () => {
  let rows: ReportRow[];
  let agencies: Map<string, { id: string; timezone: string }>;

  beforeAll(async () => {
    await addAgency(app, room, AGENCIES.minneapolis);
    await addAgency(app, room, AGENCIES.ice);
    const dry = await app.http
      .post('/v1/imports')
      .set(bearer(room.tokens.editor))
      .attach('file', Buffer.from(CSV), { filename: 'log.csv', contentType: 'text/csv' })
      .expect(200);
    expect(dry.body.summary).toMatchObject({ rows: 8, toCreate: 8, invalid: 0 });
    const confirmed = await app.http.post(`/v1/imports/${dry.body.id}/confirm`).set(bearer(room.tokens.editor)).expect(200);
    expect(confirmed.body.createdCount).toBe(8);
    rows = confirmed.body.rows;
    const list = await knex()('agencies').where({ organization_id: room.orgId }).select('id', 'name', 'timezone');
    agencies = new Map(list.map((a: { id: string; name: string; timezone: string }) => [a.name, a]));
  }, 60_000);

  it('when an import is confirmed, then every request’s chain verifies, its head is its last event, and its status is what its events replay to', async () => {
    for (const r of rows) {
      const v = await app.http.get(`/v1/requests/${r.requestId}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
      expect({ row: r.row, ...v.body }).toMatchObject({
        row: r.row,
        valid: true,
        eventsValid: true,
        request: { valid: true, differs: [] },
      });
      const events = await knex()('request_events').where({ request_id: r.requestId }).orderBy('seq').select('seq', 'type', 'hash');
      expect(events.map((e: { type: string }) => e.type)).toEqual(r.events.map((e) => e.type));
      const head = await knex()('request_chain_heads').where({ request_id: r.requestId }).first('seq', 'hash');
      expect(head).toEqual({ seq: events.length, hash: events[events.length - 1].hash });
    }
    await statusCountsAgree(room.orgId);
  });

  it('when the same rows are filed and worked one event at a time through the API, then their deadlines, status and response times are the import’s', async () => {
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (const rowNo of [2, 3, 4, 5, 6, 7, 8, 9]) {
      const r = byRow.get(rowNo)!;
      const agency = agencies.get(rowNo === 5 || rowNo === 6 || rowNo === 9 ? AGENCIES.ice.name : AGENCIES.minneapolis.name)!;
      const hand = await byHand(r, agency.id, agency.timezone);
      const [imported, expected] = await Promise.all([deadlinesOf(r.requestId!), deadlinesOf(hand)]);
      expect(imported.length).toBeGreaterThan(0);
      expect({ row: rowNo, deadlines: imported }).toEqual({ row: rowNo, deadlines: expected });
      expect({ row: rowNo, ...(await requestOf(r.requestId!)) }).toEqual({ row: rowNo, ...(await requestOf(hand)) });
    }
    // The open ones have reminders to send; the answered ones none.
    const open = await deadlinesOf(byRow.get(6)!.requestId!);
    expect(open.some((d: { next_reminder_on: string | null }) => d.next_reminder_on !== null)).toBe(true);
    await statusCountsAgree(room.orgId);
  });

  it('when an imported request is worked after the import, then the next event chains onto the imported head and it still verifies', async () => {
    const open = rows.find((r) => r.row === 7)!;
    await app.http
      .post(`/v1/requests/${open.requestId}/events`)
      .set(bearer(room.tokens.editor))
      .send({ type: 'acknowledged', occurredAt: '2026-01-14', data: {} })
      .expect(201);
    const v = await app.http.get(`/v1/requests/${open.requestId}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(v.body).toMatchObject({ valid: true, eventsValid: true, request: { status: 'acknowledged' } });
    await statusCountsAgree(room.orgId);
  });
});

describe('an import written in several batches', () => {
  it('when 1,100 rows are confirmed, then every request has its whole chain and head, the counters agree, and a request from each batch verifies', async () => {
    const big = await createNewsroom(app);
    await addAgency(app, big, AGENCIES.minneapolis);
    const lines = ['Agency,Request,Date filed,Method,Status,Acknowledged,Released'];
    for (let i = 0; i < 1100; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      lines.push(
        `City of Minneapolis,Batch request ${i},2025-06-${day},portal,${i % 2 ? 'Full grant' : 'Pending'},2025-07-01,${i % 2 ? '2025-07-15' : ''}`,
      );
    }
    const dry = await app.http
      .post('/v1/imports')
      .set(bearer(big.tokens.editor))
      .attach('file', Buffer.from(lines.join('\n')), { filename: 'batches.csv', contentType: 'text/csv' })
      .expect(200);
    expect(dry.body.summary).toMatchObject({ toCreate: 1100, invalid: 0 });
    const confirmed = await app.http.post(`/v1/imports/${dry.body.id}/confirm`).set(bearer(big.tokens.editor)).expect(200);
    expect(confirmed.body.createdCount).toBe(1100);
    const ids = (confirmed.body.rows as ReportRow[]).map((r) => r.requestId!);
    expect(new Set(ids).size).toBe(1100);
    // Every chain is whole (seq 1..n) and its head is at its last event.
    const chains = await knex()('request_events as e')
      .join('request_chain_heads as h', 'h.request_id', 'e.request_id')
      .where('e.organization_id', big.orgId)
      .groupBy('e.request_id', 'h.seq')
      .select(knex().raw('e.request_id, count(*)::int as events, max(e.seq)::int as last, h.seq::int as head'));
    expect(chains).toHaveLength(1100);
    expect(chains.every((c: { events: number; last: number; head: number }) => c.events === c.last && c.head === c.last)).toBe(true);
    expect(chains.reduce((n: number, c: { events: number }) => n + c.events, 0)).toBe(1100 * 2 + 550);
    for (const id of [ids[0], ids[499], ids[500], ids[1099]]) {
      const v = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(big.tokens.counsel)).expect(200);
      expect(v.body).toMatchObject({ valid: true, eventsValid: true });
    }
    const withDeadlines = await knex()('deadlines').where({ organization_id: big.orgId }).countDistinct<{ n: string }[]>('request_id as n');
    expect(Number(withDeadlines[0]!.n)).toBe(1100);
    await statusCountsAgree(big.orgId);
  }, 120_000);
});

describe('a row refused at confirmation', () => {
  it('when a row’s assignee is deactivated after the dry run, then that row alone is skipped and says why, and the rest are written', async () => {
    const other = await createNewsroom(app);
    await addAgency(app, other, AGENCIES.minneapolis);
    const reporter = await knex()('users').where({ id: other.userIds.reporter }).first<{ email: string }>('email');
    const csv = [
      'Agency,Request,Date filed,Status,Released,Assignee',
      `City of Minneapolis,Budget memos,2025-07-01,Full grant,2025-07-20,${reporter.email}`,
      'City of Minneapolis,Travel vouchers,2025-07-02,Pending,,',
      `City of Minneapolis,Phone logs,2025-07-03,Pending,,${reporter.email}`,
    ].join('\n');
    const dry = await app.http
      .post('/v1/imports')
      .set(bearer(other.tokens.editor))
      .attach('file', Buffer.from(csv), { filename: 'assigned.csv', contentType: 'text/csv' })
      .expect(200);
    expect(dry.body.summary).toMatchObject({ toCreate: 3 });
    await app.http
      .patch(`/v1/organizations/${other.orgId}/users/${other.userIds.reporter}`)
      .set(bearer(other.tokens.admin))
      .send({ active: false })
      .expect(200);
    const confirmed = await app.http.post(`/v1/imports/${dry.body.id}/confirm`).set(bearer(other.tokens.editor)).expect(200);
    expect(confirmed.body).toMatchObject({ createdCount: 1, skippedCount: 2 });
    const byRow = new Map<number, ReportRow & { reason?: string }>(confirmed.body.rows.map((r: ReportRow) => [r.row, r]));
    for (const n of [2, 4]) {
      expect(byRow.get(n)).toMatchObject({ action: 'skip', reason: 'failed', events: [] });
      expect(byRow.get(n)!.requestId).toBeUndefined();
      expect(byRow.get(n)!.warnings.at(-1)!.message).toMatch(/^Not created: assigneeId: /);
    }
    const made = byRow.get(3)!;
    expect(made.action).toBe('create');
    const stored = await knex()('requests').where({ organization_id: other.orgId }).pluck('id');
    expect(stored).toEqual([made.requestId]);
    expect(Number((await knex()('request_events').where({ organization_id: other.orgId }).count<{ n: string }[]>('* as n'))[0]!.n)).toBe(1);
    await statusCountsAgree(other.orgId);
  });
});
