import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import { hashToken } from '../auth/token-secret';
import type { ApiRouter } from '../http/api-router';
import { notFound, unauthorized } from '../errors/problem';
import { KIND_LABELS } from '../monitoring/reminder-sweep';
import { findOrganization } from '../organizations/organization-store';
import { issueToken, revokeTokenEverywhere } from '../tokens/token-service';
import { findOwnerByHash, listTokensOfUser, type TokenRecord } from '../tokens/token-store';
import { calendarFeed } from './calendar-feed-query';
import { renderCalendar, type IcsEvent } from './ics';
import { requestPageUrl } from '../util/app-links';

const CalendarTokenCreate = z
  .object({
    scope: z
      .enum(['me', 'organization'])
      .default('me')
      .meta({ description: '`me`: deadlines assigned to me; `organization`: every open deadline of the newsroom.' }),
    name: z.string().trim().min(1).max(200).default('calendar'),
  })
  .strict()
  .meta({ id: 'CalendarTokenCreate' });

const CalendarToken = z
  .object({ id: z.uuid(), name: z.string(), scope: z.enum(['me', 'organization']), prefix: z.string(), createdAt: z.string() })
  .meta({ id: 'CalendarToken' });

const FeedQuery = z.object({ token: z.string().min(10).max(200) }).strict();

const view = (t: TokenRecord) => ({
  id: t.id,
  name: t.name,
  scope: (t.scope ?? 'me') as 'me' | 'organization',
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
});

export function calendarRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/me/calendar-tokens',
    summary: 'Create a read-only calendar feed URL (it opens the feed and nothing else)',
    tags: ['Calendar'],
    access: { roles: READER_ROLES },
    body: CalendarTokenCreate,
    responses: {
      201: { description: 'The token and the feed URL, shown once', schema: CalendarToken.extend({ token: z.string(), url: z.string() }) },
    },
    handler: async ({ caller, db, body, deps }) => {
      const { record, token } = await issueToken(db, {
        organizationId: caller.organizationId,
        userId: caller.userId,
        name: body.name,
        kind: 'calendar',
        scope: body.scope,
      });
      return {
        status: 201,
        body: { ...view(record), token, url: `${deps.config.publicUrl}/v1/calendar.ics?token=${encodeURIComponent(token)}` },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/me/calendar-tokens',
    summary: 'My calendar feed tokens',
    tags: ['Calendar'],
    access: { roles: READER_ROLES },
    responses: { 200: { description: 'Tokens (secrets are never shown again)', schema: z.object({ items: z.array(CalendarToken) }) } },
    handler: async ({ caller, db }) => ({
      status: 200,
      body: { items: (await listTokensOfUser(db, caller.organizationId, caller.userId, 'calendar')).map(view) },
    }),
  });

  api.route({
    method: 'delete',
    path: '/v1/me/calendar-tokens/{id}',
    summary: 'Revoke a calendar feed URL',
    tags: ['Calendar'],
    access: { roles: READER_ROLES },
    params: z.object({ id: z.uuid({ message: 'Must be a UUID.' }) }).strict(),
    responses: { 204: { description: 'Revoked' } },
    handler: async ({ caller, db, params, deps }) => {
      const own = (await listTokensOfUser(db, caller.organizationId, caller.userId, 'calendar')).some((t) => t.id === params.id);
      if (
        !own ||
        !(await revokeTokenEverywhere(
          db,
          deps.authCache,
          { organizationId: caller.organizationId, userId: caller.userId, tokenId: params.id },
          deps.clock(),
        ))
      ) {
        throw notFound('calendar token');
      }
      return { status: 204 };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/calendar.ics',
    summary: 'iCalendar feed of open deadlines (subscribe in a calendar app)',
    description:
      'All-day events on each due date, with stable UIDs so apps update rather than duplicate. Authenticated by a calendar token in the query string.',
    tags: ['Calendar'],
    access: 'public',
    query: FeedQuery,
    responses: {
      200: { description: 'text/calendar', contentType: 'text/calendar', schema: z.string() },
      401: { description: 'Unknown or revoked calendar token' },
    },
    handler: async ({ query, db, res, deps }) => {
      const now = deps.clock();
      const owner = await findOwnerByHash(db, hashToken(query.token), now);
      if (owner?.kind !== 'calendar') throw unauthorized('The calendar token is unknown or revoked.');
      const items = await calendarFeed(db, owner, now);
      const host = new URL(deps.config.publicUrl).hostname;
      const events: IcsEvent[] = items.map((r) => ({
        uid: `${r.requestId}.${r.kind}@${host}`,
        date: r.dueDate,
        summary: `${KIND_LABELS[r.kind] ?? r.kind} due: ${r.title} (${r.agency})`,
        description: `${r.statutory ? 'Statutory deadline' : 'Newsroom target (not statutory)'}${r.status === 'tolled' ? ', clock stopped' : ''}.\n${r.basis}\n${requestPageUrl(deps.config.publicUrl, r.requestId)}`,
        url: requestPageUrl(deps.config.publicUrl, r.requestId),
        sequence: Math.max(0, Math.floor(r.computedAt.getTime() / 1000) - 1_700_000_000),
        lastModified: r.computedAt,
        categories: ['Records requests', r.statutory ? 'Statutory' : 'Target'],
      }));
      const org = await findOrganization(db, owner.organizationId);
      const name = `${org?.name ?? 'Newsroom'} records deadlines${owner.scope === 'organization' ? '' : ` (${owner.name})`}`;
      res
        .status(200)
        .set({ 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' })
        .send(renderCalendar(name, events, now));
      return undefined;
    },
  });
}
