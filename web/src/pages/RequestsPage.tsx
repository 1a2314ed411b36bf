import { Anchor, Button, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../api/session';
import { businessDaysLeft, formatDate, humanize } from '../components/format';
import { useFirstDataMark } from '../components/first-data';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';

const STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'fee_requested',
  'clarification_requested',
  'partially_fulfilled',
  'fulfilled',
  'denied',
  'no_records',
  'withdrawn',
  'appealed',
  'in_litigation',
] as const;
type Status = (typeof STATUSES)[number];

type RequestItem = Schemas['RequestListItem'];

export function RequestsPage() {
  const { session, canWrite } = useSession();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as Status | null) ?? undefined;
  // A reporter starts from their own requests; editors and counsel from the newsroom's.
  const mine = params.has('mine') ? params.get('mine') === '1' : session?.user.role === 'reporter';
  const overdue = params.get('overdue') === '1';
  const undelivered = params.get('undelivered') === '1';
  const awaiting = params.get('awaiting') === '1';
  const q = params.get('q') ?? '';
  const [draftQ, setDraftQ] = useState(q);

  function set(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const list = useInfiniteQuery({
    queryKey: ['requests', { status, mine, overdue, undelivered, awaiting }],
    enabled: !q,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/requests', {
          params: {
            query: {
              status,
              assigneeId: mine ? session?.user.id : undefined,
              overdue: overdue ? 'true' : undefined,
              undelivered: undelivered ? 'true' : undefined,
              awaitingNewsroom: awaiting ? 'true' : undefined,
              cursor: pageParam,
              limit: 50,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const search = useQuery({
    queryKey: ['search', q],
    enabled: !!q,
    queryFn: () => unwrap(api.GET('/v1/search', { params: { query: { q, limit: 50 } } })),
  });

  function submitSearch(e: FormEvent) {
    e.preventDefault();
    set('q', draftQ.trim() || null);
  }

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  useFirstDataMark(list.isSuccess || search.isSuccess);
  return (
    <Page
      title={mine ? 'My requests' : 'Requests'}
      actions={
        canWrite && (
          <Button component={Link} to="/requests/new">
            New request
          </Button>
        )
      }
    >
      <search>
        <form onSubmit={submitSearch}>
          <Group align="end" wrap="wrap">
            <TextInput
              label="Search letters, emails and notes"
              value={draftQ}
              onChange={(e) => setDraftQ(e.currentTarget.value)}
              style={{ flex: '1 1 240px' }}
            />
            <Button type="submit" variant="default">
              Search
            </Button>
            {q && (
              <Button
                variant="subtle"
                onClick={() => {
                  setDraftQ('');
                  set('q', null);
                }}
              >
                Clear search
              </Button>
            )}
          </Group>
        </form>
      </search>
      {q ? (
        <SearchResults hits={search.data?.items} loading={search.isPending} error={search.error} />
      ) : (
        <>
          <Group wrap="wrap" align="end">
            <Select
              label="Status"
              placeholder="Any status"
              data={STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
              value={status ?? null}
              onChange={(v) => set('status', v)}
              clearable
              w={220}
            />
            <Switch label="Assigned to me" checked={mine} onChange={(e) => set('mine', e.currentTarget.checked ? '1' : '0')} />
            <Switch label="Overdue only" checked={overdue} onChange={(e) => set('overdue', e.currentTarget.checked ? '1' : null)} />
            <Switch label="Waiting on us" checked={awaiting} onChange={(e) => set('awaiting', e.currentTarget.checked ? '1' : null)} />
            {undelivered && <Switch label="Letters that never arrived" checked onChange={() => set('undelivered', null)} />}
          </Group>
          <ProblemAlert error={list.error} />
          {list.isPending ? (
            <Text>Loading requests…</Text>
          ) : items.length === 0 ? (
            <EmptyState title="No requests here yet">
              {canWrite ? (
                <Text size="sm">
                  <Anchor component={Link} to="/requests/new">
                    Draft a request
                  </Anchor>{' '}
                  to one agency or several at once; each letter cites its agency's law.
                </Text>
              ) : (
                <Text size="sm">Change the filters, or wait for reporters to file requests.</Text>
              )}
            </EmptyState>
          ) : (
            <RequestTable items={items} />
          )}
          {list.hasNextPage && (
            <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Show more
            </Button>
          )}
        </>
      )}
    </Page>
  );
}

function RequestTable({ items }: { items: RequestItem[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col">Agency</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Next deadline</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/requests/${r.id}`}>
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.agency.name}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                {r.nextDeadline ? (
                  <Text size="sm" c={r.nextDeadline.businessDaysLeft < 0 ? 'red.9' : undefined}>
                    {formatDate(r.nextDeadline.dueDate)} · {businessDaysLeft(r.nextDeadline.businessDaysLeft)}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    none running
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SearchResults({ hits, loading, error }: { hits?: Schemas['SearchHit'][]; loading: boolean; error: unknown }) {
  if (error) return <ProblemAlert error={error} />;
  if (loading) return <Text>Searching…</Text>;
  if (!hits?.length) return <EmptyState title="Nothing found">Try fewer words, or a phrase in quotes.</EmptyState>;
  return (
    <ul aria-label="Search results" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {hits.map((h) => (
        <li key={`${h.requestId}:${h.eventId ?? ''}`} style={{ marginBottom: 12 }}>
          <Anchor component={Link} to={`/requests/${h.requestId}`}>
            {h.requestTitle}
          </Anchor>
          <Text size="sm" c="dimmed">
            {h.eventType ? `${humanize(h.eventType)}: ` : ''}
            {h.snippet.replace(/\[\[|\]\]/g, '')}
          </Text>
        </li>
      ))}
    </ul>
  );
}
