import { DateTime } from 'luxon';
import { agencyCalendar, countingCalendar } from '../agencies/agency-calendar';
import type { AgencyRecord } from '../agencies/agency-store';
import { businessDaysBetween, computeDeadlines, ruleFor, type DeadlineResult } from '../deadlines';
import type { Db } from '../db/database';
import { dateIn } from '../util/zoned-date';
import { effectiveEvents, type EffectiveEvent } from '../events/effective-events';
import { listEvents } from '../events/event-store';
import { NO_DEADLINE_EFFECT } from '../events/state-machine';
import { leadDaysFor, newsroomSettings, planReminders } from './reminder-plan';
import { storeResponseTimes, type RequestRecord, type ResponseTimes } from '../requests/request-store';
import type { OrganizationSettings } from '../organizations/organization-settings';
import { replaceDeadlines, type NewDeadlines, type StoredDeadline } from './deadline-store';

// For report cards: the agency's first move of any kind, and its final answer.
const FIRST_RESPONSE = new Set([
  'acknowledged',
  'expedited_decided',
  'extension_claimed',
  'fee_estimate',
  'clarification_requested',
  'records_released',
  'denied',
  'no_records',
]);
const isFinal = (e: EffectiveEvent) =>
  e.type === 'denied' || e.type === 'no_records' || (e.type === 'records_released' && e.data.final === true);

/** What a recount needs besides the request and its agency, when its caller has already read it. */
export interface RecountInputs {
  /** The effective history, without NO_DEADLINE_EFFECT types. */
  events: EffectiveEvent[];
  settings: () => Promise<OrganizationSettings>;
  /** The assignee's lead days, or the newsroom's default. */
  leadDays: () => Promise<number>;
}

export interface Recount {
  result: DeadlineResult;
  /** The request's deadlines as stored, soonest first. */
  deadlines: StoredDeadline[];
  /** The agency's response times for report cards: the caller stores them on the request. */
  responseTimes: ResponseTimes;
}

/**
 * Recomputes and stores a request's deadlines (and when to remind about them)
 * from its agency's calendar and its whole history, in the caller's
 * transaction. The date of receipt is the `submitted` event's `receivedAt`
 * when given, else the submission time.
 */
export async function refreshDeadlines(
  db: Db,
  request: RequestRecord,
  agency: AgencyRecord,
  now: Date,
): Promise<DeadlineResult | undefined> {
  if (!request.submittedAt || !request.submissionMethod) return undefined;
  const events = effectiveEvents(await listEvents(db, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT }));
  // Read once at most: the follow-up target and the default lead days both come from it.
  const newsroom = newsroomSettings(db, request.organizationId);
  const recount = await recountDeadlines(db, request, agency, now, {
    events,
    settings: newsroom,
    leadDays: () => leadDaysFor(db, request.assigneeId, newsroom),
  });
  if (!recount) return undefined;
  await storeResponseTimes(db, request.id, recount.responseTimes);
  return recount.result;
}

/**
 * refreshDeadlines from what the caller has read: computes and stores the
 * deadlines in one statement and returns the response times for the caller
 * to store with its own update of the request. Undefined for a draft.
 */
export async function recountDeadlines(
  db: Db,
  request: RequestRecord,
  agency: AgencyRecord,
  now: Date,
  inputs: RecountInputs,
): Promise<Recount | undefined> {
  const planned = await planDeadlines(request, agency, inputs);
  if (!planned) return undefined;
  const deadlines = await replaceDeadlines(db, planned.owner, planned.deadlines, planned.plan, now);
  return { result: planned.result, deadlines, responseTimes: planned.responseTimes };
}

/** A request's deadlines as computed, before they are stored: what replaceDeadlines or insertDeadlines write. */
export interface PlannedDeadlines extends NewDeadlines {
  result: DeadlineResult;
  responseTimes: ResponseTimes;
}

/**
 * The computing half of recountDeadlines, writing nothing: the engine's
 * deadlines from the agency's calendar and the effective history, when to
 * remind of each, and the agency's response times. Undefined for a draft.
 */
export async function planDeadlines(
  request: RequestRecord,
  agency: AgencyRecord,
  inputs: RecountInputs,
): Promise<PlannedDeadlines | undefined> {
  if (!request.submittedAt || !request.submissionMethod) return undefined;
  const { events } = inputs;
  // The latest filing counts: a letter filed again after its email failed restarts the clock.
  const filed = [...events].reverse().find((e) => e.type === 'submitted');
  const receivedAt = typeof filed?.data.receivedAt === 'string' ? filed.data.receivedAt : request.submittedAt.toISOString();
  const receivedDate = DateTime.fromISO(receivedAt, { zone: agency.timezone }).toISODate() ?? receivedAt.slice(0, 10);
  const rule = ruleFor(agency.jurisdiction, receivedDate);
  const typeRule = request.requestType === 'standard' ? undefined : rule.requestTypes[request.requestType];
  const lawSetsNoPeriod = typeRule?.response ? 'noFixedPeriod' in typeRule.response : 'noFixedPeriod' in rule.response;
  const settings = lawSetsNoPeriod ? await inputs.settings() : undefined;
  const result = computeDeadlines({
    ...countingCalendar(agency),
    receivedAt,
    requestType: request.requestType,
    expedited: request.expedited?.requested === true,
    submissionMethod: request.submissionMethod,
    ...(settings ? { followUpTarget: settings.followUpTarget } : {}),
    events: events
      .filter((e) => e.type !== 'submitted')
      .map((e) => ({ type: e.type, occurredAt: e.occurredAt.toISOString(), data: e.data })),
  });
  const leadDays = await inputs.leadDays();
  return {
    owner: {
      organizationId: request.organizationId,
      requestId: request.id,
      agencyId: agency.id,
      assigneeId: request.assigneeId,
      timezone: result.timezone,
    },
    deadlines: result.deadlines,
    plan: (d) => {
      const plan = planReminders(agency, d, leadDays);
      return request.letterUndelivered ? { ...plan, nextReminderOn: null } : plan;
    },
    result,
    responseTimes: responseTimesOf(agency, result.deemedReceivedDate, events),
  };
}

function responseTimesOf(agency: AgencyRecord, receivedDate: string, events: EffectiveEvent[]): ResponseTimes {
  const first = events.find((e) => FIRST_RESPONSE.has(e.type));
  const final = events.find(isFinal);
  const calendar = agencyCalendar(agency);
  const bdays = (e: EffectiveEvent | undefined) =>
    e ? businessDaysBetween(agency.jurisdiction, calendar, receivedDate, dateIn(e.occurredAt, agency.timezone)) : null;
  return {
    firstResponseAt: first?.occurredAt ?? null,
    finalResponseAt: final?.occurredAt ?? null,
    firstResponseBdays: bdays(first),
    finalResponseBdays: bdays(final),
  };
}
