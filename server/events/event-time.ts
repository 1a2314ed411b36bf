import { DateTime } from 'luxon';
import { validationProblem } from '../http/problem';

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

/** YYYY-MM-DD of an instant in a zone. */
export function dateIn(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}
