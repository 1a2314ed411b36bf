import { agencyCalendar, type AgencyCalendarOptions } from './agency-calendar';
import type { BusinessCalendar } from './business-calendar';
import { formatDay, parseIsoDate } from './civil-dates';
import { DeadlineInputError } from './errors';
import { ruleFor } from './jurisdictions';

function dayOf(date: string, field: string): number {
  const day = parseIsoDate(date);
  if (day === undefined) throw new DeadlineInputError(field, `"${date}" is not a valid YYYY-MM-DD date`);
  return day;
}

const calendars = new Map<string, BusinessCalendar>();

/**
 * An agency's calendar under the rule version in force on `date`. Checking an
 * agency's holiday options costs more than counting with them, and dashboards,
 * report cards and reminder planning ask for the same few calendars again and
 * again, so the checked calendar is kept.
 */
function calendarOn(jurisdiction: string, options: AgencyCalendarOptions, date: string): BusinessCalendar {
  const version = ruleFor(jurisdiction, date);
  const key = `${jurisdiction}@${version.effectiveFrom}#${JSON.stringify(options)}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = agencyCalendar(jurisdiction, version, options).calendar;
    if (calendars.size >= 2000) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * A counter of business days on one agency's calendar, for callers that count
 * many ranges (a page of deadlines): the calendar is looked up once.
 * The rule version is the one in force on `onDate`.
 */
export function businessDayCounter(
  jurisdiction: string,
  options: AgencyCalendarOptions,
  onDate: string,
): (from: string, to: string) => number {
  const calendar = calendarOn(jurisdiction, options, onDate);
  return (from, to) => {
    const a = dayOf(from, 'from');
    const b = dayOf(to, 'to');
    return b <= a ? 0 : calendar.countBusinessDays(a, b);
  };
}

/**
 * Business days in the half-open range (from, to] on an agency's calendar: how
 * late an answer on `to` was for a deadline of `from`. 0 when `to` <= `from`.
 * The calendar is the rule version in force on `from`.
 */
export function businessDaysBetween(jurisdiction: string, options: AgencyCalendarOptions, from: string, to: string): number {
  const a = dayOf(from, 'from');
  const b = dayOf(to, 'to');
  return b <= a ? 0 : calendarOn(jurisdiction, options, from).countBusinessDays(a, b);
}

/**
 * The business day `n` business days before `date` (n = 0: `date` itself) and
 * the first business day after it, on an agency's calendar: when to remind
 * before a deadline and when it is first overdue.
 */
export function reminderDates(
  jurisdiction: string,
  options: AgencyCalendarOptions,
  date: string,
  n: number,
): { before: string; firstOverdue: string } {
  const day = dayOf(date, 'date');
  const calendar = calendarOn(jurisdiction, options, date);
  let before = day;
  // n is a handful of days: stepping back is cheaper than anything clever.
  for (let left = n; left > 0; ) {
    before -= 1;
    if (calendar.isBusinessDay(before)) left -= 1;
  }
  return { before: formatDay(before), firstOverdue: formatDay(calendar.addBusinessDays(day, 1)) };
}
