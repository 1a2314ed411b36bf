import { Settings } from 'luxon';

import {
  computeDeadlines,
  DeadlineInputError,
  getJurisdiction,
  isJurisdictionCode,
  listJurisdictions,
  ruleFor,
} from '../../../server/deadlines';
import type { DeadlineInput } from '../../../server/deadlines';
import { selectVersion } from '../../../server/deadlines/jurisdictions';

function errorOf(input: DeadlineInput): DeadlineInputError {
  try {
    computeDeadlines(input);
  } catch (error) {
    if (error instanceof DeadlineInputError) return error;
    throw error;
  }
  throw new Error('expected a DeadlineInputError');
}

describe('receipt date in the agency zone', () => {
  // Thu 2026-01-15 23:30 in Chicago is Fri 05:30 UTC. Received Thursday: 10 business days are
  // 16, 20 (19 is MLK Day), 21, 22, 23, 26-30 Jan → Fri 30 Jan. Read as Friday it would be Mon 2 Feb.
  const dataSubject = { jurisdiction: 'US-MN', requestType: 'data_subject' };

  test('23:30 in Chicago is received on the Chicago date, not the UTC date', () => {
    const result = computeDeadlines({ ...dataSubject, receivedAt: '2026-01-15T23:30:00-06:00' });
    expect(result.receivedDate).toBe('2026-01-15');
    expect(result.timezone).toBe('America/Chicago');
    expect(result.deadlines[0]?.dueDate).toBe('2026-01-30');
  });

  test('the same instant written in UTC gives the same Chicago date', () => {
    const result = computeDeadlines({ ...dataSubject, receivedAt: '2026-01-16T05:30:00Z', timezone: 'America/Chicago' });
    expect(result.receivedDate).toBe('2026-01-15');
    expect(result.deadlines[0]?.dueDate).toBe('2026-01-30');
  });

  test('an explicit zone changes the date: the same instant in New York is Friday', () => {
    const result = computeDeadlines({ ...dataSubject, receivedAt: '2026-01-16T05:30:00Z', timezone: 'America/New_York' });
    expect(result.receivedDate).toBe('2026-01-16');
    expect(result.deadlines[0]?.dueDate).toBe('2026-02-02');
  });

  test("asked again and again, alternating zones, the same instant keeps each zone's date", () => {
    // Local dates are memoised by zone and instant text; the zone must be part of the key.
    for (let i = 0; i < 3; i += 1) {
      expect(computeDeadlines({ ...dataSubject, receivedAt: '2026-01-16T05:30:00Z', timezone: 'America/Chicago' }).receivedDate).toBe(
        '2026-01-15',
      );
      expect(computeDeadlines({ ...dataSubject, receivedAt: '2026-01-16T05:30:00Z', timezone: 'America/New_York' }).receivedDate).toBe(
        '2026-01-16',
      );
      expect(computeDeadlines({ ...dataSubject, receivedAt: '2026-01-16T05:30:00Z', timezone: 'Pacific/Kiritimati' }).receivedDate).toBe(
        '2026-01-16',
      );
      expect(computeDeadlines({ ...dataSubject, receivedAt: '2026-01-16T05:30:00Z', timezone: 'Pacific/Pago_Pago' }).receivedDate).toBe(
        '2026-01-15',
      );
    }
  });

  test('the process default zone plays no part', () => {
    const before = Settings.defaultZone;
    try {
      Settings.defaultZone = 'Asia/Tokyo';
      expect(computeDeadlines({ ...dataSubject, receivedAt: '2026-01-15T23:30:00-06:00' }).receivedDate).toBe('2026-01-15');
    } finally {
      Settings.defaultZone = before;
    }
  });

  test('each jurisdiction has a default zone (federal: New York)', () => {
    expect(computeDeadlines({ jurisdiction: 'US', receivedAt: '2026-01-16T04:00:00Z' }).receivedDate).toBe('2026-01-15');
    expect(computeDeadlines({ jurisdiction: 'US-HI', receivedAt: '2026-01-16T08:00:00Z' }).receivedDate).toBe('2026-01-15');
  });
});

