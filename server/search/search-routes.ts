import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { Db } from '../db/database';
import type { ApiRouter } from '../http/api-router';

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

const HEADLINE = `'StartSel=[[, StopSel=]], MaxFragments=2, MaxWords=25, MinWords=8'`;

/** Postgres full-text search over the newsroom's requests, letters and events. */
async function search(db: Db, organizationId: string, q: string, limit: number) {
  const result = await db.raw(
    `with q as (select websearch_to_tsquery('english', ?) as query)
     select * from (
       select 'request' as kind, r.id as request_id, r.title as request_title, null::uuid as event_id, null::int as event_seq,
              null::text as event_type,
              ts_headline('english', r.title || ' ' || r.records_sought || ' ' || coalesce(r.letter_body, ''), q.query, ${HEADLINE}) as snippet,
              ts_rank(r.search, q.query) as rank, r.created_at as at
         from requests r, q
        where r.organization_id = ? and r.search @@ q.query
       union all
       select 'event', e.request_id, r.title, e.id, e.seq, e.type,
              ts_headline('english', coalesce(e.summary, '') || ' ' || coalesce(e.body, ''), q.query, ${HEADLINE}),
              ts_rank(e.search, q.query), e.occurred_at
         from request_events e join requests r on r.id = e.request_id, q
        where e.organization_id = ? and e.search @@ q.query
     ) hits
     order by rank desc, at desc
     limit ?`,
    [q, organizationId, organizationId, limit],
  );
  return (result.rows as Array<Record<string, unknown>>).map((r) => ({
    kind: r.kind as 'request' | 'event',
    requestId: r.request_id as string,
    requestTitle: r.request_title as string,
    eventId: (r.event_id as string | null) ?? null,
    eventSeq: (r.event_seq as number | null) ?? null,
    eventType: (r.event_type as string | null) ?? null,
    snippet: r.snippet as string,
    rank: Number(r.rank),
  }));
}

export function searchRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/search',
    summary: 'Full-text search over requests, letters and history',
    tags: ['History'],
    access: { roles: READER_ROLES },
    query: SearchQuery,
    responses: { 200: { description: 'Best matches first', schema: z.object({ items: z.array(Hit) }) } },
    handler: async ({ caller, db, query }) => ({ status: 200, body: { items: await search(db, caller.organizationId, query.q, query.limit) } }),
  });
}
