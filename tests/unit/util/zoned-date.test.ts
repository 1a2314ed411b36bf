import { DateTime } from 'luxon';
import { dateIn } from '../../../server/util/zoned-date';

// dateIn reads the date from a cached Intl formatter rather than through
// luxon; both must give the same date everywhere, DST changes and the
// zones farthest from UTC included.
const ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'Pacific/Guam',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Europe/London',
  'Etc/GMT+12',
  'Etc/GMT-14',
  'UTC',
];

it('when an instant is read in a zone, then the date is luxon’s, hour by hour over a year', () => {
  const start = Date.UTC(2026, 0, 1);
  let compared = 0;
  const differing: string[][] = [];
  for (let t = start; t < start + 366 * 24 * 3600_000; t += 3600_000 + 17 * 60_000) {
    const instant = new Date(t);
    for (const zone of ZONES) {
      const ours = dateIn(instant, zone);
      const luxons = DateTime.fromJSDate(instant, { zone }).toISODate()!;
      if (ours !== luxons) differing.push([zone, instant.toISOString(), ours, luxons]);
      compared += 1;
    }
  }
  expect(differing).toEqual([]);
  expect(compared).toBeGreaterThan(100_000);
});

it('when the year has other than four digits, then it is written as luxon writes it', () => {
  const early = new Date('0999-06-01T12:00:00Z');
  expect(dateIn(early, 'America/Chicago')).toBe(DateTime.fromJSDate(early, { zone: 'America/Chicago' }).toISODate());
  expect(dateIn(early, 'America/Chicago')).toBe('0999-06-01');
});
