import { describe, expect, it } from 'vitest';
import { businessDaysLeft, formatDate, humanize } from './format';

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
