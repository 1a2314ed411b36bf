import type { Db } from '../db/database';
import type { Deadline, TraceEntry } from '../deadlines';

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

const COLUMNS = ['id', 'request_id', 'kind', 'due_date', 'statutory', 'status', 'basis', 'exceeds_statute', 'statutory_due_date', 'claimed_due_date', 'satisfied_on', 'trace', 'details', 'computed_at'];

export interface DeadlineOwner {
  organizationId: string;
  requestId: string;
  agencyId: string;
  assigneeId: string | null;
  timezone: string;
}

/**
 * Replaces a request's deadlines with freshly computed ones. Rows are upserted
 * by (request, kind) so a deadline keeps its id (calendar UIDs, reminders)
 * while its date moves; kinds that no longer apply are removed.
 */
export async function replaceDeadlines(
  db: Db,
  owner: DeadlineOwner,
  deadlines: Deadline[],
  plan: (d: Deadline) => { remindBeforeOn: string | null; overdueOn: string; nextReminderOn: string | null },
  now: Date,
): Promise<void> {
  const kinds = deadlines.map((d) => d.kind);
  const del = db('deadlines').where({ request_id: owner.requestId });
  if (kinds.length) del.whereNotIn('kind', kinds);
  await del.delete();
  if (!deadlines.length) return;
  const rows = deadlines.map((d) => {
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
      ...(({ remindBeforeOn, overdueOn, nextReminderOn }) => ({ remind_before_on: remindBeforeOn, overdue_on: overdueOn, next_reminder_on: nextReminderOn }))(plan(d)),
    };
  });
  await db('deadlines')
    .insert(rows)
    .onConflict(['request_id', 'kind'])
    .merge([
      'agency_id', 'assignee_id', 'timezone', 'due_date', 'statutory', 'status', 'basis', 'exceeds_statute',
      'statutory_due_date', 'claimed_due_date', 'satisfied_on', 'trace', 'details', 'computed_at',
      'remind_before_on', 'overdue_on', 'next_reminder_on',
    ]);
}

export async function listDeadlinesOfRequest(db: Db, organizationId: string, requestId: string): Promise<StoredDeadline[]> {
  const rows = await db('deadlines')
    .where({ organization_id: organizationId, request_id: requestId })
    .orderBy([{ column: 'due_date' }, { column: 'kind' }])
    .select<Row[]>(COLUMNS);
  return rows.map(toRecord);
}
