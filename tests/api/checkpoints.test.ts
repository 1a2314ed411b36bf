import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventHash } from '../../server/events/hash-chain';
import { toEventRecord } from '../../server/events/event-store';
import { checkpointKey } from '../../server/checkpoints/checkpoint-key';
import { signCheckpoints } from '../../server/checkpoints/checkpoint-service';
import { CHECKPOINT_QUEUE } from '../../server/jobs/workers';
import { AGENCIES, addAgency, fileWithEvents } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

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
  { type: 'acknowledged', occurredAt: '2026-01-21T09:00:00-05:00' },
  { type: 'note', occurredAt: '2026-01-22T09:00:00-05:00' },
  { type: 'note', occurredAt: '2026-01-23T09:00:00-05:00' },
];

const filed = (title: string) => fileWithEvents(app, room, ice, '2026-01-16T10:00:00-05:00', title, EVENTS);
const verifyOf = async (id: string) =>
  (await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200)).body;
/** A history export: it signs a checkpoint of the head it showed. */
const exportHistory = (id: string) => app.http.get(`/v1/requests/${id}/history`).set(bearer(room.tokens.counsel)).expect(200);
const behindTriggers = (fn: (trx: import('knex').Knex.Transaction) => Promise<unknown>) =>
  app.db.knex.transaction(async (trx) => {
    await trx.raw('set local session_replication_role = replica');
    await fn(trx);
  });

