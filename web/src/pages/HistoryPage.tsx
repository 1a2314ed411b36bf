import { Alert, Anchor, Badge, Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../api/client';
import { formatDate, formatInstant, humanize } from '../components/format';
import { Page, ProblemAlert } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { NotFoundPage } from './NotFoundPage';

/** The parts of GET /v1/requests/{id}/history this page shows (the document is the exhibit's input). */
interface HistoryDocument {
  generatedAt: string;
  request: { id: string; title: string; status: string; submittedAt: string | null; trackingNumber: string | null };
  agency: { name: string; timezone: string };
  law: { lawName: string; citation: string };
  events: Array<{ seq: number; id: string; type: string; occurredAt: string; summary: string | null; backdated: boolean; hash: string }>;
  deadlines: Array<{
    kind: string;
    dueDate: string;
    statutory: boolean;
    status: string;
    met: boolean | null;
    satisfiedOn: string | null;
    businessDaysLate: number | null;
  }>;
  attachments: Array<{ id: string; sha256: string; filename: string; size: number }>;
}

function Outcome({ d }: { d: HistoryDocument['deadlines'][number] }) {
  if (d.met === true) return <Text size="sm">Met{d.satisfiedOn ? ` on ${formatDate(d.satisfiedOn)}` : ''}</Text>;
  if (d.met === false) {
    const late = d.businessDaysLate ?? 0;
    return (
      <Text size="sm" c="red.9" fw={600}>
        Missed by {late} business day{late === 1 ? '' : 's'}
        {d.satisfiedOn ? ` (answered ${formatDate(d.satisfiedOn)})` : ' (no answer yet)'}
      </Text>
    );
  }
  return <Text size="sm">Not yet due</Text>;
}

export default function HistoryPage() {
  const { id = '' } = useParams();
  const history = useQuery({
    queryKey: ['request', id, 'history'],
    queryFn: async () => (await unwrap(api.GET('/v1/requests/{id}/history', { params: { path: { id } } }))) as unknown as HistoryDocument,
  });
  const verify = useQuery({
    queryKey: ['request', id, 'verify'],
    queryFn: () => unwrap(api.GET('/v1/requests/{id}/history/verify', { params: { path: { id } } })),
  });

  if (history.error instanceof ApiError && (history.error.status === 404 || history.error.status === 400))
    return <NotFoundPage what="request" />;
  if (history.error) return <ProblemAlert error={history.error} />;
  const h = history.data;
  if (!h) return <Text>Loading the history…</Text>;
  const v = verify.data;

  return (
    <Page
      title={`History: ${h.request.title}`}
      actions={
        <Group gap="xs">
          <Button component="a" href={`/v1/requests/${id}/history?format=pdf`} download>
            Download the PDF exhibit
          </Button>
          <Button component={Link} to={`/requests/${id}`} variant="default">
            Back to the request
          </Button>
        </Group>
      }
    >
      <Card withBorder component="section" aria-labelledby="chain-heading">
        <Stack gap="xs">
          <Title order={2} size="h3" id="chain-heading">
            Integrity
          </Title>
          {verify.error ? (
            <ProblemAlert error={verify.error} />
          ) : !v ? (
            <Text size="sm">Checking the chain and every stored file…</Text>
          ) : v.valid && v.events === 0 ? (
            <Alert color="gray" title="Nothing recorded yet" role="status">
              The request has not been filed, so its history has no events to verify.
            </Alert>
          ) : v.valid ? (
            <Alert color="green" title="Verified" role="status">
              All {v.events} events chain from the first to the last hash, and all {v.files.checked} stored files match their SHA-256.
            </Alert>
          ) : (
            <Alert color="red" title="Not verified" role="alert">
              {!v.eventsValid && <Text size="sm">The event chain breaks at event {v.firstBrokenSeq}.</Text>}
              {!v.request.valid && (
                <Text size="sm">
                  The request record no longer matches its history: {v.request.differs.join(', ')}
                  {v.request.differs.includes('status')
                    ? ` (stored ${v.request.status}, its events lead to ${v.request.replayedStatus})`
                    : ''}
                  .
                </Text>
              )}
              {v.files.failed.map((f) => (
                <Text size="sm" key={`${f.filename}:${f.expectedSha256}`}>
                  {f.filename}: {f.status === 'missing' ? 'missing' : 'its bytes no longer match the recorded hash'}
                </Text>
              ))}
            </Alert>
          )}
          {v && (
            <Text size="sm">
              Head hash: <Code style={{ wordBreak: 'break-all' }}>{v.headHash}</Code>
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {h.agency.name} · {h.law.lawName} ({h.law.citation}) · record generated {formatInstant(h.generatedAt, h.agency.timezone)}
          </Text>
        </Stack>
      </Card>

      <section aria-labelledby="deadlines-heading">
        <Title order={2} size="h3" id="deadlines-heading" mb="xs">
          Deadlines met or missed
        </Title>
        {h.deadlines.length === 0 && (
          <Text size="sm" c="dimmed">
            No deadlines: they start when the request is filed.
          </Text>
        )}
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Deadline</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Outcome</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.deadlines.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the record lists deadlines in a fixed order; a kind can repeat (superseded).
                <Table.Tr key={`${d.kind}:${i}`}>
                  <Table.Td>
                    {humanize(d.kind)}
                    {!d.statutory && (
                      <Badge ml="xs" size="xs" variant="outline" color="gray" styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}>
                        newsroom target
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(d.dueDate)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td>
                    <Outcome d={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <section aria-labelledby="events-heading">
        <Title order={2} size="h3" id="events-heading" mb="xs">
          Events, in order
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">#</Table.Th>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Hash</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>
                    {humanize(e.type)}
                    {e.summary ? `: ${e.summary}` : ''}
                    {e.backdated ? ' (logged later)' : ''}
                  </Table.Td>
                  <Table.Td>{formatInstant(e.occurredAt, h.agency.timezone)}</Table.Td>
                  <Table.Td>
                    <Code title={e.hash}>{e.hash.slice(0, 12)}…</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <section aria-labelledby="files-heading">
        <Title order={2} size="h3" id="files-heading" mb="xs">
          Files
        </Title>
        {h.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No files.
          </Text>
        ) : (
          <Stack gap={2}>
            {h.attachments.map((f) => (
              <Text size="sm" key={f.id}>
                <Anchor href={`/v1/requests/${id}/attachments/${f.id}`}>{f.filename}</Anchor> · SHA-256 <Code>{f.sha256}</Code>
              </Text>
            ))}
          </Stack>
        )}
      </section>
    </Page>
  );
}
