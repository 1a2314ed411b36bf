import { DateTime } from 'luxon';
import { dashboard } from '../../server/monitoring/deadline-queries';
import { REQUESTER_WINDOWS } from '../../server/request-deadlines/requester-windows';
import { feesOverLimit, statusCounts } from '../../server/requests/request-store';
import { addAgency, draft, fileWithEvents } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// The dashboard counts a deadline as overdue or due this week by the date in
// its agency's zone, but converts into that zone only for the due dates where
// zones can disagree. Around every midnight of the days that matter, in the
// zones farthest ahead of and behind UTC, the counts must equal the
// definition applied row by row. And the counts the dashboard gathers in one
// statement must equal the stores' own reads of them.

let app: TestApp;
let room: Newsroom;
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'America/Chicago', 'Etc/UTC'];

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Dashboard Zones Desk');
  let n = 0;
  for (const timezone of ZONES) {
    const agency = await addAgency(app, room, {
      name: `Agency in ${timezone}`,
      jurisdiction: 'US-MN',
      level: 'municipal',
      recordsEmail: `records${n}@agency.example.gov`,
      timezone,
    });
    // Filed on consecutive days, so the due dates spread over more than a week.
    for (const day of [1, 2, 3, 6]) {
      n += 1;
      await fileWithEvents(app, room, agency, `2026-09-0${day}T10:00:00Z`, `Request ${n}`);
    }
  }
});
afterAll(() => app.close());

it('when the time moves hour by hour past the due dates, then overdue and due-this-week match the row-by-row definition', async () => {
  const rows = (await app.db
    .knex('deadlines')
    .where({ organization_id: room.orgId, status: 'open' })
    .select('kind', 'timezone', app.db.knex.raw('due_date::text as due_date'))) as Array<{
    kind: string;
    timezone: string;
    due_date: string;
  }>;
  expect(new Set(rows.map((r) => r.timezone))).toEqual(new Set(ZONES));
  const dues = rows.map((r) => r.due_date).sort();
  const start = DateTime.fromISO(dues[0]!, { zone: 'utc' }).minus({ days: 8 });
  const end = DateTime.fromISO(dues.at(-1)!, { zone: 'utc' }).plus({ days: 2 });
  const windows = new Set<string>(REQUESTER_WINDOWS);
  let checked = 0;
  const seen = { overdue: new Set<number>(), dueIn7Days: new Set<number>() };
  for (let t = start; t <= end; t = t.plus({ minutes: 90 })) {
    const now = t.toJSDate();
    const expected = { overdue: 0, dueIn7Days: 0 };
    for (const r of rows) {
      const today = DateTime.fromJSDate(now, { zone: r.timezone }).toISODate()!;
      const week = DateTime.fromISO(today).plus({ days: 6 }).toISODate()!;
      if (r.due_date < today && !windows.has(r.kind)) expected.overdue += 1;
      if (r.due_date >= today && r.due_date <= week) expected.dueIn7Days += 1;
    }
    const { counts } = await dashboard(app.db.knex, room.orgId, now);
    expect({ at: t.toISO(), overdue: counts.overdue, dueIn7Days: counts.dueIn7Days }).toEqual({ at: t.toISO(), ...expected });
    seen.overdue.add(expected.overdue);
    seen.dueIn7Days.add(expected.dueIn7Days);
    checked += 1;
  }
  // The walk crossed many distinct answers, not one count repeated.
  expect(checked).toBeGreaterThan(150);
  expect(seen.overdue.size).toBeGreaterThan(5);
  expect(seen.dueIn7Days.size).toBeGreaterThan(5);
});

it("when the dashboard gathers its counts in one statement, then they equal the stores' own reads", async () => {
  const agency = await addAgency(app, room, {
    name: 'Fee-charging agency',
    jurisdiction: 'US-MN',
    level: 'municipal',
    recordsEmail: 'fees@agency.example.gov',
  });
  // Estimates above the limit in several amounts, two of them equal (ordered by id then), one within it.
  for (const [i, amount] of [120.5, 80, 999.99, 80, 40].entries()) {
    const { id } = await draft(app, room, agency, { title: `Fee request ${i}`, feeLimit: 50 });
    await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-09-01T10:00:00-05:00' })
      .expect(200);
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'fee_estimate', occurredAt: '2026-09-03', data: { amount } })
      .expect(201);
  }
  await draft(app, room, agency, { title: 'Still a draft' });
  await app.db.knex('requests').where({ organization_id: room.orgId, title: 'Request 1' }).update({ letter_undelivered: true });

  const now = new Date('2026-09-10T12:00:00Z');
  const { counts, feesOverLimit: items } = await dashboard(app.db.knex, room.orgId, now);
  const fees = await feesOverLimit(app.db.knex, room.orgId, 10);
  expect(fees.count).toBe(4);
  expect(items).toEqual(fees.items);
  expect(items.map((f) => f.amount)).toEqual([999.99, 120.5, 80, 80]);
  expect(counts.feesOverLimit).toBe(fees.count);
  expect(counts.undeliveredLetters).toBe(1);
  const byStatus = await statusCounts(app.db.knex, room.orgId);
  expect(counts.drafts).toBe(byStatus.get('draft'));
  expect(counts.drafts).toBe(1);
  expect(counts.openRequests).toBe([...byStatus].filter(([s]) => s !== 'draft').reduce((n, [, c]) => n + c, 0));
  expect(counts.awaitingNewsroom).toBe(byStatus.get('fee_requested') ?? 0);
});
