import { describe, expect, it } from 'vitest';
import { businessDaysLeft, formatDate, humanize, offsetOf, todayIn } from './format';

describe('formatDate', () => {
  it('shows a legal date as that day, whatever zone the browser is in', () => {
    // 2026-02-17 is a Tuesday everywhere; a Date parsed in a zone west of UTC would say Monday.
    expect(formatDate('2026-02-17')).toBe('Tue, Feb 17, 2026');
    expect(formatDate(null)).toBe('—');
  });
});

describe('businessDaysLeft', () => {
  it('says late, today and left in words', () => {
    expect(businessDaysLeft(-1)).toBe('1 business day late');
    expect(businessDaysLeft(-3)).toBe('3 business days late');
    expect(businessDaysLeft(0)).toBe('due today');
    expect(businessDaysLeft(1)).toBe('1 business day left');
  });
});

it('humanize turns slugs into words', () => {
  expect(humanize('fee_requested')).toBe('Fee requested');
});

describe('offsetOf', () => {
  it('gives the agency zone offset for that date, including daylight saving time', () => {
    expect(offsetOf('America/Chicago', '2026-01-16')).toBe('-06:00');
    expect(offsetOf('America/Chicago', '2026-07-16')).toBe('-05:00');
    expect(offsetOf('Pacific/Honolulu', '2026-07-16')).toBe('-10:00');
    // 01:30 on the morning clocks go back is still daylight time in Chicago.
    expect(offsetOf('America/Chicago', '2026-11-01', '00:30')).toBe('-05:00');
    expect(offsetOf('America/Chicago', '2026-11-01', '03:00')).toBe('-06:00');
  });
  it('todayIn names the date in the zone, not in the browser', () => {
    const now = new Date('2026-03-01T04:30:00Z');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-02-28');
    expect(todayIn('America/New_York', now)).toBe('2026-02-28');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-03-01');
  });
});
