import { businessDaysBetween, reminderDates } from '../../../server/deadlines';

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

describe('reminderDates', () => {
  it('when a federal deadline falls the day after a Monday holiday, then the 2-day reminder lands on the Thursday before and overdue on Wednesday', () => {
    // Due Tue 2026-01-20; Mon 19 is MLK Day: one business day back is Fri 16, two is Thu 15. First overdue: Wed 21.
    expect(reminderDates('US', {}, '2026-01-20', 2)).toEqual({ before: '2026-01-15', firstOverdue: '2026-01-21' });
  });

  it('when due on a Friday, then overdue is the next Monday unless it is a holiday', () => {
    expect(reminderDates('US', {}, '2026-01-30', 0)).toEqual({ before: '2026-01-30', firstOverdue: '2026-02-02' });
    expect(reminderDates('US', {}, '2026-01-16', 1)).toEqual({ before: '2026-01-15', firstOverdue: '2026-01-20' });
  });
});
