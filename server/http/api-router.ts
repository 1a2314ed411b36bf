import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Caller, Role, UserCaller } from '../auth/caller';
import type { Db } from '../db/database';
import type { AppDeps } from '../deps';
import { checkIdempotencyKey, requestFingerprint, runOnce } from './idempotency';
import { authenticate } from './authenticate';
import { forbidden, notFound, unsupportedMediaType } from '../errors/problem';
import { ProblemSchema } from './schemas';
import { parseOrThrow } from './validate';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Who may call a route: nobody needs a token (`public`), or the listed roles of
 * an organization, plus the operator when `operator` is true.
 */
export type Access = 'public' | { readonly roles: ReadonlyArray<Role>; readonly operator?: boolean };

type CallerFor<A extends Access> = A extends 'public' ? undefined : A extends { operator: true } ? Caller : UserCaller;

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<A extends Access, P, Q, B> {
  caller: CallerFor<A>;
  /** Where to do the work: inside the idempotency transaction when the call carries a key. */
  db: Db;
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
  deps: AppDeps;
}

/** What a handler answers; undefined when it wrote the response itself (streams). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** Further media types of the same answer (CSV, XLSX exports), which the handler writes itself. */
  alternatives?: ReadonlyArray<{ contentType: string; schema: z.ZodType }>;
}

export interface RouteSpec<
  A extends Access,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
> {
  method: Method;
  /** OpenAPI-style path, e.g. /v1/agencies/{id}. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  /** Express middleware run after authorization, before the handler (multipart or raw bodies). */
  middleware?: RequestHandler[];
  /** How a non-JSON body is documented in OpenAPI (the middleware parses it). */
  documentedBody?: { contentType: string; schema: z.ZodType; description?: string };
  /** Honour an Idempotency-Key header: a repeated call replays the first answer. Needs a user caller. */
  idempotent?: boolean;
  handler: (ctx: HandlerContext<A, Infer<P>, Infer<Q>, Infer<B>>) => Promise<Reply | undefined>;
}

type AnySpec = RouteSpec<Access, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/**
 * One table of routes that feeds both Express and the OpenAPI document, so the
 * schemas that validate a request are the schemas the document publishes.
 */
export class ApiRouter {
  private readonly specs: AnySpec[] = [];

  route<
    const A extends Access,
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
  >(spec: RouteSpec<A, P, Q, B>): this {
    this.specs.push(spec as unknown as AnySpec);
    return this;
  }

