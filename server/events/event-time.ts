import { DateTime } from 'luxon';
import { validationProblem } from '../errors/problem';
import { CLOCK_SKEW_MS } from '../util/time-tolerances';

/**
 * When something happened: an ISO instant with an offset, or a bare date read
 * as the start of that day in the agency's zone (an agency letter is often
 * dated, not timed). Never the server's zone.
 */
export function parseWhen(value: string, zone: string, field: string): Date {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dt = bare
    ? DateTime.fromISO(value, { zone }).startOf('day')
    : /(Z|[+-]\d{2}:?\d{2})$/i.test(value)
      ? DateTime.fromISO(value, { setZone: true })
      : DateTime.invalid('no offset');
  if (!dt.isValid) {
    throw validationProblem([{ in: 'body', field, message: 'Must be a YYYY-MM-DD date or an ISO 8601 instant with an offset.' }]);
  }
  return dt.toJSDate();
}

/**
 * The one time rule for every `occurredAt`, whichever path it comes in by
 * (an event, a correction, a filing, a resubmission, an agency email): nothing
 * is recorded before it happened. A time at most CLOCK_SKEW_MS after
 * `recordedAt` is the sender's clock running fast and is taken as
 * `recordedAt`; anything later is refused (undefined).
 */
export function recordableTime(at: Date, recordedAt: Date): Date | undefined {
  if (at.getTime() <= recordedAt.getTime()) return at;
  return at.getTime() - recordedAt.getTime() <= CLOCK_SKEW_MS ? recordedAt : undefined;
}

/** recordableTime for a time from a request body: beyond the skew it is a 400 naming the field. */
export function checkRecordable(at: Date, recordedAt: Date, field: string, message = 'Cannot be in the future.'): Date {
  const time = recordableTime(at, recordedAt);
  if (!time) throw validationProblem([{ in: 'body', field, message }]);
  return time;
}
