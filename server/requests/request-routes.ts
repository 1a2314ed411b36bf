import { z } from 'zod';
import { findAgenciesByIds, findAgency } from '../agencies/agency-store';
import { READER_ROLES, WRITER_ROLES } from '../auth/caller';
import { AppealBody, appealRequest } from './appeal-service';
import type { ApiRouter } from '../http/api-router';
import { decodeCursor, pageOf } from '../http/cursor';
import { notFound } from '../errors/problem';
import { IdParams, page } from '../http/schemas';
import { listLetterTemplates } from '../letters';
import { listDeadlinesOfRequest } from '../request-deadlines/deadline-store';
import { previewLetter } from './letter-preview';
import {
  PreviewBody,
  RequestBatchCreate,
  RequestCreate,
  RequestListItem,
  RequestListQuery,
  RequestPatch,
  RequestView,
  SubmitBody,
} from './request-schemas';
import { createRequest, createRequestBatch, patchDraft } from './request-service';
import { findRequest, findRequestsByIds, listRequests, type RequestRecord } from './request-store';
import { nextDeadlines, overdueRequestIds } from '../monitoring/deadline-queries';
import { deadlineView } from '../request-deadlines/deadline-view';
import { requestView } from './request-view';
import { resubmitRequest, submitRequest, type Filed } from './submit-service';
import type { Db } from '../db/database';
import type { AppDeps } from '../deps';
import { describeColumns, streamTable, TABLE_CONTENT, tableFormat } from '../http/tabular';
import { OVERDUE_COLUMNS, overduePages, REQUEST_COLUMNS, requestPages } from './request-export';

const readers = { roles: READER_ROLES } as const;
const writers = { roles: WRITER_ROLES } as const;

const RequestWithDeadlines = RequestView.extend({ deadlines: z.array(z.record(z.string(), z.unknown())) }).meta({
  id: 'RequestWithDeadlines',
});
const LetterTemplate = z
  .object({
    id: z.string(),
    name: z.string(),
    purpose: z.string(),
    description: z.string(),
    jurisdictions: z.union([z.array(z.string()), z.literal('any')]),
  })
  .catchall(z.unknown())
  .meta({ id: 'LetterTemplate' });

async function viewsOf(db: Db, deps: AppDeps, organizationId: string, requests: RequestRecord[]) {
  const agencies = await findAgenciesByIds(
    db,
    organizationId,
    requests.map((r) => r.agencyId),
  );
  return requests.map((r) => requestView(r, agencies.get(r.agencyId)!, deps.config.inboundAddress));
}

/** List rows: each request with its soonest running deadline. */
async function listViewsOf(db: Db, deps: AppDeps, organizationId: string, requests: RequestRecord[]) {
  const [views, next] = await Promise.all([
    viewsOf(db, deps, organizationId, requests),
    nextDeadlines(
      db,
      organizationId,
      requests.map((r) => r.id),
      deps.clock(),
    ),
  ]);
  return views.map((v) => ({ ...v, nextDeadline: next.get(v.id) ?? null }));
}

async function fullView(db: Db, deps: AppDeps, request: RequestRecord) {
  const [view] = await viewsOf(db, deps, request.organizationId, [request]);
  const deadlines = await listDeadlinesOfRequest(db, request.organizationId, request.id);
  return { ...view!, deadlines: deadlines.map(deadlineView) };
}

/** A filing's answer, from what the filing already has in hand. */
function filedView(deps: AppDeps, filed: Filed) {
  return { ...requestView(filed.request, filed.agency, deps.config.inboundAddress), deadlines: filed.deadlines.map(deadlineView) };
}

