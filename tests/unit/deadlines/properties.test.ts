import fc from 'fast-check';

import { computeDeadlines, computeResponseDueDate, getJurisdiction, listJurisdictions } from '../../../server/deadlines';
import type { DeadlineEvent } from '../../../server/deadlines';
import { BusinessCalendar } from '../../../server/deadlines/business-calendar';
import { dayFromParts, formatDay, parseIsoDate } from '../../../server/deadlines/civil-dates';
import type { RuleVersion } from '../../../server/deadlines/rule-types';
import { NaiveCalendar } from './naive-walk';

const ALL = listJurisdictions();
const WITH_BUSINESS_PERIOD = ALL.filter((j) => j.response?.dayType === 'business').map((j) => j.code);
const WITH_PERIOD = ALL.filter((j) => j.response !== null).map((j) => j.code);

function version(code: string): RuleVersion {
  const rules = getJurisdiction(code);
  const latest = rules?.versions[rules.versions.length - 1];
  if (!latest) throw new Error(code);
  return latest;
}

const naiveCache = new Map<string, NaiveCalendar>();
function naiveFor(code: string, closures: string[] = []): NaiveCalendar {
  const key = `${code}|${closures.join(',')}`;
  let naive = naiveCache.get(key);
  if (!naive) {
    naive = new NaiveCalendar({ calendar: version(code).holidays, closures });
    naiveCache.set(key, naive);
  }
  return naive;
}

const engineCache = new Map<string, BusinessCalendar>();
function engineCalendar(code: string, closures: string[] = []): BusinessCalendar {
  const key = `${code}|${closures.join(',')}`;
  const cached = engineCache.get(key);
  if (cached) return cached;
  const calendar = new BusinessCalendar({
    holidays: version(code).holidays,
    optional: [],
    worked: new Set(),
    closures: closures.map((date) => ({ day: parseIsoDate(date) as number, name: 'closure' })),
  });
  engineCache.set(key, calendar);
  return calendar;
}

const dateBetween = (from: string, to: string) =>
  fc.integer({ min: parseIsoDate(from) as number, max: parseIsoDate(to) as number }).map((day) => formatDay(day));
const code = (codes: string[]) => fc.constantFrom(...codes);

