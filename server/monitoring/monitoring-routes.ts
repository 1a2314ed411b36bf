import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { decodeCursor, pageOf } from '../http/cursor';
import { Cursor, IsoDate, Limit, Uuid } from '../http/schemas';
import { dashboard, listDeadlines } from './deadline-queries';
import { describeColumns, FormatParam, streamTable, TABLE_CONTENT, tableFormat } from '../http/tabular';
import { DEADLINE_COLUMNS, deadlinePages } from './deadline-export';

const DeadlineQuery = z
  .object({
    from: IsoDate.optional().meta({ description: 'Due on or after this date. Default: no lower bound (overdue ones included).' }),
    to: IsoDate.optional().meta({ description: 'Due on or before this date.' }),
    assigneeId: Uuid.optional(),
    agencyId: Uuid.optional(),
    kind: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional()
      .meta({ example: 'response' }),
    status: z
      .enum(['open', 'overdue', 'tolled', 'met', 'missed', 'superseded', 'all'])
      .default('open')
      .meta({ description: '`open` (default) includes tolled deadlines; `overdue` is open and past due in the agency’s zone.' }),
    limit: Limit,
    cursor: Cursor,
    format: FormatParam,
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'to is before from.', path: ['to'] });

const DeadlineItem = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    dueDate: z.string(),
    statutory: z.boolean(),
    status: z.string(),
    basis: z.string(),
    exceedsStatute: z.boolean(),
    businessDaysLeft: z
      .number()
      .int()
      .meta({ description: 'Business days from today (agency zone) to the due date; negative when overdue.' }),
    request: z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.string(),
      agency: z.object({ id: z.uuid(), name: z.string(), jurisdiction: z.string() }),
      assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
  })
  .meta({ id: 'DeadlineItem' });

const DashboardView = z
  .object({
    counts: z.object({
      openRequests: z.number().int(),
      drafts: z.number().int(),
      dueIn7Days: z
        .number()
        .int()
        .meta({ description: 'Deadlines with a running clock due today through the sixth day after (in each agency’s zone).' }),
      overdue: z.number().int().meta({
        description:
          'Agency deadlines whose running clock has passed. A stopped (tolled) clock cannot be late, and a lapsed requester window (appeal, further review) is not the agency’s lateness.',
      }),
      awaitingNewsroom: z.number().int().meta({ description: 'Waiting on the newsroom: a fee to pay or a clarification to give.' }),
      undeliveredLetters: z
        .number()
        .int()
        .meta({ description: 'Requests whose letter email failed for good: file them again (POST /v1/requests/{id}/resubmit).' }),
      inLitigation: z.number().int(),
      feesOverLimit: z.number().int().meta({
        description: 'Requests whose agency estimated fees above the request’s fee limit, not yet paid or ended: the newsroom must decide.',
      }),
    }),
    urgent: z.array(DeadlineItem),
    feesOverLimit: z
      .array(
        z.object({
          requestId: z.uuid(),
          title: z.string(),
          amount: z.number(),
          currency: z.string(),
          feeLimit: z.number(),
          assigneeId: z.uuid().nullable(),
        }),
      )
      .meta({ description: 'The largest of those estimates (up to ten).' }),
  })
  .meta({ id: 'Dashboard' });

export function monitoringRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/deadlines',
    summary: 'Deadlines in a window, soonest first, with business days left',
    description: `\`?format=csv\` (or \`Accept: text/csv\`) and \`?format=xlsx\` stream every matching deadline. Columns: ${describeColumns(DEADLINE_COLUMNS)}.`,
    tags: ['Monitoring'],
    access: { roles: READER_ROLES },
    query: DeadlineQuery,
    responses: {
      200: {
        description: 'A page of deadlines',
        schema: z.object({ items: z.array(DeadlineItem), nextCursor: z.string().nullable() }),
        alternatives: TABLE_CONTENT,
      },
    },
    handler: async ({ caller, db, query, deps, req, res }) => {
      const table = tableFormat(req, query.format);
      if (table) {
        const { limit: _limit, cursor: _cursor, format: _format, ...filter } = query;
        await streamTable(res, table, 'deadlines', DEADLINE_COLUMNS, deadlinePages(db, caller.organizationId, filter, deps.clock()));
        return undefined;
      }
      const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
      const rows = await listDeadlines(db, caller.organizationId, { ...query, after }, deps.clock());
      const { items, nextCursor } = pageOf(rows, query.limit, (d) => [d.dueDate, d.id]);
      return { status: 200, body: { items, nextCursor } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/dashboard',
    summary: 'The newsroom at a glance: open, due this week, overdue, waiting on us, and the ten most urgent',
    tags: ['Monitoring'],
    access: { roles: READER_ROLES },
    responses: { 200: { description: 'Counts and urgent items', schema: DashboardView } },
    handler: async ({ caller, db, deps }) => ({ status: 200, body: await dashboard(db, caller.organizationId, deps.clock()) }),
  });
}
