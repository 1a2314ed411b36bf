import { agencyCalendar } from './agency-calendar';
import { formatDay, parseIsoDate } from './civil-dates';
import { DeadlineInputError } from './errors';
import { dueDay } from './periods';
import type { RuleVersion } from './rule-types';
import { hasFixedPeriod, periodOf } from './rule-types';
import { RULES } from './rules';

/** Due day for a receipt day, or NO_PERIOD where the law sets none. */
type DueFunction = (receivedDay: number) => number;

type CoreVersion = { fromDay: number; due: DueFunction };

export const NO_PERIOD = -1;

/**
 * Builds the response-date function of one rule version, with the receipt
 * conventions and the default calendar bound once, so a call is the
 * calendar's O(1) lookups and nothing else.
 */
function compile(code: string, version: RuleVersion): CoreVersion {
  const fromDay = parseIsoDate(version.effectiveFrom) as number;
  const response = version.response;
  if (!hasFixedPeriod(response)) return { fromDay, due: () => NO_PERIOD };
  const calendar = agencyCalendar(code, version, {}).calendar;
  const period = periodOf(response);
  const roll = version.counting.rollForward.agencyDeadlines;
  const shift = version.counting.excludeReceiptDay ? 0 : -1;
  const deemNext = version.counting.nonBusinessDayReceipt === 'deemed_next_business_day';
  // Where the response runs from the acknowledgment, with no events that is the acknowledgment deadline.
  const ack = response.countFrom === 'acknowledgment' && version.acknowledgment ? periodOf(version.acknowledgment) : undefined;
  if (period.unit === 'business_days' && !deemNext && ack === undefined) {
    const n = period.amount;
    return { fromDay, due: (received) => calendar.addBusinessDays(received + shift, n) };
  }
  return {
    fromDay,
    due: (received) => {
      let anchor = (deemNext ? calendar.nextBusinessDayOnOrAfter(received) : received) + shift;
      if (ack) anchor = dueDay(calendar, anchor, ack, roll);
      return dueDay(calendar, anchor, period, roll);
    },
  };
}

const compiled = new Map<string, CoreVersion[]>();

function versionsFor(code: string): CoreVersion[] {
  let versions = compiled.get(code);
  if (versions) return versions;
  const rules = RULES.get(code);
  if (!rules) throw new DeadlineInputError('jurisdiction', `unknown jurisdiction "${code}"`);
  versions = rules.versions.map((version) => compile(code, version));
  compiled.set(code, versions);
  return versions;
}

/**
 * Day-ordinal form of computeResponseDueDate: the statutory response day for a
 * receipt day on the jurisdiction's default calendar, or NO_PERIOD.
 */
export function responseDueDay(code: string, receivedDay: number): number {
  const versions = versionsFor(code);
  for (let i = versions.length - 1; i >= 0; i -= 1) {
    const version = versions[i] as CoreVersion;
    if (version.fromDay <= receivedDay) return version.due(receivedDay);
  }
  throw new DeadlineInputError('receivedAt', `no ${code} rule is recorded for requests received on ${formatDay(receivedDay)}`);
}

/**
 * The standard statutory response date for a receipt date on the
 * jurisdiction's default calendar (no closures, events or options), or null
 * where the law sets no fixed period. Same arithmetic as the response
 * deadline of computeDeadlines (`dueDay` over the cached calendar), without
 * trace or events, for bulk uses such as dashboards and the benchmark.
 */
export function computeResponseDueDate(code: string, receivedDate: string): string | null {
  const receivedDay = parseIsoDate(receivedDate);
  if (receivedDay === undefined) throw new DeadlineInputError('receivedAt', `"${receivedDate}" is not a valid YYYY-MM-DD date`);
  const due = responseDueDay(code, receivedDay);
  return due === NO_PERIOD ? null : formatDay(due);
}
