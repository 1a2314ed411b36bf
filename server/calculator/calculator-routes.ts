import { READER_ROLES } from '../auth/caller';
import { findAgency } from '../agencies/agency-store';
import { computeDeadlines, type DeadlineInput } from '../deadlines';
import type { ApiRouter } from '../http/api-router';
import { notFound } from '../errors/problem';
import { CalculateBody, CalculationResult } from './calculator-schemas';

export function calculatorRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/deadlines/calculate',
    summary: 'What-if deadline calculator',
    description:
      'Computes every statutory deadline for a request received at `receivedAt`, after the agency’s moves in `events` ' +
      '(extension, clarification, fee, denial, appeal). Each date carries its basis and a trace of how it was counted. ' +
      'Nothing is stored.',
    tags: ['Deadlines'],
    access: { roles: READER_ROLES },
    body: CalculateBody,
    responses: { 200: { description: 'The deadlines', schema: CalculationResult } },
    handler: async ({ caller, db, body }) => {
      const agency = body.agencyId ? await findAgency(db, caller.organizationId, body.agencyId) : undefined;
      if (body.agencyId && !agency) throw notFound('agency');
      const input: DeadlineInput = {
        jurisdiction: body.jurisdiction ?? agency!.jurisdiction,
        receivedAt: body.receivedAt,
        timezone: body.timezone ?? agency?.timezone,
        requestType: body.requestType,
        submissionMethod: body.submissionMethod,
        closures: body.closures ?? agency?.closures,
        optionalHolidays: body.optionalHolidays ?? agency?.optionalHolidays,
        workedHolidays: body.workedHolidays ?? agency?.workedHolidays,
        // Options taken from the saved agency are counted as saved; options given here are checked.
        lenientHolidays: agency !== undefined && body.optionalHolidays === undefined && body.workedHolidays === undefined,
        followUpTarget: body.followUpTarget,
        events: body.events,
      };
      return { status: 200, body: computeDeadlines(input) };
    },
  });
}
