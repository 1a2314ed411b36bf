import { displayPrefix, generateToken, hashToken, type TokenKind } from '../auth/token-secret';
import type { Db } from '../db/database';
import { announceAuthChange } from '../auth/auth-changes';
import type { AuthCache } from '../auth/auth-cache';
import { validationProblem } from '../errors/problem';
import { insertToken, revokeToken, type TokenRecord } from './token-store';

export interface IssuedToken {
  record: TokenRecord;
  /** The secret itself; returned once to the caller and never stored. */
  token: string;
}

export async function issueToken(
  db: Db,
  t: { organizationId: string; userId: string; name: string; kind: TokenKind; scope?: string | null; expiresAt?: Date | null },
): Promise<IssuedToken> {
  const token = generateToken(t.kind);
  const record = await insertToken(db, {
    organizationId: t.organizationId,
    userId: t.userId,
    name: t.name,
    kind: t.kind,
    scope: t.scope ?? null,
    hash: hashToken(token),
    prefix: displayPrefix(token),
    expiresAt: t.expiresAt ?? null,
  });
  return { record, token };
}

/**
 * A new token must still work when its secret reaches the caller: one that has
 * already expired would be shown once and then refused, a 201 for nothing.
 */
export function assertExpiryAhead(expiresAt: Date | null, now: Date): void {
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw validationProblem([{ in: 'body', field: 'expiresAt', message: `Must be in the future (the time now is ${now.toISOString()}).` }]);
  }
}

/**
 * Revokes a token and makes every process forget it at once; false if there
 * was no such live token. This process's cache is cleared when the revocation
 * commits, so pass the request's knex rather than an open transaction.
 */
export async function revokeTokenEverywhere(
  db: Db,
  cache: AuthCache,
  t: { organizationId: string; userId: string; tokenId: string },
  now: Date,
): Promise<boolean> {
  const done = await db.transaction(async (trx) => {
    const revoked = await revokeToken(trx, t.organizationId, t.userId, t.tokenId, now);
    if (revoked) await announceAuthChange(trx);
    return revoked;
  });
  if (done) cache.clear();
  return done;
}
