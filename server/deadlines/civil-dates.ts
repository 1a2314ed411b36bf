/**
 * Calendar dates as integer day ordinals (days since 1970-01-01) so that the
 * deadline arithmetic never touches `Date`, the process time zone or DST.
 * Conversions follow Howard Hinnant's days_from_civil / civil_from_days.
 */

/** Years the engine accepts; holiday statutes are not meaningful far outside. */
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

// Day ordinal of 1 January for every supported year, and days before each month, so that
// parsing is table lookups: parse and format dominate a bulk response-date computation.
const YEAR_START = Int32Array.from({ length: MAX_YEAR - MIN_YEAR + 2 }, (_, i) => dayFromParts(MIN_YEAR + i, 1, 1));
const MONTH_OFFSET = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_LENGTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Strict `YYYY-MM-DD` parse; undefined for anything else (including 2026-02-30). */
export function parseIsoDate(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const m0 = text.charCodeAt(5) - 48;
  const m1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  // Unsigned compare: any non-digit (negative or > 9) fails.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) {
    return undefined;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const leap = month >= 2 && isLeap(year);
  if (day > (MONTH_LENGTH[month] as number) + (month === 2 && leap ? 1 : 0)) return undefined;
  return (YEAR_START[year - MIN_YEAR] as number) + (MONTH_OFFSET[month] as number) + (month > 2 && leap ? 1 : 0) + day - 1;
}

const TWO_DIGITS: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const FIRST_DAY = dayFromParts(MIN_YEAR - 1, 1, 1);
// Formatted dates are memoised per ordinal (about 85,000 possible strings) because formatting
// is the other half of the cost of a bulk response date.
const FORMATTED: string[] = new Array<string>(dayFromParts(MAX_YEAR + 2, 1, 1) - FIRST_DAY).fill('');

export function formatDay(ordinal: number): string {
  const index = ordinal - FIRST_DAY;
  const cached = FORMATTED[index];
  if (cached) return cached;
  const { year, month, day } = partsFromDay(ordinal);
  const text = `${year}-${TWO_DIGITS[month] as string}-${TWO_DIGITS[day] as string}`;
  if (index >= 0 && index < FORMATTED.length) FORMATTED[index] = text;
  return text;
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
