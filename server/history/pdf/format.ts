import type { HistoryDeadline, HistoryEvent } from '../history-types';

/** 'records_released' -> 'Records released'; 'trackingNumber' -> 'Tracking number'. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatBytes(size: number): string {
  const exact = `${size.toLocaleString('en-US')} bytes`;
  if (size < 1024) return exact;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${exact}, ${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Formats instants as local wall-clock time in the agency's zone:
 * '2026-01-16 14:05 CST'. One Intl formatter per document; null for an
 * invalid instant, and the plain instant when the zone is unknown to Intl.
 */
export function localTimeFormatter(timeZone: string): (iso: string) => string | null {
  let format: Intl.DateTimeFormat | null;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
  } catch {
    format = null;
  }
  return (iso: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    if (!format) return null;
    const part: Record<string, string> = {};
    for (const p of format.formatToParts(date)) part[p.type] = p.value;
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${part.timeZoneName ?? ''}`.trimEnd();
  };
}

/** Whole days from occurrence to logging, for the back-dated mark. */
export function daysLate(e: HistoryEvent): number | null {
  const ms = Date.parse(e.recordedAt) - Date.parse(e.occurredAt);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : null;
}

export function actorLabel(actor: HistoryEvent['actor']): string {
  const kind = actor.kind === 'inbound_email' ? 'inbound email' : humanize(actor.kind).toLowerCase();
  if (actor.name) return `${actor.name} (${kind})`;
  if (actor.id) return `${kind} ${actor.id}`;
  return kind;
}

// The data fields of the per-type schemas (server/events/event-schemas.ts),
// in the order counsel reads them; any other key follows, sorted.
const DATA_ORDER = [
  'trackingNumber',
  'receivedOn',
  'final',
  'pages',
  'files',
  'exemptions',
  'days',
  'newDueDate',
  'reason',
  'amount',
  'paymentDue',
  'outcome',
  'question',
  'answer',
  'searchDescription',
  'filedWith',
  'method',
  'court',
  'caseNumber',
  'direction',
  'channel',
  'from',
  'to',
  'subject',
  'retract',
  'occurredAt',
  'data',
];
const DATA_LABELS: Record<string, string> = {
  final: 'Release',
  days: 'Extension (days)',
  retract: 'Retracts the corrected event',
  occurredAt: 'Corrected time of occurrence',
  data: 'Corrected data',
};
/** Enumerated values shown as words: 'partly_granted' -> 'partly granted'. */
const WORDY = new Set(['outcome', 'channel', 'method']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join('; ') : '(none)';
  if (isRecord(v) && typeof v.citation === 'string') {
    const { citation, reason, ...rest } = v;
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${citation}${typeof reason === 'string' && reason ? ` (${reason})` : ''}${extra}`;
  }
  return JSON.stringify(v);
}

function formatAmount(amount: unknown, currency: unknown): string {
  const cur = typeof currency === 'string' && currency ? ` ${currency}` : '';
  // Two decimals when that is exact (48.5 -> 48.50); otherwise as stored.
  if (typeof amount === 'number' && Number.isFinite(amount) && Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6) {
    return `${amount.toFixed(2)}${cur}`;
  }
  return `${formatValue(amount)}${cur}`;
}

/** An event's data as 'Label: value' lines: known fields first, then the rest by key. */
export function dataLines(data: Record<string, unknown>): string[] {
  const keys = Object.keys(data);
  const ordered = [...DATA_ORDER.filter((k) => k in data), ...keys.filter((k) => !DATA_ORDER.includes(k)).sort()];
  const lines: string[] = [];
  for (const key of ordered) {
    const value = data[key];
    if (key === 'currency' && 'amount' in data) continue;
    let text: string;
    if (key === 'amount') text = formatAmount(value, data.currency);
    else if (key === 'final' && typeof value === 'boolean') text = value ? 'final' : 'partial';
    else if (WORDY.has(key) && typeof value === 'string') text = value.replace(/_/g, ' ');
    else if (isRecord(value) && typeof value.citation !== 'string') text = dataLines(value).join('; ') || '(none)';
    else text = formatValue(value);
    lines.push(`${DATA_LABELS[key] ?? humanize(key)}: ${text}`);
  }
  return lines;
}

/** The result column of the deadlines table. */
/** `asOf`: the generation date in the agency's zone, the day an unanswered deadline's lateness runs to. */
export function deadlineResult(d: HistoryDeadline, asOf: string): string {
  if (d.met === true) return d.satisfiedOn ? `met (answered ${d.satisfiedOn})` : 'met';
  if (d.met === false) {
    const missed =
      d.businessDaysLate !== null && d.businessDaysLate > 0 ? `missed by ${plural(d.businessDaysLate, 'business day')}` : 'missed';
    return d.satisfiedOn ? `${missed}\n(answered ${d.satisfiedOn})` : `${missed}\n(unanswered as of ${asOf})`;
  }
  if (d.status === 'superseded') return 'not applicable (superseded)';
  return d.status && d.status !== 'open' ? `open (${d.status})` : 'open';
}
