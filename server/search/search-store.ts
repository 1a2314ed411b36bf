import type { Db } from '../db/database';

export interface SearchHit {
  kind: 'request' | 'event';
  requestId: string;
  requestTitle: string;
  eventId: string | null;
  eventSeq: number | null;
  eventType: string | null;
  snippet: string;
  rank: number;
}

const HEADLINE = `'StartSel=[[, StopSel=]], MaxFragments=2, MaxWords=25, MinWords=8'`;

// (No literal question marks in this SQL: knex reads them as bindings.)
// The text a hit is shown from and an exact term is checked against: what the
// generated `search` columns index (migration 20261201000110).
const EVENT_TEXT = `coalesce(e.summary, '') || ' ' || coalesce(e.body, '') || ' '
  || coalesce((select string_agg(v #>> '{}', ' ') from jsonb_path_query(e.data, 'strict $.**') v where jsonb_typeof(v) = 'string'), '') || ' '
  || coalesce((select string_agg(f #>> '{}', ' ') from jsonb_path_query(e.attachments, '$[*].filename') f), '')`;
const REQUEST_TEXT = `r.title || ' ' || r.records_sought || ' ' || coalesce(r.letter_body, '') || ' ' || coalesce(r.tracking_number, '')`;

/**
 * Terms full-text search cannot match exactly: a citation such as
 * `552(b)(7)(E)` is split into 552, b, 7, e, which a document citing
 * 552(b)(5) and (b)(7)(C) also has. Such terms (with brackets) are also
 * required as written, ignoring case and spaces. Excluded (-) terms are left
 * to the full-text query.
 */
export function exactTerms(q: string): string[] {
  return q
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((t) => /[()[\]]/.test(t) && !t.startsWith('-'))
    .map((t) => t.toLowerCase().replace(/^[^\p{L}\p{N}(]+|[^\p{L}\p{N})\]]+$/gu, ''))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** `text` (an SQL expression) contains every exact term: one `?` binding per term. */
function containsAll(text: string, terms: string[]): string {
  return terms.map(() => `position(? in regexp_replace(lower(${text}), '\\s+', '', 'g')) > 0`).join(' and ') || 'true';
}

/**
 * Full-text search over one newsroom's requests (title, what was asked, the
 * letter, the tracking number) and history (summaries, bodies, inbound mail,
 * every string of an event's data, attachment file names). Best first.
 */
export async function searchNewsroom(db: Db, organizationId: string, q: string, limit: number): Promise<SearchHit[]> {
  const exact = exactTerms(q);
  const result = await db.raw(
    `with q as (select websearch_to_tsquery('english', ?) as query)
     select * from (
       select 'request' as kind, r.id as request_id, r.title as request_title, null::uuid as event_id, null::int as event_seq,
              null::text as event_type,
              ts_headline('english', ${REQUEST_TEXT}, q.query, ${HEADLINE}) as snippet,
              ts_rank(r.search, q.query) as rank, r.created_at as at
         from requests r, q
        where r.organization_id = ? and r.search @@ q.query and ${containsAll(REQUEST_TEXT, exact)}
       union all
       select 'event', e.request_id, r.title, e.id, e.seq, e.type,
              ts_headline('english', ${EVENT_TEXT}, q.query, ${HEADLINE}),
              ts_rank(e.search, q.query), e.occurred_at
         from request_events e join requests r on r.id = e.request_id, q
        where e.organization_id = ? and e.search @@ q.query and ${containsAll(EVENT_TEXT, exact)}
     ) hits
     order by rank desc, at desc
     limit ?`,
    [q, organizationId, ...exact, organizationId, ...exact, limit],
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
