import { Indicator } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { formatDate } from './format';
import { sameMonth } from './dates';

/**
 * A month grid with the number of deadlines on each day. Days are YYYY-MM-DD strings
 * throughout (Mantine's dates are strings too), so the browser's zone never moves one.
 */
export function DeadlineMonth({
  month,
  day,
  counts,
  onMonthChange,
  onDayChange,
}: {
  /** The first day of the month shown. */
  month: string;
  /** The chosen day. */
  day: string;
  counts: ReadonlyMap<string, number>;
  onMonthChange: (month: string) => void;
  onDayChange: (day: string) => void;
}) {
  const count = (date: string) => (sameMonth(date, month) ? (counts.get(date) ?? 0) : 0);
  return (
    <DatePicker
      date={month}
      onDateChange={onMonthChange}
      value={day}
      onChange={(d) => d && onDayChange(d)}
      maxLevel="year"
      size="md"
      highlightToday
      ariaLabels={{ previousMonth: 'Previous month', nextMonth: 'Next month', monthLevelControl: 'Choose a month' }}
      // Mantine paints weekends red and other months' days light grey, both below 4.5:1 on white.
      getDayProps={(date) =>
        date === day
          ? {}
          : {
              style: sameMonth(date, month)
                ? { color: 'var(--mantine-color-dark-9)' }
                : { color: 'var(--mantine-color-gray-7)', opacity: 1 },
            }
      }
      getDayAriaLabel={(date) => {
        const n = count(date);
        return `${formatDate(date)}${n ? `, ${n} deadline${n === 1 ? '' : 's'}` : ''}`;
      }}
      renderDay={(date) => {
        const n = count(date);
        return (
          <Indicator size={16} label={n} disabled={n === 0} offset={-2} color="red.9" aria-hidden>
            <div>{Number(date.slice(8, 10))}</div>
          </Indicator>
        );
      }}
    />
  );
}
