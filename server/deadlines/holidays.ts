import { dayFromParts, daysInMonth, formatDay, parseIsoDate, weekdayOf } from './civil-dates';
import type { HolidayCalendarRule, HolidayDateRule, LegalHolidayRule, OptionalHolidayRule, SubstituteRule } from './rules/holiday-schema';
import { WEEKDAYS } from './rules/holiday-schema';

/**
 * One closed date with what the trace names it by. A holiday that falls on a
 * weekend appears on its own date (a weekend, so no business day is lost) and,
 * where the jurisdiction observes a substitute, on the substitute weekday.
 */
export type HolidayDate = { day: number; date: string; name: string; slug: string; citation: string; substitute: boolean };

/** Weekday index as `weekdayOf` numbers it (0 = Sunday). */
function weekdayIndex(name: (typeof WEEKDAYS)[number]): number {
  return (WEEKDAYS.indexOf(name) + 1) % 7;
}

/** Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromParts(year, month, day);
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): number | undefined {
  if (nth === -1) {
    const last = dayFromParts(year, month, daysInMonth(year, month));
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayFromParts(year, month, 1);
  const day = first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
  return day < first + daysInMonth(year, month) ? day : undefined;
}

/** The general election: the Tuesday after the first Monday in November. */
export function electionDay(year: number): number {
  const firstMonday = nthWeekday(year, 11, 1, 1) as number;
  return firstMonday + 1;
}

/** The day(s) in `year` that a date rule names, before any weekend substitute. */
export function ruleDays(rule: HolidayDateRule, year: number): number[] {
  switch (rule.type) {
    case 'fixed':
      return rule.day <= daysInMonth(year, rule.month) ? [dayFromParts(year, rule.month, rule.day)] : [];
    case 'nth_weekday': {
      const day = nthWeekday(year, rule.month, weekdayIndex(rule.weekday), rule.nth);
      return day === undefined ? [] : [day + (rule.offsetDays ?? 0)];
    }
    case 'easter':
      return [easterSunday(year) + rule.offsetDays];
    case 'election_day': {
      const wanted =
        rule.years === 'all' ||
        (rule.years === 'even' && year % 2 === 0) ||
        (rule.years === 'odd' && year % 2 === 1) ||
        (rule.years === 'presidential' && year % 4 === 0);
      return wanted ? [electionDay(year)] : [];
    }
    case 'dates':
      return rule.dates.filter((d) => d.startsWith(`${year}-`)).map((d) => parseIsoDate(d) as number);
  }
}

function substituteDay(day: number, substitute: SubstituteRule | undefined): number | undefined {
  if (!substitute) return undefined;
  const weekday = weekdayOf(day);
  if (weekday === 6) return substitute.saturday === 'friday' ? day - 1 : substitute.saturday === 'monday' ? day + 2 : undefined;
  if (weekday === 0) return substitute.sunday === 'monday' ? day + 1 : undefined;
  return undefined;
}

type AnyHoliday = Pick<LegalHolidayRule, 'slug' | 'name' | 'date' | 'from' | 'until' | 'citation' | 'overrides'> & {
  substitute?: SubstituteRule | undefined;
};

/**
 * The dates a holiday closes offices in its holiday year: the day itself and,
 * when it falls on a weekend, the observed day. An observed day may fall in
 * the year before (New Year's Day on a Saturday observed on 31 December).
 */
export function holidayDates(holiday: AnyHoliday, year: number): HolidayDate[] {
  const out: HolidayDate[] = [];
  const inForce = (day: number): boolean => {
    const date = formatDay(day);
    return (holiday.from === undefined || date >= holiday.from) && (holiday.until === undefined || date < holiday.until);
  };
  for (const day of ruleDays(holiday.date, year)) {
    if (!inForce(day)) continue;
    const date = formatDay(day);
    out.push({ day, date, name: holiday.name, slug: holiday.slug, citation: holiday.citation, substitute: false });
    const override = holiday.overrides?.find((o) => o.year === year);
    let observed: number | undefined;
    let citation = holiday.substitute?.citation ?? holiday.citation;
    if (override) {
      observed = override.observed === null ? undefined : (parseIsoDate(override.observed) as number);
      citation = override.citation;
    } else {
      observed = substituteDay(day, holiday.substitute);
    }
    if (observed !== undefined && observed !== day) {
      out.push({
        day: observed,
        date: formatDay(observed),
        name: `${holiday.name} (observed)`,
        slug: holiday.slug,
        citation,
        substitute: true,
      });
    }
  }
  return out;
}

// Holiday years are computed once per calendar object and year for the process.
const legalYears = new WeakMap<HolidayCalendarRule, Map<number, HolidayDate[]>>();

/**
 * Every date in `year` on which the jurisdiction's legal holidays close
 * offices, sorted, one entry per date. Observed days that spill into the
 * neighbouring year are included in the year they fall in.
 */
export function legalHolidays(calendar: HolidayCalendarRule, year: number): HolidayDate[] {
  let years = legalYears.get(calendar);
  if (!years) {
    years = new Map();
    legalYears.set(calendar, years);
  }
  const cached = years.get(year);
  if (cached) return cached;
  const byDate = new Map<number, HolidayDate>();
  // Holidays are listed before their observed days so that a holiday proper wins a shared date.
  const all = [year - 1, year, year + 1].flatMap((y) => calendar.legal.flatMap((h) => holidayDates(h, y)));
  for (const h of [...all.filter((h) => !h.substitute), ...all.filter((h) => h.substitute)]) {
    if (h.date.startsWith(`${year}-`) && !byDate.has(h.day)) byDate.set(h.day, h);
  }
  const list = [...byDate.values()].sort((a, b) => a.day - b.day);
  years.set(year, list);
  return list;
}

/** Dates in `year` of an optional holiday the agency opted into. */
export function optionalHolidayDates(holiday: OptionalHolidayRule, year: number): HolidayDate[] {
  return [year - 1, year, year + 1].flatMap((y) => holidayDates(holiday, y)).filter((h) => h.date.startsWith(`${year}-`));
}

/** Slugs of the calendar's legal holidays (to validate `workedHolidays`). */
export function legalHolidaySlugs(calendar: HolidayCalendarRule): Set<string> {
  return new Set(calendar.legal.map((h) => h.slug));
}
