import { Anchor, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../api/session';
import { byDueDate, monthBounds, monthLabel, monthStart, sameMonth, todayIn } from '../components/dates';
import { DeadlineMonth } from '../components/DeadlineMonth';
import { DeadlineTable } from '../components/DeadlineTable';
import { formatDate } from '../components/format';
import { EmptyState, Page, ProblemAlert } from '../components/Page';

type DeadlineItem = Schemas['DeadlineItem'];
type Scope = 'open' | 'all';

/** A month of deadlines, every page of them (a month rarely fills more than one). */
async function monthOfDeadlines(month: string, status: Scope): Promise<DeadlineItem[]> {
  const { from, to } = monthBounds(month);
  const items: DeadlineItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const answer = await unwrap(api.GET('/v1/deadlines', { params: { query: { from, to, status, limit: 500, cursor } } }));
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export default function CalendarPage() {
  const { isEditor } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayIn();
  // The month and day live in the URL, so a link can open a given day.
  const day = ISO.test(params.get('day') ?? '') ? (params.get('day') as string) : today;
  const month = ISO.test(params.get('month') ?? '') ? monthStart(params.get('month') as string) : monthStart(day);
  const [status, setStatus] = useState<Scope>('open');

  function go(next: { month?: string; day?: string }) {
    const p = new URLSearchParams(params);
    if (next.month) p.set('month', monthStart(next.month));
    if (next.day) p.set('day', next.day);
    setParams(p, { replace: true });
  }

  const deadlines = useQuery({
    queryKey: ['deadlines', 'month', month, status],
    queryFn: () => monthOfDeadlines(month, status),
    placeholderData: (previous) => previous,
  });
  const byDay = byDueDate(deadlines.data ?? []);
  const counts = new Map([...byDay].map(([date, list]) => [date, list.length]));
  const selected = sameMonth(day, month) ? (byDay.get(day) ?? []) : [];
  const monthTotal = deadlines.data?.length ?? 0;

  return (
    <Page title="Deadline calendar">
      <Text size="sm">
        Every deadline of the newsroom by the day it falls due, in its agency’s own calendar. To see them in your calendar app,{' '}
        <Anchor component={Link} to="/account#calendar-feeds">
          create a calendar feed link on your account page
        </Anchor>
        .
      </Text>
      <Group wrap="wrap" align="center">
        <SegmentedControl
          aria-label="Which deadlines"
          value={status}
          onChange={(v) => setStatus(v as Scope)}
          data={[
            { value: 'open', label: 'Running' },
            { value: 'all', label: 'All, met and missed too' },
          ]}
        />
        <Text size="sm" aria-live="polite">
          {deadlines.isPending ? 'Loading…' : `${monthTotal} deadline${monthTotal === 1 ? '' : 's'} in ${monthLabel(month)}`}
        </Text>
      </Group>
      <ProblemAlert error={deadlines.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <DeadlineMonth
            month={month}
            day={day}
            counts={counts}
            onMonthChange={(d) => go({ month: d })}
            onDayChange={(d) => go({ day: d, month: d })}
          />
        </div>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {formatDate(day)}
          </Title>
          {deadlines.isPending ? (
            <Text>Loading…</Text>
          ) : selected.length ? (
            <DeadlineTable items={selected} reassign={isEditor} caption={`Deadlines due ${formatDate(day)}`} />
          ) : (
            <EmptyState title="No deadline this day">
              Pick a day with a number on it
              {monthTotal === 0 ? ', or move to another month with the arrows' : ''}. Deadlines appear once a request is sent.
            </EmptyState>
          )}
          {day !== today && (
            <Anchor component="button" type="button" onClick={() => go({ day: today, month: today })} size="sm" ta="left">
              Back to today
            </Anchor>
          )}
        </Stack>
      </SimpleGrid>
    </Page>
  );
}
