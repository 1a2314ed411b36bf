import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useJurisdictions } from '../api/queries';
import { useSession } from '../api/session';
import { AgencyEditor, agencyBody, type AgencyValues } from '../components/AgencyEditor';
import { days, percent, responseChart } from '../components/agency-stats';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { ScrollTable } from '../components/ScrollTable';

type AgencyStats = Schemas['AgencyStats'];

export default function AgenciesPage() {
  const { canWrite } = useSession();
  const [adding, { open, close }] = useDisclosure(false);
  const [filter, setFilter] = useState('');
  const stats = useQuery({ queryKey: ['stats', 'agencies'], queryFn: () => unwrap(api.GET('/v1/stats/agencies')).then((r) => r.items) });
  const jurisdictions = useJurisdictions();

  const items = stats.data ?? [];
  const shown = filter.trim() ? items.filter((s) => s.agency.name.toLowerCase().includes(filter.trim().toLowerCase())) : items;

  return (
    <Page
      title="Agencies"
      actions={
        canWrite && (
          <Button onClick={open} aria-haspopup="dialog">
            Add an agency
          </Button>
        )
      }
    >
      <Text size="sm">
        How each agency has answered this newsroom’s requests: response times in business days of the agency’s own calendar, deadlines met
        and missed, denials, extensions and fees.
      </Text>
      <ProblemAlert error={stats.error} />
      {stats.isPending ? (
        <Text>Loading report cards…</Text>
      ) : items.length === 0 ? (
        !stats.error && (
          <EmptyState title="No agencies yet">
            {canWrite
              ? 'Add the agencies you send requests to, or add one while drafting a new request.'
              : 'Agencies appear here once reporters add them.'}
          </EmptyState>
        )
      ) : (
        <>
          <ResponseTimes stats={items} jurisdictions={jurisdictions.data ?? []} />
          <section aria-labelledby="report-cards-title">
            <Stack gap="xs">
              <Title order={2} size="h3" id="report-cards-title">
                Report cards
              </Title>
              <TextInput label="Find an agency" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} maw={360} type="search" />
              {shown.length ? (
                <ReportTable items={shown} />
              ) : (
                <EmptyState title="No agency by that name">Try part of the name, or clear the search.</EmptyState>
              )}
            </Stack>
          </section>
        </>
      )}
      <Modal opened={adding} onClose={close} title="Add an agency" size="lg">
        <AddAgency onDone={close} />
      </Modal>
    </Page>
  );
}

function AddAgency({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (v: AgencyValues) => unwrap(api.POST('/v1/agencies', { body: agencyBody(v) })),
    onSuccess: (agency) => {
      queryClient.invalidateQueries({ queryKey: ['stats'] });
      queryClient.invalidateQueries({ queryKey: ['agencies'] });
      notifications.show({ color: 'green', message: `${agency.name} added.` });
      onDone();
      navigate(`/agencies/${agency.id}`);
    },
  });
  return (
    <AgencyEditor
      submitLabel="Add agency"
      onSubmit={(v) => create.mutate(v)}
      onCancel={onDone}
      pending={create.isPending}
      error={create.error}
    />
  );
}

function ResponseTimes({ stats, jurisdictions }: { stats: AgencyStats[]; jurisdictions: Schemas['JurisdictionSummary'][] }) {
  const chart = responseChart(stats, jurisdictions);
  return (
    <section aria-labelledby="response-times-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="response-times-title">
          Response times against the law
        </Title>
        {chart.bars.length === 0 ? (
          <EmptyState title="No answers yet">
            The chart fills in as agencies answer: log each acknowledgment, release or denial on its request.
          </EmptyState>
        ) : (
          <figure style={{ margin: 0 }}>
            <BarChart
              h={Math.max(220, chart.bars.length * 56)}
              data={chart.bars as unknown as Record<string, unknown>[]}
              dataKey="agency"
              orientation="vertical"
              yAxisProps={{ width: 180 }}
              xAxisLabel="Business days"
              // The figures are in the report cards as text; the drawing is not a second, keyboard-driven copy.
              barChartProps={{ accessibilityLayer: false }}
              withLegend
              legendProps={{ verticalAlign: 'top', height: 40 }}
              series={[
                { name: 'Median first response', color: 'indigo.7' },
                { name: 'Median final response', color: 'teal.8' },
                { name: 'Statutory period', color: 'gray.6' },
              ]}
              aria-hidden
            />
            <Text component="figcaption" size="sm" c="dimmed">
              Median business days to the agency’s first and final response, beside the period its law allows (the slowest{' '}
              {chart.bars.length} that have answered; the same figures are in the report cards below).
              {chart.notDrawn.length > 0 &&
                ` Not drawn against business days: ${chart.notDrawn.map((n) => `${n.agency} (${n.period})`).join('; ')}.`}
              {chart.unanswered > 0 && ` ${chart.unanswered} agenc${chart.unanswered === 1 ? 'y has' : 'ies have'} not answered yet.`}
            </Text>
          </figure>
        )}
      </Stack>
    </section>
  );
}

function ReportTable({ items }: { items: AgencyStats[] }) {
  return (
    <ScrollTable minWidth={860} label="Agency report cards">
      <Table striped highlightOnHover aria-label="Agency report cards">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Agency</Table.Th>
            <Table.Th scope="col">Jurisdiction</Table.Th>
            <Table.Th scope="col">Requests</Table.Th>
            <Table.Th scope="col">Median first response</Table.Th>
            <Table.Th scope="col">Median final response</Table.Th>
            <Table.Th scope="col">Deadlines met</Table.Th>
            <Table.Th scope="col">Denials</Table.Th>
            <Table.Th scope="col">Extensions</Table.Th>
            <Table.Th scope="col">Fee estimates</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.agency.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/agencies/${s.agency.id}`}>
                  {s.agency.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{s.agency.jurisdiction}</Table.Td>
              <Table.Td>{s.requestsFiled}</Table.Td>
              <Table.Td>{days(s.firstResponseBusinessDays.median)}</Table.Td>
              <Table.Td>{days(s.finalResponseBusinessDays.median)}</Table.Td>
              <Table.Td>
                {percent(s.statutoryDeadlines.shareMet)}
                <Text size="xs" c="dimmed">
                  {s.statutoryDeadlines.met} met, {s.statutoryDeadlines.missed} missed
                </Text>
              </Table.Td>
              <Table.Td>{s.denials.requests}</Table.Td>
              <Table.Td>
                {s.extensions.claimed}
                {s.extensions.exceedingStatute > 0 && (
                  <Text size="xs" c="red.9">
                    {s.extensions.exceedingStatute} beyond the law
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.fees.estimates}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
