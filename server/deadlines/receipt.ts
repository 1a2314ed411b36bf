import { DateTime, IANAZone } from 'luxon';

import type { BusinessCalendar } from './business-calendar';
import { formatDay, parseIsoDate, weekdayName } from './civil-dates';
import type { SubmissionMethod, TraceEntry } from './deadline-types';
import { DeadlineInputError } from './errors';
import type { RuleVersion } from './rule-types';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// Far enough for any real request and its multi-year windows, well inside the calendar's supported years.
const LAST_INPUT_YEAR = 2100;
// An instant must say where it was measured; a bare local time would silently take the server's zone.
const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

// Both caches hold pure facts (a zone name is valid; an instant falls on a date
// in a zone), so they never go stale. They matter because a request's deadlines
// are recomputed from all its events on every deadline-changing append, and
// luxon's zone arithmetic (Intl formatToParts) dominates that recomputation.
const validZones = new Set<string>();
const localDates = new Map<string, LocalDate>();
const LOCAL_DATES_MAX = 100_000;

export function checkZone(zone: string, field: string): string {
  if (validZones.has(zone)) return zone;
  if (!IANAZone.isValidZone(zone)) throw new DeadlineInputError(field, `"${zone}" is not an IANA time zone (e.g. America/Chicago)`);
  validZones.add(zone);
  return zone;
}

export type LocalDate = { day: number; date: string };

/**
 * The calendar date of an instant in the agency's zone (luxon, never the
 * process zone). A bare YYYY-MM-DD is taken as already being that local date.
 */
export function localDateOf(value: string, zone: string, field: string): LocalDate {
  const local = parseLocalDate(value, zone, field);
  if (local.date > `${LAST_INPUT_YEAR}-12-31`)
    throw new DeadlineInputError(field, `"${value}" is after ${LAST_INPUT_YEAR}, outside the supported range`);
  return local;
}

function parseLocalDate(value: string, zone: string, field: string): LocalDate {
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    const day = parseIsoDate(text);
    if (day === undefined) throw new DeadlineInputError(field, `"${value}" is not a valid date`);
    return { day, date: text };
  }
  if (!HAS_OFFSET.test(text)) {
    throw new DeadlineInputError(
      field,
      `"${value}" needs a UTC offset or Z (e.g. 2026-01-16T17:05:00-06:00), or give a plain YYYY-MM-DD date`,
    );
  }
  const key = `${zone}|${text}`;
  const known = localDates.get(key);
  if (known) return { ...known };
  const instant = DateTime.fromISO(text, { setZone: true });
  if (!instant.isValid) throw new DeadlineInputError(field, `"${value}" is not an ISO 8601 instant`);
  const date = instant.setZone(zone).toISODate();
  const day = date === null ? undefined : parseIsoDate(date);
  if (date === null || day === undefined) throw new DeadlineInputError(field, `"${value}" is outside the supported date range`);
  if (localDates.size >= LOCAL_DATES_MAX) localDates.clear();
  localDates.set(key, { day, date });
  return { day, date };
}

export type Receipt = {
  receivedDay: number;
  /** The day counting starts after (day 0): the deemed receipt day, or the day before it when the receipt day itself counts. */
  anchor: number;
  deemedDay: number;
  trace: TraceEntry[];
};

/** Applies the rule's receipt conventions (electronic delay, non-business-day receipt, day of receipt). */
export function deemReceipt(
  version: RuleVersion,
  calendar: BusinessCalendar,
  received: LocalDate,
  zone: string,
  receivedAt: string,
  submissionMethod: SubmissionMethod | undefined,
): Receipt {
  const trace: TraceEntry[] = [
    {
      step: 'receipt',
      message: `Received ${receivedAt} = ${weekdayName(received.day)} ${received.date} in ${zone}`,
      date: received.date,
    },
  ];
  const counting = version.counting;
  let deemed = received.day;
  const electronic = counting.electronicReceipt;
  if (electronic && submissionMethod !== undefined && (electronic.methods as string[]).includes(submissionMethod)) {
    deemed = calendar.addBusinessDays(received.day, electronic.delayBusinessDays);
    trace.push({
      step: 'deemed_receipt',
      message: `${electronic.description} Submitted by ${submissionMethod}: deemed received ${weekdayName(deemed)} ${formatDay(deemed)}`,
      date: formatDay(deemed),
      citation: electronic.citation,
    });
  } else if (counting.nonBusinessDayReceipt === 'deemed_next_business_day' && !calendar.isBusinessDay(deemed)) {
    deemed = calendar.nextBusinessDayOnOrAfter(deemed);
    trace.push({
      step: 'deemed_receipt',
      message: `Received on a non-business day: deemed received ${weekdayName(deemed)} ${formatDay(deemed)}`,
      date: formatDay(deemed),
    });
  } else if (!calendar.isBusinessDay(deemed)) {
    trace.push({
      step: 'deemed_receipt',
      message: `Received on a non-business day; the rule does not move receipt, so the next business day is day 1`,
      date: received.date,
    });
  }
  const anchor = counting.excludeReceiptDay ? deemed : deemed - 1;
  trace.push({
    step: 'note',
    message: counting.excludeReceiptDay
      ? `The day of receipt (${formatDay(deemed)}) is not counted`
      : `The day of receipt (${formatDay(deemed)}) counts as day 1`,
  });
  return { receivedDay: received.day, anchor, deemedDay: deemed, trace };
}
