import type { Knex } from 'knex';
import type { Db } from '../db/database';
import type { StatementPrefix } from '../db/statement-prefix';
import type { Deadline, TraceEntry } from '../deadlines';
import { REQUESTER_WINDOWS_SQL } from './requester-windows';
import { prepared } from '../db/prepared';

export interface StoredDeadline {
  id: string;
  requestId: string;
  kind: string;
  dueDate: string;
  statutory: boolean;
  status: string;
  basis: string;
  exceedsStatute: boolean;
  statutoryDueDate: string | null;
  claimedDueDate: string | null;
  satisfiedOn: string | null;
  trace: TraceEntry[];
  details: Record<string, unknown>;
  computedAt: Date;
}

interface Row {
  id: string;
  request_id: string;
  kind: string;
  due_date: string;
  statutory: boolean;
  status: string;
  basis: string;
  exceeds_statute: boolean;
  statutory_due_date: string | null;
  claimed_due_date: string | null;
  satisfied_on: string | null;
  trace: TraceEntry[];
  details: Record<string, unknown>;
  computed_at: Date;
}

const toRecord = (r: Row): StoredDeadline => ({
  id: r.id,
  requestId: r.request_id,
  kind: r.kind,
  dueDate: r.due_date,
  statutory: r.statutory,
  status: r.status,
  basis: r.basis,
  exceedsStatute: r.exceeds_statute,
  statutoryDueDate: r.statutory_due_date,
  claimedDueDate: r.claimed_due_date,
  satisfiedOn: r.satisfied_on,
  trace: r.trace,
  details: r.details,
  computedAt: r.computed_at,
});

const COLUMNS = [
  'id',
  'request_id',
  'kind',
  'due_date',
  'statutory',
  'status',
  'basis',
  'exceeds_statute',
  'statutory_due_date',
  'claimed_due_date',
  'satisfied_on',
  'trace',
  'details',
  'computed_at',
];

export interface DeadlineOwner {
  organizationId: string;
  requestId: string;
  agencyId: string;
  assigneeId: string | null;
  timezone: string;
}

/** A request's freshly computed deadlines and when to remind of each, for its owner. */
export interface NewDeadlines {
  owner: DeadlineOwner;
  deadlines: Deadline[];
  plan: (d: Deadline) => ReminderDates;
}

export interface ReminderDates {
  remindBeforeOn: string | null;
  overdueOn: string;
  nextReminderOn: string | null;
}

/** The row of one computed deadline: the one mapping replaceDeadlines and insertDeadlines both write. */
function deadlineRow(owner: DeadlineOwner, d: Deadline, reminders: ReminderDates, now: Date): Record<string, unknown> {
  const { kind, dueDate, statutory, status, basis, exceedsStatute, statutoryDueDate, claimedDueDate, satisfiedBy, trace, ...rest } = d;
  return {
    organization_id: owner.organizationId,
    request_id: owner.requestId,
    agency_id: owner.agencyId,
    assignee_id: owner.assigneeId,
    timezone: owner.timezone,
    kind,
    due_date: dueDate,
    statutory,
    status,
    basis,
    exceeds_statute: exceedsStatute ?? false,
    statutory_due_date: statutoryDueDate ?? null,
    claimed_due_date: claimedDueDate ?? null,
    satisfied_on: satisfiedBy?.date ?? null,
    trace: JSON.stringify(trace),
    details: JSON.stringify({ ...rest, ...(satisfiedBy ? { satisfiedBy } : {}) }),
    computed_at: now,
    remind_before_on: reminders.remindBeforeOn,
    overdue_on: reminders.overdueOn,
    next_reminder_on: reminders.nextReminderOn,
  };
}

/**
 * Replaces a request's deadlines with freshly computed ones, in one
 * statement, and returns them as stored (soonest first). Rows are upserted by
 * (request, kind) so a deadline keeps its id (calendar UIDs, reminders) while
 * its date moves; kinds that no longer apply are removed.
 */
