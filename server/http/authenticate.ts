import type { AuthEntry } from '../auth/auth-cache';
import type { Caller, UserCaller } from '../auth/caller';
import { hashToken, secretsEqual } from '../auth/token-secret';
import type { AppDeps } from '../deps';
import { findOwnerByHash, touchToken } from '../tokens/token-store';
import { clearedSessionCookie, csrfTokenFor, isHttps, readCookie, SESSION_COOKIE } from '../sessions/session-cookie';
import { findLiveSessionByHash, touchSession } from '../sessions/session-store';
import { idleExpiry } from '../sessions/sign-in-service';
import { OPERATOR_OFF } from '../startup-notices';
import { Problem, unauthorized } from '../errors/problem';

// last_used_at is a hint for people auditing tokens, not an audit log; writing
// it at most once a minute keeps reads from turning into writes. A session's
// idle expiry slides with the same writes, so it moves in steps of a minute.
const TOUCH_INTERVAL_MS = 60_000;

/** Methods a cookie may call without a CSRF token: they change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'X-CSRF-Token';

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** What authenticate reads of an HTTP request. */
export interface Credentials {
  method: string;
  headers: { authorization?: string | undefined; cookie?: string | undefined; [name: string]: string | string[] | undefined };
}

const csrfProblem = () =>
  new Problem({
    status: 403,
    slug: 'csrf',
    title: 'Forbidden',
    detail: `Missing or wrong ${CSRF_HEADER} header.`,
    errors: [{ in: 'header', field: CSRF_HEADER, message: `Missing or wrong ${CSRF_HEADER} header.` }],
    extensions: { csrf: `Missing or wrong ${CSRF_HEADER} header` },
  });

/**
 * Resolves the caller of an API request, or throws 401: from its bearer token
 * when it has an Authorization header (scripts; no CSRF token needed), else
 * from the `rt_session` cookie (browsers), whose writes must carry the
 * session's X-CSRF-Token. `operatorRoute`: the operator may call this route,
 * so an unknown token on a service without ADMIN_TOKEN is most likely someone
 * setting up, to be told how.
 */
export async function authenticate(deps: AppDeps, req: Credentials, operatorRoute = false): Promise<Caller> {
  const token = bearerToken(req.headers.authorization);
  const { adminToken } = deps.config;
  if (!token) {
    const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (secret) return sessionCaller(deps, secret, req);
    throw unauthorized(operatorRoute && !adminToken ? `A valid bearer token is required. ${OPERATOR_OFF}` : undefined);
  }
  if (adminToken && secretsEqual(token, adminToken)) return { kind: 'operator' };

  const now = deps.clock();
  const nowMs = now.getTime();
  const hash = hashToken(token);
  let entry = deps.authCache.get(hash, nowMs);
  if (!entry) {
    const generation = deps.authCache.generation;
    const owner = await findOwnerByHash(deps.db.knex, hash, now);
    if (!owner) {
      if (operatorRoute && !adminToken) throw unauthorized(`The bearer token is unknown, revoked or expired. ${OPERATOR_OFF}`);
      throw unauthorized('The bearer token is unknown, revoked or expired.');
    }
    if (owner.kind !== 'api') throw unauthorized('Calendar tokens only open the calendar feed.');
    const fresh: AuthEntry = {
      caller: {
        kind: 'user',
        userId: owner.userId,
        organizationId: owner.organizationId,
        role: owner.role,
        email: owner.email,
        name: owner.name,
        credential: { kind: 'token', id: owner.tokenId },
      },
      expiresAt: owner.expiresAt,
      lastUsedAt: owner.lastUsedAt,
    };
    deps.authCache.set(hash, fresh, nowMs, generation);
    entry = fresh;
  }
  if (entry.expiresAt && entry.expiresAt.getTime() <= nowMs) throw unauthorized('The bearer token is unknown, revoked or expired.');

  if (!entry.lastUsedAt || nowMs - entry.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    entry.lastUsedAt = now;
    touchToken(deps.db.knex, entry.caller.credential.id, now).catch((err: unknown) =>
      deps.logger.warn({ err }, 'could not record token use'),
    );
  }
  return entry.caller;
}

/** A 401 that also tells the browser to drop a cookie that no longer signs anyone in. */
function sessionGone(deps: AppDeps): Problem {
  const p = unauthorized('The session has ended or expired. Sign in again.');
  return new Problem({
    status: p.status,
    slug: 'unauthorized',
    title: p.title,
    detail: p.detail ?? p.title,
    headers: { ...p.headers, 'Set-Cookie': clearedSessionCookie(isHttps(deps.config.publicUrl)) },
  });
}

async function sessionCaller(deps: AppDeps, secret: string, req: Credentials): Promise<UserCaller> {
  const now = deps.clock();
  const nowMs = now.getTime();
  // Its own key space in the shared cache: a session hash is never a token hash.
  const hash = hashToken(secret);
  const key = `session:${hash}`;
  let entry = deps.authCache.get(key, nowMs);
  if (!entry) {
    const generation = deps.authCache.generation;
    const owner = await findLiveSessionByHash(deps.db.knex, hash, now);
    if (!owner) throw sessionGone(deps);
    const { session } = owner;
    const fresh: AuthEntry = {
      caller: {
        kind: 'user',
        userId: session.userId,
        organizationId: session.organizationId,
        role: owner.role,
        email: owner.email,
        name: owner.name,
        credential: { kind: 'session', id: session.id },
      },
      expiresAt: session.expiresAt,
      idleExpiresAt: session.idleExpiresAt,
      lastUsedAt: session.lastSeenAt,
    };
    deps.authCache.set(key, fresh, nowMs, generation);
    entry = fresh;
  }
  const expiresAt = entry.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const idleExpiresAt = entry.idleExpiresAt?.getTime() ?? expiresAt;
  if (expiresAt <= nowMs || idleExpiresAt <= nowMs) throw sessionGone(deps);

  if (!SAFE_METHODS.has(req.method.toUpperCase())) {
    const sent = req.headers[CSRF_HEADER.toLowerCase()];
    if (typeof sent !== 'string' || !secretsEqual(sent, csrfTokenFor(secret))) throw csrfProblem();
  }

  if (!entry.lastUsedAt || nowMs - entry.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    const slid = idleExpiry(deps.config, now, new Date(expiresAt));
    entry.lastUsedAt = now;
    entry.idleExpiresAt = slid;
    // Awaited, unlike a token's touch: the idle expiry lives in this write, so
    // it must land before another process (or this one, past the cache) reads it.
    await touchSession(deps.db.knex, entry.caller.credential.id, now, slid).catch((err: unknown) =>
      deps.logger.warn({ err }, 'could not record session use'),
    );
  }
  return entry.caller;
}
