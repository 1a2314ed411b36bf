import type { Db } from '../db/database';
import type { AttachmentRef, HashedEventFields } from './hash-chain';

export interface EventRecord extends HashedEventFields {
  id: string;
  organizationId: string;
  prevHash: string;
  hash: string;
}

interface Row {
  id: string;
  organization_id: string;
  request_id: string;
  seq: number;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  summary: string | null;
  body: string | null;
  data: Record<string, unknown>;
  actor_kind: string;
  actor_id: string | null;
  corrects_event_id: string | null;
  attachments: AttachmentRef[];
  prev_hash: string;
  hash: string;
}

const COLUMNS = [
  'id',
  'organization_id',
  'request_id',
  'seq',
  'type',
  'occurred_at',
  'recorded_at',
  'summary',
  'body',
  'data',
  'actor_kind',
  'actor_id',
  'corrects_event_id',
  'attachments',
  'prev_hash',
  'hash',
];

export const toEventRecord = (r: Row): EventRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  requestId: r.request_id,
  seq: r.seq,
  type: r.type,
  occurredAt: r.occurred_at,
  recordedAt: r.recorded_at,
  summary: r.summary,
  body: r.body,
  data: r.data,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  correctsEventId: r.corrects_event_id,
  attachments: r.attachments,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function insertEvent(
  db: Db,
  organizationId: string,
  e: HashedEventFields & { prevHash: string; hash: string },
): Promise<EventRecord> {
  const [row] = await db('request_events')
    .insert({
      id: e.id,
      organization_id: organizationId,
      request_id: e.requestId,
      seq: e.seq,
      type: e.type,
      occurred_at: e.occurredAt,
      recorded_at: e.recordedAt,
      summary: e.summary,
      body: e.body,
      data: JSON.stringify(e.data),
      actor_kind: e.actorKind,
      actor_id: e.actorId,
      corrects_event_id: e.correctsEventId,
      attachments: JSON.stringify(e.attachments),
      prev_hash: e.prevHash,
      hash: e.hash,
    })
    .returning<Row[]>(COLUMNS);
  return toEventRecord(row as Row);
}

/** The newest event of a request (for chaining the next one), or undefined for none. */
export async function lastEvent(db: Db, requestId: string): Promise<{ seq: number; hash: string } | undefined> {
  return db('request_events')
    .where({ request_id: requestId })
    .orderBy('seq', 'desc')
    .first<{ seq: number; hash: string } | undefined>('seq', 'hash');
}

export async function listEvents(
  db: Db,
  organizationId: string,
  requestId: string,
  opts: { afterSeq?: number | undefined; limit?: number; excludeTypes?: readonly string[] } = {},
): Promise<EventRecord[]> {
  const query = db('request_events').where({ organization_id: organizationId, request_id: requestId });
  if (opts.excludeTypes?.length) query.whereNotIn('type', opts.excludeTypes);
  if (opts.afterSeq !== undefined) query.where('seq', '>', opts.afterSeq);
  query.orderBy('seq', 'asc');
  if (opts.limit !== undefined) query.limit(opts.limit);
  const rows = await query.select<Row[]>(COLUMNS);
  return rows.map(toEventRecord);
}

export async function findEvent(db: Db, organizationId: string, requestId: string, id: string): Promise<EventRecord | undefined> {
  const row = await db('request_events')
    .where({ organization_id: organizationId, request_id: requestId, id })
    .first<Row | undefined>(COLUMNS);
  return row ? toEventRecord(row) : undefined;
}
