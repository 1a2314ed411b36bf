import { agencyCalendar, type AgencyCalendarOptions } from './agency-calendar';
import { formatDay, parseIsoDate, yearOf } from './civil-dates';
import { DeadlineInputError } from './errors';
import { ruleFor } from './jurisdictions';

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
