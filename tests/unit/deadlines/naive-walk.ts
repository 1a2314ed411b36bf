import Holidays from 'date-holidays';

/**
 * A deliberately simple day-by-day business calendar for tests and the
 * benchmark: it reads date-holidays on its own (not through the engine's
 * holiday module) and walks one day at a time, so it can check the engine's
 * O(1) arithmetic. Not production code.
 */
export type NaiveOptions = {
  /** date-holidays state; undefined = the federal calendar. */
  state?: string | undefined;
  closures?: string[];
  /** date-holidays rule strings of optional holidays the agency observes. */
  optionalRules?: string[];
  /** Names (any case, without "(substitute day)") of legal holidays the agency works. */
  workedNames?: string[];
};

const DAY_MS = 86_400_000;

function baseName(name: string): string {
  return name.replace(/\s*\(substitute day\)\s*$/i, '').toLowerCase().replace(/['’]/g, '');
}

// date-holidays is slow per year, so closed-day sets are shared by every naive calendar with the same options.
const sharedYears = new Map<string, Map<number, Set<string>>>();
const instances = new Map<string, Holidays>();

export class NaiveCalendar {
  private readonly holidays: Holidays;
  private readonly years: Map<number, Set<string>>;
  private readonly closures: Set<string>;
  private readonly worked: Set<string>;

  constructor(private readonly options: NaiveOptions = {}) {
    const state = options.state ?? '';
    let holidays = instances.get(state);
    if (!holidays) {
      holidays = options.state === undefined ? new Holidays('US') : new Holidays('US', options.state);
      instances.set(state, holidays);
    }
    this.holidays = holidays;
    this.closures = new Set(options.closures ?? []);
    this.worked = new Set((options.workedNames ?? []).map(baseName));
    const key = `${state}|${(options.optionalRules ?? []).join(',')}|${[...this.worked].sort().join(',')}`;
    let years = sharedYears.get(key);
    if (!years) {
      years = new Map();
      sharedYears.set(key, years);
    }
    this.years = years;
  }

  /** Closed dates of a year: public holidays, their observed substitutes (whatever their type), opted-in optional days. */
  closedIn(year: number): Set<string> {
    let closed = this.years.get(year);
    if (closed) return closed;
    closed = new Set<string>();
    const list = this.holidays.getHolidays(year);
    const publicNames = new Set(list.filter((h) => h.type === 'public' && !h.substitute).map((h) => baseName(h.name)));
    for (const h of list) {
      const name = baseName(h.name);
      const counted = h.substitute ? publicNames.has(name) && h.type !== 'observance' : h.type === 'public';
      if (counted && !this.worked.has(name)) closed.add(h.date.slice(0, 10));
    }
    for (const rule of this.options.optionalRules ?? []) {
      const extra = new Holidays();
      extra.setHoliday(rule, { name: rule, type: 'public' });
      for (const h of extra.getHolidays(year)) closed.add(h.date.slice(0, 10));
    }
    this.years.set(year, closed);
    return closed;
  }

  isBusinessDay(date: string): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    if (this.closures.has(date)) return false;
    return !this.closedIn(Number(date.slice(0, 4))).has(date);
  }

  /** n business days after `date`, walking one calendar day at a time. */
  addBusinessDays(date: string, n: number): string {
    let ms = Date.parse(`${date}T00:00:00Z`);
    let counted = 0;
    let current = date;
    while (counted < n) {
      ms += DAY_MS;
      current = new Date(ms).toISOString().slice(0, 10);
      if (this.isBusinessDay(current)) counted += 1;
    }
    return current;
  }

  addCalendarDays(date: string, n: number, rollForward: boolean): string {
    let ms = Date.parse(`${date}T00:00:00Z`) + n * DAY_MS;
    let current = new Date(ms).toISOString().slice(0, 10);
    while (rollForward && !this.isBusinessDay(current)) {
      ms += DAY_MS;
      current = new Date(ms).toISOString().slice(0, 10);
    }
    return current;
  }
}
