import type { Knex } from 'knex';
import { AGENCIES, addAgency, draft, fileWithEvents } from '../support/fixtures';
import { exhibitText } from '../support/exhibit-text';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// What the hash chain covers, attacked by someone with database rights
// (issue 14): the organization, the request row as filed, its status, and
// timestamps below the millisecond.

let app: TestApp;
let room: Newsroom;
let other: Newsroom;
let ice: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Star Tribune');
  other = await createNewsroom(app, 'Pioneer Press');
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

const EVENTS = [
  { type: 'acknowledged', occurredAt: '2026-01-21T09:00:00-05:00', data: { trackingNumber: '2026-ICFO-10417' } },
  { type: 'note', occurredAt: '2026-01-22T09:00:00-05:00' },
];
const filed = (title: string, agencyId = ice) => fileWithEvents(app, room, agencyId, '2026-01-16T10:00:00-05:00', title, EVENTS);
const verifyAs = async (as: Newsroom, id: string) =>
  (await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(as.tokens.counsel)).expect(200)).body;
const behindTriggers = (fn: (trx: Knex.Transaction) => Promise<unknown>) =>
  app.db.knex.transaction(async (trx) => {
    await trx.raw('set local session_replication_role = replica');
    await fn(trx);
  });

describe('what an untouched request verifies', () => {
  it('when a request is filed and worked, then its events are hash version 2, its filing is sealed and the row matches it', async () => {
    const id = await filed('Untouched');
    const events = (await app.http.get(`/v1/requests/${id}/history`).set(bearer(room.tokens.counsel)).expect(200)).body.events;
    expect(events.map((e: { hashVersion: number }) => e.hashVersion)).toEqual([2, 2, 2]);
    expect(events[0].data.filed).toMatchObject({ v: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Object.keys(events[0].data.filed.fields)).toEqual(
      expect.arrayContaining(['organizationId', 'agencyId', 'title', 'recordsSought', 'requester', 'letterSubject', 'letterBody']),
    );
    const v = await verifyAs(room, id);
    expect(v).toMatchObject({
      valid: true,
      eventsValid: true,
      request: { valid: true, filing: 'matches', sealedSeq: 1, differs: [], status: 'acknowledged', replayedStatus: 'acknowledged' },
    });
    const stored = await app.db.knex('request_events').where({ request_id: id }).select('hash_version');
    expect(stored.map((r: { hash_version: number }) => Number(r.hash_version))).toEqual([2, 2, 2]);
  });

  it('when the assignee and tags change after filing and more events move the status, then the request still verifies', async () => {
    const id = await filed('Legitimate changes');
    await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.editor))
      .send({ assigneeId: room.userIds.editor, tags: ['reassigned'] })
      .expect(200);
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'denied', occurredAt: '2026-01-23T09:00:00-05:00', data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)' }] } })
      .expect(201);
    expect(await verifyAs(room, id)).toMatchObject({ valid: true, request: { valid: true, filing: 'matches', status: 'denied' } });
  });

  it('when a draft carries notes and its agency and title change before filing, then it verifies as a draft', async () => {
    const saintPaul = await addAgency(app, room, AGENCIES.saintPaul);
    const { id } = await draft(app, room, ice, { title: 'Draft with notes' });
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'note', occurredAt: '2026-01-15T09:00:00-05:00', data: {} })
      .expect(201);
    await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ agencyId: saintPaul, title: 'Renamed' })
      .expect(200);
    expect(await verifyAs(room, id)).toMatchObject({ valid: true, request: { valid: true, filing: 'draft', status: 'draft' } });
  });
});

