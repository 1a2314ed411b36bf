import { afterAll, beforeAll, expect, it } from 'vitest';
import { endOfDay, feedUrls } from './account';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Chicago';
});
afterAll(() => {
  process.env.TZ = zone;
});

it('a token chosen to work until a day works through the end of that day where the reader is', () => {
  expect(endOfDay('2026-01-31')).toBe('2026-02-01T05:59:59.000Z');
  // Summer time: five hours behind UTC.
  expect(endOfDay('2026-07-04')).toBe('2026-07-05T04:59:59.000Z');
});

it('offers the feed as https and as webcal', () => {
  expect(feedUrls('https://tracker.example.org/v1/calendar.ics?token=abc')).toEqual({
    https: 'https://tracker.example.org/v1/calendar.ics?token=abc',
    webcal: 'webcal://tracker.example.org/v1/calendar.ics?token=abc',
  });
  expect(feedUrls('http://localhost:3000/v1/calendar.ics?token=x').webcal).toBe('webcal://localhost:3000/v1/calendar.ics?token=x');
});
