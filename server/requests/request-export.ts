import type { Db } from '../db/database';
import type { Column } from '../http/tabular';
import { findRequestsForExport, listRequestsForExport, type RequestExportRow, type RequestFilter } from './request-store';
import { overdueRequestIds } from '../monitoring/deadline-queries';

/** A request as its export row names it (its agency joined in); for the overdue list, with its earliest overdue due date. */
export type RequestRow = RequestExportRow & { overdue_since?: string };

export const REQUEST_COLUMNS: ReadonlyArray<Column<RequestRow>> = [
  { header: 'id', description: 'request id (UUID)', value: (r) => r.id },
  { header: 'title', description: 'title', value: (r) => r.title },
  { header: 'agency', description: 'agency name', value: (r) => r.agency_name },
  { header: 'jurisdiction', description: 'the agency’s jurisdiction (US, US-MN, …)', value: (r) => r.agency_jurisdiction },
  { header: 'status', description: 'request status', value: (r) => r.status },
  { header: 'request_type', description: 'request type under the law', value: (r) => r.request_type },
  { header: 'tracking_number', description: 'the agency’s tracking number', value: (r) => r.tracking_number },
  {
    header: 'submission_method',
    description: 'email, portal, mail, fax, in_person, phone or other',
    value: (r) => r.submission_method,
  },
  {
    header: 'submitted_at',
    description: 'when filed (ISO 8601, UTC); empty for a draft',
    value: (r) => r.submitted_at?.toISOString() ?? null,
  },
  { header: 'records_sought', description: 'the records asked for', value: (r) => r.records_sought },
  { header: 'date_range_start', description: 'records from (YYYY-MM-DD)', value: (r) => r.date_range_start },
  { header: 'date_range_end', description: 'records to (YYYY-MM-DD)', value: (r) => r.date_range_end },
  { header: 'fee_limit', description: 'most the newsroom will pay', value: (r) => (r.fee_limit === null ? null : Number(r.fee_limit)) },
  { header: 'assignee_id', description: 'assigned user id', value: (r) => r.assignee_id },
  { header: 'tags', description: 'tags separated by "; "', value: (r) => r.tags.join('; ') },
  { header: 'group_id', description: 'batch group id when sent to several agencies at once', value: (r) => r.group_id },
  { header: 'created_at', description: 'when drafted (ISO 8601, UTC)', value: (r) => r.created_at.toISOString() },
];

export const OVERDUE_COLUMNS: ReadonlyArray<Column<RequestRow>> = [
  ...REQUEST_COLUMNS.slice(0, 5),
  {
    header: 'overdue_since',
    description: 'the earliest overdue due date (YYYY-MM-DD, agency zone)',
    value: (r) => r.overdue_since ?? null,
  },
  ...REQUEST_COLUMNS.slice(5),
];

const PAGE = 1000;

/** Every request matching the filter, newest first, a keyset page at a time. */
export async function* requestPages(
  db: Db,
  organizationId: string,
  filter: Omit<RequestFilter, 'before' | 'limit'>,
): AsyncGenerator<RequestRow[]> {
  let before: [string, string] | undefined;
  for (;;) {
    const rows = await listRequestsForExport(db, organizationId, { ...filter, before, limit: PAGE });
    const page = rows.slice(0, PAGE);
    if (page.length) yield page;
    if (rows.length <= PAGE) return;
    const last = page[page.length - 1]!;
    before = [last.created_at.toISOString(), last.id];
  }
}

/** Every overdue request matching the filter, most overdue first, a keyset page at a time. */
export async function* overduePages(
  db: Db,
  organizationId: string,
  now: Date,
  filter: Omit<RequestFilter, 'before' | 'limit'>,
): AsyncGenerator<RequestRow[]> {
  let after: [string, string] | undefined;
  for (;;) {
    const late = await overdueRequestIds(db, organizationId, now, after, PAGE, filter);
    const page = late.slice(0, PAGE);
    if (page.length) {
      const byId = new Map<string, RequestRow>(
        (
          await findRequestsForExport(
            db,
            organizationId,
            page.map((r) => r.requestId),
          )
        ).map((r) => [r.id, r]),
      );
      yield page.flatMap((r) => {
        const row = byId.get(r.requestId);
        if (!row) return [];
        row.overdue_since = r.dueDate;
        return [row];
      });
    }
    if (late.length <= PAGE) return;
    const last = page[page.length - 1]!;
    after = [last.dueDate, last.requestId];
  }
}