describe('business-day properties', () => {
  test('a business-day due date never lands on a weekend, holiday or closure', () => {
    fc.assert(
      fc.property(
        code(WITH_BUSINESS_PERIOD),
        dateBetween('2024-01-01', '2030-12-31'),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
        (jurisdiction, received, offsets) => {
          const start = parseIsoDate(received) as number;
          const closures = [...new Set(offsets.map((o) => formatDay(start + o)))];
          const result = computeDeadlines({ jurisdiction, receivedAt: received, closures: closures.map((date) => ({ date })) });
          const due = result.deadlines.find((d) => d.kind === 'response')?.dueDate as string;
          const mi = !version(jurisdiction).counting.agencyClosuresCount;
          expect(naiveFor(jurisdiction, mi ? [] : closures).isBusinessDay(due)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('adding n then m business days equals adding n + m', () => {
    fc.assert(
      fc.property(
        code(WITH_BUSINESS_PERIOD),
        dateBetween('2020-01-01', '2040-12-31'),
        fc.nat(300),
        fc.nat(300),
        (jurisdiction, date, n, m) => {
          const calendar = engineCalendar(jurisdiction);
          const day = parseIsoDate(date) as number;
          expect(calendar.addBusinessDays(calendar.addBusinessDays(day, n), m)).toBe(calendar.addBusinessDays(day, n + m));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the O(1) arithmetic equals a naive day-by-day walk over the same holiday rules (its own date arithmetic), across years', () => {
    fc.assert(
      fc.property(
        code(ALL.map((j) => j.code)),
        dateBetween('2010-01-01', '2040-12-31'),
        fc.integer({ min: 1, max: 90 }),
        fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 5 }),
        (jurisdiction, date, n, offsets) => {
          const start = parseIsoDate(date) as number;
          const closures = [...new Set(offsets.map((o) => formatDay(start + o)))].sort();
          expect(formatDay(engineCalendar(jurisdiction, closures).addBusinessDays(start, n))).toBe(
            naiveFor(jurisdiction, closures).addBusinessDays(date, n),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  test('optional and worked holidays match the naive walk (Minnesota state executive calendar)', () => {
    const rules = version('US-MN');
    const calendar = new BusinessCalendar({
      holidays: rules.holidays,
      optional: rules.holidays.optional,
      worked: new Set(['indigenous-peoples-day']),
      closures: [],
    });
    const naive = new NaiveCalendar({
      calendar: rules.holidays,
      optional: rules.holidays.optional.map((h) => h.slug),
      worked: ['indigenous-peoples-day'],
    });
    fc.assert(
      fc.property(dateBetween('2024-01-01', '2035-12-31'), fc.integer({ min: 1, max: 60 }), (date, n) => {
        expect(formatDay(calendar.addBusinessDays(parseIsoDate(date) as number, n))).toBe(naive.addBusinessDays(date, n));
      }),
      { numRuns: 300 },
    );
  });

  test('the calendar grows backwards and forwards past its first span', () => {
    const calendar = engineCalendar('US');
    const naive = naiveFor('US');
    expect(formatDay(calendar.addBusinessDays(dayFromParts(2090, 12, 20), 20))).toBe(naive.addBusinessDays('2090-12-20', 20));
    expect(formatDay(calendar.addBusinessDays(dayFromParts(1980, 12, 20), 20))).toBe(naive.addBusinessDays('1980-12-20', 20));
    expect(calendar.countBusinessDays(dayFromParts(1980, 12, 20), dayFromParts(2090, 12, 20))).toBeGreaterThan(27000);
  });
});

describe('deadline properties', () => {
  test('a later receipt never gives an earlier response date', () => {
    fc.assert(
      fc.property(
        code(WITH_PERIOD),
        dateBetween('2024-01-01', '2030-12-31'),
        fc.integer({ min: 0, max: 20 }),
        (jurisdiction, first, gap) => {
          const later = formatDay((parseIsoDate(first) as number) + gap);
          const a = computeResponseDueDate(jurisdiction, first) as string;
          const b = computeResponseDueDate(jurisdiction, later) as string;
          expect(b >= a).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('the bulk response date equals computeDeadlines', () => {
    fc.assert(
      fc.property(code(WITH_PERIOD), dateBetween('2024-01-01', '2030-12-31'), (jurisdiction, received) => {
        const full = computeDeadlines({ jurisdiction, receivedAt: received }).deadlines.find((d) => d.kind === 'response');
        expect(computeResponseDueDate(jurisdiction, received)).toBe(full?.dueDate);
      }),
      { numRuns: 300 },
    );
  });

  test('tolling never shortens a deadline', () => {
    const tolling = ['US', 'US-MT', 'US-OR'];
    fc.assert(
      fc.property(
        code(tolling),
        dateBetween('2024-01-01', '2030-12-31'),
        fc.constantFrom<[string, string]>(['clarification_requested', 'clarification_provided'], ['fee_estimate', 'fee_paid']),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        (jurisdiction, received, [stop, restart], stopAfter, tolledFor) => {
          const start = parseIsoDate(received) as number;
          const events: DeadlineEvent[] = [
            { type: stop, occurredAt: formatDay(start + stopAfter) },
            { type: restart, occurredAt: formatDay(start + stopAfter + tolledFor) },
          ];
          const plain = computeDeadlines({ jurisdiction, receivedAt: received }).deadlines.find((d) => d.kind === 'response');
          const tolled = computeDeadlines({ jurisdiction, receivedAt: received, events }).deadlines.find((d) => d.kind === 'response');
          expect((tolled?.dueDate as string) >= (plain?.dueDate as string)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
