import { findAgenciesByIds } from '../agencies/agency-store';
import type { Db } from '../db/database';
import type { Column } from '../http/tabular';
import { findRequestsForExport, listRequestsForExport, type RequestExportRecord, type RequestFilter } from './request-store';
import { overdueRequestIds } from '../monitoring/deadline-queries';

/** A request with what its export row names: the agency, and for the overdue list the earliest overdue due date. */
export interface RequestRow {
  request: RequestExportRecord;
  agency: { name: string; jurisdiction: string; timezone: string };
  overdueSince?: string;
}

export const REQUEST_COLUMNS: ReadonlyArray<Column<RequestRow>> = [
  { header: 'id', description: 'request id (UUID)', value: (r) => r.request.id },
  { header: 'title', description: 'title', value: (r) => r.request.title },
  { header: 'agency', description: 'agency name', value: (r) => r.agency.name },
  { header: 'jurisdiction', description: 'the agency’s jurisdiction (US, US-MN, …)', value: (r) => r.agency.jurisdiction },
  { header: 'status', description: 'request status', value: (r) => r.request.status },
  { header: 'request_type', description: 'request type under the law', value: (r) => r.request.requestType },
  { header: 'tracking_number', description: 'the agency’s tracking number', value: (r) => r.request.trackingNumber },
  {
    header: 'submission_method',
    description: 'email, portal, mail, fax, in_person, phone or other',
    value: (r) => r.request.submissionMethod,
  },
  {
    header: 'submitted_at',
    description: 'when filed (ISO 8601, UTC); empty for a draft',
    value: (r) => r.request.submittedAt?.toISOString() ?? null,
  },
  { header: 'records_sought', description: 'the records asked for', value: (r) => r.request.recordsSought },
  { header: 'date_range_start', description: 'records from (YYYY-MM-DD)', value: (r) => r.request.dateRangeStart },
  { header: 'date_range_end', description: 'records to (YYYY-MM-DD)', value: (r) => r.request.dateRangeEnd },
  { header: 'fee_limit', description: 'most the newsroom will pay', value: (r) => r.request.feeLimit },
  { header: 'assignee_id', description: 'assigned user id', value: (r) => r.request.assigneeId },
  { header: 'tags', description: 'tags separated by "; "', value: (r) => r.request.tags.join('; ') },
  { header: 'group_id', description: 'batch group id when sent to several agencies at once', value: (r) => r.request.groupId },
  { header: 'created_at', description: 'when drafted (ISO 8601, UTC)', value: (r) => r.request.createdAt.toISOString() },
];

export const OVERDUE_COLUMNS: ReadonlyArray<Column<RequestRow>> = [
  ...REQUEST_COLUMNS.slice(0, 5),
  { header: 'overdue_since', description: 'the earliest overdue due date (YYYY-MM-DD, agency zone)', value: (r) => r.overdueSince ?? null },
  ...REQUEST_COLUMNS.slice(5),
];

const PAGE = 1000;

async function withAgencies(db: Db, organizationId: string, requests: RequestExportRecord[]): Promise<RequestRow[]> {
  const agencies = await findAgenciesByIds(
    db,
    organizationId,
    requests.map((r) => r.agencyId),
  );
  return requests.map((request) => {
    const a = agencies.get(request.agencyId)!;
    return { request, agency: { name: a.name, jurisdiction: a.jurisdiction, timezone: a.timezone } };
  });
}

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
    if (page.length) yield await withAgencies(db, organizationId, page);
    if (rows.length <= PAGE) return;
    const last = page[page.length - 1]!;
    before = [last.createdAt.toISOString(), last.id];
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
      const byId = new Map(
        (
          await findRequestsForExport(
            db,
            organizationId,
            page.map((r) => r.requestId),
          )
        ).map((r) => [r.id, r]),
      );
      const ordered = page.flatMap((r) => {
        const request = byId.get(r.requestId);
        return request ? [{ request, dueDate: r.dueDate }] : [];
      });
      const rows = await withAgencies(
        db,
        organizationId,
        ordered.map((o) => o.request),
      );
      yield rows.map((row, i) => ({ ...row, overdueSince: ordered[i]!.dueDate }));
    }
    if (late.length <= PAGE) return;
    const last = page[page.length - 1]!;
    after = [last.dueDate, last.requestId];
  }
}
