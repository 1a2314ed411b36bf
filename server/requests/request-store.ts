import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../db/database';
import type { AwaitingReason } from '../events/state-machine';
import type { RequestStatus, SubmissionMethod } from './request-schemas';
import { prepared } from '../db/prepared';
import { prefixResultColumns, prefixResultsOf, type StatementPrefix } from '../db/statement-prefix';

export interface Justified {
  requested: boolean;
  justification?: string | null | undefined;
}

export interface Requester {
  name: string;
  outlet?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
}

export interface RequestRecord {
  id: string;
  organizationId: string;
  agencyId: string;
  groupId: string | null;
  title: string;
  recordsSought: string;
  dateRangeStart: string | null;
  dateRangeEnd: string | null;
  format: string | null;
  feeLimit: number | null;
  feeWaiver: Justified | null;
  expedited: Justified | null;
  requestType: string;
  requester: Requester;
  assigneeId: string | null;
  tags: string[];
  status: RequestStatus;
  /** What the agency waits on from the requester, in the order it asked (see the state machine). */
  awaiting: AwaitingReason[];
  letterTemplate: string | null;
  letterSubject: string;
  letterBody: string;
  /** The body was edited by hand: it no longer follows the draft's fields. */
  letterEdited: boolean;
  /** The email subject was edited by hand (at creation, by PATCH or at submission): it no longer follows the fields. */
  letterSubjectEdited: boolean;
  submissionMethod: SubmissionMethod | null;
  submittedAt: Date | null;
  trackingNumber: string | null;
  replyToken: string;
  deliveryStatus: string | null;
  deliveryError: string | null;
  /** The request letter itself never reached the agency (its email failed for good) and has not been filed again. */
  letterUndelivered: boolean;
  /** The open fee estimate above `feeLimit`, from the corrected history; null when none. */
  feeOverLimit: FeeOverLimit | null;
  /** The estimate the assignee was last told about, so each is announced once. */
  feeOverLimitNotifiedEventId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FeeOverLimit {
  eventId: string;
  amount: number;
  currency: string;
}

interface Row {
  id: string;
  organization_id: string;
  agency_id: string;
  group_id: string | null;
  title: string;
  records_sought: string;
  date_range_start: string | null;
  date_range_end: string | null;
  format: string | null;
  fee_limit: string | null;
  fee_waiver: Justified | null;
  expedited: Justified | null;
  request_type: string;
  requester: Requester;
  assignee_id: string | null;
  tags: string[];
  status: RequestStatus;
  awaiting: AwaitingReason[];
  letter_template: string | null;
  letter_subject: string;
  letter_body: string;
  letter_edited: boolean;
  letter_subject_edited: boolean;
  submission_method: SubmissionMethod | null;
  submitted_at: Date | null;
  tracking_number: string | null;
  reply_token: string;
  delivery_status: string | null;
  delivery_error: string | null;
  letter_undelivered: boolean;
  fee_over_limit_event_id: string | null;
  fee_over_limit_amount: string | null;
  fee_over_limit_currency: string | null;
  fee_over_limit_notified_event_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

// Everything but the generated search vector, which is large and not ours to read.
export const REQUEST_COLUMNS = [
  'id',
  'organization_id',
  'agency_id',
  'group_id',
  'title',
  'records_sought',
  'date_range_start',
  'date_range_end',
  'format',
  'fee_limit',
  'fee_waiver',
  'expedited',
  'request_type',
  'requester',
  'assignee_id',
  'tags',
  'status',
  'awaiting',
  'letter_template',
  'letter_subject',
  'letter_body',
  'letter_edited',
  'letter_subject_edited',
  'submission_method',
  'submitted_at',
  'tracking_number',
  'reply_token',
  'delivery_status',
  'delivery_error',
  'letter_undelivered',
  'fee_over_limit_event_id',
  'fee_over_limit_amount',
  'fee_over_limit_currency',
  'fee_over_limit_notified_event_id',
  'created_by',
  'created_at',
  'updated_at',
].map((c) => `requests.${c}`);

export const toRequestRecord = (r: Row): RequestRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  agencyId: r.agency_id,
  groupId: r.group_id,
  title: r.title,
  recordsSought: r.records_sought,
  dateRangeStart: r.date_range_start,
  dateRangeEnd: r.date_range_end,
  format: r.format,
  // numeric arrives as text from both drivers; money fits a double at cents.
  feeLimit: r.fee_limit === null ? null : Number(r.fee_limit),
  feeWaiver: r.fee_waiver,
  expedited: r.expedited,
  requestType: r.request_type,
  requester: r.requester,
  assigneeId: r.assignee_id,
  tags: r.tags,
  status: r.status,
  awaiting: r.awaiting,
  letterTemplate: r.letter_template,
  letterSubject: r.letter_subject,
  letterBody: r.letter_body,
  letterEdited: r.letter_edited,
  letterSubjectEdited: r.letter_subject_edited,
  submissionMethod: r.submission_method,
  submittedAt: r.submitted_at,
  trackingNumber: r.tracking_number,
  replyToken: r.reply_token,
  deliveryStatus: r.delivery_status,
  deliveryError: r.delivery_error,
  letterUndelivered: r.letter_undelivered,
  feeOverLimit:
    r.fee_over_limit_event_id === null
      ? null
      : { eventId: r.fee_over_limit_event_id, amount: Number(r.fee_over_limit_amount), currency: r.fee_over_limit_currency ?? 'USD' },
  feeOverLimitNotifiedEventId: r.fee_over_limit_notified_event_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type RequestValues = Omit<RequestRecord, 'id' | 'createdAt' | 'updatedAt' | 'awaiting' | 'letterSubjectEdited'> & {
  awaiting?: AwaitingReason[];
  /** Default false: the subject follows the fields. */
  letterSubjectEdited?: boolean;
};

function toRow(v: Partial<RequestValues>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => {
    if (value !== undefined) row[column] = value;
  };
  const json = (value: unknown) => (value === undefined ? undefined : value === null ? null : JSON.stringify(value));
  set('organization_id', v.organizationId);
  set('agency_id', v.agencyId);
  set('group_id', v.groupId);
  set('title', v.title);
  set('records_sought', v.recordsSought);
  set('date_range_start', v.dateRangeStart);
  set('date_range_end', v.dateRangeEnd);
  set('format', v.format);
  set('fee_limit', v.feeLimit);
  set('fee_waiver', json(v.feeWaiver));
  set('expedited', json(v.expedited));
  set('request_type', v.requestType);
  set('requester', json(v.requester));
  set('assignee_id', v.assigneeId);
  set('tags', v.tags);
  set('status', v.status);
  set('awaiting', v.awaiting);
  set('letter_template', v.letterTemplate);
  set('letter_subject', v.letterSubject);
  set('letter_body', v.letterBody);
  set('letter_edited', v.letterEdited);
  set('letter_subject_edited', v.letterSubjectEdited);
  set('submission_method', v.submissionMethod);
  set('submitted_at', v.submittedAt);
  set('tracking_number', v.trackingNumber);
  set('reply_token', v.replyToken);
  set('delivery_status', v.deliveryStatus);
  set('delivery_error', v.deliveryError);
  set('letter_undelivered', v.letterUndelivered);
  if (v.feeOverLimit !== undefined) {
    row.fee_over_limit_event_id = v.feeOverLimit?.eventId ?? null;
    row.fee_over_limit_amount = v.feeOverLimit?.amount ?? null;
    row.fee_over_limit_currency = v.feeOverLimit?.currency ?? null;
  }
  set('fee_over_limit_notified_event_id', v.feeOverLimitNotifiedEventId);
  set('created_by', v.createdBy);
  return row;
}

// Keeps request_status_counts in step with a write to requests, in the same
// statement: `moved` is the write (returning the request's columns), `before`
// the statuses it moved from (none for an insert). A request's counts live in
// its shard (16 per status, by request id), so concurrent moves in a newsroom
// rarely wait on each other; rows are taken in one order so they cannot deadlock.
const COUNTED = `moved_counts as (
  insert into request_status_counts (organization_id, status, shard, count)
  select organization_id, status, shard, sum(delta) from (
    select m.organization_id, m.status, hashtext(m.id::text) & 15 as shard, 1 as delta from moved m
    union all
    select b.organization_id, b.status, hashtext(b.id::text) & 15, -1 from before b where exists (select 1 from moved)
  ) d group by organization_id, status, shard having sum(delta) <> 0
  order by organization_id, status, shard
  on conflict (organization_id, status, shard) do update set count = request_status_counts.count + excluded.count)`;

/** `now` is stored as created_at: milliseconds, so keyset cursors built from it in JS match exactly. */
export async function insertRequest(db: Db, v: RequestValues, now: Date): Promise<RequestRecord> {
  const insert = db('requests')
    .insert({ ...toRow(v), created_at: now, updated_at: now })
    .returning(REQUEST_COLUMNS);
  const result = await db
    .raw(
      `with moved as (?), before as (select null::uuid as id, null::uuid as organization_id, null::text as status where false), ${COUNTED} select * from moved`,
      [insert],
    )
    .options(prepared('insert_request'));
  return toRequestRecord((result.rows as Row[])[0]!);
}

export async function findRequest(
  db: Db,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<RequestRecord | undefined> {
  const query = db('requests').where({ 'requests.id': id, 'requests.organization_id': organizationId });
  if (opts.forUpdate) query.forUpdate();
  const row = await query.options(prepared('find_request')).first<Row | undefined>(REQUEST_COLUMNS);
  return row ? toRequestRecord(row) : undefined;
}

export interface ResponseTimes {
  firstResponseAt: Date | null;
  finalResponseAt: Date | null;
  firstResponseBdays: number | null;
  finalResponseBdays: number | null;
}

const responseTimeRow = (t: ResponseTimes) => ({
  first_response_at: t.firstResponseAt,
  final_response_at: t.finalResponseAt,
  first_response_bdays: t.firstResponseBdays,
  final_response_bdays: t.finalResponseBdays,
});

/**
 * A request as insertRequests will store it, id chosen here: a writer that
 * builds a whole history in memory (a bulk import) needs the id before the
 * row exists. `now` is its created_at and updated_at.
 */
export function newRequestRecord(v: RequestValues, now: Date): RequestRecord {
  return {
    ...v,
    awaiting: v.awaiting ?? [],
    letterSubjectEdited: v.letterSubjectEdited ?? false,
    id: randomUUID(),
    createdAt: now,
    updatedAt: now,
  };
}

/** Requests to a statement in insertRequests: about 40 bound values each. */
const INSERT_BATCH = 500;

/**
 * Stores new requests (from newRequestRecord) many to a statement, each with
 * its response times when it has them; the status counts move in the same
 * statements, as with insertRequest. created_at and updated_at are `now`.
 */
export async function insertRequests(
  db: Db,
  requests: ReadonlyArray<{ request: RequestRecord; responseTimes?: ResponseTimes | undefined }>,
  now: Date,
): Promise<void> {
  for (let i = 0; i < requests.length; i += INSERT_BATCH) {
    const chunk = requests.slice(i, i + INSERT_BATCH);
    const rows = chunk.map(({ request, responseTimes }) => ({
      ...toRow(request),
      id: request.id,
      awaiting: request.awaiting,
      ...(responseTimes ? responseTimeRow(responseTimes) : {}),
      created_at: now,
      updated_at: now,
    }));
    const insert = db('requests').insert(rows).returning(['id', 'organization_id', 'status']);
    const result = await db.raw(
      `with moved as (?), before as (select null::uuid as id, null::uuid as organization_id, null::text as status where false), ${COUNTED}
       select count(*)::int as n from moved`,
      [insert],
    );
    if (Number((result.rows as Array<{ n: number }>)[0]?.n) !== chunk.length) throw new Error('not every request was inserted');
  }
}

/**
 * Writes request fields (and `updated_at = now`) in one statement; a status
 * change moves the newsroom's status counts in the same statement. With
 * `opts.touch: false` updated_at stays (derived data, not an edit);
 * `opts.responseTimes` stores the agency's response times with it.
 */
export async function updateRequest(
  db: Db,
  organizationId: string,
  id: string,
  v: Partial<RequestValues>,
  now: Date,
  opts: UpdateOptions = {},
): Promise<RequestRecord> {
  const values = updateValues(v, now, opts);
  // Nothing to write: the row as it is (an update with no columns is not SQL).
  if (!Object.keys(values).length) {
    const row = await db('requests').where({ id, organization_id: organizationId }).first<Row | undefined>(REQUEST_COLUMNS);
    if (!row) throw new Error(`request ${id} vanished during an update`);
    return toRequestRecord(row);
  }
  return (await writeRequest(db, organizationId, id, v.status !== undefined, values, undefined)).request;
}

/**
 * updateRequest as the end of a statement that begins with another store's
 * write (db/statement-prefix.ts; an event's append), which happens with it or
 * not at all. Returns what the prefix's `results` gave beside the request.
 */
export async function updateRequestAfter(
  db: Db,
  prefix: StatementPrefix,
  organizationId: string,
  id: string,
  v: Partial<RequestValues>,
  now: Date,
  opts: UpdateOptions = {},
): Promise<{ request: RequestRecord; results: Record<string, unknown> }> {
  const values = updateValues(v, now, opts);
  // Its callers always write something (updated_at at least), so the prefix always has a write to end with.
  if (!Object.keys(values).length) throw new Error('updateRequestAfter needs something to write on the request');
  return writeRequest(db, organizationId, id, v.status !== undefined, values, prefix, opts.ifVersion);
}

interface UpdateOptions {
  touch?: boolean;
  responseTimes?: ResponseTimes | undefined;
  /**
   * The row version (`xmin`) the caller read the request at, for a statement
   * run outside a transaction: the update happens only on that version, and
   * otherwise, or when one of the prefix's guards fails, the whole statement
   * fails with 40001 (statement_guard) and nothing of it is written.
   */
  ifVersion?: string | undefined;
}

function updateValues(v: Partial<RequestValues>, now: Date, opts: UpdateOptions): Record<string, unknown> {
  return {
    ...toRow(v),
    ...(opts.responseTimes ? responseTimeRow(opts.responseTimes) : {}),
    ...(opts.touch === false ? {} : { updated_at: now }),
  };
}

async function writeRequest(
  db: Db,
  organizationId: string,
  id: string,
  moves: boolean,
  values: Record<string, unknown>,
  prefix: StatementPrefix | undefined,
  ifVersion?: string,
): Promise<{ request: RequestRecord; results: Record<string, unknown> }> {
  const update = db('requests').where({ id, organization_id: organizationId });
  if (ifVersion !== undefined) update.andWhereRaw('xmin = ?::xid', [ifVersion]);
  update.update(values).returning(REQUEST_COLUMNS);
  const head = prefix ? `${prefix.sql}, ` : '';
  const result = prefix ? `, ${prefixResultColumns(prefix)}` : '';
  // Guarded, the row comes from a join that evaluates the guard even when the
  // update matched nothing (selecting from `moved` alone would then evaluate nothing).
  const guards = ['exists (select 1 from moved)', ...(prefix?.guards ?? [])];
  const from =
    ifVersion === undefined
      ? 'from moved'
      : `from (select statement_guard(${guards.join(' and ')}, 'the request changed while it was being written') as ok) guard left join moved on true`;
  type Returned = Row & Record<string, unknown>;
  let row: Returned | undefined;
  if (!moves && !prefix) {
    [row] = (await update.options(prepared('update_request'))) as unknown as Returned[];
  } else if (!moves) {
    const out = await db
      .raw(`with ${head}moved as (?) select moved.*${result} ${from}`, [...prefix!.bindings, update])
      .options(prepared('update_request_after'));
    row = (out.rows as Returned[])[0];
  } else {
    // `before` reads the row as it was when the statement began: the status it moves from.
    const out = await db
      .raw(
        `with ${head}before as (select id, organization_id, status from requests where id = ? and organization_id = ?), moved as (?), ${COUNTED}
       select moved.*${result} ${from}`,
        [...(prefix?.bindings ?? []), id, organizationId, update],
      )
      .options(prepared('move_request'));
    row = (out.rows as Returned[])[0];
  }
  if (!row) throw new Error(`request ${id} vanished during an update`);
  return { request: toRequestRecord(row), results: prefix ? prefixResultsOf(prefix, row) : {} };
}

/**
 * How the request's own letter fared in the mail. Not an edit of the request,
 * so `updated_at` stays; `letterUndelivered` is set only when given.
 */
export async function markDelivery(
  db: Db,
  id: string,
  d: { status: 'sent'; error?: undefined; letterUndelivered?: undefined } | { status: 'failed'; error: string; letterUndelivered?: true },
): Promise<void> {
  await markDeliveryStatement(db, id, d).options(prepared('mark_delivery'));
}

/** markDelivery unrun, for the statement that records the letter's try (mail-store's recordSentTry). */
export function markDeliveryStatement(
  db: Db,
  id: string,
  d: { status: 'sent'; error?: undefined; letterUndelivered?: undefined } | { status: 'failed'; error: string; letterUndelivered?: true },
): Knex.QueryBuilder {
  return db('requests')
    .where({ id })
    .update({
      delivery_status: d.status,
      delivery_error: d.error ?? null,
      ...(d.letterUndelivered ? { letter_undelivered: true } : {}),
    });
}

/** The agency's response times, derived from the history for report cards; `updated_at` stays. */
export async function storeResponseTimes(db: Db, id: string, t: ResponseTimes): Promise<void> {
  await db('requests').where({ id }).update(responseTimeRow(t));
}

const statusCountRows = (db: Db, organizationId: string) =>
  db('request_status_counts').where({ organization_id: organizationId }).groupBy('status').select('status', db.raw('sum(count) as count'));

/** The newsroom's request counts by status, as kept with every status change (statuses with none are absent). */
export async function statusCounts(db: Db, organizationId: string): Promise<Map<string, number>> {
  const rows = (await statusCountRows(db, organizationId)) as Array<{ status: string; count: number | string }>;
  return new Map(rows.map((r) => [r.status, Number(r.count)]));
}

/**
 * The same counts as one JSON value ({ status: count }), a subquery for a read
 * model that gathers a page's counts in one statement; read it with
 * statusCountsOf.
 */
export function statusCountsSubquery(db: Db, organizationId: string): Knex.QueryBuilder {
  return db.from(statusCountRows(db, organizationId).as('s')).select(db.raw(`coalesce(json_object_agg(s.status, s.count), '{}'::json)`));
}

export function statusCountsOf(value: unknown): Map<string, number> {
  return new Map(Object.entries((value ?? {}) as Record<string, number | string>).map(([k, v]) => [k, Number(v)]));
}

/** Requests whose letter never reached the agency: a count subquery for a page's summary. */
export function undeliveredCountSubquery(db: Db, organizationId: string): Knex.QueryBuilder {
  return db('requests').where({ organization_id: organizationId, letter_undelivered: true }).count('*');
}

export interface RequestFilter {
  status?: string | undefined;
  agencyId?: string | undefined;
  assigneeId?: string | undefined;
  tag?: string | undefined;
  groupId?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** 'true': only requests whose letter email failed for good. */
  undelivered?: 'true' | 'false' | undefined;
  /** 'true': only requests waiting on the newsroom (a fee to pay, a question to answer). */
  awaitingNewsroom?: 'true' | 'false' | undefined;
  /** Keyset: rows strictly older than (createdAt, id). */
  before?: [string, string] | undefined;
  limit: number;
}

/** The list filters, on a query that has `requests` in it; shared with the overdue list so both honour the same filters. */
export function whereRequestMatches(query: Knex.QueryBuilder, f: Omit<RequestFilter, 'before' | 'limit'>): Knex.QueryBuilder {
  if (f.status) query.where('requests.status', f.status);
  if (f.agencyId) query.where('requests.agency_id', f.agencyId);
  if (f.assigneeId) query.where('requests.assignee_id', f.assigneeId);
  if (f.groupId) query.where('requests.group_id', f.groupId);
  if (f.tag) query.whereRaw('requests.tags @> array[?]::text[]', [f.tag]);
  if (f.createdFrom) query.where('requests.created_at', '>=', `${f.createdFrom}T00:00:00Z`);
  if (f.createdTo) query.whereRaw(`requests.created_at < (?::date + 1)::timestamptz`, [f.createdTo]);
  if (f.undelivered === 'true') query.where('requests.letter_undelivered', true);
  if (f.undelivered === 'false') query.where('requests.letter_undelivered', false);
  // The dashboard's "waiting on us": the same statuses it sums.
  if (f.awaitingNewsroom === 'true') query.whereIn('requests.status', ['fee_requested', 'clarification_requested']);
  if (f.awaitingNewsroom === 'false') query.whereNotIn('requests.status', ['fee_requested', 'clarification_requested']);
  return query;
}

function listQuery(db: Db, organizationId: string, f: RequestFilter): Knex.QueryBuilder {
  const query = whereRequestMatches(db('requests').where('requests.organization_id', organizationId), f);
  if (f.before) query.whereRaw('(requests.created_at, requests.id) < (?::timestamptz, ?::uuid)', f.before);
  return query
    .orderBy([
      { column: 'requests.created_at', order: 'desc' },
      { column: 'requests.id', order: 'desc' },
    ])
    .limit(f.limit + 1);
}

/** Newest first; fetches limit+1 rows so the caller knows whether more follow. */
export async function listRequests(db: Db, organizationId: string, f: RequestFilter): Promise<RequestRecord[]> {
  const rows = await listQuery(db, organizationId, f).select<Row[]>(REQUEST_COLUMNS);
  return rows.map(toRequestRecord);
}

/**
 * A row of the request export (http/tabular) as the database returns it: the
 * columns the export shows and its agency's name and jurisdiction, nothing
 * else. Kept as the driver's row rather than copied into a record: a million
 * rows copied into objects that hold their values made V8 promote (and, once
 * it pretenured those objects, keep) every page until a full collection, and
 * the export's heap grew to 300 MB.
 */
export interface RequestExportRow {
  id: string;
  title: string;
  status: RequestStatus;
  request_type: string;
  tracking_number: string | null;
  submission_method: SubmissionMethod | null;
  submitted_at: Date | null;
  records_sought: string;
  date_range_start: string | null;
  date_range_end: string | null;
  /** numeric, as text from both drivers. */
  fee_limit: string | null;
  assignee_id: string | null;
  tags: string[];
  group_id: string | null;
  created_at: Date;
  agency_name: string;
  agency_jurisdiction: string;
}

const EXPORT_COLUMNS = [
  ...[
    'id',
    'title',
    'status',
    'request_type',
    'tracking_number',
    'submission_method',
    'submitted_at',
    'records_sought',
    'date_range_start',
    'date_range_end',
    'fee_limit',
    'assignee_id',
    'tags',
    'group_id',
    'created_at',
  ].map((c) => `requests.${c}`),
  'a.name as agency_name',
  'a.jurisdiction as agency_jurisdiction',
];

const withAgency = (query: Knex.QueryBuilder) =>
  query.join('agencies as a', (j) => j.on('a.id', 'requests.agency_id').andOn('a.organization_id', 'requests.organization_id'));

/** listRequests as export rows. */
export async function listRequestsForExport(db: Db, organizationId: string, f: RequestFilter): Promise<RequestExportRow[]> {
  return withAgency(listQuery(db, organizationId, f)).select<RequestExportRow[]>(EXPORT_COLUMNS);
}

/** findRequestsByIds as export rows. */
export async function findRequestsForExport(db: Db, organizationId: string, ids: string[]): Promise<RequestExportRow[]> {
  if (!ids.length) return [];
  return withAgency(db('requests').where('requests.organization_id', organizationId).whereIn('requests.id', ids)).select<
    RequestExportRow[]
  >(EXPORT_COLUMNS);
}

export interface FeeOverLimitItem {
  requestId: string;
  title: string;
  amount: number;
  currency: string;
  feeLimit: number;
  assigneeId: string | null;
}

interface FeeOverLimitRow {
  id: string;
  title: string;
  fee_over_limit_amount: string | number;
  fee_over_limit_currency: string | null;
  fee_limit: string | number;
  assignee_id: string | null;
}

const FEE_OVER_LIMIT_COLUMNS = ['id', 'title', 'fee_over_limit_amount', 'fee_over_limit_currency', 'fee_limit', 'assignee_id'];
const overLimit = (db: Db, organizationId: string) =>
  db('requests').where('organization_id', organizationId).whereNotNull('fee_over_limit_event_id');
const largestOverLimit = (db: Db, organizationId: string, limit: number) =>
  overLimit(db, organizationId)
    .orderBy([{ column: 'fee_over_limit_amount', order: 'desc' }, { column: 'id' }])
    .limit(limit)
    .select(FEE_OVER_LIMIT_COLUMNS);
const toFeeItem = (r: FeeOverLimitRow): FeeOverLimitItem => ({
  requestId: r.id,
  title: r.title,
  amount: Number(r.fee_over_limit_amount),
  currency: r.fee_over_limit_currency ?? 'USD',
  feeLimit: Number(r.fee_limit),
  assigneeId: r.assignee_id,
});

/** The newsroom's requests with an open fee estimate above their limit: a count and the first few, largest first. */
export async function feesOverLimit(db: Db, organizationId: string, limit: number): Promise<{ count: number; items: FeeOverLimitItem[] }> {
  const [counted, rows] = await Promise.all([
    overLimit(db, organizationId).count<Array<{ count: number | string }>>({ count: '*' }),
    largestOverLimit(db, organizationId, limit) as Promise<FeeOverLimitRow[]>,
  ]);
  return { count: Number(counted[0]?.count ?? 0), items: rows.map(toFeeItem) };
}

/**
 * feesOverLimit as two subqueries for a page's summary statement: the count,
 * and the first few as one JSON array, read with feeItemsOf. Amounts come
 * through JSON as numbers, exact for numeric(12,2).
 */
export function feesOverLimitSubqueries(
  db: Db,
  organizationId: string,
  limit: number,
): { count: Knex.QueryBuilder; items: Knex.QueryBuilder } {
  return {
    count: overLimit(db, organizationId).count('*'),
    items: db
      .from(largestOverLimit(db, organizationId, limit).as('f'))
      .select(db.raw(`coalesce(json_agg(f order by f.fee_over_limit_amount desc, f.id), '[]'::json)`)),
  };
}

export function feeItemsOf(value: unknown): FeeOverLimitItem[] {
  return ((value ?? []) as FeeOverLimitRow[]).map(toFeeItem);
}

/** Every request filed with an agency (drafts have no deadlines). */
export async function listFiledRequestsOfAgency(db: Db, organizationId: string, agencyId: string): Promise<RequestRecord[]> {
  const rows = await db('requests')
    .where({ 'requests.organization_id': organizationId, 'requests.agency_id': agencyId })
    .whereNotNull('requests.submitted_at')
    .orderBy('requests.id')
    .select<Row[]>(REQUEST_COLUMNS);
  return rows.map(toRequestRecord);
}

export async function findRequestsByIds(db: Db, organizationId: string, ids: string[]): Promise<RequestRecord[]> {
  if (!ids.length) return [];
  const rows = await db('requests')
    .where('requests.organization_id', organizationId)
    .whereIn('requests.id', ids)
    .select<Row[]>(REQUEST_COLUMNS);
  return rows.map(toRequestRecord);
}
