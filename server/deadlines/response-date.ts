import { agencyCalendar } from './agency-calendar';
import type { BusinessCalendar } from './business-calendar';
import { formatDay, parseIsoDate, yearOf } from './civil-dates';
import { DeadlineInputError } from './errors';
import { selectVersion } from './jurisdictions';
import { dueDay } from './periods';
import type { Period } from './rule-types';
import { hasFixedPeriod, periodOf } from './rule-types';
import { RULES } from './rules';

type CoreVersion = {
  effectiveFrom: string;
  calendar: BusinessCalendar;
  /** Undefined where the law sets no fixed period. */
  period: Period | undefined;
  /** Set when the response counts from the acknowledgment: without events that is the acknowledgment deadline. */
  acknowledgmentPeriod: Period | undefined;
  excludeReceiptDay: boolean;
  deemNextBusinessDay: boolean;
  roll: boolean;
};

const coreVersions = new Map<string, CoreVersion[]>();

function versionsFor(code: string): CoreVersion[] {
  let versions = coreVersions.get(code);
  if (versions) return versions;
  const rules = RULES.get(code);
  if (!rules) throw new DeadlineInputError('jurisdiction', `unknown jurisdiction "${code}"`);
  versions = rules.versions.map((version) => ({
    effectiveFrom: version.effectiveFrom,
    calendar: agencyCalendar(code, version, {}, yearOf(parseIsoDate(version.effectiveFrom) ?? 0)).calendar,
    period: hasFixedPeriod(version.response) ? periodOf(version.response) : undefined,
    acknowledgmentPeriod:
      hasFixedPeriod(version.response) && version.response.countFrom === 'acknowledgment' && version.acknowledgment
        ? periodOf(version.acknowledgment)
        : undefined,
    excludeReceiptDay: version.counting.excludeReceiptDay,
    deemNextBusinessDay: version.counting.nonBusinessDayReceipt === 'deemed_next_business_day',
    roll: version.counting.rollForward.agencyDeadlines,
  }));
  coreVersions.set(code, versions);
  return versions;
}

/**
 * The standard statutory response date for a receipt date on the
 * jurisdiction's default calendar (no closures, events or options), or null
 * where the law sets no fixed period. It is the same arithmetic computeDeadlines
 * runs first (`dueDay` over the cached calendar), without trace or events, for
 * bulk uses such as dashboards and the benchmark.
 */
export function computeResponseDueDate(code: string, receivedDate: string): string | null {
  const receivedDay = parseIsoDate(receivedDate);
  if (receivedDay === undefined) throw new DeadlineInputError('receivedAt', `"${receivedDate}" is not a valid YYYY-MM-DD date`);
  const version = selectVersion(versionsFor(code), receivedDate);
  if (!version) throw new DeadlineInputError('receivedAt', `no ${code} rule is recorded for requests received on ${receivedDate}`);
  if (!version.period) return null;
  const deemed = version.deemNextBusinessDay ? version.calendar.nextBusinessDayOnOrAfter(receivedDay) : receivedDay;
  let anchor = version.excludeReceiptDay ? deemed : deemed - 1;
  if (version.acknowledgmentPeriod) anchor = dueDay(version.calendar, anchor, version.acknowledgmentPeriod, version.roll);
  return formatDay(dueDay(version.calendar, anchor, version.period, version.roll));
}
