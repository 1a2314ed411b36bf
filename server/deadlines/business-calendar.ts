import { MAX_YEAR, MIN_YEAR, firstDayOfYear, formatDay, isWeekend, yearOf } from './civil-dates';
import { DeadlineInputError } from './errors';
import { legalHolidays, optionalHolidayDates } from './holidays';
import type { HolidayCalendarRule, OptionalHolidayRule } from './rule-types';

export type ClosureInput = { day: number; name: string };

/** Everything that decides which days are business days for one agency. */
export type CalendarSpec = {
  holidays: HolidayCalendarRule;
  optional: OptionalHolidayRule[];
  worked: ReadonlySet<string>;
  closures: ClosureInput[];
};

export type ClosedDayKind = 'holiday' | 'optional_holiday' | 'closure';
export type ClosedDay = { day: number; date: string; kind: ClosedDayKind; name: string; citation?: string | undefined; weekend: boolean };
export type WorkedDay = { day: number; date: string; name: string; citation: string };

const EMPTY = new Int32Array(0);

/**
 * Business-day arithmetic in O(1): for a span of whole years it keeps
 * `prefix[i]` = business days in [base, base + i) and the sorted ordinals of
 * the business days, so "n business days after d" is one index lookup. The span
 * grows (rebuilt from cached holiday years) when a date falls outside it.
 */
export class BusinessCalendar {
  private firstYear = 0;
  private lastYear = -1;
  private base = 0;
  private prefix: Int32Array = EMPTY;
  private businessDays: Int32Array = EMPTY;
  private closed: ClosedDay[] = [];
  private closedOrdinals: Int32Array = EMPTY;
  private worked: WorkedDay[] = [];
  private workedOrdinals: Int32Array = EMPTY;

  constructor(private readonly spec: CalendarSpec) {}

  /** The n-th business day after `day` (`day` itself never counts); n = 0 returns `day`. */
  addBusinessDays(day: number, n: number): number {
    if (n <= 0) return day;
    for (;;) {
      const i = day - this.base + 1;
      if (i >= 1 && i < this.prefix.length) {
        const k = (this.prefix[i] as number) + n - 1;
        if (k < this.businessDays.length) return this.businessDays[k] as number;
      }
      this.grow(day, n);
    }
  }

  /** Business days in the half-open range (after, through]. */
  countBusinessDays(after: number, through: number): number {
    if (through <= after) return 0;
    this.cover(after);
    this.cover(through);
    return (this.prefix[through - this.base + 1] as number) - (this.prefix[after - this.base + 1] as number);
  }

  isBusinessDay(day: number): boolean {
    return this.countBusinessDays(day - 1, day) === 1;
  }

  nextBusinessDayOnOrAfter(day: number): number {
    return this.addBusinessDays(day - 1, 1);
  }

  /** Named closed dates (holidays, optional holidays, closures) in [from, to], weekend ones included. */
  closedDaysBetween(from: number, to: number): ClosedDay[] {
    if (to < from) return [];
    this.cover(from);
    this.cover(to);
    return this.closed.slice(lowerBound(this.closedOrdinals, from), lowerBound(this.closedOrdinals, to + 1));
  }

  /** Legal holidays in [from, to] that the agency works, so they counted as business days. */
  workedDaysBetween(from: number, to: number): WorkedDay[] {
    if (to < from) return [];
    this.cover(from);
    this.cover(to);
    return this.worked.slice(lowerBound(this.workedOrdinals, from), lowerBound(this.workedOrdinals, to + 1));
  }

  private cover(day: number): void {
    if (day < this.base || day - this.base + 1 >= this.prefix.length) this.grow(day, 0);
  }

  private grow(day: number, n: number): void {
    const year = yearOf(day);
    let first = this.lastYear < this.firstYear ? year : Math.min(this.firstYear, year);
    let last = this.lastYear < this.firstYear ? year : Math.max(this.lastYear, year);
    // The day is covered but the n-th business day after it is not: extend forward by enough years.
    if (year >= this.firstYear && year <= this.lastYear) last = this.lastYear + 1 + Math.floor(n / 200);
    first = Math.max(MIN_YEAR - 1, first);
    last = Math.min(MAX_YEAR + 1, last);
    if (first === this.firstYear && last === this.lastYear) {
      // Only a chain of extensions reaches this far (receipt and event dates stop at 2100).
      throw new DeadlineInputError(
        'events',
        `the deadline would fall on ${formatDay(day)}, outside the supported years ${MIN_YEAR}-${MAX_YEAR}`,
      );
    }
    this.build(first, last);
  }

  private build(firstYear: number, lastYear: number): void {
    const base = firstDayOfYear(firstYear);
    const end = firstDayOfYear(lastYear + 1);
    const span = end - base;
    const closedByDay = new Map<number, ClosedDay>();
    const workedByDay = new Map<number, WorkedDay>();
    const close = (day: number, date: string, kind: ClosedDayKind, name: string, citation?: string): void => {
      if (day < base || day >= end || closedByDay.has(day)) return;
      closedByDay.set(day, { day, date, kind, name, citation, weekend: isWeekend(day) });
    };

    for (let year = firstYear; year <= lastYear; year += 1) {
      for (const h of legalHolidays(this.spec.holidays, year)) {
        if (this.spec.worked.has(h.slug)) {
          if (!isWeekend(h.day)) workedByDay.set(h.day, { day: h.day, date: h.date, name: h.name, citation: h.citation });
        } else {
          close(h.day, h.date, 'holiday', h.name, h.citation);
        }
      }
    }
    for (let year = firstYear; year <= lastYear; year += 1) {
      for (const holiday of this.spec.optional) {
        for (const h of optionalHolidayDates(holiday, year)) close(h.day, h.date, 'optional_holiday', h.name, h.citation);
      }
    }
    for (const closure of this.spec.closures) close(closure.day, formatDay(closure.day), 'closure', closure.name);
    // A worked holiday the agency nevertheless closes (listed as a closure) stays closed.
    for (const day of closedByDay.keys()) workedByDay.delete(day);

    const prefix = new Int32Array(span + 1);
    const businessDays = new Int32Array(span);
    let count = 0;
    for (let i = 0; i < span; i += 1) {
      const day = base + i;
      if (!isWeekend(day) && !closedByDay.has(day)) {
        businessDays[count] = day;
        count += 1;
      }
      prefix[i + 1] = count;
    }

    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.base = base;
    this.prefix = prefix;
    this.businessDays = businessDays.slice(0, count);
    this.closed = [...closedByDay.values()].sort((a, b) => a.day - b.day);
    this.closedOrdinals = Int32Array.from(this.closed, (c) => c.day);
    this.worked = [...workedByDay.values()].sort((a, b) => a.day - b.day);
    this.workedOrdinals = Int32Array.from(this.worked, (w) => w.day);
  }
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const CACHE_LIMIT = 512;
const cache = new Map<string, BusinessCalendar>();

/**
 * One calendar per distinct (rule version, closures, options) key. Bounded
 * because closures come from requests; a Map iterates in insertion order, so
 * deleting the first key evicts the least recently used.
 */
export function calendarFor(key: string, spec: () => CalendarSpec): BusinessCalendar {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const calendar = new BusinessCalendar(spec());
  cache.set(key, calendar);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return calendar;
}
