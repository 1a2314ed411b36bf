import { agencyCalendar, type AgencyCalendarOptions } from './agency-calendar';
import { parseIsoDate, yearOf } from './civil-dates';
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
