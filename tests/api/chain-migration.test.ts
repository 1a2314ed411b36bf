import { randomUUID } from 'node:crypto';
import * as hashVersion from '../../migrations/20261201125000_event_hash_version';
import * as milliseconds from '../../migrations/20261201125100_event_times_milliseconds';
import { eventHash, GENESIS_HASH, type HashedEventFields } from '../../server/events/hash-chain';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// A chain hashed before hash versions and millisecond columns existed must
// verify after the migrations, and the migrations must run with the
// append-only triggers in place (an ALTER TYPE rewrite fires no row trigger).
// The schema is taken back to before them with their own down(), a version 1
// chain is written as the code of that time wrote it, and up() runs again.

let app: TestApp;
let room: Newsroom;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Star Tribune');
});
afterAll(() => app.close());

const verify = async (id: string) =>
  (await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200)).body;

describe('a version 1 chain across the migrations', () => {
  it('when events hashed in form 1 at microsecond columns are migrated, then they verify, keep version 1 and a new event chains on in version 2', async () => {
    const knex = app.db.knex;
    const ice = await addAgency(app, room, AGENCIES.ice);
    const { id } = await draft(app, room, ice, { title: 'Filed before the change' });

    await milliseconds.down(knex);
    await hashVersion.down(knex);
    const type = async () =>
      (
        await knex.raw(
          `select format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = 'request_events'::regclass and attname = 'occurred_at'`,
        )
      ).rows[0].type;
    expect(await type()).toBe('timestamp with time zone');

    // As appendEvent wrote them then: form 1, times from JS Dates. The third
    // was written by hand with digits below the millisecond; the driver
    // reads it back truncated, and that is what its hash was computed from.
    const specs = [
      { type: 'submitted', occurred: '2026-01-16T15:00:00.000Z', stored: null, data: { method: 'portal' } },
      { type: 'acknowledged', occurred: '2026-01-21T14:00:00.250Z', stored: null, data: { trackingNumber: '2026-ICFO-1' } },
      { type: 'note', occurred: '2026-01-22T14:00:00.123Z', stored: '2026-01-22 14:00:00.123789+00', data: {} },
    ];
    let prev = GENESIS_HASH;
    for (const [i, s] of specs.entries()) {
      const fields: HashedEventFields = {
        hashVersion: 1,
        id: randomUUID(),
        organizationId: room.orgId,
        requestId: id,
        seq: i + 1,
        type: s.type,
        occurredAt: new Date(s.occurred),
        recordedAt: new Date(s.occurred),
        summary: `Entry ${i + 1}`,
        body: null,
        data: s.data,
        actorKind: 'user',
        actorId: room.userIds.reporter,
        correctsEventId: null,
        attachments: [],
      };
      const hash = eventHash(prev, fields);
      await knex('request_events').insert({
        id: fields.id,
        organization_id: room.orgId,
        request_id: id,
        seq: fields.seq,
        type: fields.type,
        occurred_at: s.stored ?? fields.occurredAt,
        recorded_at: fields.recordedAt,
        summary: fields.summary,
        data: JSON.stringify(fields.data),
        actor_kind: fields.actorKind,
        actor_id: fields.actorId,
        attachments: '[]',
        prev_hash: prev,
        hash,
      });
      prev = hash;
    }
    await knex('request_chain_heads').insert({ request_id: id, seq: specs.length, hash: prev });
    await knex('requests')
      .where({ id })
      .update({ status: 'acknowledged', submitted_at: new Date(specs[0]!.occurred), submission_method: 'portal' });

    // Both drivers hand back the hand-written microseconds truncated, as the hash assumed.
    const read = await knex('request_events').where({ request_id: id, seq: 3 }).first('occurred_at');
    expect((read.occurred_at as Date).toISOString()).toBe('2026-01-22T14:00:00.123Z');
    // A plain cast would round it up and break that hash; the migration truncates instead.
    const cast = (await knex.raw(`select ('2026-01-22 14:00:00.123789+00'::timestamptz(3) at time zone 'UTC')::text as t`)).rows[0].t;
    expect(cast).toBe('2026-01-22 14:00:00.124');

    // The append-only triggers are in place while the migrations run.
    const triggers = (
      await knex.raw(
        `select tgname, tgenabled from pg_trigger where tgrelid = 'request_events'::regclass and not tgisinternal order by tgname`,
      )
    ).rows;
    expect(triggers).toEqual([
      { tgname: 'request_events_no_truncate', tgenabled: 'O' },
      { tgname: 'request_events_no_update', tgenabled: 'O' },
    ]);
    await expect(knex('request_events').where({ request_id: id }).update({ summary: 'x' })).rejects.toThrow(/append-only/);

    await hashVersion.up(knex);
    await milliseconds.up(knex);
    expect(await type()).toBe('timestamp(3) with time zone');

    const stored = (
      await knex.raw(
        `select hash_version, (occurred_at at time zone 'UTC')::text as t from request_events where request_id = ? order by seq`,
        [id],
      )
    ).rows;
    expect(stored.map((r: { hash_version: number }) => Number(r.hash_version))).toEqual([1, 1, 1]);
    expect(stored[2].t).toBe('2026-01-22 14:00:00.123');

    expect(await verify(id)).toMatchObject({
      valid: true,
      eventsValid: true,
      events: 3,
      headHash: prev,
      request: { valid: true, filing: 'unsealed', sealedSeq: null, differs: [], status: 'acknowledged', replayedStatus: 'acknowledged' },
    });

    // The next event is written in form 2 and chains from the version 1 head.
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'note', occurredAt: '2026-01-23T09:00:00-05:00', data: {} })
      .expect(201);
    const after = await verify(id);
    expect(after).toMatchObject({ valid: true, events: 4 });
    const history = (await app.http.get(`/v1/requests/${id}/history`).set(bearer(room.tokens.counsel)).expect(200)).body;
    expect(history.events.map((e: { hashVersion: number }) => e.hashVersion)).toEqual([1, 1, 1, 2]);
    expect(history.events[3].prevHash).toBe(prev);
  });
});
