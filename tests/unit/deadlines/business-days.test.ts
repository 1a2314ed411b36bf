import { businessDaysBetween } from '../../../server/deadlines';

describe('businessDaysBetween', () => {
  it('when an answer comes after a federal due date across a holiday weekend, then only business days count', () => {
    // Due Fri 2026-01-16; answered Wed 2026-01-21: Tue 20 and Wed 21 count (Mon 19 is MLK Day).
    expect(businessDaysBetween('US', {}, '2026-01-16', '2026-01-21')).toBe(2);
  });

  it('when the agency is closed an extra day, then that day does not count', () => {
    expect(businessDaysBetween('US', { closures: [{ date: '2026-01-20' }] }, '2026-01-16', '2026-01-21')).toBe(1);
  });

  it('when the answer is on or before the due date, then it is 0', () => {
    expect(businessDaysBetween('US-MN', {}, '2026-03-10', '2026-03-10')).toBe(0);
    expect(businessDaysBetween('US-MN', {}, '2026-03-10', '2026-03-01')).toBe(0);
  });

  it('when Minneapolis closes on Indigenous Peoples Day, then it is skipped; the state executive works it', () => {
    expect(businessDaysBetween('US-MN', {}, '2026-10-09', '2026-10-13')).toBe(1);
    expect(businessDaysBetween('US-MN', { workedHolidays: ['indigenous-peoples-day'] }, '2026-10-09', '2026-10-13')).toBe(2);
  });
});
