import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { notFound } from '../errors/problem';
import { findOrganization } from '../organizations/organization-store';
import { OrgParams } from '../organizations/organization-schemas';
import { findUser, listUsers, type UserRecord } from './user-store';
import { assertOrgAccess, changeUser, createUserWithToken } from './user-service';
import { Me, OrgUserParams, User, UserCreate, UserPatch, UserWithToken } from './user-schemas';

export const userView = (u: UserRecord) => ({
  id: u.id,
  organizationId: u.organizationId,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});

const managers = { roles: ['admin'], operator: true } as const;
const members = { roles: READER_ROLES, operator: true } as const;

export function userRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/organizations/{orgId}/users',
    summary: 'Add a user to a newsroom and issue their first token',
    tags: ['Users'],
    access: managers,
    params: OrgParams,
    body: UserCreate,
    responses: { 201: { description: 'The user, with a token shown once', schema: UserWithToken } },
    handler: async ({ caller, db, params, body }) => {
      await assertOrgAccess(db, caller, params.orgId, 'manage');
      const { user, token } = await createUserWithToken(db, params.orgId, body);
      return { status: 201, body: { ...userView(user), token } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/organizations/{orgId}/users',
    summary: 'List a newsroom’s users',
    tags: ['Users'],
    access: members,
    params: OrgParams,
    responses: { 200: { description: 'Users', schema: z.object({ items: z.array(User) }) } },
    handler: async ({ caller, db, params }) => {
      await assertOrgAccess(db, caller, params.orgId, 'read');
      return { status: 200, body: { items: (await listUsers(db, params.orgId)).map(userView) } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/organizations/{orgId}/users/{userId}',
    summary: 'Read one user',
    tags: ['Users'],
    access: members,
    params: OrgUserParams,
    responses: { 200: { description: 'The user', schema: User } },
    handler: async ({ caller, db, params }) => {
      await assertOrgAccess(db, caller, params.orgId, 'read');
      const user = await findUser(db, params.orgId, params.userId);
      if (!user) throw notFound('user');
      return { status: 200, body: userView(user) };
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/organizations/{orgId}/users/{userId}',
    summary: 'Rename, change the role of, or deactivate a user',
    tags: ['Users'],
    access: managers,
    params: OrgUserParams,
    body: UserPatch,
    responses: { 200: { description: 'The updated user', schema: User } },
    handler: async ({ caller, db, params, body, deps }) => {
      await assertOrgAccess(db, caller, params.orgId, 'manage');
      const user = await changeUser(db, params.orgId, params.userId, body, deps.clock());
      deps.authCache.clear();
      return { status: 200, body: userView(user) };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/me',
    summary: 'The signed-in user and their newsroom',
    tags: ['Users'],
    access: { roles: READER_ROLES },
    responses: { 200: { description: 'The caller', schema: Me } },
    handler: async ({ caller, db }) => {
      const [user, org] = await Promise.all([
        findUser(db, caller.organizationId, caller.userId),
        findOrganization(db, caller.organizationId),
      ]);
      if (!user || !org) throw notFound('user');
      return { status: 200, body: { ...userView(user), organization: { id: org.id, name: org.name } } };
    },
  });
}
