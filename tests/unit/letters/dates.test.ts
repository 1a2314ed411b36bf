import { longDate, parseCivilDate } from '../../../server/letters/dates';

describe('calendar dates in letters', () => {
  it('when a date is outside the deadline engine’s years (records from the 1960s), then a letter still takes it', () => {
    expect(parseCivilDate('1965-03-01')).toEqual({ year: 1965, month: 3, day: 1 });
    expect(longDate('2250-12-31')).toBe('December 31, 2250');
  });

  it('when a day does not exist in its month, then it is not a date; 29 February only in a leap year', () => {
    expect([parseCivilDate('2026-02-30'), parseCivilDate('2026-04-31'), parseCivilDate('2100-02-29')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([parseCivilDate('2024-02-29'), parseCivilDate('2000-02-29')]).toEqual([
      { year: 2024, month: 2, day: 29 },
      { year: 2000, month: 2, day: 29 },
    ]);
  });

  it('when the year is 0000, then its leap day is a date as it is for the API’s YYYY-MM-DD fields (JS Date would read the year as 1900)', () => {
    expect(longDate('0000-02-29')).toBe('February 29, 0');
  });
});
