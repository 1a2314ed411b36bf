import { displayPrefix, generateToken, hashToken, type TokenKind } from '../auth/token-secret';
import type { Db } from '../db/database';
import { insertToken, type TokenRecord } from './token-store';

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
