import type { Closure } from './agency-store';

/**
 * The days an agency keeps apart from its jurisdiction's legal holidays: its
 * own closures, the optional holidays it observes, the legal ones it works.
 */
export interface AgencyCalendarFields {
  closures: Closure[];
  optionalHolidays: string[];
  workedHolidays: string[];
  /** Saved options are counted leniently: a slug that a later rule change made invalid is set aside with a warning. */
  lenientHolidays?: boolean;
}

/** An agency's calendar with the law that counts on it and the zone its dates are in. */
export interface AgencyCountingCalendar extends AgencyCalendarFields {
  jurisdiction: string;
  timezone: string;
}

/** The columns of an agencies row that hold its calendar, as a joined read returns them. */
export interface AgencyCalendarRow {
  closures: Closure[];
  optional_holidays: string[];
  worked_holidays: string[];
}

/**
 * The one place an agency's calendar is taken from its fields, in the shape
 * the deadline engine counts on: a field added to the calendar is added here,
 * and every count (deadlines, reminders, lateness, report cards) sees it.
 */
export function agencyCalendar(a: AgencyCalendarFields): AgencyCalendarFields {
  return { closures: a.closures, optionalHolidays: a.optionalHolidays, workedHolidays: a.workedHolidays, lenientHolidays: true };
}

/** The calendar with its jurisdiction and zone: what computeDeadlines is told about the agency. */
export function countingCalendar(a: AgencyCountingCalendar): AgencyCountingCalendar {
  return { jurisdiction: a.jurisdiction, timezone: a.timezone, ...agencyCalendar(a) };
}

/** The calendar from an agencies row read in a join (`a.closures, a.optional_holidays, a.worked_holidays`). */
export function agencyCalendarOfRow(r: AgencyCalendarRow): AgencyCalendarFields {
  return { closures: r.closures, optionalHolidays: r.optional_holidays, workedHolidays: r.worked_holidays, lenientHolidays: true };
}
