import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../api/client';
import { useJurisdictions } from '../api/queries';
import { useSession } from '../api/session';
import { AgencyEditor, agencyBody, type AgencyValues } from '../components/AgencyEditor';
import { DeadlineTable } from '../components/DeadlineTable';
import { formatDate, humanize } from '../components/format';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { ReportCard } from '../components/ReportCard';
import { NotFoundPage } from './NotFoundPage';

export default function AgencyPage() {
  const { id = '' } = useParams();
  const { canWrite, isEditor } = useSession();
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  const agency = useQuery({ queryKey: ['agency', id], queryFn: () => unwrap(api.GET('/v1/agencies/{id}', { params: { path: { id } } })) });
  const stats = useQuery({
    queryKey: ['stats', 'agency', id],
    queryFn: () => unwrap(api.GET('/v1/agencies/{id}/stats', { params: { path: { id } } })),
  });
  const deadlines = useQuery({
    queryKey: ['deadlines', 'agency', id],
    queryFn: () => unwrap(api.GET('/v1/deadlines', { params: { query: { agencyId: id, status: 'open', limit: 100 } } })),
  });
  const jurisdictions = useJurisdictions();
  const update = useMutation({
    mutationFn: (v: AgencyValues) => unwrap(api.PATCH('/v1/agencies/{id}', { params: { path: { id } }, body: agencyBody(v) })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['agency', id], saved);
      queryClient.invalidateQueries({ queryKey: ['stats'] });
      queryClient.invalidateQueries({ queryKey: ['deadlines'] });
      notifications.show({ color: 'green', message: 'Agency saved. Its open deadlines were counted again in its calendar.' });
      setEditing(false);
    },
  });

  if (agency.error instanceof ApiError && agency.error.status === 404) return <NotFoundPage what="agency" />;
  const a = agency.data;
  const law = jurisdictions.data?.find((j) => j.code === a?.jurisdiction);

  return (
    <Page
      title={a?.name ?? 'Agency'}
      actions={
        canWrite &&
        a &&
        !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit agency
          </Button>
        )
      }
    >
      <Anchor component={Link} to="/agencies" size="sm">
        ← All agencies
      </Anchor>
      <ProblemAlert error={agency.error} />
      {agency.isPending && <Text>Loading…</Text>}
      {a && editing && (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            Edit agency
          </Title>
          <AgencyEditor
            initial={a}
            submitLabel="Save"
            onSubmit={(v) => update.mutate(v)}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
            pending={update.isPending}
            error={update.error}
          />
        </Card>
      )}
      {a && !editing && (
        <Card withBorder>
          <Table variant="vertical" layout="fixed" withRowBorders={false} aria-label="About the agency">
            <Table.Tbody>
              <Row label="Jurisdiction">
                {law ? `${law.name} — ${law.lawName} (${law.citation})` : a.jurisdiction}
                {law && (
                  <Text size="xs" c="dimmed">
                    Response period: {law.responsePeriod}
                  </Text>
                )}
              </Row>
              <Row label="Level">{humanize(a.level)}</Row>
              <Row label="Time zone">{a.timezone}</Row>
              <Row label="Records email">{a.recordsEmail ? <Anchor href={`mailto:${a.recordsEmail}`}>{a.recordsEmail}</Anchor> : '—'}</Row>
              <Row label="Records portal">
                {a.portalUrl ? (
                  <Anchor href={a.portalUrl} target="_blank" rel="noopener noreferrer">
                    {a.portalUrl}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Row>
              <Row label="Mailing address">
                <span style={{ whiteSpace: 'pre-line' }}>{a.mailingAddress ?? '—'}</span>
              </Row>
              {a.closures.length > 0 && (
                <Row label="Extra closures">
                  <Group gap={4}>
                    {a.closures.map((c) => (
                      <Badge key={c.date} variant="light" color="gray" styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}>
                        {formatDate(c.date)}
                        {c.name ? `: ${c.name}` : ''}
                      </Badge>
                    ))}
                  </Group>
                </Row>
              )}
              {a.notes && <Row label="Notes">{a.notes}</Row>}
            </Table.Tbody>
          </Table>
        </Card>
      )}

      <section aria-labelledby="report-card-title">
        <Stack gap="xs">
          <Title order={2} size="h3" id="report-card-title">
            Report card
          </Title>
          <ProblemAlert error={stats.error} />
          {stats.isPending ? <Text>Loading…</Text> : stats.data && <ReportCard stats={stats.data} />}
        </Stack>
      </section>

      <section aria-labelledby="open-deadlines-title">
        <Stack gap="xs">
          <Title order={2} size="h3" id="open-deadlines-title">
            Open deadlines
          </Title>
          <ProblemAlert error={deadlines.error} />
          {deadlines.isPending ? (
            <Text>Loading…</Text>
          ) : deadlines.data?.items.length ? (
            <DeadlineTable items={deadlines.data.items} reassign={isEditor} caption={`Open deadlines of ${a?.name ?? 'the agency'}`} />
          ) : (
            <EmptyState title="No open deadline">
              {canWrite ? (
                <>
                  Nothing is running with this agency.{' '}
                  <Anchor component={Link} to="/requests/new">
                    Draft a request
                  </Anchor>{' '}
                  to it.
                </>
              ) : (
                'Nothing is running with this agency.'
              )}
            </EmptyState>
          )}
        </Stack>
      </section>
    </Page>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={170}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
