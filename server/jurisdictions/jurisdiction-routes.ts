import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import { getJurisdiction, listJurisdictions } from '../deadlines';
import type { ApiRouter } from '../http/api-router';
import { notFound } from '../errors/problem';

const JurisdictionSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    lawName: z.string(),
    citation: z.string(),
    effectiveFrom: z.string(),
    responsePeriod: z.string(),
    response: z.object({ days: z.number(), dayType: z.enum(['business', 'calendar']) }).nullable(),
    noFixedPeriod: z.boolean(),
    statuteWords: z.string().optional(),
    requestTypes: z.array(z.string()),
    defaultTimezone: z.string(),
    confidence: z.enum(['high', 'medium', 'low']),
  })
  .meta({ id: 'JurisdictionSummary' });

const JurisdictionRules = z
  .object({
    code: z.string(),
    name: z.string(),
    lawName: z.string(),
    versions: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'Rule versions by effectiveFrom; see docs/deadline-rules.md.' }),
  })
  .meta({ id: 'JurisdictionRules' });

const CodeParams = z.object({ code: z.string().regex(/^US(-[A-Z]{2})?$/, 'Must be US or US-XX.') }).strict();

const anyone = { roles: READER_ROLES, operator: true } as const;

export function jurisdictionRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/jurisdictions',
    summary: 'The rule sets: federal FOIA, the 50 states and DC',
    tags: ['Deadlines'],
    access: anyone,
    responses: { 200: { description: 'One summary per jurisdiction', schema: z.object({ items: z.array(JurisdictionSummary) }) } },
    handler: async () => ({ status: 200, body: { items: listJurisdictions() } }),
  });

  api.route({
    method: 'get',
    path: '/v1/jurisdictions/{code}',
    summary: 'One jurisdiction’s full rule set with sources and confidence',
    tags: ['Deadlines'],
    access: anyone,
    params: CodeParams,
    responses: { 200: { description: 'The rule set, every version', schema: JurisdictionRules } },
    handler: async ({ params }) => {
      const rules = getJurisdiction(params.code);
      if (!rules) throw notFound('jurisdiction');
      return { status: 200, body: rules };
    },
  });
}
