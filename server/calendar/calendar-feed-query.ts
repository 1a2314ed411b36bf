import type { Db } from '../db/database';
import { OPEN_DEADLINE_STATUSES } from '../monitoring/deadline-queries';

// Past deadlines stay in the feed a while, so an overdue one does not vanish from the calendar.
const KEEP_PAST_DAYS = 60;

/** One open deadline as a calendar feed shows it, with the request and agency it belongs to. */
export interface CalendarFeedItem {
  requestId: string;
  kind: string;
  dueDate: string;
  basis: string;
  status: string;
  statutory: boolean;
  computedAt: Date;
  title: string;
  agency: string;
}

interface Row {
  request_id: string;
  kind: string;
  due_date: string;
  basis: string;
  status: string;
  statutory: boolean;
  computed_at: Date;
  title: string;
  agency: string;
}

/**
 * The open deadlines a calendar token may see, soonest first: the newsroom's
 * (`scope` organization) or the token owner's own, from the last 60 days on.
 */
export async function calendarFeed(
  db: Db,
  owner: { organizationId: string; userId: string; scope: string | null },
  now: Date,
): Promise<CalendarFeedItem[]> {
  const q = db('deadlines as d')
    .join('requests as r', 'r.id', 'd.request_id')
    .join('agencies as a', 'a.id', 'd.agency_id')
    .where('d.organization_id', owner.organizationId)
    .whereIn('d.status', OPEN_DEADLINE_STATUSES)
    // Every zone's today is within a day of UTC's: a plain bound the index can range over.
    .where('d.due_date', '>=', new Date(now.getTime() - (KEEP_PAST_DAYS + 1) * 86400_000).toISOString().slice(0, 10))
    // A due date is a date in the agency's zone, so "60 days ago" is counted from that zone's today.
    .whereRaw('d.due_date >= (cast(? as timestamptz) at time zone d.timezone)::date - cast(? as integer)', [
      now.toISOString(),
      KEEP_PAST_DAYS,
    ]);
  if (owner.scope !== 'organization') q.where('d.assignee_id', owner.userId);
  const rows = await q
    .orderBy([{ column: 'd.due_date' }, { column: 'd.id' }])
    .limit(5000)
    .select<Row[]>(
      db.raw(
        'd.request_id, d.kind, d.due_date::text as due_date, d.basis, d.status, d.statutory, d.computed_at, r.title, a.name as agency',
      ),
    );
  return rows.map((r) => ({
    requestId: r.request_id,
    kind: r.kind,
    dueDate: r.due_date,
    basis: r.basis,
    status: r.status,
    statutory: r.statutory,
    computedAt: r.computed_at,
    title: r.title,
    agency: r.agency,
  }));
}
