import { formatDay } from './civil-dates';
import type { Deadline, DeadlineStatus, TraceEntry } from './deadline-types';
import type { TimedEvent } from './event-log';
import { satisfies } from './event-log';
import type { EventType } from './rule-types';

/** Default events that discharge each kind of duty when the rule data does not say. */
export const RESPONSE_SATISFIED_BY: readonly EventType[] = ['records_released', 'denied', 'no_records'];
export const ACKNOWLEDGMENT_SATISFIED_BY: readonly EventType[] = [
  'acknowledged',
  'extension_claimed',
  'fee_estimate',
  'clarification_requested',
  'records_released',
  'denied',
  'no_records',
];

export type Judgement = Pick<Deadline, 'status' | 'satisfiedBy'> & { trace: TraceEntry[] };

/**
 * Status from events only (no clock): met if the first satisfying event on or
 * after `from` is on or before `due`, missed if after, superseded if the
 * request was withdrawn first (or `supersededOn` came first), else open.
 */
export function judge(
  events: readonly TimedEvent[],
  from: number,
  satisfiedBy: readonly EventType[],
  due: number,
  supersededOn?: { day: number; reason: string },
): Judgement {
  for (const event of events) {
    if (event.day < from) continue;
    if (supersededOn !== undefined && event.day >= supersededOn.day) break;
    if (event.type === 'withdrawn' && !satisfiedBy.includes('withdrawn')) {
      return {
        status: 'superseded',
        trace: [{ step: 'status', message: `Request withdrawn on ${event.date}: deadline no longer applies`, date: event.date }],
      };
    }
    if (satisfies(event, satisfiedBy)) {
      const status: DeadlineStatus = event.day <= due ? 'met' : 'missed';
      const how = status === 'met' ? 'on or before' : `${event.day - due} day(s) after`;
      return {
        status,
        satisfiedBy: { type: event.type, date: event.date },
        trace: [
          {
            step: 'status',
            message: `${status === 'met' ? 'Met' : 'Missed'}: ${event.type} on ${event.date}, ${how} the due date ${formatDay(due)}`,
            date: event.date,
          },
        ],
      };
    }
  }
  if (supersededOn !== undefined) {
    return { status: 'superseded', trace: [{ step: 'status', message: supersededOn.reason, date: formatDay(supersededOn.day) }] };
  }
  return { status: 'open', trace: [] };
}
