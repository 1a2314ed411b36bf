import type { Db } from '../db/database';

/** One signed checkpoint: a request's chain head (event count, head hash) at a time, signed by the checkpoint key. */
export interface CheckpointRecord {
  id: string;
  organizationId: string;
  requestId: string;
  events: number;
  headHash: string;
  signedAt: Date;
  keyId: string;
  /** Ed25519 signature (base64) over `checkpointMessage(...)`. */
  signature: string;
  reason: CheckpointReason;
  /** The RFC 3161 token over the signed message, once an authority granted one. */
  timestamp?: CheckpointTimestamp | null;
}

export interface CheckpointTimestamp {
  /** DER TimeStampToken, as the authority sent it. */
  token: Buffer;
  genTime: Date;
  serialNumber: string;
}

export type CheckpointReason = 'schedule' | 'export' | 'bundle';

interface Row {
  id: string;
  organization_id: string;
  request_id: string;
  event_count: number;
  head_hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
  reason: CheckpointReason;
  ts_token: Buffer | Uint8Array | null;
  ts_gen_time: Date | null;
  ts_serial_number: string | null;
}

const COLUMNS = [
  ...['id', 'organization_id', 'request_id', 'event_count', 'head_hash', 'signed_at', 'key_id', 'signature', 'reason'].map((c) => `c.${c}`),
  't.token as ts_token',
  't.gen_time as ts_gen_time',
  't.serial_number as ts_serial_number',
];

/** Checkpoints with their time-stamp, when one was granted. */
const withTimestamps = (db: Db) => db('checkpoints as c').leftJoin('checkpoint_timestamps as t', 't.checkpoint_id', 'c.id');

const toRecord = (r: Row): CheckpointRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  requestId: r.request_id,
  events: Number(r.event_count),
  headHash: r.head_hash,
  signedAt: r.signed_at,
  keyId: r.key_id,
  signature: r.signature,
  reason: r.reason,
  // PGlite answers bytea as a Uint8Array, node-postgres as a Buffer.
  timestamp:
    r.ts_token && r.ts_gen_time && r.ts_serial_number !== null
      ? { token: Buffer.from(r.ts_token), genTime: r.ts_gen_time, serialNumber: r.ts_serial_number }
      : null,
});

export async function insertCheckpoints(db: Db, rows: CheckpointRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await db('checkpoints').insert(
    rows.map((c) => ({
      id: c.id,
      organization_id: c.organizationId,
      request_id: c.requestId,
      event_count: c.events,
      head_hash: c.headHash,
      signed_at: c.signedAt,
      key_id: c.keyId,
      signature: c.signature,
      reason: c.reason,
    })),
  );
}

/** The newest checkpoint of a request, or undefined when none was ever signed. */
export async function latestCheckpoint(db: Db, organizationId: string, requestId: string): Promise<CheckpointRecord | undefined> {
  const row = await withTimestamps(db)
    .where({ 'c.organization_id': organizationId, 'c.request_id': requestId })
    .orderBy([
      { column: 'c.signed_at', order: 'desc' },
      { column: 'c.event_count', order: 'desc' },
    ])
    .first<Row | undefined>(COLUMNS);
  return row ? toRecord(row) : undefined;
}

export interface CheckpointFilter {
  requestId?: string | undefined;
  /** Keyset: rows strictly older than (signedAt, id). */
  before?: [string, string] | undefined;
  limit: number;
}

