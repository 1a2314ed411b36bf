import { agencyCalendar, type AgencyCalendarOptions } from './agency-calendar';
import type { BusinessCalendar } from './business-calendar';
import { formatDay, parseIsoDate, yearOf } from './civil-dates';
import { DeadlineInputError } from './errors';
import { ruleFor } from './jurisdictions';

/**
 * A counter of business days on one agency's calendar, for callers that count
 * many ranges (a page of deadlines): the calendar is checked and looked up once.
 * The rule version is the one in force on `onDate`.
 */
export function businessDayCounter(jurisdiction: string, options: AgencyCalendarOptions, onDate: string): (from: string, to: string) => number {
  const day = parseIsoDate(onDate);
  if (day === undefined) throw new DeadlineInputError('date', `"${onDate}" is not a valid YYYY-MM-DD date`);
  const version = ruleFor(jurisdiction, onDate);
  // Checking an agency's holiday options costs more than counting with them; dashboards ask again and again.
  const key = `${jurisdiction}@${version.effectiveFrom}#${yearOf(day)}#${JSON.stringify(options)}`;
  let calendar = counterCalendars.get(key);
  if (!calendar) {
    calendar = agencyCalendar(jurisdiction, version, options, yearOf(day)).calendar;
    if (counterCalendars.size >= 2000) counterCalendars.clear();
    counterCalendars.set(key, calendar);
  }
  const cal = calendar;
  return (from, to) => {
    const a = parseIsoDate(from);
    const b = parseIsoDate(to);
    if (a === undefined || b === undefined) throw new DeadlineInputError('date', `"${from}" or "${to}" is not a valid YYYY-MM-DD date`);
    return b <= a ? 0 : cal.countBusinessDays(a, b);
  };
}

const counterCalendars = new Map<string, BusinessCalendar>();

/**
 * Business days in the half-open range (from, to] on an agency's calendar: how
 * late an answer on `to` was for a deadline of `from`. 0 when `to` <= `from`.
 * The calendar is the rule version in force on `from`.
 */
export function businessDaysBetween(jurisdiction: string, options: AgencyCalendarOptions, from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === undefined) throw new DeadlineInputError('from', `"${from}" is not a valid YYYY-MM-DD date`);
  if (b === undefined) throw new DeadlineInputError('to', `"${to}" is not a valid YYYY-MM-DD date`);
  if (b <= a) return 0;
  const { calendar } = agencyCalendar(jurisdiction, ruleFor(jurisdiction, from), options, yearOf(a));
  return calendar.countBusinessDays(a, b);
}

/**
 * The business day `n` business days before `date` (n = 0: `date` itself) and
 * the first business day after it, on an agency's calendar: when to remind
 * before a deadline and when it is first overdue.
 */
export function reminderDates(jurisdiction: string, options: AgencyCalendarOptions, date: string, n: number): { before: string; firstOverdue: string } {
  const day = parseIsoDate(date);
  if (day === undefined) throw new DeadlineInputError('date', `"${date}" is not a valid YYYY-MM-DD date`);
  const { calendar } = agencyCalendar(jurisdiction, ruleFor(jurisdiction, date), options, yearOf(day));
  let before = day;
  // n is a handful of days: stepping back is cheaper than anything clever.
  for (let left = n; left > 0; ) {
    before -= 1;
    if (calendar.isBusinessDay(before)) left -= 1;
  }
  return { before: formatDay(before), firstOverdue: formatDay(calendar.addBusinessDays(day, 1)) };
}
