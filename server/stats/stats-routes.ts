import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { notFound } from '../errors/problem';
import { IdParams } from '../http/schemas';
import { agencyStats } from './agency-stats';
import { describeColumns, FormatParam, streamTable, TABLE_CONTENT, tableFormat } from '../http/tabular';
import { STATS_COLUMNS } from './stats-export';

const StatsQuery = z.object({ format: FormatParam }).strict();

const Percentiles = z.object({ median: z.number().nullable(), p90: z.number().nullable(), answered: z.number().int() });
const AgencyStatsView = z
  .object({
    agency: z.object({ id: z.uuid(), name: z.string(), jurisdiction: z.string() }),
    requestsFiled: z.number().int(),
    firstResponseBusinessDays: Percentiles,
    finalResponseBusinessDays: Percentiles,
    statutoryDeadlines: z.object({ met: z.number().int(), missed: z.number().int(), shareMet: z.number().nullable() }),
    denials: z.object({ requests: z.number().int(), shareOfAnswered: z.number().nullable() }),
    extensions: z.object({ claimed: z.number().int(), exceedingStatute: z.number().int() }),
    fees: z.object({ estimates: z.number().int(), total: z.number(), median: z.number().nullable() }),
  })
  .meta({ id: 'AgencyStats' });

export function statsRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/stats/agencies',
    summary: 'Report cards of every agency of the newsroom',
    description: `\`?format=csv\` (or \`Accept: text/csv\`) and \`?format=xlsx\` answer one row per agency. Columns: ${describeColumns(STATS_COLUMNS)}.`,
    tags: ['Monitoring'],
    access: { roles: READER_ROLES },
    query: StatsQuery,
    responses: {
      200: { description: 'One card per agency', schema: z.object({ items: z.array(AgencyStatsView) }), alternatives: TABLE_CONTENT },
    },
    handler: async ({ caller, db, deps, query, req, res }) => {
      const items = await agencyStats(db, caller.organizationId, deps.clock());
      const table = tableFormat(req, query.format);
      if (!table) return { status: 200, body: { items } };
      // One row per agency: a newsroom's agencies fit in memory, unlike its requests.
      await streamTable(
        res,
        table,
        'agency-report-cards',
        STATS_COLUMNS,
        (async function* () {
          yield items;
        })(),
      );
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/v1/agencies/{id}/stats',
    summary: 'An agency’s report card: response times, deadlines met, denials, extensions, fees',
    tags: ['Monitoring'],
    access: { roles: READER_ROLES },
    params: IdParams,
    responses: { 200: { description: 'The card', schema: AgencyStatsView } },
    handler: async ({ caller, db, params, deps }) => {
      const [card] = await agencyStats(db, caller.organizationId, deps.clock(), params.id);
      if (!card) throw notFound('agency');
      return { status: 200, body: card };
    },
  });
}
