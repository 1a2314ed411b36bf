import type { Db } from '../db/database';
import type { AttachmentRef, HashedEventFields } from './hash-chain';
import { prepared } from '../db/prepared';
import { combinePrefixes, prefixResultColumns, prefixResultsOf, type StatementPrefix } from '../db/statement-prefix';

/** An event as its chain stores it: every hashed field, the hash before it and its own. */
export type SealedEvent = HashedEventFields & { prevHash: string; hash: string };

export interface EventRecord extends HashedEventFields {
  id: string;
  organizationId: string;
  prevHash: string;
  hash: string;
}

interface Row {
  hash_version: number;
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
  'hash_version',
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
  hashVersion: Number(r.hash_version),
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

const eventRow = (e: SealedEvent) => ({
  hash_version: e.hashVersion,
  id: e.id,
  organization_id: e.organizationId,
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
});

/**
 * Inserts an event and moves the request's chain head to it, in one
 * statement. The head moves only from the event before (seq - 1), so an
 * append from a stale head fails here (and on the unique (request_id, seq)).
 */
export async function insertEvent(db: Db, e: SealedEvent): Promise<EventRecord> {
  return (await insertEventWith(db, e)).event;
}

/**
 * insertEvent with other stores' writes in its statement (`with`, see
 * db/statement-prefix.ts), and what their results gave.
 */
export async function insertEventWith(
  db: Db,
  e: SealedEvent,
  withPart?: StatementPrefix,
): Promise<{ event: EventRecord; results: Record<string, unknown> }> {
  const append = appendStatementPrefix(db, e, COLUMNS);
  const all = withPart ? combinePrefixes(append, withPart) : append;
  const result = await db
    .raw(`with ${all.sql} select e.*, ${prefixResultColumns(all)} from e`, all.bindings)
    .options(prepared('insert_event'));
  const row = (result.rows as Array<Row & Record<string, unknown>>)[0];
  const results = row ? prefixResultsOf(all, row) : {};
  checkHeadMoved(results, e);
  return { event: toEventRecord(row!), results };
}

/**
 * insertEvent as the first part of a statement another store ends (see
 * db/statement-prefix.ts): `e` inserts the event, `h` moves the head, and the
 * result counts the head's move, for checkHeadMoved. The event as stored is
 * the sealed event itself, so nothing of it needs to come back.
 */
export function appendStatementPrefix(db: Db, e: SealedEvent, returning: string[] = ['request_id', 'seq', 'hash']): StatementPrefix {
  return {
    sql: `e as (?),
     h as (insert into request_chain_heads (request_id, seq, hash) select request_id, seq, hash from e
           on conflict (request_id) do update set seq = excluded.seq, hash = excluded.hash
           where request_chain_heads.seq = excluded.seq - 1
           returning 1)`,
    bindings: [db('request_events').insert(eventRow(e)).returning(returning)],
    results: { head_moved: '(select count(*) from h)::int' },
    guards: ['(select count(*) from h) = 1'],
  };
}

/** Throws unless the statement of appendStatementPrefix moved the chain head to `e` (it is not at e.seq - 1 otherwise). */
export function checkHeadMoved(results: Record<string, unknown>, e: SealedEvent): void {
  if (Number(results.head_moved) !== 1) throw new Error(`the chain head of request ${e.requestId} is not at seq ${e.seq - 1}`);
}

/** Events to a statement when whole chains are written at once: 17 bound values each, well under the protocol's 65,535. */
const CHAIN_BATCH = 1000;

/**
 * Writes the whole chains of requests that have no event yet (a bulk import),
 * many requests to a statement, each statement inserting its events and the
 * chain heads at their last events together. `events` holds each request's
 * events in seq order from 1, already sealed (sealEvent) against one another.
 * A head that already exists fails the statement: these must be new chains.
 */
export async function insertChains(db: Db, events: ReadonlyArray<SealedEvent>): Promise<void> {
  // Whole requests to a statement, so each head is written in the statement that writes its chain.
  const chains: Array<typeof events> = [];
  for (let i = 0; i < events.length; ) {
    let j = i + 1;
    while (j < events.length && events[j]!.requestId === events[i]!.requestId) j += 1;
    const chain = events.slice(i, j);
    if (chain.some((e, n) => e.seq !== n + 1))
      throw new Error(`the events of request ${events[i]!.requestId} are not one chain from seq 1`);
    chains.push(chain);
    i = j;
  }
  let batch: Array<typeof events> = [];
  let size = 0;
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch.flat().map(eventRow);
    const heads = batch.length;
    batch = [];
    size = 0;
    const result = await db.raw(
      `with e as (?),
       h as (insert into request_chain_heads (request_id, seq, hash)
             select distinct on (request_id) request_id, seq, hash from e order by request_id, seq desc
             returning 1)
       select (select count(*) from e)::int as events, (select count(*) from h)::int as heads`,
      [db('request_events').insert(rows).returning(['request_id', 'seq', 'hash'])],
    );
    const row = (result.rows as Array<{ events: number; heads: number }>)[0];
    if (Number(row?.events) !== rows.length || Number(row?.heads) !== heads) throw new Error('not every chain was written whole');
  };
  for (const chain of chains) {
    if (size + chain.length > CHAIN_BATCH) await flush();
    batch.push(chain);
    size += chain.length;
  }
  await flush();
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * What an append needs besides the request, read with it in one statement:
 * the chain head, the events that can move a status or a deadline (when
 * asked for), the newsroom's stored settings and the assignee's lead days.
 */
export interface AppendContext {
  head: ChainHead | undefined;
  /** Events whose type is not in NO_DEADLINE_EFFECT, in seq order; undefined when not read. */
  history: EventRecord[] | undefined;
  storedSettings: unknown;
  assigneeLeadDays: number | null;
}

// Literals, not bindings, so the planner matches the partial index
// request_events_deadline_relevant; they must equal NO_DEADLINE_EFFECT.
const RELEVANT = `type not in ('note', 'correspondence', 'delivery_failed')`;

/** Select-list columns of the append context, for a query with `requests` in it. */
export function appendContextColumns(history: boolean): string {
  return [
    `(select json_build_object('seq', h.seq, 'hash', h.hash) from request_chain_heads h where h.request_id = requests.id) as ctx_head`,
    history
      ? `(select coalesce(json_agg(e order by e.seq), '[]'::json) from (select ${COLUMNS.join(', ')} from request_events
           where request_id = requests.id and ${RELEVANT}) e) as ctx_history`
      : 'null::json as ctx_history',
    '(select o.settings from organizations o where o.id = requests.organization_id) as ctx_settings',
    '(select u.reminder_lead_days from users u where u.id = requests.assignee_id) as ctx_lead_days',
  ].join(',\n');
}

type JsonRow = Omit<Row, 'occurred_at' | 'recorded_at'> & { occurred_at: string; recorded_at: string };

export interface AppendContextRow {
  ctx_head: ChainHead | null;
  ctx_history: JsonRow[] | null;
  ctx_settings: unknown;
  ctx_lead_days: number | null;
}

export function toAppendContext(r: AppendContextRow): AppendContext {
  return {
    head: r.ctx_head ?? undefined,
    history: r.ctx_history?.map((e) => toEventRecord({ ...e, occurred_at: new Date(e.occurred_at), recorded_at: new Date(e.recorded_at) })),
    storedSettings: r.ctx_settings,
    assigneeLeadDays: r.ctx_lead_days,
  };
}

/** The append context of a request whose row the caller already holds locked. */
export async function readAppendContext(db: Db, requestId: string, history: boolean): Promise<AppendContext> {
  const result = await db.raw(`select ${appendContextColumns(history)} from requests where requests.id = ?`, [requestId]);
  const row = (result.rows as AppendContextRow[])[0];
  if (!row) throw new Error(`request ${requestId} vanished during an append`);
  return toAppendContext(row);
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
