import type { Db } from '../db/database';
import { type Column, keysetPages } from '../http/tabular';
import { type DeadlineExportRow, type DeadlineFilter, listDeadlinesForExport } from './deadline-queries';

export const DEADLINE_COLUMNS: ReadonlyArray<Column<DeadlineExportRow>> = [
  { header: 'deadline_id', description: 'deadline id', value: (d) => d.id },
  { header: 'kind', description: 'response, acknowledgment, appeal, …', value: (d) => d.kind },
  { header: 'due_date', description: 'due date (YYYY-MM-DD, agency zone)', value: (d) => d.due_date },
  { header: 'status', description: 'open, tolled, met, missed, superseded', value: (d) => d.status },
  {
    header: 'business_days_left',
    description: 'business days from today to the due date; negative when overdue',
    value: (d) => d.business_days_left,
  },
  { header: 'statutory', description: 'true when the law sets the date, false for a newsroom target', value: (d) => d.statutory },
  { header: 'exceeds_statute', description: 'the agency claimed more time than the law allows', value: (d) => d.exceeds_statute },
  { header: 'basis', description: 'the law and clause that produced the date', value: (d) => d.basis },
  { header: 'request_id', description: 'request id', value: (d) => d.request_id },
  { header: 'request_title', description: 'request title', value: (d) => d.title },
  { header: 'request_status', description: 'request status', value: (d) => d.request_status },
  { header: 'agency', description: 'agency name', value: (d) => d.agency_name },
  { header: 'jurisdiction', description: 'the agency’s jurisdiction', value: (d) => d.jurisdiction },
  { header: 'assignee', description: 'assignee name', value: (d) => (d.assignee_id ? (d.assignee_name ?? '') : null) },
];

/** Every deadline matching the filter, soonest first, a keyset page at a time. */
export function deadlinePages(db: Db, organizationId: string, filter: Omit<DeadlineFilter, 'after' | 'limit'>, now: Date) {
  const size = 1000;
  return keysetPages<DeadlineExportRow, [string, string]>(
    size,
    (after) => listDeadlinesForExport(db, organizationId, { ...filter, after, limit: size }, now),
    (d) => [d.due_date, d.id],
  );
}
