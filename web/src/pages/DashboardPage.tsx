import { Anchor, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../api/session';
import { addDays, todayIn } from '../components/dates';
import { DeadlineTable } from '../components/DeadlineTable';
import { useFirstDataMark } from '../components/first-data';
import { formatDate, formatMoney } from '../components/format';
import { groupDeadlines } from '../components/grouping';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { ScrollTable } from '../components/ScrollTable';

type Counts = Schemas['Dashboard']['counts'];

/** How many open deadlines the groupings look at: the soonest ones. */
const GROUPING_WINDOW = 500;

interface CountCard {
  key: keyof Counts;
  label: string;
  hint: string;
  to?: string;
  alarm?: boolean;
}

// Each row carries an assignee picker: a screenful per list keeps the first paint fast (bench/web.bench.ts);
// the overdue list and the calendar show the rest.
const LIST_ROWS = 25;

const CARDS: CountCard[] = [
  { key: 'openRequests', label: 'Open requests', hint: 'Sent and not yet closed', to: '/requests?mine=0' },
  { key: 'overdue', label: 'Overdue', hint: 'Agency deadlines that have passed', to: '/requests?mine=0&overdue=1', alarm: true },
  { key: 'dueIn7Days', label: 'Due this week', hint: 'Running clocks due in the next 7 days', to: '#due-this-week' },
  {
    key: 'undeliveredLetters',
    label: 'Letters that never arrived',
    hint: 'Email bounced for good: file them again',
    to: '/requests?mine=0&undelivered=1',
    alarm: true,
  },
  { key: 'feesOverLimit', label: 'Fees above the limit', hint: 'Pay, narrow or withdraw', to: '#fees-over-limit', alarm: true },
  { key: 'awaitingNewsroom', label: 'Waiting on us', hint: 'A fee to pay or a question to answer', to: '/requests?mine=0&awaiting=1' },
  { key: 'drafts', label: 'Drafts', hint: 'Written, not sent', to: '/requests?mine=0&status=draft' },
  { key: 'inLitigation', label: 'In litigation', hint: 'Lawsuits filed', to: '/requests?mine=0&status=in_litigation' },
];

export default function DashboardPage() {
  const { isEditor } = useSession();
  const today = todayIn();
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: () => unwrap(api.GET('/v1/dashboard')) });
  const overdue = useQuery({
    queryKey: ['deadlines', 'overdue'],
    queryFn: () => unwrap(api.GET('/v1/deadlines', { params: { query: { status: 'overdue', limit: LIST_ROWS } } })),
  });
  const week = useQuery({
    queryKey: ['deadlines', 'week', today],
    queryFn: () =>
      unwrap(api.GET('/v1/deadlines', { params: { query: { status: 'open', from: today, to: addDays(today, 6), limit: LIST_ROWS } } })),
  });
  const open = useQuery({
    queryKey: ['deadlines', 'open', GROUPING_WINDOW],
    queryFn: () => unwrap(api.GET('/v1/deadlines', { params: { query: { status: 'open', limit: GROUPING_WINDOW } } })),
  });

  const counts = dashboard.data?.counts;
  useFirstDataMark(dashboard.isSuccess);
  return (
    <Page title="Dashboard">
      <ProblemAlert error={dashboard.error} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {CARDS.map((c) => (
          <li key={c.key}>
            <CountTile card={c} value={counts?.[c.key]} />
          </li>
        ))}
      </SimpleGrid>

      <Section id="overdue" title="Overdue">
        <DeadlineList
          query={overdue}
          reassign={isEditor}
          caption="Overdue deadlines"
          empty="Nothing is overdue. Agencies that miss a deadline show up here the next business day."
        />
      </Section>

      <Section id="due-this-week" title="Due this week">
        <DeadlineList
          query={week}
          reassign={isEditor}
          caption="Deadlines due in the next 7 days"
          empty="No deadline falls in the next 7 days. The calendar shows what comes later."
        />
      </Section>

      <Section id="urgent" title="Most urgent">
        {dashboard.isPending ? (
          <Text>Loading…</Text>
        ) : dashboard.data?.urgent.length ? (
          <DeadlineTable items={dashboard.data.urgent} reassign={isEditor} caption="The most urgent deadlines" />
        ) : (
          !dashboard.error && <EmptyState title="Nothing urgent">Deadlines of sent requests appear here as they come near.</EmptyState>
        )}
      </Section>

      <Section id="fees-over-limit" title="Fees above the limit">
        <FeesOverLimit items={dashboard.data?.feesOverLimit} loading={dashboard.isPending} />
      </Section>

      <Section id="groups" title="By reporter and by agency">
        <Groupings data={open.data} loading={open.isPending} error={open.error} />
      </Section>
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={`${id}-title`}>
          {title}
        </Title>
        {children}
      </Stack>
    </section>
  );
}

