import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { secretsEqual } from '../auth/token-secret';
import type { Caller } from '../auth/caller';
import { bearerToken } from '../http/authenticate';
import type { ApiRouter } from '../http/api-router';
import { notFound, Problem, unauthorized, unsupportedMediaType } from '../errors/problem';
import type { Config } from '../config';
import { findOrganization } from '../organizations/organization-store';
import { findRequestsByIds } from '../requests/request-store';
import { assignInbound, receiveInbound } from './inbound-service';
import { listUnmatched, routeToOrganization } from './inbound-store';

const ACCEPTED_TYPES = ['message/rfc822', 'text/plain', 'application/octet-stream'];

const Outcome = z
  .object({
    status: z.enum(['matched', 'duplicate', 'unmatched', 'bounced']).meta({
      description: 'bounced: a delivery status notification for a letter of ours, which is now marked undelivered.',
    }),
    requestId: z.uuid().optional(),
    eventId: z.uuid().optional(),
    matchedBy: z.string().optional(),
    inboundId: z.uuid().optional(),
  })
  .meta({ id: 'InboundOutcome' });

const AssignOutcome = Outcome.extend({
  filed: z.array(Outcome).meta({ description: 'One outcome per request it was filed into, in the order given.' }),
}).meta({ id: 'InboundAssignOutcome' });

const Candidate = z.object({ requestId: z.uuid(), title: z.string().nullable(), matchedBy: z.string() }).meta({ id: 'InboundCandidate' });

const Unmatched = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid().nullable(),
    from: z.string(),
    subject: z.string(),
    preview: z.string(),
    messageId: z.string().nullable(),
    receivedAt: z.string(),
    candidates: z.array(Candidate).meta({
      description: 'When it matched several requests (a batch): file it into any of them, or several (POST …/assign with requestIds).',
    }),
    reason: z.string().nullable().meta({ description: 'Why a request it names was not trusted, if so.' }),
  })
  .meta({ id: 'UnmatchedEmail' });

const InboundParams = z.object({ id: z.uuid({ message: 'Must be a UUID.' }) }).strict();

/** The mail provider's shared secret, checked before a byte of the body is read. */
function requireInboundSecret(config: Config): RequestHandler {
  return (req, _res, next) => {
    if (!config.inboundSecret)
      return next(
        new Problem({
          status: 404,
          slug: 'inbound-disabled',
          title: 'Not found',
          detail: 'Inbound email is not enabled on this server (set INBOUND_SECRET).',
        }),
      );
    const token = bearerToken(req.headers.authorization);
    if (!token || !secretsEqual(token, config.inboundSecret)) return next(unauthorized('The inbound secret is missing or wrong.'));
    if (!req.is(ACCEPTED_TYPES)) return next(unsupportedMediaType('Send the raw message as message/rfc822.'));
    next();
  };
}

/** The operator sees the mail no newsroom could be picked for; a newsroom sees its own. */
const visibleTo = (caller: Caller): string | null => (caller.kind === 'operator' ? null : caller.organizationId);

export function inboundRoutes(api: ApiRouter, config: Config): void {
  api.route({
    method: 'post',
    path: '/v1/inbound/email',
    summary: 'Receive an agency email (for the mail provider’s forwarding or an MTA pipe)',
    description:
      'Authenticated by `Authorization: Bearer <INBOUND_SECRET>`. Matched to its request by the per-request reply address, ' +
      'then In-Reply-To/References, then the tracking number in the subject; filed as a `correspondence` event with its ' +
      'attachments and raw .eml. Unmatched mail waits in GET /v1/inbound/unmatched.',
    tags: ['Inbound email'],
    access: 'public',
    middleware: [requireInboundSecret(config), express.raw({ type: () => true, limit: config.inboundMaxBytes })],
    documentedBody: {
      contentType: 'message/rfc822',
      schema: z.string().meta({ format: 'binary' }),
      description: 'The raw message, headers and body.',
    },
    responses: {
      201: { description: 'Filed into a request, or parked as unmatched', schema: Outcome },
      200: { description: 'Already received (a retry): nothing new stored', schema: Outcome },
      401: { description: 'Missing or wrong inbound secret' },
      413: { description: 'Too large' },
    },
    handler: async ({ req, db, deps }) => {
      const raw = req.body as unknown;
      if (!Buffer.isBuffer(raw) || raw.length === 0)
        throw new Problem({ status: 400, slug: 'empty', title: 'Bad request', detail: 'The body is empty.' });
      const outcome = await receiveInbound(db, deps, raw);
      return { status: outcome.status === 'duplicate' ? 200 : 201, body: outcome };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/inbound/unmatched',
    summary: 'Agency email that matched no request (the operator sees mail no newsroom could be picked for)',
    tags: ['Inbound email'],
    access: { roles: ['admin', 'editor'], operator: true },
    responses: { 200: { description: 'Newest first', schema: z.object({ items: z.array(Unmatched) }) } },
    handler: async ({ caller, db }) => {
      const items = await listUnmatched(db, visibleTo(caller));
      const ids = [...new Set(items.flatMap((m) => m.candidates.map((c) => c.requestId)))];
      // A newsroom is offered only its own requests; the operator sees the ids.
      const titles = new Map(
        caller.kind === 'operator' || ids.length === 0
          ? []
          : (await findRequestsByIds(db, caller.organizationId, ids)).map((r) => [r.id, r.title] as const),
      );
      return {
        status: 200,
        body: {
          items: items.map((m) => ({
            ...m,
            receivedAt: m.receivedAt.toISOString(),
            candidates: m.candidates
              .filter((c) => caller.kind === 'operator' || titles.has(c.requestId))
              .map((c) => ({ requestId: c.requestId, matchedBy: c.matchedBy, title: titles.get(c.requestId) ?? null })),
          })),
        },
      };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/inbound/unmatched/{id}/assign',
    summary: 'File an unmatched email into a request, or into several',
    tags: ['Inbound email'],
    access: { roles: ['admin', 'editor'] },
    params: InboundParams,
    body: z
      .object({
        requestId: z.uuid().optional(),
        requestIds: z
          .array(z.uuid())
          .min(1)
          .max(20)
          .optional()
          .meta({ description: 'Several requests (a batch) to file it into at once.' }),
      })
      .strict()
      .refine((b) => (b.requestId === undefined) !== (b.requestIds === undefined), {
        message: 'Give requestId or requestIds, not both.',
        path: ['requestIds'],
      })
      .meta({ id: 'InboundAssign' }),
    responses: { 201: { description: 'Filed (the first request’s outcome, and each one’s in `filed`)', schema: AssignOutcome } },
    handler: async ({ caller, db, params, body, deps }) => {
      const ids = body.requestIds ?? [body.requestId!];
      const outcomes = await assignInbound(db, deps, caller.organizationId, caller.userId, params.id, ids);
      return { status: 201, body: { ...outcomes[0]!, filed: outcomes } };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/inbound/unmatched/{id}/organization',
    summary: 'Route an unmatched email to a newsroom (operator)',
    tags: ['Inbound email'],
    access: { roles: [], operator: true },
    params: InboundParams,
    body: z.object({ organizationId: z.uuid() }).strict().meta({ id: 'InboundRoute' }),
    responses: { 204: { description: 'Routed' } },
    handler: async ({ db, params, body }) => {
      if (!(await findOrganization(db, body.organizationId))) throw notFound('organization');
      if (!(await routeToOrganization(db, params.id, body.organizationId))) throw notFound('unrouted message');
      return { status: 204 };
    },
  });
}