  /**
   * Express tries a router's routes one by one, so each call walked every route
   * registered before its own (and a page of the web app all of them). The
   * routes are grouped by the segment after /v1/, each group a router of its
   * own in the order registered, and a call goes straight to its group. Every
   * route of one path is in one group, so OPTIONS and HEAD answer as before.
   * The handler passes on whatever is not under /v1/.
   */
  handler(deps: AppDeps): RequestHandler {
    const groups = new Map<string, Router>();
    for (const spec of this.specs) {
      const segment = firstSegment(spec.path);
      if (segment === undefined) throw new Error(`route ${spec.path} is not under /v1/`);
      let group = groups.get(segment);
      if (!group) {
        group = Router();
        groups.set(segment, group);
      }
      const expressPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
      group[spec.method](expressPath, async (req: Request, res: Response) => {
        const caller = spec.access === 'public' ? undefined : await authenticate(deps, req, spec.access.operator === true);
        const params = spec.params ? parseOrThrow(spec.params, req.params, 'path') : undefined;
        if (caller) authorize(spec.access as Exclude<Access, 'public'>, caller, params as { orgId?: string } | undefined);
        const query = spec.query ? parseOrThrow(spec.query, req.query ?? {}, 'query') : undefined;
        if (spec.middleware) {
          for (const mw of spec.middleware) {
            await new Promise<void>((resolve, reject) => mw(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
          }
        }
        let body: unknown;
        if (spec.body) {
          if (!req.is('application/json')) {
            throw unsupportedMediaType('Send the body as application/json.');
          }
          body = parseOrThrow(spec.body, req.body, 'body');
        }
        const key = spec.idempotent ? req.get('Idempotency-Key') : undefined;
        let reply: Reply | undefined;
        if (key !== undefined && caller?.kind === 'user') {
          checkIdempotencyKey(key);
          const fingerprint = requestFingerprint(spec.method, req.path, body);
          reply = await runOnce(deps.db.knex, caller.userId, key, fingerprint, async (db) => {
            const r = await spec.handler({ caller, db, params, query, body, req, res, deps } as never);
            if (!r) throw new Error('an idempotent handler must return its reply');
            return r;
          });
        } else {
          reply = await spec.handler({ caller, db: deps.db.knex, params, query, body, req, res, deps } as never);
        }
        if (!reply) return;
        if (reply.headers) res.set(reply.headers);
        if (reply.body === undefined) res.status(reply.status).end();
        else res.status(reply.status).json(reply.body);
      });
    }
    return (req, res, next) => {
      const segment = firstSegment(req.path);
      const group = segment === undefined ? undefined : groups.get(segment);
      if (group) group(req, res, next);
      else next();
    };
  }

  registerOpenApi(registry: OpenAPIRegistry): void {
    for (const spec of this.specs) {
      const responses: RouteConfig['responses'] = {};
      for (const [status, r] of Object.entries(spec.responses)) {
        responses[status] = {
          description: r.description,
          ...(r.schema
            ? {
                content: {
                  [r.contentType ?? 'application/json']: { schema: r.schema },
                  ...Object.fromEntries((r.alternatives ?? []).map((a) => [a.contentType, { schema: a.schema }])),
                },
              }
            : {}),
        };
      }
      const errorStatuses: Array<[number, string]> = [[400, 'Invalid input; `errors` names each bad field.']];
      if (spec.access !== 'public') {
        errorStatuses.push(
          [401, 'Missing, unknown or revoked token, or an ended session.'],
          [
            403,
            spec.method === 'get'
              ? 'The caller’s role may not do this.'
              : 'The caller’s role may not do this, or a cookie call lacks X-CSRF-Token.',
          ],
        );
      }
      if (spec.params) errorStatuses.push([404, 'No such resource in the caller’s organization.']);
      for (const [status, description] of errorStatuses) {
        responses[String(status)] ??= { description, content: problemContent };
      }
      const headerFields: Record<string, z.ZodType> = {};
      if (spec.access !== 'public' && spec.access.roles.length > 0 && spec.method !== 'get') {
        headerFields['X-CSRF-Token'] = z.string().optional().meta({
          description: 'Required with the session cookie (cookieAuth): the csrfToken of the session. Not needed with a bearer token.',
        });
      }
      if (spec.idempotent) {
        headerFields['Idempotency-Key'] = z
          .string()
          .max(255)
          .optional()
          .meta({ description: 'Retry safely: a repeated key replays the first answer and does nothing twice.' });
      }
      const headers = Object.keys(headerFields).length > 0 ? z.object(headerFields) : undefined;
      registry.registerPath({
        method: spec.method,
        path: spec.path,
        summary: spec.summary,
        ...(spec.description ? { description: spec.description } : {}),
        tags: spec.tags,
        ...(spec.access === 'public'
          ? {}
          : { security: spec.access.roles.length > 0 ? [{ bearerAuth: [] }, { cookieAuth: [] }] : [{ bearerAuth: [] }] }),
        request: {
          ...(headers ? { headers } : {}),
          ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
          ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
          ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
          ...(spec.documentedBody
            ? {
                body: {
                  required: true,
                  ...(spec.documentedBody.description ? { description: spec.documentedBody.description } : {}),
                  content: { [spec.documentedBody.contentType]: { schema: spec.documentedBody.schema } },
                },
              }
            : {}),
        },
        responses,
      });
    }
  }
}

/** `agencies` of /v1/agencies/…, lower-cased as Express matches paths regardless of case. */
function firstSegment(path: string): string | undefined {
  return /^\/v1\/([^/]+)/i.exec(path)?.[1]?.toLowerCase();
}

function authorize(access: Exclude<Access, 'public'>, caller: Caller, params: { orgId?: string } | undefined): void {
  if (caller.kind === 'operator') {
    if (!access.operator) throw forbidden('The operator token manages organizations and users; use a user token here.');
    return;
  }
  // Another newsroom's organization is a 404 whatever the role, so ids cannot be probed.
  if (params?.orgId !== undefined && params.orgId !== caller.organizationId) throw notFound('organization');
  if (!access.roles.includes(caller.role)) throw forbidden(`The ${caller.role} role may not do this.`);
}