describe('input errors are DeadlineInputError with the field', () => {
  const base = { jurisdiction: 'US', receivedAt: '2026-01-16T10:00:00-05:00' };
  test.each<[string, DeadlineInput, string]>([
    ['unknown jurisdiction', { ...base, jurisdiction: 'US-XX' }, 'jurisdiction'],
    ['bad zone', { ...base, timezone: 'Mars/Olympus' }, 'timezone'],
    ['impossible date', { ...base, receivedAt: '2026-02-30' }, 'receivedAt'],
    ['instant without offset', { ...base, receivedAt: '2026-01-16T10:00:00' }, 'receivedAt'],
    ['not a date at all', { ...base, receivedAt: 'yesterday' }, 'receivedAt'],
    ['unknown request type', { ...base, requestType: 'data_subject' }, 'requestType'],
    ['unknown optional holiday', { ...base, optionalHolidays: ['day-after-thanksgiving'] }, 'optionalHolidays[0]'],
    ['unknown worked holiday', { ...base, workedHolidays: ['flag-day'] }, 'workedHolidays[0]'],
    ['bad closure date', { ...base, closures: [{ date: '2026-13-01' }] }, 'closures[0].date'],
    ['bad event date', { ...base, events: [{ type: 'denied', occurredAt: 'soon' }] }, 'events[0].occurredAt'],
    [
      'bad extension date',
      { ...base, events: [{ type: 'extension_claimed', occurredAt: '2026-02-01', data: { newDueDate: '2026-02-31' } }] },
      'events[0].data.newDueDate',
    ],
    ['bad follow-up target', { ...base, followUpTarget: { days: 0, dayType: 'business' } }, 'followUpTarget.days'],
    ['receipt before the rule data starts', { ...base, receivedAt: '2023-06-01' }, 'receivedAt'],
    ['receipt after the supported range', { ...base, receivedAt: '2101-01-03' }, 'receivedAt'],
    [
      'extension date after the supported range',
      { ...base, events: [{ type: 'extension_claimed', occurredAt: '2026-02-01', data: { newDueDate: '2199-12-31' } }] },
      'events[0].data.newDueDate',
    ],
    [
      'extensions that push a deadline past the supported years',
      {
        jurisdiction: 'US-OR',
        receivedAt: '2026-01-05',
        events: [
          { type: 'extension_claimed', occurredAt: '2026-01-06', data: { newDueDate: '2100-12-01' } },
          ...Array.from({ length: 100 }, () => ({ type: 'extension_claimed', occurredAt: '2026-01-07', data: { days: 400 } })),
        ],
      },
      'events',
    ],
  ])('%s', (_name, input, field) => {
    const error = errorOf(input);
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
  });

  test('unknown event types are ignored, not rejected', () => {
    const result = computeDeadlines({ ...base, events: [{ type: 'carrier_pigeon', occurredAt: 'whenever' }] });
    expect(result.deadlines[0]?.status).toBe('open');
  });
});

describe('jurisdiction lookups', () => {
  test('listJurisdictions covers federal, 50 states and DC', () => {
    const list = listJurisdictions();
    expect(list).toHaveLength(52);
    const mn = list.find((j) => j.code === 'US-MN');
    expect(mn).toMatchObject({
      noFixedPeriod: true,
      response: null,
      statuteWords: 'appropriate and prompt manner',
      responsePeriod: 'no fixed period',
    });
    expect(list.find((j) => j.code === 'US')).toMatchObject({
      response: { days: 20, dayType: 'business' },
      lawName: 'Freedom of Information Act',
    });
    expect(list.find((j) => j.code === 'US-MN')?.requestTypes).toEqual(['standard', 'data_subject']);
  });

  test('getJurisdiction and isJurisdictionCode', () => {
    expect(isJurisdictionCode('US-DC')).toBe(true);
    expect(isJurisdictionCode('us-dc')).toBe(false);
    expect(getJurisdiction('US-CA')?.versions[0]?.response).toMatchObject({ days: 10, dayType: 'calendar' });
    expect(getJurisdiction('CA')).toBeUndefined();
  });

  test('ruleFor picks the version in force on the receipt date', () => {
    // Kentucky's 5-business-day rule took effect on 29 June 2021.
    expect(ruleFor('US-KY', '2021-06-29').effectiveFrom).toBe('2021-06-29');
    expect(() => ruleFor('US-KY', '2021-06-28')).toThrow(DeadlineInputError);
    const versions = [
      { effectiveFrom: '2020-01-01', days: 3 },
      { effectiveFrom: '2024-07-01', days: 5 },
    ];
    expect(selectVersion(versions, '2024-06-30')?.days).toBe(3);
    expect(selectVersion(versions, '2024-07-01')?.days).toBe(5);
    expect(selectVersion(versions, '2019-12-31')).toBeUndefined();
  });
});
