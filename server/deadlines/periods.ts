import type { BusinessCalendar } from './business-calendar';
import { addMonths, countWeekendDays, formatDay, weekdayName } from './civil-dates';
import type { TraceEntry } from './deadline-types';
import type { Period } from './rule-types';

export type RollForward = { enabled: boolean; citation?: string | undefined };

/**
 * The due day for a period counted after `anchor` (which is not counted).
 * Calendar-day and month periods move off a non-business day only when the
 * rule says so. This is the whole hot path of a response date: no trace, no
 * allocation beyond the calendar's own arrays.
 */
export function dueDay(calendar: BusinessCalendar, anchor: number, period: Period, roll: boolean): number {
  if (period.unit === 'business_days') return calendar.addBusinessDays(anchor, period.amount);
  const raw = period.unit === 'calendar_days' ? anchor + period.amount : addMonths(anchor, period.amount);
  return roll ? calendar.nextBusinessDayOnOrAfter(raw) : raw;
}

export function unrolledDay(anchor: number, period: Period): number {
  return period.unit === 'months' ? addMonths(anchor, period.amount) : anchor + period.amount;
}

function periodWords(period: Period): string {
  const unit = period.unit === 'business_days' ? 'business day' : period.unit === 'calendar_days' ? 'calendar day' : 'month';
  return `${period.amount} ${unit}${period.amount === 1 ? '' : 's'}`;
}

/** Trace lines for a business-day count over (anchor, due]: weekends, each skipped holiday or closure, worked holidays. */
export function businessRangeTrace(calendar: BusinessCalendar, anchor: number, due: number): TraceEntry[] {
  const trace: TraceEntry[] = [];
  const weekends = countWeekendDays(anchor + 1, due);
  if (weekends > 0) {
    trace.push({
      step: 'weekend',
      message: `Skipped ${weekends} weekend day${weekends === 1 ? '' : 's'}`,
      days: weekends,
      from: formatDay(anchor + 1),
      to: formatDay(due),
    });
  }
  for (const closed of calendar.closedDaysBetween(anchor + 1, due)) {
    if (closed.weekend) continue;
    const what =
      closed.kind === 'holiday'
        ? 'legal holiday'
        : closed.kind === 'optional_holiday'
          ? 'optional holiday the agency observes'
          : 'agency closure';
    const cited = closed.citation !== undefined ? `, ${closed.citation}` : '';
    trace.push({
      step: closed.kind,
      message: `Skipped ${weekdayName(closed.day)} ${closed.date}: ${closed.name} (${what}${cited})`,
      date: closed.date,
      name: closed.name,
      ...(closed.citation !== undefined ? { citation: closed.citation } : {}),
    });
  }
  for (const worked of calendar.workedDaysBetween(anchor + 1, due)) {
    trace.push({
      step: 'worked_holiday',
      message: `Counted ${weekdayName(worked.day)} ${worked.date}: ${worked.name} is a legal holiday (${worked.citation}) the agency works`,
      date: worked.date,
      name: worked.name,
      citation: worked.citation,
    });
  }
  return trace;
}

/** Trace lines for one counted period, from `anchor` (exclusive) to its due day. */
export function periodTrace(
  calendar: BusinessCalendar,
  anchor: number,
  period: Period,
  due: number,
  roll: RollForward,
  label: string,
): TraceEntry[] {
  const from = formatDay(anchor + 1);
  if (period.unit === 'business_days') {
    return [
      {
        step: 'count',
        message: `${label}: counted ${periodWords(period)} after ${formatDay(anchor)}, ${from} through ${weekdayName(due)} ${formatDay(due)}`,
        from,
        to: formatDay(due),
        days: period.amount,
      },
      ...businessRangeTrace(calendar, anchor, due),
    ];
  }
  const raw = unrolledDay(anchor, period);
  const trace: TraceEntry[] = [
    {
      step: 'count',
      message: `${label}: counted ${periodWords(period)} after ${formatDay(anchor)}, ending ${weekdayName(raw)} ${formatDay(raw)}`,
      from,
      to: formatDay(raw),
      days: raw - anchor,
    },
  ];
  if (due !== raw) {
    const skipped = calendar
      .closedDaysBetween(raw, due - 1)
      .map((c) => `${c.date} ${c.name}${c.citation !== undefined ? `, ${c.citation}` : ''}`)
      .join('; ');
    trace.push({
      step: 'roll_forward',
      message: `${formatDay(raw)} is not a business day${skipped ? ` (${skipped})` : ''}: moved to ${weekdayName(due)} ${formatDay(due)}`,
      from: formatDay(raw),
      to: formatDay(due),
      ...(roll.citation !== undefined ? { citation: roll.citation } : {}),
    });
  } else if (!roll.enabled && !calendar.isBusinessDay(raw)) {
    trace.push({
      step: 'note',
      message: `${formatDay(raw)} is not a business day; this rule does not move the date`,
      date: formatDay(raw),
    });
  }
  return trace;
}
