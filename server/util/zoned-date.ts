import { DateTime } from 'luxon';

/** YYYY-MM-DD of an instant in a zone. */
export function dateIn(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}