export function requestRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/requests',
    summary: 'Draft a records request; the letter is written from the agency’s law',
    tags: ['Requests'],
    access: writers,
    idempotent: true,
    body: RequestCreate,
    responses: { 201: { description: 'The draft with its letter', schema: RequestWithDeadlines } },
    handler: async ({ caller, db, body, deps }) => {
      const request = await createRequest(db, caller, body, deps.clock());
      return { status: 201, body: await fullView(db, deps, request), headers: { Location: `/v1/requests/${request.id}` } };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/requests/batch',
    summary: 'Draft the same request to several agencies, each under its own law',
    tags: ['Requests'],
    access: writers,
    idempotent: true,
    body: RequestBatchCreate,
    responses: { 201: { description: 'The linked drafts', schema: z.object({ groupId: z.uuid(), items: z.array(RequestView) }) } },
    handler: async ({ caller, db, body, deps }) => {
      const { groupId, items } = await createRequestBatch(db, caller, body, deps.clock());
      return { status: 201, body: { groupId, items: await viewsOf(db, deps, caller.organizationId, items) } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/requests',
    summary: 'List the newsroom’s requests, newest first',
    description:
      '`?format=csv` (or `Accept: text/csv`) and `?format=xlsx` stream every matching request as a spreadsheet. ' +
      `Columns: ${describeColumns(REQUEST_COLUMNS)}. With \`overdue=true\` an \`overdue_since\` column follows \`status\`.`,
    tags: ['Requests'],
    access: readers,
    query: RequestListQuery,
    responses: { 200: { description: 'A page of requests', schema: page(RequestListItem, 'RequestPage'), alternatives: TABLE_CONTENT } },
    handler: async ({ caller, db, query, deps, req, res }) => {
      const table = tableFormat(req, query.format);
      if (table) {
        const { limit: _limit, cursor: _cursor, format: _format, overdue, ...filter } = query;
        if (overdue === 'true') {
          await streamTable(res, table, 'overdue-requests', OVERDUE_COLUMNS, overduePages(db, caller.organizationId, deps.clock(), filter));
        } else {
          await streamTable(res, table, 'requests', REQUEST_COLUMNS, requestPages(db, caller.organizationId, filter));
        }
        return undefined;
      }
      if (query.overdue === 'true') {
        const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
        const late = await overdueRequestIds(db, caller.organizationId, deps.clock(), after, query.limit, query);
        const page = pageOf(late, query.limit, (r) => [r.dueDate, r.requestId]);
        const byId = new Map(
          (
            await findRequestsByIds(
              db,
              caller.organizationId,
              page.items.map((r) => r.requestId),
            )
          ).map((r) => [r.id, r]),
        );
        const ordered = page.items.map((r) => byId.get(r.requestId)).filter((r): r is RequestRecord => !!r);
        return { status: 200, body: { items: await listViewsOf(db, deps, caller.organizationId, ordered), nextCursor: page.nextCursor } };
      }
      const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
      const rows = await listRequests(db, caller.organizationId, { ...query, before, limit: query.limit });
      const { items, nextCursor } = pageOf(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
      return { status: 200, body: { items: await listViewsOf(db, deps, caller.organizationId, items), nextCursor } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/requests/{id}',
    summary: 'Read a request with its deadlines',
    tags: ['Requests'],
    access: readers,
    params: IdParams,
    responses: { 200: { description: 'The request', schema: RequestWithDeadlines } },
    handler: async ({ caller, db, params, deps }) => {
      const request = await findRequest(db, caller.organizationId, params.id);
      if (!request) throw notFound('request');
      return { status: 200, body: await fullView(db, deps, request) };
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/requests/{id}',
    summary: 'Change a draft (the letter is re-written unless edited by hand); after submission, only assigneeId and tags',
    tags: ['Requests'],
    access: writers,
    params: IdParams,
    body: RequestPatch,
    responses: { 200: { description: 'The draft', schema: RequestWithDeadlines }, 409: { description: 'Not a draft any more' } },
    handler: async ({ caller, db, params, body, deps }) => {
      const request = await patchDraft(db, caller, params.id, body, deps.clock());
      return { status: 200, body: await fullView(db, deps, request) };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/requests/{id}/submit',
    summary: 'Send a draft by email, or record that it was filed another way',
    description:
      'Email goes to the agency’s records address with a per-request reply address, through the outbox: the send job commits with the status change. Deadlines are computed and stored.',
    tags: ['Requests'],
    access: writers,
    idempotent: true,
    params: IdParams,
    body: SubmitBody,
    responses: {
      200: { description: 'The submitted request', schema: RequestWithDeadlines },
      409: { description: 'Already submitted, or no records email' },
    },
    handler: async ({ caller, db, params, body, deps }) => {
      return { status: 200, body: filedView(deps, await submitRequest(db, deps, caller, params.id, body)) };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/requests/{id}/resubmit',
    summary: 'File the letter again after its email failed for good',
    description:
      'Only for a request whose letter was reported undelivered (`submission.delivery.letterUndelivered`) and that the agency has not answered. ' +
      'By email the letter goes to the agency’s records address as it is now, so correct the agency first; other methods record how it was filed. ' +
      'A second `submitted` event enters the history and the deadlines count from the new filing.',
    tags: ['Requests'],
    access: writers,
    idempotent: true,
    params: IdParams,
    body: SubmitBody,
    responses: {
      200: { description: 'The request, filed again', schema: RequestWithDeadlines },
      409: { description: 'The letter was not reported undelivered, the agency has answered, or no records email' },
    },
    handler: async ({ caller, db, params, body, deps }) => {
      return { status: 200, body: filedView(deps, await resubmitRequest(db, deps, caller, params.id, body)) };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/requests/{id}/appeal',
    summary: 'Draft an appeal, then send it by email (as edited) or record one filed elsewhere',
    description:
      '`draft` renders the appeal from the law’s template (nothing is stored); `send` emails it, with the subject and text as edited, ' +
      'to the agency’s appeal address (its records address when it has none); `record` logs an appeal filed another way. ' +
      'Send and record log `appeal_filed`, which starts the appeal-decision clock; only a decided request (denied, no records, ' +
      'partly or fully released) can be appealed. Idempotent with Idempotency-Key, like submit.',
    tags: ['Requests'],
    access: writers,
    idempotent: true,
    params: IdParams,
    body: AppealBody,
    responses: {
      200: {
        description: 'The draft, or the request as appealed',
        schema: z
          .object({
            draft: z.object({ subject: z.string(), body: z.string() }).nullable(),
            request: RequestWithDeadlines.nullable(),
          })
          .meta({ id: 'AppealOutcome' }),
      },
      409: { description: 'The request cannot be appealed now, or the agency has no email address' },
    },
    handler: async ({ caller, db, params, body, deps }) => {
      const result = await appealRequest(db, deps, caller, params.id, body);
      if (result.kind === 'draft') return { status: 200, body: { draft: { subject: result.subject, body: result.body }, request: null } };
      return { status: 200, body: { draft: null, request: await fullView(db, deps, result.request) } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/templates',
    summary: 'Letter templates',
    tags: ['Requests'],
    access: readers,
    responses: { 200: { description: 'Templates', schema: z.object({ items: z.array(LetterTemplate) }) } },
    handler: async () => ({ status: 200, body: { items: listLetterTemplates() } }),
  });

  api.route({
    method: 'post',
    path: '/v1/requests/{id}/letters/preview',
    summary: 'Render any template for a request without saving (follow-up, appeal, …)',
    tags: ['Requests'],
    access: readers,
    params: IdParams,
    body: PreviewBody,
    responses: { 200: { description: 'The letter', schema: z.object({ templateId: z.string(), subject: z.string(), body: z.string() }) } },
    handler: async ({ caller, db, params, body, deps }) => {
      const request = await findRequest(db, caller.organizationId, params.id);
      if (!request) throw notFound('request');
      const agency = await findAgency(db, caller.organizationId, request.agencyId);
      if (!agency) throw notFound('agency');
      return { status: 200, body: await previewLetter(db, request, agency, body.templateId, deps.clock()) };
    },
  });
}
