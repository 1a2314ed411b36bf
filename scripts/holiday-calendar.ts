/**
 * Prints the closed dates of holiday calendars for a span of years, to check
 * rule data against a statute or a state's published schedule by eye:
 *   npx tsx scripts/holiday-calendar.ts server/deadlines/rules/US-TX.json [2025 2030]
 * A file may be a rule file (every version's calendar is printed) or a bare
 * holiday calendar object.
 */
import fs from 'node:fs';

import { z } from 'zod';

import { weekdayName } from '../server/deadlines/civil-dates';
import { legalHolidays, optionalHolidayDates } from '../server/deadlines/holidays';
import { holidayCalendarSchema, type HolidayCalendarRule } from '../server/deadlines/rules/holiday-schema';

function calendarsIn(raw: unknown): { label: string; calendar: unknown }[] {
  if (raw && typeof raw === 'object' && 'versions' in raw && Array.isArray((raw as { versions: unknown }).versions)) {
    return (raw as { versions: { effectiveFrom?: string; holidays?: unknown }[] }).versions.map((v) => ({
      label: `version from ${v.effectiveFrom ?? '?'}`,
      calendar: v.holidays,
    }));
  }
  return [{ label: 'calendar', calendar: raw }];
}

function print(calendar: HolidayCalendarRule, first: number, last: number): void {
  for (let year = first; year <= last; year += 1) {
    const days = legalHolidays(calendar, year);
    console.log(`  ${year}: ${days.map((h) => `${h.date} ${weekdayName(h.day).slice(0, 3)} ${h.name}`).join('; ')}`);
  }
  for (const optional of calendar.optional) {
    const dates = [];
    for (let year = first; year <= last; year += 1) dates.push(...optionalHolidayDates(optional, year).map((h) => h.date));
    console.log(`  optional ${optional.slug}: ${dates.join(', ')}`);
  }
}

const [file, from, to] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx scripts/holiday-calendar.ts FILE [FIRST_YEAR LAST_YEAR]');
  process.exit(2);
}
let failed = false;
for (const { label, calendar } of calendarsIn(JSON.parse(fs.readFileSync(file, 'utf8')))) {
  const parsed = holidayCalendarSchema.safeParse(calendar);
  if (!parsed.success) {
    console.error(`${file} ${label}: invalid holiday calendar\n${z.prettifyError(parsed.error)}`);
    failed = true;
    continue;
  }
  console.log(`${file} ${label} (confidence ${parsed.data.confidence}):`);
  print(parsed.data, Number(from ?? 2025), Number(to ?? 2030));
}
process.exit(failed ? 1 : 0);
