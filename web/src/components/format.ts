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
