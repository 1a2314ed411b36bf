import { WRITER_ROLES, READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { decodeCursor, pageOf } from '../http/cursor';
import { notFound } from '../errors/problem';
import { IdParams, page } from '../http/schemas';
import { Agency, AgencyCreate, AgencyListQuery, AgencyPatch } from './agency-schemas';
import { changeAgency, createAgency } from './agency-service';
import { findAgency, listAgencies, type AgencyRecord } from './agency-store';

export const agencyView = (a: AgencyRecord) => ({
  id: a.id,
  name: a.name,
  jurisdiction: a.jurisdiction,
  level: a.level,
  recordsEmail: a.recordsEmail,
  appealEmail: a.appealEmail,
  portalUrl: a.portalUrl,
  mailingAddress: a.mailingAddress,
  timezone: a.timezone,
  closures: a.closures,
  optionalHolidays: a.optionalHolidays,
  workedHolidays: a.workedHolidays,
  notes: a.notes,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

const readers = { roles: READER_ROLES } as const;
const writers = { roles: WRITER_ROLES } as const;

export function agencyRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/agencies',
    summary: 'Add an agency the newsroom sends requests to',
    tags: ['Agencies'],
    access: writers,
    body: AgencyCreate,
    responses: { 201: { description: 'Created', schema: Agency } },
    handler: async ({ caller, db, body, deps }) => {
      const agency = await createAgency(db, caller.organizationId, body, deps.clock());
      return { status: 201, body: agencyView(agency), headers: { Location: `/v1/agencies/${agency.id}` } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/agencies',
    summary: 'List the newsroom’s agencies by name',
    tags: ['Agencies'],
    access: readers,
    query: AgencyListQuery,
    responses: { 200: { description: 'A page of agencies', schema: page(Agency, 'AgencyPage') } },
    handler: async ({ caller, db, query }) => {
      const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
      const rows = await listAgencies(db, caller.organizationId, {
        q: query.q,
        jurisdiction: query.jurisdiction,
        after,
        limit: query.limit,
      });
      const { items, nextCursor } = pageOf(rows, query.limit, (a) => [a.name, a.id]);
      return { status: 200, body: { items: items.map(agencyView), nextCursor } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/agencies/{id}',
    summary: 'Read one agency',
    tags: ['Agencies'],
    access: readers,
    params: IdParams,
    responses: { 200: { description: 'The agency', schema: Agency } },
    handler: async ({ caller, db, params }) => {
      const agency = await findAgency(db, caller.organizationId, params.id);
      if (!agency) throw notFound('agency');
      return { status: 200, body: agencyView(agency) };
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/agencies/{id}',
    summary: 'Change an agency; absent fields stay, null clears',
    tags: ['Agencies'],
    access: writers,
    params: IdParams,
    body: AgencyPatch,
    responses: { 200: { description: 'The updated agency', schema: Agency } },
    handler: async ({ caller, db, params, body, deps }) => {
      const agency = await changeAgency(db, caller.organizationId, params.id, body, deps.clock());
      return { status: 200, body: agencyView(agency) };
    },
  });
}
