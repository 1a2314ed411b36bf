import { agencyCalendar, type AgencyCalendarFields } from '../agencies/agency-calendar';
import { reminderDates } from '../deadlines';
import type { Db } from '../db/database';
import { loadSettings, type OrganizationSettings } from '../organizations/organization-settings';

export interface CalendarOf extends AgencyCalendarFields {
  jurisdiction: string;
}

export interface ReminderPlan {
  remindBeforeOn: string | null;
  overdueOn: string;
  /** First reminder still to handle; null for deadlines that need none (met, tolled, superseded). */
  nextReminderOn: string | null;
}

/**
 * When to remind about a deadline on the agency's calendar: `leadDays`
 * business days before, on the day, and on the first business day overdue.
 */
export function planReminders(agency: CalendarOf, deadline: { dueDate: string; status: string }, leadDays: number): ReminderPlan {
  const { before, firstOverdue } = reminderDates(agency.jurisdiction, agencyCalendar(agency), deadline.dueDate, leadDays);
  const remindBeforeOn = leadDays > 0 ? before : null;
  return {
    remindBeforeOn,
    overdueOn: firstOverdue,
    nextReminderOn: deadline.status === 'open' ? (remindBeforeOn ?? deadline.dueDate) : null,
  };
}

/** The newsroom's settings, read on first use and then kept, for a caller that may need them more than once. */
export function newsroomSettings(db: Db, organizationId: string): () => Promise<OrganizationSettings> {
  let settings: Promise<OrganizationSettings> | undefined;
  return () => (settings ??= loadSettings(db, organizationId));
}

/** The assignee's lead days, or the newsroom's default. */
export async function leadDaysFor(db: Db, assigneeId: string | null, newsroom: () => Promise<OrganizationSettings>): Promise<number> {
  if (assigneeId) {
    const user = await db('users').where({ id: assigneeId }).first<{ reminder_lead_days: number | null } | undefined>('reminder_lead_days');
    if (user?.reminder_lead_days !== null && user?.reminder_lead_days !== undefined) return user.reminder_lead_days;
  }
  return (await newsroom()).reminderLeadDays;
}

/** leadDaysFor, each assignee read once: for a writer that plans many requests' reminders at once. */
export function leadDaysByAssignee(db: Db, newsroom: () => Promise<OrganizationSettings>): (assigneeId: string | null) => Promise<number> {
  const known = new Map<string, Promise<number>>();
  return (assigneeId) => {
    const key = assigneeId ?? '';
    let days = known.get(key);
    if (!days) {
      days = leadDaysFor(db, assigneeId, newsroom);
      known.set(key, days);
    }
    return days;
  };
}
