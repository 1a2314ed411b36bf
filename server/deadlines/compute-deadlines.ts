import { agencyCalendar } from './agency-calendar';
import { appealDeadlines, basisOf } from './appeal-deadlines';
import { formatDay } from './civil-dates';
import type { Deadline, DeadlineInput, DeadlineResult, TraceEntry } from './deadline-types';
import { ACKNOWLEDGMENT_SATISFIED_BY, judge, RESPONSE_SATISFIED_BY } from './deadline-status';
import { DeadlineInputError } from './errors';
import type { TimedEvent } from './event-log';
import { normalizeEvents } from './event-log';
import { deadlineInputSchema } from './input-schema';
import { getJurisdiction, ruleFor } from './jurisdictions';
import type { RollForward } from './periods';
import { dueDay, periodTrace } from './periods';
import { checkZone, deemReceipt, localDateOf } from './receipt';
import { ResponseClock } from './response-clock';
import type { Obligation, RequestTypeRule, ResponseRule, RuleVersion } from './rule-types';
import { describePeriod, hasFixedPeriod, periodOf } from './rule-types';

function parseInput(input: DeadlineInput): DeadlineInput {
  const parsed = deadlineInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = (issue?.path ?? []).map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
  throw new DeadlineInputError(field || 'body', issue?.message ?? 'invalid input');
}

type Effective = { response: ResponseRule; acknowledgment: Obligation | undefined; rt: RequestTypeRule | undefined };

function effectiveRules(code: string, version: RuleVersion, requestType: string): Effective {
  if (requestType === 'standard') return { response: version.response, acknowledgment: version.acknowledgment, rt: undefined };
  const rt = version.requestTypes[requestType];
  if (!rt) {
    const known = ['standard', ...Object.keys(version.requestTypes)].join(', ');
    throw new DeadlineInputError('requestType', `unknown request type "${requestType}" for ${code}; expected one of ${known}`);
  }
  const acknowledgment = rt.acknowledgment === null ? undefined : (rt.acknowledgment ?? version.acknowledgment);
  return { response: rt.response ?? version.response, acknowledgment, rt };
}

/** Said wherever a request asks for expedited processing that its law does not provide (engine, request view). */
export const expeditedUnavailable = (lawName: string, citation: string) =>
  `Expedited processing is not available under the ${lawName} (${citation}): the request asks for prompt handling, but no expedited deadline binds the agency.`;

function simpleDeadline(
  kind: string,
  label: string,
  obligation: Obligation,
  receipt: { anchor: number; receivedDay: number },
  roll: RollForward,
  shared: readonly TraceEntry[],
  events: readonly TimedEvent[],
  calendar: Parameters<typeof dueDay>[0],
  defaults: Parameters<typeof judge>[2],
  statutory = true,
  basis = basisOf(obligation),
): { deadline: Deadline; due: number } {
  const period = periodOf(obligation);
  const anchor = receipt.anchor;
  const due = dueDay(calendar, anchor, period, roll.enabled);
  // An answer on the day of receipt counts, although that day is not counted in the period.
  const verdict = judge(events, receipt.receivedDay, obligation.satisfiedBy ?? defaults, due);
  const trace = [...shared, ...periodTrace(calendar, anchor, period, due, roll, label)];
  if (obligation.note) trace.push({ step: 'note', message: obligation.note });
  const deadline: Deadline = {
    kind,
    dueDate: formatDay(due),
    statutory,
    basis,
    status: verdict.status,
    trace: [...trace, ...verdict.trace],
  };
  if (verdict.satisfiedBy) deadline.satisfiedBy = verdict.satisfiedBy;
  return { deadline, due };
}

/**
 * Every deadline a request carries under its jurisdiction's rule, after the
 * agency's and requester's moves in `events`. Pure: same input, same output;
 * statuses come from events only, never from the current time.
 */
