import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { searchNewsroom } from './search-store';

const SearchQuery = z
  .object({
    q: z.string().trim().min(1).max(500).meta({ description: 'Words, "quoted phrases", OR, and -excluded words (web search syntax).' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const Hit = z
  .object({
    kind: z.enum(['request', 'event']),
    requestId: z.uuid(),
    requestTitle: z.string(),
    eventId: z.uuid().nullable(),
    eventSeq: z.number().int().nullable(),
    eventType: z.string().nullable(),
    snippet: z.string().meta({ description: 'Matching text with the hits between [[ and ]].' }),
    rank: z.number(),
  })
  .meta({ id: 'SearchHit' });

export function searchRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/search',
    summary: 'Full-text search over requests, letters and history',
    description:
      'Matches request titles, what was asked, letters and tracking numbers; event summaries and bodies (inbound mail included), every text field of an event’s data (exemption citations and reasons, clarification questions and answers, correspondence subjects) and attachment file names. A term with brackets, such as a citation `552(b)(7)(E)`, must also appear as written (case and spaces aside). Only the caller’s newsroom.',
    tags: ['History'],
    access: { roles: READER_ROLES },
    query: SearchQuery,
    responses: { 200: { description: 'Best matches first', schema: z.object({ items: z.array(Hit) }) } },
    handler: async ({ caller, db, query }) => ({
      status: 200,
      body: { items: await searchNewsroom(db, caller.organizationId, query.q, query.limit) },
    }),
  });
}
