import { daysInMonth, type CivilParts } from '../deadlines/civil-dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A real calendar date written YYYY-MM-DD, or undefined. Not the engine's
 * parseIsoDate: that one keeps to the years holiday statutes cover, and a
 * letter may ask for records from any year.
 */
export function parseCivilDate(value: string): CivilParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** "2026-01-16" -> "January 16, 2026" (the form US agencies and courts use). */
export function longDate(iso: string): string {
  const parts = parseCivilDate(iso);
  if (!parts) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return `${MONTHS[parts.month - 1] ?? ''} ${parts.day}, ${parts.year}`;
}
