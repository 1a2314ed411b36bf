import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { theme } from '../theme';
import { DeadlineMonth } from './DeadlineMonth';

// A zone west of UTC: a date parsed as UTC midnight would show as the day before here.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Honolulu';
});
afterAll(() => {
  process.env.TZ = zone;
});

function renderMonth(props: Partial<Parameters<typeof DeadlineMonth>[0]> = {}) {
  const calls = { month: [] as string[], day: [] as string[] };
  render(
    <MantineProvider theme={theme}>
      <DeadlineMonth
        month="2026-02-01"
        day="2026-02-17"
        counts={
          new Map([
            ['2026-02-17', 2],
            ['2026-02-02', 1],
            ['2026-03-01', 4],
          ])
        }
        onMonthChange={(m) => calls.month.push(m)}
        onDayChange={(d) => calls.day.push(d)}
        {...props}
      />
    </MantineProvider>,
  );
  return calls;
}

describe('DeadlineMonth', () => {
  it('labels each day of the month with its own date and its number of deadlines', () => {
    renderMonth();
    expect(screen.getByRole('button', { name: 'Tue, Feb 17, 2026, 2 deadlines' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mon, Feb 2, 2026, 1 deadline' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fri, Feb 13, 2026' })).toBeTruthy();
    // 1 March shows in February's last row; its deadlines belong to March's page.
    expect(screen.getByRole('button', { name: 'Sun, Mar 1, 2026' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Mar 1, 2026, 4 deadlines/ })).toBeNull();
  });

  it('reports the day chosen and the month moved to as YYYY-MM-DD', async () => {
    const calls = renderMonth();
    await userEvent.click(screen.getByRole('button', { name: 'Mon, Feb 2, 2026, 1 deadline' }));
    expect(calls.day).toEqual(['2026-02-02']);
    await userEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(calls.month).toEqual(['2026-03-01']);
  });
});