describe('signed checkpoints', () => {
  it('when a history is exported, then a checkpoint of its head is signed, listed, and verifies with the published key using Node crypto alone', async () => {
    const id = await filed('Checkpoint on export');
    const first = await verifyOf(id);
    expect(first.checkpoint).toMatchObject({ status: 'none' });
    await exportHistory(id);

    const list = await app.http.get(`/v1/checkpoints?requestId=${id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(list.body.items).toHaveLength(1);
    const cp = list.body.items[0];
    expect(cp).toMatchObject({ requestId: id, events: 4, headHash: first.headHash, reason: 'export', keyId: list.body.keyId });
    expect(JSON.parse(cp.message)).toMatchObject({
      requestId: id,
      events: 4,
      headHash: first.headHash,
      type: 'records-tracker.checkpoint',
    });

    const pem = await app.http.get('/.well-known/records-tracker-checkpoint-key').expect(200);
    const same = await app.http.get('/v1/checkpoints/key').expect(200);
    expect(same.text).toBe(pem.text);
    expect(same.headers['x-key-id']).toBe(list.body.keyId);
    expect(pem.headers['content-type']).toMatch(/application\/x-pem-file/);
    expect(pem.text).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const key = createPublicKey(pem.text);
    expect(verify(null, Buffer.from(cp.message, 'utf8'), key, Buffer.from(cp.signature, 'base64'))).toBe(true);
    // One changed byte of the message no longer verifies.
    const forged = cp.message.replace('"events":4', '"events":3');
    expect(verify(null, Buffer.from(forged, 'utf8'), key, Buffer.from(cp.signature, 'base64'))).toBe(false);

    const after = await verifyOf(id);
    expect(after).toMatchObject({ valid: true, checkpoint: { status: 'consistent', events: 4, signatureValid: true } });

    // Exporting again with nothing new signs nothing new.
    await exportHistory(id);
    const again = await app.http.get(`/v1/checkpoints?requestId=${id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(again.body.items).toHaveLength(1);
  });

  it('when openssl is installed, then `openssl pkeyutl -verify` accepts the checkpoint with the published PEM', async () => {
    const id = await filed('Checkpoint for openssl');
    await exportHistory(id);
    const cp = (await app.http.get(`/v1/checkpoints?requestId=${id}`).set(bearer(room.tokens.reporter)).expect(200)).body.items[0];
    const pem = (await app.http.get('/.well-known/records-tracker-checkpoint-key').expect(200)).text;
    let openssl = true;
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
    } catch {
      openssl = false;
    }
    if (!openssl) return; // Node's crypto check above stands alone where openssl is absent.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-cp-'));
    try {
      fs.writeFileSync(path.join(dir, 'key.pem'), pem);
      fs.writeFileSync(path.join(dir, 'message.txt'), cp.message);
      fs.writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(cp.signature, 'base64'));
      const args = ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', 'message.txt', '-sigfile', 'sig.bin'];
      expect(execFileSync('openssl', args, { cwd: dir }).toString()).toMatch(/Signature Verified Successfully/);
      fs.writeFileSync(path.join(dir, 'message.txt'), cp.message.replace(cp.headHash, '0'.repeat(64)));
      expect(() => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the last event is deleted behind the triggers, then the chain alone still verifies but the checkpoint names the drop', async () => {
    const id = await filed('Last event dropped');
    await exportHistory(id);
    await behindTriggers((trx) => trx('request_events').where({ request_id: id, seq: 4 }).delete());
    const v = await verifyOf(id);
    expect(v).toMatchObject({
      eventsValid: true,
      events: 3,
      valid: false,
      checkpoint: { status: 'mismatch', problem: 'events_dropped', events: 4 },
    });
  });

  it('when the last event’s body is rewritten and its hash recomputed, then the chain verifies but the checkpoint names the rewrite', async () => {
    const id = await filed('Last event rewritten');
    await exportHistory(id);
    await behindTriggers(async (trx) => {
      const row = await trx('request_events').where({ request_id: id, seq: 4 }).first();
      const e = { ...toEventRecord(row), body: 'nothing happened here' };
      await trx('request_events')
        .where({ id: e.id })
        .update({ body: e.body, hash: eventHash(e.prevHash, e) });
    });
    const v = await verifyOf(id);
    expect(v).toMatchObject({ eventsValid: true, valid: false, checkpoint: { status: 'mismatch', problem: 'head_rewritten' } });
  });

  it('when the whole chain is truncated, then the checkpoint names the drop', async () => {
    const id = await filed('Chain truncated');
    await exportHistory(id);
    await behindTriggers((trx) => trx('request_events').where({ request_id: id }).delete());
    const v = await verifyOf(id);
    expect(v).toMatchObject({ events: 0, valid: false, checkpoint: { status: 'mismatch', problem: 'events_dropped' } });
  });

  it('when events are dropped or rewritten after a checkpoint, then no later signing (schedule, export, bundle) vouches for what is left', async () => {
    const dropped = await filed('Dropped, then signed again');
    const rewritten = await filed('Rewritten, then signed again');
    await exportHistory(dropped);
    await exportHistory(rewritten);
    await behindTriggers(async (trx) => {
      await trx('request_events').where({ request_id: dropped, seq: 4 }).delete();
      const row = await trx('request_events').where({ request_id: rewritten, seq: 4 }).first();
      const e = { ...toEventRecord(row), body: 'nothing happened here' };
      await trx('request_events')
        .where({ id: e.id })
        .update({ body: e.body, hash: eventHash(e.prevHash, e) });
    });

    const round = await signCheckpoints(app.db.knex, checkpointKey(app.deps.config), new Date(), 'schedule');
    expect(round.diverged).toBeGreaterThanOrEqual(2);
    for (const id of [dropped, rewritten]) {
      await exportHistory(id);
      await app.http.get(`/v1/requests/${id}/bundle`).set(bearer(room.tokens.counsel)).expect(200);
      const signed = (await app.http.get(`/v1/checkpoints?requestId=${id}`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
      expect(signed).toHaveLength(1);
      expect(signed[0]).toMatchObject({ events: 4, reason: 'export' });
    }
    expect(await verifyOf(dropped)).toMatchObject({ valid: false, checkpoint: { status: 'mismatch', problem: 'events_dropped' } });
    expect(await verifyOf(rewritten)).toMatchObject({ valid: false, checkpoint: { status: 'mismatch', problem: 'head_rewritten' } });
  });

  it('when a stored checkpoint is altered in the database, then its signature fails and verify says so', async () => {
    const id = await filed('Checkpoint forged');
    await exportHistory(id);
    await behindTriggers((trx) => trx('request_events').where({ request_id: id, seq: 4 }).delete());
    // Someone with database rights moves the checkpoint back to match what they left.
    const head = await app.db.knex('request_events').where({ request_id: id, seq: 3 }).first('hash');
    await expect(app.db.knex('checkpoints').where({ request_id: id }).update({ event_count: 3 })).rejects.toThrow(/append-only/);
    await behindTriggers((trx) => trx('checkpoints').where({ request_id: id }).update({ event_count: 3, head_hash: head.hash }));
    const v = await verifyOf(id);
    expect(v).toMatchObject({ valid: false, checkpoint: { status: 'mismatch', problem: 'bad_signature', signatureValid: false } });
  });

  it('when events follow a checkpoint, then the log still matches it, and the scheduled job signs the new head', async () => {
    const id = await filed('Checkpoint then more events');
    await exportHistory(id);
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'note', occurredAt: '2026-01-26T09:00:00-05:00', data: {} })
      .expect(201);
    expect(await verifyOf(id)).toMatchObject({ valid: true, events: 5, checkpoint: { status: 'consistent', events: 4 } });

    await app.deps.jobs.enqueue(app.db.knex, CHECKPOINT_QUEUE, {});
    let latest: { events: number; reason: string } | undefined;
    for (let i = 0; i < 100 && latest?.events !== 5; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      latest = (await app.http.get(`/v1/checkpoints?requestId=${id}`).set(bearer(room.tokens.reporter)).expect(200)).body.items[0];
    }
    expect(latest).toMatchObject({ events: 5, reason: 'schedule' });
    expect(await verifyOf(id)).toMatchObject({ valid: true, checkpoint: { status: 'consistent', events: 5 } });
  });

  it('when another newsroom lists checkpoints, then it sees none of this newsroom’s', async () => {
    const id = await filed('Checkpoint scoped');
    await exportHistory(id);
    const list = await app.http.get(`/v1/checkpoints?requestId=${id}`).set(bearer(other.tokens.counsel)).expect(200);
    expect(list.body.items).toEqual([]);
    const all = await app.http.get('/v1/checkpoints?limit=500').set(bearer(other.tokens.counsel)).expect(200);
    expect(all.body.items).toEqual([]);
  });
});