export async function replaceDeadlines(
  db: Db,
  owner: DeadlineOwner,
  deadlines: Deadline[],
  plan: (d: Deadline) => ReminderDates,
  now: Date,
): Promise<StoredDeadline[]> {
  const { del, upsert } = replacement(db, owner, deadlines, plan, now);
  if (!upsert) {
    await del;
    return [];
  }
  // Both in one statement: they touch different kinds, so neither sees the other's rows.
  const result = await db
    .raw('with gone as (?), kept as (?) select * from kept order by due_date, kind', [del, upsert])
    .options(prepared('replace_deadlines'));
  return (result.rows as Row[]).map(toRecord);
}

/**
 * replaceDeadlines as the first part of a statement another store ends (see
 * db/statement-prefix.ts; the update of the request whose deadlines they
 * are): its `deadlines` result is the deadlines as stored, for
 * deadlinesStored.
 */
export function replaceDeadlinesPrefix(
  db: Db,
  owner: DeadlineOwner,
  deadlines: Deadline[],
  plan: (d: Deadline) => ReminderDates,
  now: Date,
): StatementPrefix {
  const { del, upsert } = replacement(db, owner, deadlines, plan, now);
  if (!upsert) return { sql: 'gone as (?)', bindings: [del], results: { deadlines: `'[]'::json` } };
  return {
    sql: 'gone as (?), kept as (?)',
    bindings: [del, upsert],
    results: { deadlines: `(select coalesce(json_agg(kept order by due_date, kind), '[]'::json) from kept)` },
  };
}

/** The deadlines a statement of replaceDeadlinesPrefix stored, soonest first, from its `deadlines` result. */
export function deadlinesStored(result: unknown): StoredDeadline[] {
  // As JSON its one timestamp is text; its dates are the same text as the driver gives.
  const rows = (typeof result === 'string' ? JSON.parse(result) : result) as Array<Omit<Row, 'computed_at'> & { computed_at: string }>;
  return rows.map((r) => toRecord({ ...r, computed_at: new Date(r.computed_at) }));
}

/** The two writes of a replacement: the kinds that no longer apply removed, the rest upserted (none: only the removal). */
function replacement(
  db: Db,
  owner: DeadlineOwner,
  deadlines: Deadline[],
  plan: (d: Deadline) => ReminderDates,
  now: Date,
): { del: Knex.QueryBuilder; upsert: Knex.QueryBuilder | undefined } {
  const kinds = deadlines.map((d) => d.kind);
  const del = db('deadlines').where({ request_id: owner.requestId });
  if (kinds.length) del.whereNotIn('kind', kinds);
  if (!deadlines.length) return { del: del.delete(), upsert: undefined };
  const rows = deadlines.map((d) => deadlineRow(owner, d, plan(d), now));
  const upsert = db('deadlines')
    .insert(rows)
    .onConflict(['request_id', 'kind'])
    .merge([
      'agency_id',
      'assignee_id',
      'timezone',
      'due_date',
      'statutory',
      'status',
      'basis',
      'exceeds_statute',
      'statutory_due_date',
      'claimed_due_date',
      'satisfied_on',
      'trace',
      'details',
      'computed_at',
      'remind_before_on',
      'overdue_on',
      'next_reminder_on',
    ])
    .returning(COLUMNS);
  return { del: del.delete(), upsert };
}

/** Deadlines to a statement in insertDeadlines: 20 bound values each. */
const INSERT_BATCH = 1000;

/**
 * Stores the first deadlines of requests that have none yet (a bulk import),
 * many requests to a statement: the rows replaceDeadlines would write for each.
 * A request that already has a deadline of a kind fails the statement.
 */
export async function insertDeadlines(db: Db, planned: readonly NewDeadlines[], now: Date): Promise<number> {
  const rows = planned.flatMap((p) => p.deadlines.map((d) => deadlineRow(p.owner, d, p.plan(d), now)));
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await db('deadlines').insert(rows.slice(i, i + INSERT_BATCH));
  return rows.length;
}

export async function listDeadlinesOfRequest(db: Db, organizationId: string, requestId: string): Promise<StoredDeadline[]> {
  const rows = await db('deadlines')
    .where({ organization_id: organizationId, request_id: requestId })
    .orderBy([{ column: 'due_date' }, { column: 'kind' }])
    .select<Row[]>(COLUMNS);
  return rows.map(toRecord);
}

