import fs from 'node:fs';
import path from 'node:path';

import { computeDeadlines, getJurisdiction, listJurisdictions } from '../../../server/deadlines';
import { agencyCalendar } from '../../../server/deadlines/agency-calendar';
import { formatDay, parseIsoDate } from '../../../server/deadlines/civil-dates';
import { easterSunday, electionDay } from '../../../server/deadlines/holidays';
import type { RuleVersion } from '../../../server/deadlines/rule-types';
import { AUDIT_END, AUDIT_START, auditMarkdown, holidayFixture } from './holiday-fixture';

const FIXTURE = path.join(__dirname, 'fixtures/holidays-2025-2030.json');

function versionOn(code: string, date: string): RuleVersion {
  const rules = getJurisdiction(code);
  if (!rules) throw new Error(`no rules for ${code}`);
  const versions = rules.versions.filter((v) => v.effectiveFrom <= date);
  const version = versions[versions.length - 1];
  if (!version) throw new Error(`${code} has no version in force on ${date}`);
  return version;
}

function isBusinessDay(code: string, date: string): boolean {
  const { calendar } = agencyCalendar(code, versionOn(code, date), {});
  return calendar.isBusinessDay(parseIsoDate(date) as number);
}

describe('holiday calendars from the statutes', () => {
  test('every jurisdiction computes exactly the reviewed 2025-2030 fixture (regenerate with npm run holidays:fixture and review the diff)', () => {
    const reviewed: unknown = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
    expect(holidayFixture()).toEqual(reviewed);
  });

  test('the fixture covers the federal calendar, the 50 states and DC', () => {
    expect(Object.keys(holidayFixture()).sort()).toEqual(
      listJurisdictions()
        .map((j) => j.code)
        .sort(),
    );
    expect(listJurisdictions()).toHaveLength(52);
  });

  test('every holiday, optional day and calendar carries a citation and a confidence', () => {
    for (const { code } of listJurisdictions()) {
      for (const version of getJurisdiction(code)?.versions ?? []) {
        const calendar = version.holidays;
        expect(calendar.citation.trim()).not.toBe('');
        expect(['high', 'medium', 'low']).toContain(calendar.confidence);
        expect(calendar.sources.length).toBeGreaterThan(0);
        for (const h of [...calendar.legal, ...calendar.optional]) {
          // A citation names a statute section or the official act behind a designation, never just a word.
          expect(`${code} ${h.slug}: ${h.citation}`).toMatch(
            /: .*(\d|§|Code|[Oo]rder|[Ss]chedule|[Mm]emorand|[Pp]roclamation|Governor|[Dd]esignat|Stat)/,
          );
        }
      }
    }
  });

  test('Easter and election day arithmetic', () => {
    const easters = {
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2030: '2030-04-21',
    };
    for (const [year, date] of Object.entries(easters)) expect(formatDay(easterSunday(Number(year)))).toBe(date);
    // The Tuesday after the first Monday: never 1 November.
    expect(formatDay(electionDay(2022))).toBe('2022-11-08');
    expect(formatDay(electionDay(2026))).toBe('2026-11-03');
    expect(formatDay(electionDay(2027))).toBe('2027-11-02');
    expect(formatDay(electionDay(2028))).toBe('2028-11-07');
  });
});

/**
 * Hand-checked days for every state the independent check found wrong
 * (shared/reference/state-holidays-findings.md), each read against the statute
 * or the state's own schedule: `closed` true = not a business day.
 */
