import { parseIsoDate } from './civil-dates';
import type { DeadlineEvent } from './deadline-types';
import { DeadlineInputError } from './errors';
import { localDateOf } from './receipt';
import { EVENT_TYPES } from './rules/rule-schema';
import type { EventType } from './rule-types';

export type TimedEvent = {
  type: EventType;
  day: number;
  date: string;
  data: Record<string, unknown>;
  /** Position in the input, for error paths and same-day order. */
  index: number;
};

const KNOWN = new Set<string>(EVENT_TYPES);
// The same horizon as receipt and event dates: holiday calendars are built only so far.
const LAST_EXTENSION_DATE = '2100-12-31';

/**
 * Dated, validated events in time order. Unknown types are dropped (the
 * history may carry kinds this engine does not judge). Within one day the
 * given order is kept: the request history is append-ordered.
 */
export function normalizeEvents(events: readonly DeadlineEvent[], zone: string): TimedEvent[] {
  const timed: TimedEvent[] = [];
  events.forEach((event, index) => {
    if (!KNOWN.has(event.type)) return;
    const { day, date } = localDateOf(event.occurredAt, zone, `events[${index}].occurredAt`);
    const data = event.data ?? {};
    if (event.type === 'extension_claimed') checkExtensionData(data, index);
    timed.push({ type: event.type as EventType, day, date, data, index });
  });
  return timed.sort((a, b) => a.day - b.day || a.index - b.index);
}

function checkExtensionData(data: Record<string, unknown>, index: number): void {
  const { days, newDueDate } = data;
  if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 400)) {
    throw new DeadlineInputError(`events[${index}].data.days`, 'extension days must be a whole number from 1 to 400');
  }
  if (newDueDate !== undefined && (typeof newDueDate !== 'string' || parseIsoDate(newDueDate) === undefined)) {
    throw new DeadlineInputError(`events[${index}].data.newDueDate`, 'newDueDate must be a valid YYYY-MM-DD date');
  }
  if (typeof newDueDate === 'string' && newDueDate > LAST_EXTENSION_DATE) {
    throw new DeadlineInputError(`events[${index}].data.newDueDate`, `newDueDate must be no later than ${LAST_EXTENSION_DATE}`);
  }
}

/** A final release that withholds anything is an adverse determination too (partial denial). */
export function isAdverseDetermination(event: TimedEvent): boolean {
  if (event.type === 'denied' || event.type === 'no_records') return true;
  if (event.type !== 'records_released' || event.data['final'] !== true) return false;
  const exemptions = event.data['exemptions'];
  return Array.isArray(exemptions) && exemptions.length > 0;
}

/**
 * Whether an event discharges a duty listed as `satisfiedBy`. A release counts
 * only when final, except for duties that any answer discharges (their list
 * includes `acknowledged`, e.g. Indiana's 7-day response).
 */
export function satisfies(event: TimedEvent, satisfiedBy: readonly EventType[]): boolean {
  if (!satisfiedBy.includes(event.type)) return false;
  if (event.type === 'records_released') return event.data['final'] === true || satisfiedBy.includes('acknowledged');
  return true;
}
