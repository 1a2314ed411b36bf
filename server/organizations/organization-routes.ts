import { z } from 'zod';
import type { ApiRouter } from '../http/api-router';
import type { OrganizationRecord } from './organization-store';
import { insertOrganization, listOrganizations } from './organization-store';
import { Organization, OrganizationCreate } from './organization-schemas';

const view = (o: OrganizationRecord) => ({ id: o.id, name: o.name, createdAt: o.createdAt.toISOString() });

export function organizationRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/organizations',
    summary: 'Create a newsroom (operator only)',
    tags: ['Organizations'],
    access: { roles: [], operator: true },
    body: OrganizationCreate,
    responses: { 201: { description: 'Created', schema: Organization } },
    handler: async ({ db, body }) => ({ status: 201, body: view(await insertOrganization(db, body.name)) }),
  });

  api.route({
    method: 'get',
    path: '/v1/organizations',
    summary: 'List newsrooms (operator only)',
    tags: ['Organizations'],
    access: { roles: [], operator: true },
    responses: { 200: { description: 'All organizations', schema: z.object({ items: z.array(Organization) }) } },
    handler: async ({ db }) => ({ status: 200, body: { items: (await listOrganizations(db)).map(view) } }),
  });
}
