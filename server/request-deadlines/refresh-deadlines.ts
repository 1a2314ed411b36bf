import { DateTime } from 'luxon';
import { computeDeadlines, ruleFor, type DeadlineResult, type SubmissionMethod as EngineMethod } from '../deadlines';
import type { Db } from '../db/database';
import type { AgencyRecord } from '../agencies/agency-store';
import { effectiveEvents } from '../history/effective-events';
import { listEvents } from '../history/event-store';
import type { RequestRecord } from '../requests/request-store';
import type { SubmissionMethod } from '../requests/request-schemas';
import { replaceDeadlines } from './deadline-store';

// The engine's vocabulary for how a request reached the agency.
const ENGINE_METHOD: Record<SubmissionMethod, EngineMethod> = {
  email: 'email',
  portal: 'web_portal',
  mail: 'mail',
  fax: 'fax',
  in_person: 'hand_delivery',
};

/**
 * Event types that never move a deadline or a status: a long history is mostly
 * these, so they are neither loaded nor recomputed for.
 */
export const NO_DEADLINE_EFFECT: readonly string[] = ['note', 'correspondence', 'delivery_failed'];

/** Where the law sets no period, the newsroom's own follow-up target (not statutory). */
export const DEFAULT_FOLLOW_UP_TARGET = { days: 10, dayType: 'business' as const };

/**
 * Recomputes and stores a request's deadlines from its agency's calendar and
 * its whole history, in the caller's transaction. The date of receipt is the
 * `received` event's date when there is one, else the submission time.
 */
export async function refreshDeadlines(db: Db, request: RequestRecord, agency: AgencyRecord, now: Date): Promise<DeadlineResult | undefined> {
  if (!request.submittedAt || !request.submissionMethod) return undefined;
  const events = effectiveEvents(await listEvents(db, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT }));
  const received = [...events].reverse().find((e) => e.type === 'submitted' && typeof e.data.receivedAt === 'string');
  const receivedAt = (received?.data.receivedAt as string | undefined) ?? request.submittedAt.toISOString();
  const receivedDate = DateTime.fromISO(receivedAt, { zone: agency.timezone }).toISODate() ?? receivedAt.slice(0, 10);
  const rule = ruleFor(agency.jurisdiction, receivedDate);
  const typeRule = request.requestType === 'standard' ? undefined : rule.requestTypes[request.requestType];
  const lawSetsNoPeriod = typeRule?.response ? 'noFixedPeriod' in typeRule.response : 'noFixedPeriod' in rule.response;
  const result = computeDeadlines({
    jurisdiction: agency.jurisdiction,
    receivedAt,
    timezone: agency.timezone,
    requestType: request.requestType,
    submissionMethod: ENGINE_METHOD[request.submissionMethod],
    closures: agency.closures,
    optionalHolidays: agency.optionalHolidays,
    workedHolidays: agency.workedHolidays,
    ...(lawSetsNoPeriod ? { followUpTarget: DEFAULT_FOLLOW_UP_TARGET } : {}),
    events: events
      .filter((e) => e.type !== 'submitted')
      .map((e) => ({ type: e.type, occurredAt: e.occurredAt.toISOString(), data: e.data })),
  });
  await replaceDeadlines(
    db,
    { organizationId: request.organizationId, requestId: request.id, agencyId: agency.id, assigneeId: request.assigneeId, timezone: result.timezone },
    result.deadlines,
    now,
  );
  return result;
}
