import { describe, expect, it } from 'vitest';
import { addDays, addMonths, byDueDate, monthBounds, monthLabel, monthStart, sameMonth, todayIn } from './dates';

describe('month-grid date math on YYYY-MM-DD strings', () => {
  it('finds the first and last day of a month, leap years included', () => {
    expect(monthBounds('2026-01-16')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(monthBounds('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2026-02-28')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthBounds('2026-04-30')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
  });

  it('moves by months across year ends, landing on the first of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
    expect(monthStart('2026-03-19')).toBe('2026-03-01');
  });

  it('adds days through month ends and the US daylight-saving change without losing a day', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', 6)).toBe('2026-11-07');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('names the month without the browser zone moving it to the previous one', () => {
    expect(monthLabel('2026-01-01')).toBe('January 2026');
    expect(monthLabel('2026-12-01')).toBe('December 2026');
    expect(sameMonth('2026-01-31', '2026-01-01')).toBe(true);
    expect(sameMonth('2026-01-31', '2026-02-01')).toBe(false);
  });

  it('says what day it is in a given zone', () => {
    // 05:30 UTC on 17 January is still the 16th in Chicago and already the 17th in Berlin.
    const now = new Date('2026-01-17T05:30:00Z');
    expect(todayIn('America/Chicago', now)).toBe('2026-01-16');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-01-17');
  });

  it('refuses what is not a date', () => {
    expect(() => monthBounds('January')).toThrow(/YYYY-MM-DD/);
  });

  it('groups deadlines by their due day', () => {
    const grouped = byDueDate([
      { id: 'a', dueDate: '2026-02-13' },
      { id: 'b', dueDate: '2026-02-17' },
      { id: 'c', dueDate: '2026-02-13' },
    ]);
    expect([...grouped.keys()]).toEqual(['2026-02-13', '2026-02-17']);
    expect(grouped.get('2026-02-13')?.map((d) => d.id)).toEqual(['a', 'c']);
  });
});
