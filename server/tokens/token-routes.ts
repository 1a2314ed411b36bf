import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { Db } from '../db/database';
import type { ApiRouter } from '../http/api-router';
import { notFound } from '../errors/problem';
import { OrgUserParams } from '../users/user-schemas';
import { assertOrgAccess } from '../users/user-service';
import { findUser } from '../users/user-store';
import { Token, TokenCreate, TokenParams, TokenWithSecret, UserTokenParams } from './token-schemas';
import { assertExpiryAhead, issueToken, revokeTokenEverywhere } from './token-service';
import { listTokensOfUser, type TokenRecord } from './token-store';

export const tokenView = (t: TokenRecord) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});

async function issueApiToken(
  db: Db,
  now: Date,
  organizationId: string,
  userId: string,
  body: { name: string; expiresAt?: string | undefined },
) {
  const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
  assertExpiryAhead(expiresAt, now);
  const { record, token } = await issueToken(db, { organizationId, userId, name: body.name, kind: 'api', expiresAt });
  return { ...tokenView(record), token };
}

// Every role manages its own API tokens: a token is a credential, not newsroom
// data, so counsel's read-only role still needs it.
const self = { roles: READER_ROLES } as const;
const managers = { roles: ['admin'], operator: true } as const;

export function tokenRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/me/tokens',
    summary: 'List my live API tokens',
    tags: ['Tokens'],
    access: self,
    responses: { 200: { description: 'Tokens (secrets are never shown again)', schema: z.object({ items: z.array(Token) }) } },
    handler: async ({ caller, db }) => {
      const items = await listTokensOfUser(db, caller.organizationId, caller.userId, 'api');
      return { status: 200, body: { items: items.map(tokenView) } };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/me/tokens',
    summary: 'Create an API token for myself',
    tags: ['Tokens'],
    access: self,
    body: TokenCreate,
    responses: { 201: { description: 'The token, shown once', schema: TokenWithSecret } },
    handler: async ({ caller, db, body, deps }) => {
      return { status: 201, body: await issueApiToken(db, deps.clock(), caller.organizationId, caller.userId, body) };
    },
  });

  api.route({
    method: 'delete',
    path: '/v1/me/tokens/{id}',
    summary: 'Revoke one of my API tokens',
    tags: ['Tokens'],
    access: self,
    params: TokenParams,
    responses: { 204: { description: 'Revoked' } },
    handler: async ({ caller, db, params, deps }) => {
      const done = await revokeTokenEverywhere(
        db,
        deps.authCache,
        { organizationId: caller.organizationId, userId: caller.userId, tokenId: params.id },
        deps.clock(),
      );
      if (!done) throw notFound('token');
      return { status: 204 };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/organizations/{orgId}/users/{userId}/tokens',
    summary: 'List a user’s live API tokens (admin)',
    tags: ['Tokens'],
    access: managers,
    params: OrgUserParams,
    responses: { 200: { description: 'Tokens', schema: z.object({ items: z.array(Token) }) } },
    handler: async ({ caller, db, params }) => {
      await assertOrgAccess(db, caller, params.orgId, 'manage');
      if (!(await findUser(db, params.orgId, params.userId))) throw notFound('user');
      const items = await listTokensOfUser(db, params.orgId, params.userId, 'api');
      return { status: 200, body: { items: items.map(tokenView) } };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/organizations/{orgId}/users/{userId}/tokens',
    summary: 'Issue an API token for a user (admin)',
    tags: ['Tokens'],
    access: managers,
    params: OrgUserParams,
    body: TokenCreate,
    responses: { 201: { description: 'The token, shown once', schema: TokenWithSecret } },
    handler: async ({ caller, db, params, body, deps }) => {
      await assertOrgAccess(db, caller, params.orgId, 'manage');
      const user = await findUser(db, params.orgId, params.userId);
      if (!user) throw notFound('user');
      return { status: 201, body: await issueApiToken(db, deps.clock(), params.orgId, user.id, body) };
    },
  });

  api.route({
    method: 'delete',
    path: '/v1/organizations/{orgId}/users/{userId}/tokens/{tokenId}',
    summary: 'Revoke a user’s token (admin)',
    tags: ['Tokens'],
    access: managers,
    params: UserTokenParams,
    responses: { 204: { description: 'Revoked' } },
    handler: async ({ caller, db, params, deps }) => {
      await assertOrgAccess(db, caller, params.orgId, 'manage');
      const done = await revokeTokenEverywhere(
        db,
        deps.authCache,
        { organizationId: params.orgId, userId: params.userId, tokenId: params.tokenId },
        deps.clock(),
      );
      if (!done) throw notFound('token');
      return { status: 204 };
    },
  });
}