/** Newest first; fetches limit+1 rows so the caller knows whether more follow. */
export async function listCheckpoints(db: Db, organizationId: string, f: CheckpointFilter): Promise<CheckpointRecord[]> {
  const query = withTimestamps(db).where('c.organization_id', organizationId);
  if (f.requestId) query.where('c.request_id', f.requestId);
  if (f.before) query.whereRaw('(c.signed_at, c.id) < (?::timestamptz, ?::uuid)', f.before);
  const rows = await query
    .orderBy([
      { column: 'c.signed_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(f.limit + 1)
    .select<Row[]>(COLUMNS);
  return rows.map(toRecord);
}

export interface MovedHead {
  organizationId: string;
  requestId: string;
  events: number;
  headHash: string;
  extends: boolean;
}

/**
 * Requests (of every organization, or of one request) whose chain head is not
 * the head of their latest checkpoint, in id order after `afterId`: what the
 * next round of signing covers. Requests without events have nothing to sign.
 *
 * `extends` says whether the head grew from the checkpoint's: more events,
 * and the checkpoint's head event still there with its hash. One that did not
 * (events dropped, the signed head rewritten) must never be signed: a new
 * checkpoint of it would make the log agree with its latest checkpoint again
 * and hide exactly what checkpoints exist to reveal.
 */
export async function movedHeads(
  db: Db,
  opts: { afterId?: string | undefined; limit: number; organizationId?: string; requestId?: string },
): Promise<MovedHead[]> {
  const where: string[] = [];
  const bindings: Array<string | number> = [];
  if (opts.afterId) {
    where.push('r.id > ?');
    bindings.push(opts.afterId);
  }
  if (opts.organizationId) {
    where.push('r.organization_id = ?');
    bindings.push(opts.organizationId);
  }
  if (opts.requestId) {
    where.push('r.id = ?');
    bindings.push(opts.requestId);
  }
  const result = await db.raw(
    `select r.id as request_id, r.organization_id, e.seq as event_count, e.hash as head_hash,
            (c.head_hash is null or (e.seq > c.event_count and exists (
              select 1 from request_events x where x.request_id = r.id and x.seq = c.event_count and x.hash = c.head_hash
            ))) as extends
       from requests r
       cross join lateral (select seq, hash from request_events where request_id = r.id order by seq desc limit 1) e
       left join lateral (
         select event_count, head_hash from checkpoints c where c.request_id = r.id
          order by signed_at desc, event_count desc limit 1
       ) c on true
      where (c.head_hash is null or c.head_hash <> e.hash or c.event_count <> e.seq)
        ${where.length ? `and ${where.join(' and ')}` : ''}
      order by r.id
      limit ?`,
    [...bindings, opts.limit],
  );
  const rows = (result.rows ?? result) as Array<{
    request_id: string;
    organization_id: string;
    event_count: number | string;
    head_hash: string;
    extends: boolean;
  }>;
  return rows.map((r) => ({
    organizationId: r.organization_id,
    requestId: r.request_id,
    events: Number(r.event_count),
    headHash: r.head_hash,
    extends: r.extends,
  }));
}

/**
 * Checkpoints still waiting for a time-stamp: only each request's latest one.
 * A later checkpoint names a head that chains back through every earlier
 * event, so its token covers what an older, superseded one would have; one
 * missed while the authority was down is thus asked for until the head moves
 * on, and then the new head is. Oldest first, so a backlog drains in order.
 */
export async function checkpointsAwaitingTimestamp(
  db: Db,
  opts: { limit: number; organizationId?: string | undefined; requestId?: string | undefined },
): Promise<CheckpointRecord[]> {
  const query = withTimestamps(db)
    .whereNull('t.checkpoint_id')
    .whereNotExists(
      db('checkpoints as n')
        .select(db.raw('1'))
        .whereRaw('n.request_id = c.request_id')
        .whereRaw('(n.signed_at, n.event_count) > (c.signed_at, c.event_count)'),
    );
  if (opts.organizationId) query.where('c.organization_id', opts.organizationId);
  if (opts.requestId) query.where('c.request_id', opts.requestId);
  const rows = await query
    .orderBy([
      { column: 'c.signed_at', order: 'asc' },
      { column: 'c.id', order: 'asc' },
    ])
    .limit(opts.limit)
    .select<Row[]>(COLUMNS);
  return rows.map(toRecord);
}

/** Records a granted token; a second one for the same checkpoint (two processes raced) is dropped, the first kept. */
export async function insertCheckpointTimestamp(db: Db, checkpointId: string, t: CheckpointTimestamp): Promise<boolean> {
  const inserted = await db('checkpoint_timestamps')
    .insert({ checkpoint_id: checkpointId, token: t.token, gen_time: t.genTime, serial_number: t.serialNumber })
    .onConflict('checkpoint_id')
    .ignore()
    .returning('checkpoint_id');
  return inserted.length > 0;
}
