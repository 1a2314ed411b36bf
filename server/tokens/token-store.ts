import type { Db } from '../db/database';
import type { Role } from '../auth/caller';
import type { TokenKind } from '../auth/token-secret';

export interface TokenRecord {
  id: string;
  organizationId: string;
  userId: string;
  name: string;
  kind: TokenKind;
  scope: string | null;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface TokenOwner {
  tokenId: string;
  kind: TokenKind;
  scope: string | null;
  userId: string;
  organizationId: string;
  role: Role;
  email: string;
  name: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

interface TokenRow {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  kind: TokenKind;
  scope: string | null;
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const toRecord = (r: TokenRow): TokenRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  userId: r.user_id,
  name: r.name,
  kind: r.kind,
  scope: r.scope,
  prefix: r.token_prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export async function insertToken(
  db: Db,
  t: {
    organizationId: string;
    userId: string;
    name: string;
    kind: TokenKind;
    scope: string | null;
    hash: string;
    prefix: string;
    expiresAt: Date | null;
  },
): Promise<TokenRecord> {
  const [row] = await db('api_tokens')
    .insert({
      organization_id: t.organizationId,
      user_id: t.userId,
      name: t.name,
      kind: t.kind,
      scope: t.scope,
      token_hash: t.hash,
      token_prefix: t.prefix,
      expires_at: t.expiresAt,
    })
    .returning<TokenRow[]>('*');
  return toRecord(row as TokenRow);
}

/** The live token with this hash and its active owner, or undefined. */
export async function findOwnerByHash(db: Db, hash: string, now: Date): Promise<TokenOwner | undefined> {
  const row = await db('api_tokens as t')
    .join('users as u', 'u.id', 't.user_id')
    .where('t.token_hash', hash)
    .whereNull('t.revoked_at')
    .where((q) => q.whereNull('t.expires_at').orWhere('t.expires_at', '>', now))
    .where('u.active', true)
    .first<
      | {
          token_id: string;
          kind: TokenKind;
          scope: string | null;
          user_id: string;
          organization_id: string;
          role: Role;
          email: string;
          name: string;
          last_used_at: Date | null;
          expires_at: Date | null;
        }
      | undefined
    >(
      't.id as token_id',
      't.kind',
      't.scope',
      'u.id as user_id',
      'u.organization_id',
      'u.role',
      'u.email',
      'u.name',
      't.last_used_at',
      't.expires_at',
    );
  if (!row) return undefined;
  return {
    tokenId: row.token_id,
    kind: row.kind,
    scope: row.scope,
    userId: row.user_id,
    organizationId: row.organization_id,
    role: row.role,
    email: row.email,
    name: row.name,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}

export async function touchToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await db('api_tokens').where({ id: tokenId }).update({ last_used_at: now });
}

export async function listTokensOfUser(db: Db, organizationId: string, userId: string, kind: TokenKind): Promise<TokenRecord[]> {
  const rows = await db<TokenRow>('api_tokens')
    .where({ organization_id: organizationId, user_id: userId, kind })
    .whereNull('revoked_at')
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
  return rows.map(toRecord);
}

/** Revokes one token of a user; false when there is no such live token. */
export async function revokeToken(db: Db, organizationId: string, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const n = await db('api_tokens')
    .where({ id: tokenId, organization_id: organizationId, user_id: userId })
    .whereNull('revoked_at')
    .update({ revoked_at: now });
  return n > 0;
}