/** A letter the agency never got has nothing to remind of until it is filed again. */
export async function suspendReminders(db: Db, requestId: string): Promise<void> {
  await db('deadlines').where({ request_id: requestId }).update({ next_reminder_on: null });
}

export interface ReplannedReminders {
  id: string;
  remindBeforeOn: string | null;
  overdueOn: string;
  nextReminderOn: string | null;
}

/** Stores new reminder dates for deadlines by id, 500 to a statement. */
export async function replanReminders(db: Db, plans: readonly ReplannedReminders[]): Promise<void> {
  const updates = plans.map((p) => [p.id, p.remindBeforeOn, p.overdueOn, p.nextReminderOn]);
  for (let i = 0; i < updates.length; i += 500) {
    const chunk = updates.slice(i, i + 500);
    await db.raw(
      `update deadlines d set remind_before_on = v.before::date, overdue_on = v.overdue::date, next_reminder_on = v.next::date
         from (values ${chunk.map(() => '(?::uuid, ?::text, ?::text, ?::text)').join(', ')}) as v(id, before, overdue, next)
        where d.id = v.id`,
      chunk.flat(),
    );
  }
}

export type ReminderKind = 'before' | 'due' | 'overdue';

/** A deadline whose reminder has come, and which one: `lapsed` is a requester window past its date, which reminds nobody. */
export interface DueReminder {
  requestId: string;
  organizationId: string;
  kind: string;
  dueDate: string;
  statutory: boolean;
  assigneeId: string | null;
  reminderKind: ReminderKind | 'lapsed';
}

/**
 * One set-based statement per batch of deadlines whose next reminder has come
 * (in each agency's zone, at the newsroom's reminder hour): picks the reminder
 * each calls for (the latest due, so a late sweep never sends stale news) and
 * advances next_reminder_on past it. Rows another sweeper holds are skipped;
 * the caller logs what is returned in the same transaction.
 */
const ADVANCE_BATCH = `
with due as (
  select d.id, d.organization_id, d.request_id, d.kind, d.due_date, d.overdue_on, d.statutory, d.assignee_id,
         (l.local_ts)::date as today
    from deadlines d
    join organizations o on o.id = d.organization_id
    cross join lateral (select (cast(:now as timestamptz) at time zone d.timezone) as local_ts) l
   where d.next_reminder_on <= cast(:bound as date)
     and d.status = 'open'
     and l.local_ts >= d.next_reminder_on + make_interval(hours => coalesce((o.settings->>'reminderHour')::int, 8))
   order by d.next_reminder_on, d.id
   limit :batch
   for update of d skip locked
), plan as (
  select due.*, case when kind in ${REQUESTER_WINDOWS_SQL} and due_date < today then 'lapsed'
                     when overdue_on <= today then 'overdue' when due_date <= today then 'due' else 'before' end as reminder_kind
    from due
)
update deadlines d
   set next_reminder_on = case p.reminder_kind
                            when 'overdue' then null
                            when 'lapsed' then null
                            -- a requester window is not late the day after: nothing to chase
                            when 'due' then case when p.kind in ${REQUESTER_WINDOWS_SQL} then null else p.overdue_on end
                            else p.due_date end
  from plan p where d.id = p.id
returning p.request_id, p.organization_id, p.kind, p.due_date::text as due_date, p.statutory, p.assignee_id, p.reminder_kind`;

export async function advanceDueReminders(db: Db, now: Date, bound: string, batch: number): Promise<DueReminder[]> {
  const result = await db.raw(ADVANCE_BATCH, { now, bound, batch });
  return (
    result.rows as Array<{
      request_id: string;
      organization_id: string;
      kind: string;
      due_date: string;
      statutory: boolean;
      assignee_id: string | null;
      reminder_kind: DueReminder['reminderKind'];
    }>
  ).map((r) => ({
    requestId: r.request_id,
    organizationId: r.organization_id,
    kind: r.kind,
    dueDate: r.due_date,
    statutory: r.statutory,
    assigneeId: r.assignee_id,
    reminderKind: r.reminder_kind,
  }));
}