function CountTile({ card, value }: { card: CountCard; value: number | undefined }) {
  const shown = value === undefined ? '…' : String(value);
  const alarm = card.alarm && (value ?? 0) > 0;
  const body = (
    <>
      <Text size="sm" fw={600}>
        {card.label}
      </Text>
      <Text fz={28} fw={700} c={alarm ? 'red.9' : undefined} lh={1.2}>
        {shown}
      </Text>
      <Text size="xs" c="dimmed">
        {card.hint}
      </Text>
    </>
  );
  if (!card.to) {
    return (
      <Card withBorder padding="sm" h="100%">
        {body}
      </Card>
    );
  }
  // In-page targets are plain anchors; other lists are routes.
  if (card.to.startsWith('#')) {
    return (
      <Card withBorder padding="sm" h="100%" component="a" href={card.to}>
        {body}
      </Card>
    );
  }
  return (
    <Card withBorder padding="sm" h="100%" component={Link} to={card.to}>
      {body}
    </Card>
  );
}

interface DeadlineQuery {
  data?: { items: Schemas['DeadlineItem'][]; nextCursor: string | null };
  isPending: boolean;
  error: unknown;
}

function DeadlineList({ query, reassign, caption, empty }: { query: DeadlineQuery; reassign: boolean; caption: string; empty: string }) {
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending) return <Text>Loading…</Text>;
  const items = query.data?.items ?? [];
  if (!items.length) return <EmptyState title="Nothing here">{empty}</EmptyState>;
  return (
    <>
      <DeadlineTable items={items} reassign={reassign} caption={caption} />
      {query.data?.nextCursor && (
        <Text size="sm" c="dimmed">
          Showing the first {items.length}. Every overdue request is in{' '}
          <Anchor component={Link} to="/requests?mine=0&overdue=1">
            the overdue list
          </Anchor>
          , and every deadline by day in{' '}
          <Anchor component={Link} to="/calendar">
            the calendar
          </Anchor>
          .
        </Text>
      )}
    </>
  );
}

function FeesOverLimit({ items, loading }: { items?: Schemas['Dashboard']['feesOverLimit']; loading: boolean }) {
  if (loading) return <Text>Loading…</Text>;
  if (!items?.length)
    return (
      <EmptyState title="No fee above its limit">
        When an agency estimates more than a request’s fee limit, it appears here for the newsroom to decide.
      </EmptyState>
    );
  return (
    <ScrollTable minWidth={480} label="Fee estimates above the request’s limit">
      <Table striped aria-label="Fee estimates above the request’s limit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col">Estimate</Table.Th>
            <Table.Th scope="col">Limit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={f.requestId}>
              <Table.Td>
                <Anchor component={Link} to={`/requests/${f.requestId}`}>
                  {f.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatMoney(f.amount, f.currency)}</Table.Td>
              <Table.Td>{formatMoney(f.feeLimit, f.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Groupings({ data, loading, error }: { data?: DeadlineQuery['data']; loading: boolean; error: unknown }) {
  const [by, setBy] = useState<'assignee' | 'agency'>('assignee');
  if (error) return <ProblemAlert error={error} />;
  if (loading) return <Text>Loading…</Text>;
  const items = data?.items ?? [];
  if (!items.length)
    return (
      <EmptyState title="No open deadlines">Once requests are sent, their deadlines are counted here by reporter and by agency.</EmptyState>
    );
  const groups = groupDeadlines(items, by);
  const who = by === 'agency' ? 'Agency' : 'Reporter';
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label="Group open deadlines by"
          value={by}
          onChange={(v) => setBy(v as 'assignee' | 'agency')}
          data={[
            { value: 'assignee', label: 'By reporter' },
            { value: 'agency', label: 'By agency' },
          ]}
        />
        {data?.nextCursor && (
          <Text size="sm" c="dimmed">
            Counting the {items.length} soonest open deadlines.
          </Text>
        )}
      </Group>
      <ScrollTable minWidth={560} label={`Open deadlines ${by === 'agency' ? 'by agency' : 'by reporter'}`}>
        <Table striped aria-label={`Open deadlines ${by === 'agency' ? 'by agency' : 'by reporter'}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{who}</Table.Th>
              <Table.Th scope="col">Requests</Table.Th>
              <Table.Th scope="col">Open deadlines</Table.Th>
              <Table.Th scope="col">Overdue</Table.Th>
              <Table.Th scope="col">Due within 5 business days</Table.Th>
              <Table.Th scope="col">Next due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.key}>
                <Table.Th scope="row" fw={500}>
                  {by === 'agency' ? (
                    <Anchor component={Link} to={`/agencies/${g.key}`}>
                      {g.label}
                    </Anchor>
                  ) : (
                    g.label
                  )}
                </Table.Th>
                <Table.Td>{g.requests}</Table.Td>
                <Table.Td>{g.open}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={g.overdue ? 'red.9' : undefined} fw={g.overdue ? 700 : undefined}>
                    {g.overdue}
                  </Text>
                </Table.Td>
                <Table.Td>{g.dueSoon}</Table.Td>
                <Table.Td>{formatDate(g.nextDue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