export function computeDeadlines(rawInput: DeadlineInput): DeadlineResult {
  const input = parseInput(rawInput);
  const code = input.jurisdiction;
  const rules = getJurisdiction(code);
  if (!rules) throw new DeadlineInputError('jurisdiction', `unknown jurisdiction "${code}"; expected US, US-XX (a state) or US-DC`);

  // The zone decides the receipt date, which decides the version, which holds the default zone.
  const explicitZone = input.timezone === undefined ? undefined : checkZone(input.timezone, 'timezone');
  const latest = rules.versions[rules.versions.length - 1] as RuleVersion;
  let received = localDateOf(input.receivedAt, explicitZone ?? latest.defaultTimezone, 'receivedAt');
  let version = ruleFor(code, received.date);
  if (explicitZone === undefined && version.defaultTimezone !== latest.defaultTimezone) {
    received = localDateOf(input.receivedAt, version.defaultTimezone, 'receivedAt');
    version = ruleFor(code, received.date);
  }
  const zone = explicitZone ?? version.defaultTimezone;
  const requestType = input.requestType ?? 'standard';
  // Expedited processing is asked for on any request. On a standard request the
  // law's expedited rules replace the standard ones (Utah's 5-day response);
  // on another type they only add their deadlines (the federal determination).
  const expeditedRule = version.requestTypes['expedited'];
  const asksExpedited = input.expedited === true || requestType === 'expedited';
  const effective = effectiveRules(code, version, requestType === 'standard' && asksExpedited && expeditedRule ? 'expedited' : requestType);
  const extraDeadlines = [...(effective.rt?.extraDeadlines ?? [])];
  if (asksExpedited && expeditedRule && effective.rt !== expeditedRule) extraDeadlines.push(...(expeditedRule.extraDeadlines ?? []));
  const agency = agencyCalendar(code, version, input);
  const calendar = agency.calendar;
  const receipt = deemReceipt(version, calendar, received, zone, input.receivedAt, input.submissionMethod);
  const events = normalizeEvents(input.events ?? [], zone);
  const warnings = [...agency.warnings];

  const roll = version.counting.rollForward;
  const agencyRoll: RollForward = { enabled: roll.agencyDeadlines, citation: roll.citation };
  const requesterRoll: RollForward = { enabled: roll.requesterDeadlines, citation: roll.citation };
  const shared: TraceEntry[] = [
    {
      step: 'rule',
      message: `${rules.lawName} (${version.citation}), rule version effective ${version.effectiveFrom}, confidence ${version.confidence}${requestType === 'standard' ? '' : `, request type ${requestType}`}${asksExpedited && expeditedRule && requestType !== 'expedited' ? `, expedited processing (${expeditedRule.citation})` : ''}`,
      citation: version.citation,
    },
    ...receipt.trace,
    ...agency.trace,
  ];
  if (explicitZone === undefined && version.timezoneNote)
    shared.push({ step: 'note', message: `Default zone ${zone}: ${version.timezoneNote}` });

  const deadlines: Deadline[] = [];
  let ackDueDay: number | undefined;
  if (effective.acknowledgment) {
    const ack = simpleDeadline(
      'acknowledgment',
      'Acknowledgment',
      effective.acknowledgment,
      receipt,
      agencyRoll,
      shared,
      events,
      calendar,
      ACKNOWLEDGMENT_SATISFIED_BY,
    );
    ackDueDay = ack.due;
    deadlines.push(ack.deadline);
  }

  const response = effective.response;
  const responseSatisfiedBy = hasFixedPeriod(response) ? (response.satisfiedBy ?? RESPONSE_SATISFIED_BY) : RESPONSE_SATISFIED_BY;
  if (hasFixedPeriod(response)) {
    const extension = effective.rt?.extension === null ? undefined : (effective.rt?.extension ?? version.extension);
    const clock = new ResponseClock(
      {
        calendar,
        anchor: receipt.anchor,
        receivedDay: receipt.receivedDay,
        roll: agencyRoll,
        ackEventDay: events.find((e) => e.type === 'acknowledged')?.day,
        ackDueDay,
      },
      { obligation: response, extension, tolling: version.tolling, basis: basisOf(response) },
      shared,
    );
    deadlines.push(clock.run(events));
  } else {
    const words = response.noFixedPeriod.statuteWords;
    warnings.push(
      `${response.noFixedPeriod.citation} sets no fixed response period${words ? ` ("${words}")` : ''}: there is no statutory response date${input.followUpTarget ? '' : '; pass followUpTarget for a newsroom target'}.`,
    );
  }

  if (input.followUpTarget) {
    const target = input.followUpTarget;
    const law = hasFixedPeriod(response)
      ? `in addition to the statutory period (${basisOf(response)})`
      : `${response.noFixedPeriod.citation} sets no fixed period${response.noFixedPeriod.statuteWords ? `: "${response.noFixedPeriod.statuteWords}"` : ` (${response.noFixedPeriod.description})`}`;
    const obligation: Obligation = {
      days: target.days,
      dayType: target.dayType,
      citation: 'newsroom target',
      description: 'Newsroom follow-up target',
      countFrom: 'receipt',
    };
    const basis = `Newsroom follow-up target: ${describePeriod(obligation)}, not statutory; ${law}`;
    deadlines.push(
      simpleDeadline(
        'follow_up',
        'Follow-up target',
        obligation,
        receipt,
        agencyRoll,
        shared,
        events,
        calendar,
        responseSatisfiedBy,
        false,
        basis,
      ).deadline,
    );
  }

  for (const extra of extraDeadlines) {
    deadlines.push(
      simpleDeadline(extra.kind, extra.kind.replace(/_/g, ' '), extra, receipt, agencyRoll, shared, events, calendar, []).deadline,
    );
  }

  deadlines.push(...appealDeadlines({ calendar, version, agencyRoll, requesterRoll, sharedTrace: shared }, events));
  if (events.some((e) => e.type === 'denied' || e.type === 'no_records') && !version.appeal?.window) {
    warnings.push(
      `The rule data records no requester appeal deadline for ${code}${version.appeal?.note ? `: ${version.appeal.note}` : ''}.`,
    );
  }
  if (asksExpedited && !expeditedRule) warnings.push(expeditedUnavailable(rules.lawName, version.citation));
  if (version.confidence !== 'high') {
    warnings.push(
      `The ${code} rule data has ${version.confidence} confidence: sources disagree or values were not verified against the statute text; see the rule notes.`,
    );
  }

  return {
    jurisdiction: code,
    ruleEffectiveFrom: version.effectiveFrom,
    timezone: zone,
    receivedDate: received.date,
    deemedReceivedDate: formatDay(receipt.deemedDay),
    requestType,
    citation: version.citation,
    confidence: version.confidence,
    deadlines,
    warnings,
  };
}
