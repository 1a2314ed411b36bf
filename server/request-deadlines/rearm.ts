import { agencyCalendarOfRow } from '../agencies/agency-calendar';
import type { Db } from '../db/database';
import { replanReminders, type ReplannedReminders } from './deadline-store';
import { leadDaysFor, newsroomSettings, planReminders } from './reminder-plan';

/**
 * Re-plans the reminders of open deadlines after lead days change (for one
 * assignee, or a whole newsroom). Reminders already sent stay sent: the log
 * still holds their keys.
 */
export async function rearmReminders(db: Db, organizationId: string, assigneeId?: string): Promise<number> {
  const q = db('deadlines as d')
    .join('agencies as a', 'a.id', 'd.agency_id')
    .join('requests as r', 'r.id', 'd.request_id')
    .where('d.organization_id', organizationId)
    .where('d.status', 'open')
    // A letter the agency never got has nothing to remind of until it is filed again.
    .where('r.letter_undelivered', false);
  if (assigneeId) q.where('d.assignee_id', assigneeId);
  const rows = await q.select<
    Array<{
      id: string;
      due_date: string;
      status: string;
      assignee_id: string | null;
      jurisdiction: string;
      closures: Array<{ date: string; name?: string }>;
      optional_holidays: string[];
      worked_holidays: string[];
    }>
  >(
    db.raw(
      'd.id, d.due_date::text as due_date, d.status, d.assignee_id, a.jurisdiction, a.closures, a.optional_holidays, a.worked_holidays',
    ),
  );
  const newsroom = newsroomSettings(db, organizationId);
  const leads = new Map<string, number>();
  const updates: ReplannedReminders[] = [];
  for (const r of rows) {
    const key = r.assignee_id ?? '';
    if (!leads.has(key)) leads.set(key, await leadDaysFor(db, r.assignee_id, newsroom));
    const plan = planReminders(
      { jurisdiction: r.jurisdiction, ...agencyCalendarOfRow(r) },
      { dueDate: r.due_date, status: r.status },
      leads.get(key)!,
    );
    updates.push({ id: r.id, ...plan });
  }
  await replanReminders(db, updates);
  return updates.length;
}
