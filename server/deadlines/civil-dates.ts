/**
 * Calendar dates as integer day ordinals (days since 1970-01-01) so that the
 * deadline arithmetic never touches `Date`, the process time zone or DST.
 * Conversions follow Howard Hinnant's days_from_civil / civil_from_days.
 */

/** Years the engine accepts; date-holidays rules and statutes are not meaningful far outside. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;

export function dayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export type CivilParts = { year: number; month: number; day: number };

export function partsFromDay(ordinal: number): CivilParts {
  const z = ordinal + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** Strict `YYYY-MM-DD` parse; undefined for anything else (including 2026-02-30). Hand-rolled: it is on the hot path. */
export function parseIsoDate(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return undefined;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromParts(year, month, day);
}

const TWO_DIGITS: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

export function formatDay(ordinal: number): string {
  const { year, month, day } = partsFromDay(ordinal);
  return `${year}-${TWO_DIGITS[month] as string}-${TWO_DIGITS[day] as string}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ordinal: number): number {
  return (((ordinal + 4) % 7) + 7) % 7;
}

export function isWeekend(ordinal: number): boolean {
  const w = weekdayOf(ordinal);
  return w === 0 || w === 6;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(ordinal: number): string {
  return WEEKDAY_NAMES[weekdayOf(ordinal)] as string;
}

/** Number of Saturdays and Sundays in the inclusive range [from, to]. */
export function countWeekendDays(from: number, to: number): number {
  if (to < from) return 0;
  const length = to - from + 1;
  const fullWeeks = Math.floor(length / 7);
  let count = fullWeeks * 2;
  const start = weekdayOf(from);
  for (let i = 0; i < length % 7; i += 1) {
    const w = (start + i) % 7;
    if (w === 0 || w === 6) count += 1;
  }
  return count;
}

/**
 * Adds calendar months; a day that does not exist in the target month clamps
 * to its last day (31 Jan + 1 month = 28/29 Feb), the usual reading of
 * "within N months/years" periods.
 */
export function addMonths(ordinal: number, months: number): number {
  const { year, month, day } = partsFromDay(ordinal);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayFromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function yearOf(ordinal: number): number {
  return partsFromDay(ordinal).year;
}

export function firstDayOfYear(year: number): number {
  return dayFromParts(year, 1, 1);
}
