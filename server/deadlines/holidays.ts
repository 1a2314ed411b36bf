import Holidays from 'date-holidays';

import { formatDay, parseIsoDate } from './civil-dates';
import type { HolidayCalendarRule, OptionalHolidayRule } from './rule-types';

/** One closed (or, for worked holidays, normally closed) date with the name it is traced by. */
export type HolidayDate = { day: number; date: string; name: string; slug: string; substitute: boolean };

const SUBSTITUTE_SUFFIX = /\s*\(substitute day\)\s*$/i;

/**
 * Stable key for a holiday name: "Indigenous Peoples' Day (substitute day)" →
 * "indigenous-peoples-day". A substitute shares its holiday's slug so that an
 * agency working "independence-day" also works the observed Friday.
 */
export function holidaySlug(name: string): string {
  return name
    .replace(SUBSTITUTE_SUFFIX, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type RawHoliday = { date: string; name: string; type: string; substitute: boolean };

// date-holidays takes milliseconds per calendar-year, so instances and years are cached for the process.
const instances = new Map<string, Holidays>();
const rawYears = new Map<string, RawHoliday[]>();
const countedYears = new Map<string, HolidayDate[]>();
const ruleYears = new Map<string, number[]>();

function instanceFor(state: string | undefined): Holidays {
  const key = state ?? '';
  let instance = instances.get(key);
  if (!instance) {
    instance = state === undefined ? new Holidays('US', { languages: ['en'] }) : new Holidays('US', state, { languages: ['en'] });
    instances.set(key, instance);
  }
  return instance;
}

function rawHolidays(state: string | undefined, year: number): RawHoliday[] {
  const key = `${state ?? ''}|${year}`;
  let list = rawYears.get(key);
  if (!list) {
    // The `date` string is the local calendar date; `start`/`end` are instants and would depend on the process zone.
    list = instanceFor(state)
      .getHolidays(year)
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name, type: h.type, substitute: h.substitute === true }));
    rawYears.set(key, list);
  }
  return list;
}

/**
 * The legal holidays of a calendar in one year, deduplicated by date (2027-12-24
 * is both "Christmas Day (substitute day)" and the optional Christmas Eve).
 */
export function legalHolidays(calendar: HolidayCalendarRule, year: number): HolidayDate[] {
  const key = `${calendar.state ?? ''}|${calendar.types.join(',')}|${calendar.substitutes}|${year}`;
  const cached = countedYears.get(key);
  if (cached) return cached;

  const raw = rawHolidays(calendar.state, year);
  const types = new Set<string>(calendar.types);
  const countedSlugs = new Set(raw.filter((h) => !h.substitute && types.has(h.type)).map((h) => holidaySlug(h.name)));
  const byDate = new Map<string, HolidayDate>();
  for (const h of raw) {
    const counted = h.substitute
      ? calendar.substitutes === 'of_counted_holidays'
        ? countedSlugs.has(holidaySlug(h.name)) && h.type !== 'observance'
        : types.has(h.type)
      : types.has(h.type);
    if (!counted || byDate.has(h.date)) continue;
    const day = parseIsoDate(h.date);
    if (day === undefined) continue;
    byDate.set(h.date, { day, date: h.date, name: h.name, slug: holidaySlug(h.name), substitute: h.substitute });
  }
  const list = [...byDate.values()].sort((a, b) => a.day - b.day);
  countedYears.set(key, list);
  return list;
}

function ruleDates(rule: string, year: number): number[] {
  const key = `${rule}|${year}`;
  let days = ruleYears.get(key);
  if (!days) {
    const instance = new Holidays();
    instance.setHoliday(rule, { name: rule, type: 'public' });
    days = instance
      .getHolidays(year)
      .map((h) => parseIsoDate(h.date.slice(0, 10)))
      .filter((d): d is number => d !== undefined);
    ruleYears.set(key, days);
  }
  return days;
}

/** Dates in `year` of an optional holiday the agency opted into. */
export function optionalHolidayDates(holiday: OptionalHolidayRule, year: number): HolidayDate[] {
  const days =
    holiday.dates !== undefined
      ? holiday.dates.map((d) => parseIsoDate(d)).filter((d): d is number => d !== undefined)
      : ruleDates(holiday.dateHolidaysRule ?? '', year);
  const prefix = `${year}-`;
  return days
    .map((day) => ({ day, date: formatDay(day), name: holiday.name, slug: holiday.slug, substitute: false }))
    .filter((h) => h.date.startsWith(prefix));
}

/** Slugs of the legal holidays a calendar has in the given years (to validate `workedHolidays`). */
export function legalHolidaySlugs(calendar: HolidayCalendarRule, years: number[]): Set<string> {
  const slugs = new Set<string>();
  for (const year of years) for (const h of legalHolidays(calendar, year)) slugs.add(h.slug);
  return slugs;
}

/** Known US state codes in date-holidays, to check rule files at load. */
export function dateHolidaysStates(): Set<string> {
  return new Set(Object.keys(new Holidays().getStates('US') ?? {}));
}