describe('tampering the chain now catches', () => {
  it('when a request, its events and its agency are moved to another newsroom, then verify there finds the chain broken and the organization changed', async () => {
    const agency = await addAgency(app, room, { ...AGENCIES.ice, name: 'ICE (to be moved)' });
    const id = await filed('Moved to another newsroom', agency);
    expect((await verifyAs(room, id)).valid).toBe(true);
    await behindTriggers(async (trx) => {
      await trx('agencies').where({ id: agency }).update({ organization_id: other.orgId });
      await trx('requests').where({ id }).update({ organization_id: other.orgId, assignee_id: null, created_by: null });
      await trx('request_events').where({ request_id: id }).update({ organization_id: other.orgId });
    });
    await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(404);
    const v = await verifyAs(other, id);
    expect(v).toMatchObject({
      valid: false,
      eventsValid: false,
      firstBrokenSeq: 1,
      request: { valid: false, filing: 'differs', differs: ['organizationId'] },
    });
    const text = await exhibitText(app, other.tokens.counsel, id);
    expect(text).toContain('HASH CHAIN BROKEN at event #1');
    expect(text).toContain('REQUEST RECORD ALTERED: organizationId no longer matches what the history holds');
  });

  it('when the title is edited after filing, then verify names the title while the events still verify, and the exhibit says so', async () => {
    const id = await filed('The title as filed');
    await app.db.knex('requests').where({ id }).update({ title: 'A title nobody filed' });
    const v = await verifyAs(room, id);
    expect(v).toMatchObject({ valid: false, eventsValid: true, request: { valid: false, filing: 'differs', differs: ['title'] } });
    expect(await exhibitText(app, room.tokens.counsel, id)).toContain(
      'REQUEST RECORD ALTERED: title no longer matches what the history holds',
    );
  });

  it('when the letter, the records sought and the agency are changed after filing, then each is named', async () => {
    const saintPaul = await addAgency(app, room, { ...AGENCIES.saintPaul, name: 'Saint Paul (swap target)' });
    const id = await filed('Letter rewritten');
    await app.db
      .knex('requests')
      .where({ id })
      .update({ letter_body: 'A different letter', records_sought: 'Something else', agency_id: saintPaul });
    const v = await verifyAs(room, id);
    expect(v.valid).toBe(false);
    expect(v.request.differs.sort()).toEqual(['agencyId', 'letterBody', 'recordsSought']);
  });

  it('when the status is set by hand, then verify reports it against the status the events lead to', async () => {
    const id = await filed('Status set by hand');
    await app.db.knex('requests').where({ id }).update({ status: 'fulfilled' });
    const v = await verifyAs(room, id);
    expect(v).toMatchObject({
      valid: false,
      eventsValid: true,
      request: { valid: false, filing: 'matches', differs: ['status'], status: 'fulfilled', replayedStatus: 'acknowledged' },
    });
    expect(await exhibitText(app, room.tokens.counsel, id)).toContain(
      'REQUEST RECORD ALTERED: status no longer matches what the history holds (status stored fulfilled, events lead to acknowledged)',
    );
  });

  it('when a draft is marked submitted by hand with no filing in its history, then the status is reported', async () => {
    const { id } = await draft(app, room, ice, { title: 'Never filed' });
    await app.db.knex('requests').where({ id }).update({ status: 'submitted' });
    expect(await verifyAs(room, id)).toMatchObject({
      valid: false,
      request: { filing: 'draft', differs: ['status'], status: 'submitted', replayedStatus: 'draft' },
    });
  });

  it('when an event is relabelled hash version 1 behind the triggers, then the chain breaks there', async () => {
    const id = await filed('Downgraded');
    await behindTriggers((trx) => trx('request_events').where({ request_id: id, seq: 2 }).update({ hash_version: 1 }));
    expect(await verifyAs(room, id)).toMatchObject({ valid: false, eventsValid: false, firstBrokenSeq: 2 });
  });

  it('when an unknown hash version is written, then the database refuses it', async () => {
    const id = await filed('Unknown version');
    await expect(
      behindTriggers((trx) => trx('request_events').where({ request_id: id, seq: 2 }).update({ hash_version: 3 })),
    ).rejects.toThrow(/request_events_hash_version/);
  });
});

describe('timestamps are stored as hashed', () => {
  const storedTimes = async (id: string) =>
    (
      await app.db.knex.raw(
        `select seq, occurred_at::text as occurred, recorded_at::text as recorded from request_events where request_id = ? order by seq`,
        [id],
      )
    ).rows as Array<{ seq: number; occurred: string; recorded: string }>;

  it('when occurred_at is moved by +400 µs behind the triggers, then the database cannot hold the change and verify still holds', async () => {
    const id = await filed('Sub-millisecond edit');
    const before = await storedTimes(id);
    await behindTriggers((trx) =>
      trx.raw(
        `update request_events set occurred_at = occurred_at + interval '400 microseconds', recorded_at = recorded_at + interval '400 microseconds' where request_id = ?`,
        [id],
      ),
    );
    // timestamptz(3): the stored value is still the one that was hashed, to the microsecond.
    expect(await storedTimes(id)).toEqual(before);
    expect(before.every((t) => !/\.\d{4,}/.test(t.occurred) && !/\.\d{4,}/.test(t.recorded))).toBe(true);
    expect(await verifyAs(room, id)).toMatchObject({ valid: true, eventsValid: true });
  });

  it('when occurred_at is moved by +600 µs, then the stored millisecond changes and verify names that event', async () => {
    const id = await filed('Rounded up edit');
    await behindTriggers((trx) =>
      trx.raw(`update request_events set occurred_at = occurred_at + interval '600 microseconds' where request_id = ? and seq = 2`, [id]),
    );
    expect(await verifyAs(room, id)).toMatchObject({ valid: false, eventsValid: false, firstBrokenSeq: 2 });
  });

  it('when the columns are inspected, then both event times are timestamptz(3)', async () => {
    const cols = (
      await app.db.knex.raw(
        `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
          where a.attrelid = 'request_events'::regclass and a.attname in ('occurred_at', 'recorded_at') order by a.attname`,
      )
    ).rows;
    expect(cols).toEqual([
      { name: 'occurred_at', type: 'timestamp(3) with time zone' },
      { name: 'recorded_at', type: 'timestamp(3) with time zone' },
    ]);
  });
});
