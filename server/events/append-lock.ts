import { agencyFromJson, type AgencyRecord } from '../agencies/agency-store';
import type { Db } from '../db/database';
import { REQUEST_COLUMNS, toRequestRecord, type RequestRecord } from '../requests/request-store';
import { appendContextColumns, toAppendContext, type AppendContext, type AppendContextRow } from './event-store';
import { prepared } from '../db/prepared';

export interface LockedForAppend {
  request: RequestRecord;
  /** Undefined only if the request's agency is not the organization's (never, for rows this service wrote). */
  agency: AgencyRecord | undefined;
  context: AppendContext;
  /** The request row's version (`xmin`) as read, for a write that must find it unchanged (updateRequestAfter's `ifVersion`). */
  version: string;
}

/**
 * Locks a request of the organization for an append (SELECT … FOR UPDATE)
 * and reads, in the same statement, its agency and the append context (the
 * chain head, and the status- and deadline-moving history when `history`).
 * Undefined when the organization has no such request. With `lock: false`
 * it only reads, for a writer whose one statement checks the row's `version`
 * instead (see submitRequest).
 */
export async function lockForAppend(
  db: Db,
  organizationId: string,
  requestId: string,
  opts: { history: boolean; lock?: boolean },
): Promise<LockedForAppend | undefined> {
  const result = await db
    .raw(
      `select ${REQUEST_COLUMNS.join(', ')}, requests.xmin::text as row_version, row_to_json(a) as ctx_agency, ${appendContextColumns(opts.history)}
       from requests left join agencies a on a.id = requests.agency_id and a.organization_id = requests.organization_id
      where requests.id = ? and requests.organization_id = ?${opts.lock === false ? '' : '\n        for update of requests'}`,
      [requestId, organizationId],
    )
    .options(prepared('lock_for_append'));
  type Read = Parameters<typeof toRequestRecord>[0] & AppendContextRow & { ctx_agency: unknown; row_version: string };
  const row = (result.rows as Read[])[0];
  if (!row) return undefined;
  return {
    request: toRequestRecord(row),
    agency: row.ctx_agency ? agencyFromJson(row.ctx_agency as Parameters<typeof agencyFromJson>[0]) : undefined,
    context: toAppendContext(row),
    version: row.row_version,
  };
}
