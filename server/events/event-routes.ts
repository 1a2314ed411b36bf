import { z } from 'zod';
import { READER_ROLES, WRITER_ROLES } from '../auth/caller';
import { listEvents } from './event-store';
import type { ApiRouter } from '../http/api-router';
import { decodeCursor, pageOf } from '../http/cursor';
import { notFound, validationProblem } from '../errors/problem';
import { IdParams } from '../http/schemas';
import { listDeadlinesOfRequest } from '../request-deadlines/deadline-store';
import { findRequest } from '../requests/request-store';
import { deadlineView } from '../request-deadlines/deadline-view';
import { EventCreate, EventListQuery, EventView } from './event-schemas';
import { logEvent } from './event-service';
import { eventView } from './event-view';
import { describeColumns, streamTable, TABLE_CONTENT, tableFormat } from '../http/tabular';
import { EVENT_COLUMNS, eventPages } from './event-export';

/** request_events.seq is an integer (int4) column. */
const MAX_SEQ = 2_147_483_647;

export function eventRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/requests/{id}/events',
    summary: 'Log what happened: an agency answer, a fee, an appeal, a call, a note, a correction',
    description:
      'The move is checked against the request’s status (409 with the reason when not allowed), appended to the hash chain, ' +
      'and the request’s status and deadlines are recomputed in the same transaction. Events are never edited: ' +
      'a `correction` names the event it corrects.',
    tags: ['History'],
    access: { roles: WRITER_ROLES },
    idempotent: true,
    params: IdParams,
    body: EventCreate,
    responses: {
      201: {
        description: 'The event, the new status and the deadlines',
        schema: z.object({ event: EventView, status: z.string(), deadlines: z.array(z.record(z.string(), z.unknown())) }),
      },
      409: { description: 'Not allowed in the request’s status' },
    },
    handler: async ({ caller, db, params, body, deps }) => {
      const logged = await logEvent(db, caller, params.id, body, deps.clock(), deps);
      const { event, request } = logged;
      // Recounted with the event: as stored; else unchanged, and read.
      const deadlines = logged.deadlines ?? (await listDeadlinesOfRequest(db, caller.organizationId, request.id));
      return { status: 201, body: { event: eventView(event), status: request.status, deadlines: deadlines.map(deadlineView) } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/requests/{id}/events',
    summary: 'The request’s history, oldest first',
    description: `\`?format=csv\` (or \`Accept: text/csv\`) and \`?format=xlsx\` stream every event. Columns: ${describeColumns(EVENT_COLUMNS)}.`,
    tags: ['History'],
    access: { roles: READER_ROLES },
    params: IdParams,
    query: EventListQuery,
    responses: {
      200: {
        description: 'A page of events',
        schema: z.object({ items: z.array(EventView), nextCursor: z.string().nullable() }),
        alternatives: TABLE_CONTENT,
      },
    },
    handler: async ({ caller, db, params, query, req, res }) => {
      const request = await findRequest(db, caller.organizationId, params.id);
      if (!request) throw notFound('request');
      const table = tableFormat(req, query.format);
      if (table) {
        await streamTable(res, table, `request-${request.id}-events`, EVENT_COLUMNS, eventPages(db, caller.organizationId, request.id));
        return undefined;
      }
      const after = decodeCursor(query.cursor, 1) as [number] | undefined;
      // A seq is a positive int4: anything else (1e20, 1.5, -1) never came from this API and would reach Postgres as an error.
      if (after && !(Number.isSafeInteger(after[0]) && after[0] >= 0 && after[0] <= MAX_SEQ)) {
        throw validationProblem([{ in: 'query', field: 'cursor', message: 'Not a cursor from this API.' }]);
      }
      const rows = await listEvents(db, caller.organizationId, request.id, { afterSeq: after?.[0], limit: query.limit + 1 });
      const { items, nextCursor } = pageOf(rows, query.limit, (e) => [e.seq]);
      return { status: 200, body: { items: items.map(eventView), nextCursor } };
    },
  });
}
