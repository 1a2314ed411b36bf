import { Alert, Anchor, Button, Card, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../api/session';
import { DeadlineList, type DeadlineView } from '../components/DeadlineList';
import { EventTimeline } from '../components/EventTimeline';
import { FollowUps } from '../components/FollowUps';
import { formatInstant, formatMoney, humanize } from '../components/format';
import { LogEventForm } from '../components/LogEventForm';
import { Page, ProblemAlert } from '../components/Page';
import { ReviewAndSend } from '../components/ReviewAndSend';
import { StatusBadge } from '../components/StatusBadge';
import { NotFoundPage } from './NotFoundPage';

type Request = Schemas['RequestWithDeadlines'];

/** Every event of the request, oldest first, following the cursor. */
async function allEvents(id: string): Promise<Schemas['Event'][]> {
  const out: Schemas['Event'][] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/v1/requests/{id}/events', { params: { path: { id }, query: { limit: 500, cursor } } }));
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export default function RequestPage() {
  const { id = '' } = useParams();
  const { canWrite } = useSession();
  const request = useQuery({
    queryKey: ['request', id],
    queryFn: () => unwrap(api.GET('/v1/requests/{id}', { params: { path: { id } } })),
  });
  const events = useQuery({ queryKey: ['request', id, 'events'], queryFn: () => allEvents(id), enabled: request.isSuccess });
  const files = useQuery({
    queryKey: ['request', id, 'files'],
    queryFn: () => unwrap(api.GET('/v1/requests/{id}/attachments', { params: { path: { id } } })),
    enabled: request.isSuccess,
  });

  if (request.error instanceof ApiError && (request.error.status === 404 || request.error.status === 400))
    return <NotFoundPage what="request" />;
  if (request.error) return <ProblemAlert error={request.error} />;
  if (!request.data) return <Text>Loading the request…</Text>;
  const r = request.data;

  return (
    <Page
      title={r.title}
      actions={
        <Group gap="xs">
          <StatusBadge status={r.status} />
          <Button component={Link} to={`/requests/${r.id}/history`} variant="default" size="xs">
            History for counsel
          </Button>
        </Group>
      }
    >
      <Summary request={r} />
      <Notices request={r} canWrite={canWrite} />
      {r.status === 'draft' && canWrite ? (
        <ReviewAndSend drafts={[r]} onChange={() => void request.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <section aria-labelledby="deadlines-heading">
                <Title order={2} size="h3" id="deadlines-heading" mb="xs">
                  Deadlines
                </Title>
                <DeadlineList deadlines={r.deadlines as unknown as DeadlineView[]} />
              </section>
              <section aria-labelledby="timeline-heading">
                <Title order={2} size="h3" id="timeline-heading" mb="xs">
                  Timeline
                </Title>
                {events.data ? (
                  <EventTimeline requestId={r.id} events={events.data} files={files.data?.items ?? []} timeZone={r.agency.timezone} />
                ) : (
                  <Text size="sm">Loading the timeline…</Text>
                )}
                <ProblemAlert error={events.error} />
              </section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              {canWrite && (
                <Card withBorder component="section" aria-labelledby="log-heading">
                  <Title order={2} size="h3" id="log-heading" mb="xs">
                    Log what happened
                  </Title>
                  <LogEventForm requestId={r.id} timeZone={r.agency.timezone} />
                </Card>
              )}
              <section aria-labelledby="letters-heading">
                <Title order={2} size="h3" id="letters-heading" mb="xs">
                  Follow-ups and appeals
                </Title>
                <FollowUps requestId={r.id} canWrite={canWrite} />
              </section>
              <section aria-labelledby="letter-heading">
                <Title order={2} size="h3" id="letter-heading" mb="xs">
                  The letter as sent
                </Title>
                <Text fw={600} size="sm">
                  {r.letter.subject}
                </Text>
                <Text size="sm" className="letter-text">
                  {r.letter.body}
                </Text>
              </section>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}

function Summary({ request: r }: { request: Request }) {
  const { isEditor, session } = useSession();
  return (
    <Card withBorder>
      <Group gap="xl" wrap="wrap" align="start">
        <div>
          <Text size="xs" c="dimmed">
            Agency
          </Text>
          <Anchor component={Link} to={`/agencies/${r.agency.id}`}>
            {r.agency.name}
          </Anchor>
        </div>
        {r.submission && (
          <div>
            <Text size="xs" c="dimmed">
              Filed
            </Text>
            <Text size="sm">
              {formatInstant(r.submission.submittedAt, r.agency.timezone)} by {humanize(r.submission.method)}
            </Text>
          </div>
        )}
        {r.submission?.trackingNumber && (
          <div>
            <Text size="xs" c="dimmed">
              Tracking number
            </Text>
            <Text size="sm">{r.submission.trackingNumber}</Text>
          </div>
        )}
        {r.feeLimit !== null && (
          <div>
            <Text size="xs" c="dimmed">
              Fee limit
            </Text>
            <Text size="sm">{formatMoney(r.feeLimit)}</Text>
          </div>
        )}
        <div>
          {isEditor ? (
            <Assignee request={r} organizationId={session?.organization.id ?? ''} />
          ) : (
            <>
              <Text size="xs" c="dimmed">
                Assigned to
              </Text>
              <Text size="sm">{r.assigneeId === session?.user.id ? 'you' : r.assigneeId ? 'a colleague' : 'nobody'}</Text>
            </>
          )}
        </div>
      </Group>
    </Card>
  );
}

/** Editors hand a request to another reporter from here. */
export function Assignee({ request: r, organizationId }: { request: Pick<Request, 'id' | 'assigneeId'>; organizationId: string }) {
  const queryClient = useQueryClient();
  const people = useQuery({
    queryKey: ['people', organizationId],
    queryFn: () => unwrap(api.GET('/v1/organizations/{orgId}/users', { params: { path: { orgId: organizationId } } })),
    enabled: !!organizationId,
    staleTime: 60_000,
  });
  const assign = useMutation({
    mutationFn: (assigneeId: string | null) =>
      unwrap(api.PATCH('/v1/requests/{id}', { params: { path: { id: r.id } }, body: { assigneeId } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['request', r.id] });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
  const options = (people.data?.items ?? []).filter((u) => u.active && u.role !== 'counsel').map((u) => ({ value: u.id, label: u.name }));
  return (
    <Stack gap={4}>
      <Select
        label="Assigned to"
        size="xs"
        data={options}
        value={r.assigneeId}
        onChange={(v) => assign.mutate(v)}
        placeholder="Nobody"
        clearable
        w={220}
        disabled={assign.isPending}
      />
      <ProblemAlert error={assign.error} />
    </Stack>
  );
}

function Notices({ request: r, canWrite }: { request: Request; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const resubmit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/requests/{id}/resubmit', {
          params: { path: { id: r.id }, header: { 'Idempotency-Key': `resubmit-${r.id}-${r.updatedAt}` } },
          body: { method: 'email' },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['request', r.id] }),
  });
  return (
    <>
      {r.submission?.delivery.letterUndelivered && (
        <Alert color="red" title="The letter never reached the agency" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              {r.submission.delivery.error ?? 'The email failed for good.'} Its deadlines remind nobody until it is filed again.
            </Text>
            {canWrite && (
              <Group>
                <Button size="xs" onClick={() => resubmit.mutate()} loading={resubmit.isPending}>
                  Send the letter again
                </Button>
              </Group>
            )}
            <ProblemAlert error={resubmit.error} />
          </Stack>
        </Alert>
      )}
      {r.feeOverLimit && (
        <Alert color="orange" title="Fee estimate above your limit">
          The agency estimated {formatMoney(r.feeOverLimit.amount, r.feeOverLimit.currency)}, above the limit of{' '}
          {formatMoney(r.feeOverLimit.feeLimit)}. Decide whether to pay, narrow the request or withdraw it.
        </Alert>
      )}
      {r.awaiting.length > 0 && (
        <Alert color="yellow" title="The agency is waiting on you">
          {r.awaiting.map((a) => (a === 'fee' ? 'A fee to pay.' : 'A question to answer.')).join(' ')} The response clock is stopped until
          then.
        </Alert>
      )}
      {r.warnings.map((w) => (
        <Alert key={w} color="yellow" variant="light">
          {w}
        </Alert>
      ))}
    </>
  );
}
