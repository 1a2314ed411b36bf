import type { HolidayCalendarRule, HolidayDateRule, SubstituteRule } from '../../../server/deadlines/rules/holiday-schema';

/**
 * A deliberately simple day-by-day business calendar for tests and the
 * benchmark: it reads the rule data's holiday calendar with its own date
 * arithmetic (JavaScript UTC dates, one day at a time; not the engine's
 * holiday module) and walks one day at a time, so it can check the engine's
 * O(1) arithmetic and its holiday rules. Not production code.
 */
export type NaiveOptions = {
  /** The jurisdiction's holiday calendar as the rule file has it. */
  calendar: HolidayCalendarRule;
  closures?: string[];
  /** Slugs of optional holidays the agency observes. */
  optional?: string[];
  /** Slugs of legal holidays the agency works. */
  worked?: string[];
};

const DAY_MS = 86_400_000;
const WEEKDAY = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 } as const;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utc(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** Easter Sunday by Gauss's algorithm with its two corrections (a different method from the engine's). */
function easter(year: number): number {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const m = (15 - p + k - q) % 30;
  const n = (4 + k - q) % 7;
  const d = (19 * a + m) % 30;
  const e = (2 * b + 4 * c + 6 * d + n) % 7;
  if (d === 29 && e === 6) return utc(year, 4, 19);
  if (d === 28 && e === 6 && (11 * m + 11) % 30 < 19) return utc(year, 4, 18);
  return utc(year, 3, 22) + (d + e) * DAY_MS;
}

/** Every date of `month` whose weekday matches, walking the month one day at a time. */
function weekdaysOfMonth(year: number, month: number, weekday: number): number[] {
  const out: number[] = [];
  for (let ms = utc(year, month, 1); new Date(ms).getUTCMonth() === month - 1; ms += DAY_MS) {
    if (new Date(ms).getUTCDay() === weekday) out.push(ms);
  }
  return out;
}

function ruleDates(rule: HolidayDateRule, year: number): number[] {
  switch (rule.type) {
    case 'fixed': {
      const ms = utc(year, rule.month, rule.day);
      return new Date(ms).getUTCDate() === rule.day ? [ms] : [];
    }
    case 'nth_weekday': {
      const all = weekdaysOfMonth(year, rule.month, WEEKDAY[rule.weekday]);
      const pick = rule.nth === -1 ? all[all.length - 1] : all[rule.nth - 1];
      return pick === undefined ? [] : [pick + (rule.offsetDays ?? 0) * DAY_MS];
    }
    case 'easter':
      return [easter(year) + rule.offsetDays * DAY_MS];
    case 'election_day': {
      const ok = rule.years === 'all' || (rule.years === 'even' ? year % 2 === 0 : rule.years === 'odd' ? year % 2 === 1 : year % 4 === 0);
      // The Tuesday after the first Monday: the first Tuesday that is not 1 November.
      const tuesday = weekdaysOfMonth(year, 11, 2).find((ms) => new Date(ms).getUTCDate() !== 1) as number;
      return ok ? [tuesday] : [];
    }
    case 'dates':
      return rule.dates.filter((d) => d.startsWith(`${year}-`)).map((d) => Date.parse(`${d}T00:00:00Z`));
  }
}

function observed(ms: number, substitute: SubstituteRule | undefined): number | undefined {
  const weekday = new Date(ms).getUTCDay();
  if (!substitute) return undefined;
  if (weekday === 6 && substitute.saturday === 'friday') return ms - DAY_MS;
  if (weekday === 6 && substitute.saturday === 'monday') return ms + 2 * DAY_MS;
  if (weekday === 0 && substitute.sunday === 'monday') return ms + DAY_MS;
  return undefined;
}

type Holiday = HolidayCalendarRule['legal'][number] | HolidayCalendarRule['optional'][number];

function closedDates(holiday: Holiday, year: number): string[] {
  const out: string[] = [];
  for (const ms of ruleDates(holiday.date, year)) {
    const date = iso(ms);
    if ((holiday.from !== undefined && date < holiday.from) || (holiday.until !== undefined && date >= holiday.until)) continue;
    out.push(date);
    const override = 'overrides' in holiday ? holiday.overrides?.find((o) => o.year === year) : undefined;
    if (override) {
      if (override.observed !== null) out.push(override.observed);
    } else {
      const sub = observed(ms, holiday.substitute);
      if (sub !== undefined) out.push(iso(sub));
    }
  }
  return out;
}

export class NaiveCalendar {
  private readonly closed = new Set<string>();
  private readonly years = new Set<number>();
  private readonly closures: Set<string>;

  constructor(private readonly options: NaiveOptions) {
    this.closures = new Set(options.closures ?? []);
  }

  private cover(year: number): void {
    if (this.years.has(year)) return;
    this.years.add(year);
    const worked = new Set(this.options.worked ?? []);
    const optional = new Set(this.options.optional ?? []);
    // Observed days can cross a year boundary, so each year also looks at its neighbours' holidays.
    for (const y of [year - 1, year, year + 1]) {
      for (const h of this.options.calendar.legal) if (!worked.has(h.slug)) for (const d of closedDates(h, y)) this.closed.add(d);
      for (const h of this.options.calendar.optional) if (optional.has(h.slug)) for (const d of closedDates(h, y)) this.closed.add(d);
    }
  }

  isBusinessDay(date: string): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    if (this.closures.has(date)) return false;
    this.cover(Number(date.slice(0, 4)));
    return !this.closed.has(date);
  }

  /** n business days after `date`, walking one calendar day at a time. */
  addBusinessDays(date: string, n: number): string {
    let ms = Date.parse(`${date}T00:00:00Z`);
    let counted = 0;
    let current = date;
    while (counted < n) {
      ms += DAY_MS;
      current = iso(ms);
      if (this.isBusinessDay(current)) counted += 1;
    }
    return current;
  }

  addCalendarDays(date: string, n: number, rollForward: boolean): string {
    let ms = Date.parse(`${date}T00:00:00Z`) + n * DAY_MS;
    let current = iso(ms);
    while (rollForward && !this.isBusinessDay(current)) {
      ms += DAY_MS;
      current = iso(ms);
    }
    return current;
  }
}
