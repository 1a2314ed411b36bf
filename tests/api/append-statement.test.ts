import { prefixResultColumns, prefixResultsOf } from '../../server/db/statement-prefix';
import { lockForAppend } from '../../server/events/append-lock';
import { checkMove, recordEvent } from '../../server/events/record-event';
import type { LoggableEventType } from '../../server/events/state-machine';
import { deadlinesStored, replaceDeadlinesPrefix } from '../../server/request-deadlines/deadline-store';
import { AGENCIES, addAgency, fileWithEvents } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// An event's append travels in the statement that updates its request
// (db/statement-prefix.ts). Its seq must be free and the chain head moves only
// from the event before. These tests append from a wrong head, as a writer
// that skipped the request lock would, and check that the whole append fails
// with nothing written: not the event, not the request's status or counts,
// not its deadlines. The last checks the deadlines' part of that statement
// when a recount leaves none.

let app: TestApp;
let room: Newsroom;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp({ JOBS: 'false' });
  room = await createNewsroom(app, 'Append Ledger');
  agencyId = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

const filed = () => fileWithEvents(app, room, agencyId, '2026-01-16T10:00:00-05:00', 'Append from a wrong head');

async function snapshot(id: string) {
  const knex = app.db.knex;
  return {
    events: await knex('request_events').where({ request_id: id }).orderBy('seq').pluck('type'),
    head: await knex('request_chain_heads').where({ request_id: id }).first('seq', 'hash'),
    request: await knex('requests').where({ id }).first('status', 'awaiting', 'updated_at', 'tracking_number'),
    deadlines: await knex('deadlines').where({ request_id: id }).orderBy('kind').select('kind', 'due_date', 'status'),
    counts: await knex('request_status_counts')
      .where({ organization_id: room.orgId })
      .groupBy('status')
      .orderBy('status')
      .select('status', knex.raw('sum(count)::int as n')),
  };
}

/**
 * Appends `type` the way the event service does, but from a head `offset` away
 * from the real one: -1 is a stale head (its seq is taken), +1 one that skips a seq.
 */
async function appendFromWrongHead(id: string, offset: -1 | 1, type: LoggableEventType, data: Record<string, unknown>): Promise<unknown> {
  return app.db.knex
    .transaction(async (trx) => {
      const locked = await lockForAppend(trx, room.orgId, id, { history: true });
      const { request, agency, context } = locked!;
      const move = await checkMove(trx, request, type, data, context.history);
      const stale = { ...context, head: { seq: context.head!.seq + offset, hash: context.head!.hash } };
      await recordEvent(
        trx,
        request,
        { type, occurredAt: new Date('2026-01-20T14:00:00Z'), data, actorKind: 'user', actorId: room.userIds.reporter },
        { now: new Date('2026-01-20T15:00:00Z'), mail: app.deps, agency, context: stale },
        move,
      );
    })
    .then(
      () => undefined,
      (err: unknown) => err,
    );
}

describe('an event appended with its request update', () => {
  it('when an acknowledgment is appended from a stale chain head, then it fails and neither the event, the status, the counts nor the deadlines change', async () => {
    const id = await filed();
    const before = await snapshot(id);
    expect(before.request.status).toBe('submitted');
    expect(before.deadlines.length).toBeGreaterThan(0);

    const err = await appendFromWrongHead(id, -1, 'acknowledged', { trackingNumber: 'STALE-1' });
    expect(err).toMatchObject({ code: '23505', constraint: 'request_events_request_id_seq_unique' });
    expect(await snapshot(id)).toEqual(before);

    // From the true head the same append goes through, all of it at once.
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'acknowledged', occurredAt: '2026-01-20T09:00:00-05:00', data: { trackingNumber: 'ACK-1' } })
      .expect(201);
    const after = await snapshot(id);
    expect(after.events).toEqual([...before.events, 'acknowledged']);
    expect(after.head.seq).toBe(before.head.seq + 1);
    expect(after.request).toMatchObject({ status: 'acknowledged', tracking_number: 'ACK-1' });
  });

  it('when a note is appended from a head that skips a seq, then the head does not move, it fails and the request is not touched', async () => {
    const id = await filed();
    const before = await snapshot(id);
    const err = await appendFromWrongHead(id, 1, 'note', {});
    expect(String(err)).toMatch(/chain head of request .* is not at seq/);
    expect(await snapshot(id)).toEqual(before);
  });

  it('when a recount leaves no deadline, then the replacement in the shared statement removes them all and reports none', async () => {
    const id = await filed();
    const before = await snapshot(id);
    expect(before.deadlines.length).toBeGreaterThan(0);
    const owner = { organizationId: room.orgId, requestId: id, agencyId, assigneeId: null, timezone: 'America/New_York' };
    const none = replaceDeadlinesPrefix(
      app.db.knex,
      owner,
      [],
      () => ({ remindBeforeOn: null, overdueOn: '2026-03-01', nextReminderOn: null }),
      new Date(),
    );
    const out = await app.db.knex.raw(`with ${none.sql} select ${prefixResultColumns(none)}`, none.bindings);
    expect(deadlinesStored(prefixResultsOf(none, out.rows[0]).deadlines)).toEqual([]);
    expect((await snapshot(id)).deadlines).toEqual([]);
  });
});