const VECTORS: Array<[code: string, date: string, closed: boolean, why: string]> = [
  ['US-TX', '2026-03-02', true, 'Texas Independence Day, § 662.003(b)'],
  ['US-TX', '2026-04-21', true, 'San Jacinto Day, § 662.003(b)'],
  ['US-TX', '2025-08-27', true, 'Lyndon Baines Johnson Day, § 662.003(b)'],
  ['US-TX', '2027-01-19', true, 'Confederate Heroes Day, § 662.003(b)'],
  ['US-TX', '2026-10-12', false, 'Columbus Day is not a Texas holiday'],
  ['US-TX', '2026-07-03', false, 'no Friday substitute for a Saturday Independence Day (§ 552.0031)'],
  ['US-SC', '2025-11-28', true, 'day after Thanksgiving, S.C. Code § 53-5-10'],
  ['US-SC', '2025-12-24', true, 'Christmas Eve, § 53-5-10'],
  ['US-SC', '2025-12-26', true, 'day after Christmas, § 53-5-10'],
  ['US-SC', '2026-10-12', false, 'Columbus Day is not a South Carolina holiday'],
  ['US-SC', '2026-06-19', false, 'Juneteenth is not a South Carolina state holiday'],
  ['US-MA', '2026-03-17', false, 'Evacuation Day is a Suffolk County observance'],
  ['US-MA', '2026-06-17', false, 'Bunker Hill Day is a Suffolk County observance'],
  ['US-MA', '2026-07-03', false, 'state offices do not close the Friday before a Saturday holiday'],
  ['US-MT', '2026-06-19', false, 'Juneteenth is not in MCA 1-1-216'],
  ['US-MT', '2025-12-24', false, 'Christmas Eve is not in MCA 1-1-216'],
  ['US-MT', '2025-11-04', false, 'odd-year election day is not a holiday'],
  ['US-MT', '2026-11-03', true, 'state general election day, MCA 1-1-216'],
  ['US-KY', '2025-11-28', true, 'day after Thanksgiving, KRS 18A.190'],
  ['US-KY', '2026-10-12', false, 'Columbus Day is not a Kentucky state holiday'],
  ['US-KY', '2026-06-19', false, 'Juneteenth is not a Kentucky state holiday'],
  ['US-HI', '2026-06-19', false, 'Juneteenth is a day of observance in Hawaii, not a holiday'],
  ['US-MS', '2026-10-12', false, 'Columbus Day is not in Miss. Code § 3-3-7'],
  ['US-MS', '2026-06-19', false, 'Juneteenth is not in Miss. Code § 3-3-7'],
  ['US-OR', '2026-10-12', false, 'Columbus Day is not in ORS 187.010'],
  ['US-WA', '2026-10-12', false, 'Columbus Day is a legislatively recognized day, offices open'],
  ['US-WA', '2026-11-27', true, 'Native American Heritage Day, RCW 1.16.050'],
  ['US-WV', '2026-11-03', true, 'general election day, W. Va. Code § 2-2-1'],
  ['US-WV', '2027-06-21', true, 'West Virginia Day observed (Sunday 2027-06-20)'],
  ['US-KS', '2026-02-16', true, 'Presidents Day, a holiday designated by Congress (K.S.A. 45-217)'],
  ['US-AR', '2026-10-12', false, 'Columbus Day is a memorial day in Arkansas, not a legal holiday'],
  ['US-NJ', '2026-02-12', false, "state offices stay open on Lincoln's Birthday"],
  ['US-NJ', '2025-06-20', true, 'Juneteenth observed on the third Friday of June'],
  ['US-NJ', '2025-06-19', false, 'Juneteenth is the third Friday of June, not 19 June'],
  ['US-UT', '2027-07-23', true, 'Pioneer Day observed (Saturday 2027-07-24)'],
  ['US-VA', '2025-11-04', true, 'Election Day in each year, Va. Code § 2.2-3300'],
  ['US-VT', '2026-08-17', true, 'Bennington Battle Day observed (Sunday 2026-08-16)'],
  ['US-IL', '2028-02-11', true, "Lincoln's Birthday observed (Saturday 2028-02-12)"],
  ['US-DC', '2028-04-17', true, 'DC Emancipation Day observed (Sunday 2028-04-16)'],
  ['US-AK', '2025-10-17', true, 'Alaska Day observed (Saturday 2025-10-18)'],
  ['US-AK', '2026-10-19', true, 'Alaska Day observed (Sunday 2026-10-18)'],
  ['US-WY', '2026-10-12', false, 'Columbus Day is not a Wyoming state holiday'],
  ['US-MO', '2027-05-07', true, 'Truman Day observed (Saturday 2027-05-08)'],
];

describe('hand-checked days of the states found wrong', () => {
  test.each(VECTORS)('%s %s closed=%s (%s)', (code, date, closed) => {
    expect(isBusinessDay(code, date)).toBe(!closed);
  });
});

describe('the trace names each skipped holiday by its name and citation', () => {
  test('Texas: San Jacinto Day in a 10-business-day count', () => {
    const result = computeDeadlines({ jurisdiction: 'US-TX', receivedAt: '2026-04-15' });
    const response = result.deadlines.find((d) => d.kind === 'response');
    const skipped = response?.trace.filter((t) => t.step === 'holiday') ?? [];
    const sanJacinto = skipped.find((t) => t.date === '2026-04-21');
    expect(sanJacinto?.name).toMatch(/San Jacinto/);
    expect(sanJacinto?.citation).toMatch(/662\.003/);
    expect(sanJacinto?.message).toMatch(/San Jacinto.*662\.003/);
    expect(skipped.every((t) => !/^[a-z-]+$/.test(t.name ?? ''))).toBe(true);
  });
});

describe('docs/deadline-rules.md', () => {
  test('its holiday audit table is the one the rule data gives (npm run holidays:fixture rewrites it)', () => {
    const docs = fs.readFileSync(path.join(__dirname, '../../../docs/deadline-rules.md'), 'utf8');
    expect(docs.slice(docs.indexOf(AUDIT_START), docs.indexOf(AUDIT_END) + AUDIT_END.length)).toBe(auditMarkdown());
  });
});
