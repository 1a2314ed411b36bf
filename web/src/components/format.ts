const dateFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A legal date (YYYY-MM-DD, already in the agency's zone) as words; never shifted by the browser's zone. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant in the reader's own zone, with the zone named. */
export function formatInstant(instant: string | null | undefined, timeZone?: string): string {
  if (!instant) return '—';
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

export function humanize(slug: string): string {
  const s = slug.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function businessDaysLeft(n: number): string {
  if (n === 0) return 'due today';
  if (n < 0) return `${-n} business day${n === -1 ? '' : 's'} late`;
  return `${n} business day${n === 1 ? '' : 's'} left`;
}

export function formatMoney(amount: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}

/** The UTC offset of an IANA zone at a wall-clock time there ("-06:00"), so a time typed for an agency means that agency's time. */
export function offsetOf(timeZone: string, date: string, time = '12:00'): string {
  // Two passes: the offset at the instant that wall time names (matters only on the days clocks change).
  let guess = Date.parse(`${date}T${time}:00Z`);
  let offset = 'Z';
  for (let i = 0; i < 2; i++) {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(new Date(guess))
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    offset = m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : 'Z';
    const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    guess = Date.parse(`${date}T${time}:00Z`) - minutes * 60_000;
  }
  return offset;
}

/** Today's date in a zone (YYYY-MM-DD). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
