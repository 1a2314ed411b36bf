import type { Db } from '../db/database';
import { type Column, keysetPages } from '../http/tabular';
import { type DeadlineFilter, type DeadlineItem, listDeadlines } from './deadline-queries';

export const DEADLINE_COLUMNS: ReadonlyArray<Column<DeadlineItem>> = [
  { header: 'deadline_id', description: 'deadline id', value: (d) => d.id },
  { header: 'kind', description: 'response, acknowledgment, appeal, …', value: (d) => d.kind },
  { header: 'due_date', description: 'due date (YYYY-MM-DD, agency zone)', value: (d) => d.dueDate },
  { header: 'status', description: 'open, tolled, met, missed, superseded', value: (d) => d.status },
  {
    header: 'business_days_left',
    description: 'business days from today to the due date; negative when overdue',
    value: (d) => d.businessDaysLeft,
  },
  { header: 'statutory', description: 'true when the law sets the date, false for a newsroom target', value: (d) => d.statutory },
  { header: 'exceeds_statute', description: 'the agency claimed more time than the law allows', value: (d) => d.exceedsStatute },
  { header: 'basis', description: 'the law and clause that produced the date', value: (d) => d.basis },
  { header: 'request_id', description: 'request id', value: (d) => d.request.id },
  { header: 'request_title', description: 'request title', value: (d) => d.request.title },
  { header: 'request_status', description: 'request status', value: (d) => d.request.status },
  { header: 'agency', description: 'agency name', value: (d) => d.request.agency.name },
  { header: 'jurisdiction', description: 'the agency’s jurisdiction', value: (d) => d.request.agency.jurisdiction },
  { header: 'assignee', description: 'assignee name', value: (d) => d.request.assignee?.name ?? null },
];

/** Every deadline matching the filter, soonest first, a keyset page at a time. */
export function deadlinePages(db: Db, organizationId: string, filter: Omit<DeadlineFilter, 'after' | 'limit'>, now: Date) {
  const size = 1000;
  return keysetPages<DeadlineItem, [string, string]>(
    size,
    (after) => listDeadlines(db, organizationId, { ...filter, after, limit: size }, now),
    (d) => [d.dueDate, d.id],
  );
}
