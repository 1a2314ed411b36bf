// Legal dates are YYYY-MM-DD strings already in the agency's zone. All the
// arithmetic here runs on UTC midnights, so no browser zone can shift a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date.slice(0, 10));
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date where the reader is (or in `timeZone`), as YYYY-MM-DD. */
export function todayIn(timeZone?: string, now: Date = new Date()): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const get = (type: string) => f.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** The first day of the date's month. */
export function monthStart(date: string): string {
  const [y, m] = parts(date);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** The first day of the month `months` after (or before) the date's month. */
export function addMonths(date: string, months: number): string {
  const [y, m] = parts(date);
  return fromUtc(Date.UTC(y, m - 1 + months, 1));
}

/** The first and last day of the date's month. */
export function monthBounds(date: string): { from: string; to: string } {
  const [y, m] = parts(date);
  return { from: monthStart(date), to: fromUtc(Date.UTC(y, m, 0)) };
}

export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "January 2026". */
export function monthLabel(date: string): string {
  const [y, m] = parts(date);
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Items keyed by their due date, in the order given. */
export function byDueDate<T extends { dueDate: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = item.dueDate.slice(0, 10);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
