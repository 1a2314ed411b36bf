import type { AuthEntry } from '../auth/auth-cache';
import type { Caller } from '../auth/caller';
import { hashToken, secretsEqual } from '../auth/token-secret';
import type { AppDeps } from '../deps';
import { findOwnerByHash, touchToken } from '../tokens/token-store';
import { OPERATOR_OFF } from '../startup-notices';
import { unauthorized } from '../errors/problem';

// last_used_at is a hint for people auditing tokens, not an audit log; writing
// it at most once a minute keeps reads from turning into writes.
const TOUCH_INTERVAL_MS = 60_000;

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Resolves the caller of an API request from its bearer token, or throws 401.
 * `operatorRoute`: the operator may call this route, so an unknown token on a
 * service without ADMIN_TOKEN is most likely someone setting up, to be told how.
 */
export async function authenticate(deps: AppDeps, authorization: string | undefined, operatorRoute = false): Promise<Caller> {
  const token = bearerToken(authorization);
  const { adminToken } = deps.config;
  if (!token) throw unauthorized(operatorRoute && !adminToken ? `A valid bearer token is required. ${OPERATOR_OFF}` : undefined);
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
        tokenId: owner.tokenId,
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
    touchToken(deps.db.knex, entry.caller.tokenId, now).catch((err: unknown) => deps.logger.warn({ err }, 'could not record token use'));
  }
  return entry.caller;
}
