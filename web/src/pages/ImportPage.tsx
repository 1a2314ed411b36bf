import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, type Ref, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { jurisdictionOptions, timeZoneOptions, useJurisdictions } from '../api/queries';
import { useSession } from '../api/session';
import { formatDate, humanize } from '../components/format';
import {
  detectedColumns,
  type HeaderRow,
  headerFromProblem,
  IMPORT_FIELD_SPECS,
  type Import,
  type ImportIssue,
  type ImportRow,
  issuesByCell,
  issueText,
  type Mapping,
  mappingJson,
  mappingOf,
  requiredMissing,
  rowOutcome,
  sharedColumns,
  unplacedProblem,
  uploadProblems,
} from '../components/import-plan';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { ScrollTable } from '../components/ScrollTable';

type DateOrder = 'auto' | 'mdy' | 'dmy';

interface Options {
  jurisdiction: string | null;
  timezone: string | null;
  dateOrder: DateOrder;
}

const DATE_ORDERS = [
  { value: 'auto', label: 'Read it from the dates' },
  { value: 'mdy', label: 'Month first (07/03/2025 is July 3)' },
  { value: 'dmy', label: 'Day first (07/03/2025 is 7 March)' },
];

/** Preview rows shown at once; a whole newsroom's history can run to thousands. */
const ROWS_SHOWN = 500;

/** One dry run: the file, the options beside it and, after the first, the mapping the reporter chose. */
async function dryRun(file: File, options: Options, mapping: Mapping | null): Promise<Import> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (mapping) form.append('mapping', mappingJson(mapping));
  if (options.jurisdiction) form.append('jurisdiction', options.jurisdiction);
  if (options.timezone) form.append('timezone', options.timezone);
  if (options.dateOrder !== 'auto') form.append('dateOrder', options.dateOrder);
  return unwrap(
    api.POST('/v1/imports', {
      // The browser writes the multipart boundary itself.
      body: form as unknown as { file: string },
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
}

export default function ImportPage() {
  const { canWrite } = useSession();
  if (!canWrite) {
    return (
      <Page title="Import a spreadsheet">
        <EmptyState title="Your role reads requests">A reporter, editor or admin imports a spreadsheet of earlier requests.</EmptyState>
      </Page>
    );
  }
  return <ImportFlow />;
}

function ImportFlow() {
  const queryClient = useQueryClient();
  const jurisdictions = useJurisdictions();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>({ jurisdiction: null, timezone: null, dateOrder: 'auto' });
  const [plan, setPlan] = useState<Import | null>(null);
  /** The header row found in the file, once it has been read (with or without a plan). */
  const [header, setHeader] = useState<HeaderRow | null>(null);
  /** The file, options and mapping the shown plan was made from: what confirming would create. */
  const [planned, setPlanned] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [mappingTried, setMappingTried] = useState(false);
  const [done, setDone] = useState<Import | null>(null);
  const columnsHeading = useRef<HTMLHeadingElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [focusNext, setFocusNext] = useState<'columns' | 'preview' | 'result' | null>(null);

  const signature = (m: Mapping | null) => JSON.stringify([file?.name, file?.size, file?.lastModified, options, m ? mappingJson(m) : null]);

  const read = useMutation({
    mutationFn: ({ withMapping }: { withMapping: boolean }) => {
      if (!file) throw new Error('Choose the spreadsheet first.');
      return dryRun(file, options, withMapping ? mapping : null);
    },
    onSuccess: (imp, { withMapping }) => {
      const used = mappingOf(imp);
      setPlan(imp);
      setHeader(imp);
      setMapping(used);
      setPlanned(signature(used));
      setFocusNext(withMapping ? 'preview' : 'columns');
    },
    onError: (err, { withMapping }) => {
      // A required column the guess missed: the file was read, so the columns step opens with the guess and the problem beside the field.
      const found = headerFromProblem(err);
      if (!found) return;
      setPlan(null);
      setPlanned(null);
      setHeader(found);
      if (!withMapping) setMapping(mappingOf(found));
      setFocusNext('columns');
    },
  });
  const confirm = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/v1/imports/{id}/confirm', { params: { path: { id }, header: { 'Idempotency-Key': `confirm-import-${id}` } } })),
    onSuccess: (imp) => {
      setDone(imp);
      setFocusNext('result');
      for (const key of ['requests', 'dashboard', 'deadlines', 'agencies', 'stats'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });

  useEffect(() => {
    const target = { columns: columnsHeading, preview: previewHeading, result: resultHeading }[focusNext ?? 'columns'];
    if (focusNext && target.current) {
      target.current.focus();
      setFocusNext(null);
    }
  });

  const problems = uploadProblems(read.error);
  const stale = plan !== null && planned !== signature(mapping);

  function reset() {
    setFile(null);
    setHeader(null);
    setPlan(null);
    setPlanned(null);
    setMapping(null);
    setMappingTried(false);
    setDone(null);
    read.reset();
    confirm.reset();
  }

  function readFile(e: FormEvent) {
    e.preventDefault();
    setMappingTried(false);
    read.mutate({ withMapping: false });
  }

  function preview(e: FormEvent) {
    e.preventDefault();
    setMappingTried(true);
    if (mapping && Object.keys(requiredMissing(mapping)).length > 0) return;
    read.mutate({ withMapping: true });
  }

  if (done) {
    return (
      <Page title="Import a spreadsheet">
        <ImportResult imp={done} headingRef={resultHeading} onAnother={reset} />
      </Page>
    );
  }

  const fileProblem = problems.file;
  const missing = mapping && mappingTried ? requiredMissing(mapping) : {};
  const shared = mapping ? sharedColumns(mapping) : {};

  return (
    <Page title="Import a spreadsheet">
      <Text size="sm" maw={760}>
        Bring in the requests your newsroom kept in a spreadsheet. Nothing is created until you confirm: first the file is read, you check
        which column is which, and a preview lists what each row would create and every problem by row and column.
      </Text>

      <Section title="1. The file">
        <form onSubmit={readFile} noValidate aria-label="The spreadsheet">
          <Stack gap="sm" maw={760}>
            <FileInput
              label="Spreadsheet (CSV or XLSX)"
              description="A title or notes above the headers are fine: the header row is found."
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
              value={file}
              onChange={(f) => {
                setFile(f);
                setHeader(null);
                setPlan(null);
                setPlanned(null);
                setMapping(null);
                read.reset();
              }}
              error={fileProblem}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Jurisdiction of new agencies"
                description="When the file has no jurisdiction column."
                searchable
                clearable
                clearButtonProps={{ 'aria-label': 'Clear the jurisdiction' }}
                data={jurisdictionOptions(jurisdictions.data)}
                value={options.jurisdiction}
                onChange={(v) => setOptions((o) => ({ ...o, jurisdiction: v }))}
                error={problems.jurisdiction}
              />
              <Select
                label="Time zone of new agencies"
                description="Default: the jurisdiction’s."
                searchable
                clearable
                clearButtonProps={{ 'aria-label': 'Clear the time zone' }}
                data={timeZoneOptions()}
                value={options.timezone}
                onChange={(v) => setOptions((o) => ({ ...o, timezone: v }))}
                error={problems.timezone}
              />
              <Select
                label="Dates like 07/03/2025"
                description="How the file writes its dates."
                data={DATE_ORDERS}
                value={options.dateOrder}
                allowDeselect={false}
                onChange={(v) => setOptions((o) => ({ ...o, dateOrder: (v as DateOrder | null) ?? 'auto' }))}
                error={problems.dateOrder}
              />
            </SimpleGrid>
            {!mapping && <ProblemAlert error={unplacedProblem(read.error, problems)} title="The file could not be read" />}
            <Group>
              <Button type="submit" loading={read.isPending && !mapping} disabled={!file}>
                Read the file
              </Button>
            </Group>
          </Stack>
        </form>
      </Section>

      {header && mapping && (
        <Section title="2. Columns" headingRef={columnsHeading}>
          <form onSubmit={preview} noValidate aria-label="Columns">
            <Stack gap="sm">
              <Text size="sm">
                Headers found on row {header.headerRow} of <strong>{file?.name}</strong>: {detectedColumns(header).join(', ') || 'none'}.
                The columns below were guessed from them; change any that is wrong. Fields marked * are needed for every row.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                {IMPORT_FIELD_SPECS.map((spec) => (
                  <Select
                    key={spec.field}
                    label={spec.label}
                    description={spec.description}
                    placeholder="Not in this file"
                    required={spec.required}
                    clearable
                    clearButtonProps={{ 'aria-label': `${spec.label}: not in this file` }}
                    data={detectedColumns(header)}
                    value={mapping[spec.field] ?? null}
                    onChange={(v) => setMapping((m) => ({ ...(m ?? {}), [spec.field]: v }))}
                    error={problems[`mapping.${spec.field}`] ?? missing[spec.field] ?? shared[spec.field]}
                  />
                ))}
              </SimpleGrid>
              <ProblemAlert error={unplacedProblem(read.error, problems)} title="The preview could not be made" />
              <Group>
                <Button type="submit" loading={read.isPending}>
                  Preview with these columns
                </Button>
              </Group>
            </Stack>
          </form>
        </Section>
      )}

      {plan && (
        <Section title="3. Preview" headingRef={previewHeading}>
          <Preview plan={plan} />
          {stale && (
            <Text size="sm" role="status">
              The file, its options or the columns changed since this preview: preview again before confirming.
            </Text>
          )}
          <ProblemAlert error={confirm.error} title="The import was not confirmed" />
          <Group>
            <Button
              onClick={() => confirm.mutate(plan.id)}
              loading={confirm.isPending}
              disabled={stale || plan.summary.toCreate === 0 || read.isPending}
            >
              {plan.summary.toCreate === 1 ? 'Create 1 request' : `Create ${plan.summary.toCreate} requests`}
            </Button>
            {plan.summary.toCreate === 0 && (
              <Text size="sm">No row can be created yet: fix the file or the columns and preview again.</Text>
            )}
          </Group>
        </Section>
      )}
    </Page>
  );
}

function Section({ title, headingRef, children }: { title: string; headingRef?: Ref<HTMLHeadingElement>; children: ReactNode }) {
  const id = `import-${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id} ref={headingRef} tabIndex={-1}>
          {title}
        </Title>
        {children}
      </Stack>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}

function Preview({ plan }: { plan: Import }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const s = plan.summary;
  const rows = onlyProblems ? plan.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0) : plan.rows;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        {[
          ['rows read', s.rows],
          [s.toCreate === 1 ? 'request to create' : 'requests to create', s.toCreate],
          ['rows that need fixing', s.invalid],
          ['duplicates skipped', s.duplicates],
          [s.newAgencies.length === 1 ? 'new agency' : 'new agencies', s.newAgencies.length],
          ['events to log', s.events],
        ].map(([label, value]) => (
          <Figure key={label} label={String(label)} value={value} />
        ))}
      </SimpleGrid>
      <Text size="sm">
        Dates are read {plan.dateOrder === 'mdy' ? 'month first' : 'day first'} (
        {plan.dateOrderSource === 'given' ? 'as you chose' : plan.dateOrderSource === 'inferred' ? 'from the file’s dates' : 'by default'}).
        {s.matchedAgencies > 0 &&
          ` ${s.matchedAgencies} row${s.matchedAgencies === 1 ? ' names an agency' : 's name agencies'} you already have.`}
        {s.newAgencies.length > 0 &&
          ` New agencies: ${s.newAgencies.map((a) => `${a.name} (${a.jurisdiction}, ${a.timezone})`).join('; ')}.`}
      </Text>
      {plan.errors.length > 0 && (
        <Checkbox
          label={`Show only rows with problems (${plan.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0).length})`}
          checked={onlyProblems}
          onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
        />
      )}
      <PlanTable rows={rows.slice(0, ROWS_SHOWN)} confirmed={false} />
      {rows.length > ROWS_SHOWN && (
        <Text size="sm">
          The first {ROWS_SHOWN} of {rows.length} rows are shown.
        </Text>
      )}
    </Stack>
  );
}

function Issues({ issues, kind }: { issues: ImportIssue[]; kind: 'error' | 'warning' }) {
  if (issues.length === 0) return null;
  return (
    <List size="xs" spacing={2} listStyleType="none" withPadding={false} mt={4}>
      {issues.map((i) => (
        <List.Item key={`${i.row}:${i.column}:${i.field}:${i.message}`}>
          <Text size="xs" c={kind === 'error' ? 'red.9' : 'dark'}>
            {kind === 'error' ? 'Error' : 'Warning'} — {issueText(i)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function Cell({ row, cell, children }: { row: ImportRow; cell: keyof ReturnType<typeof issuesByCell>; children?: ReactNode }) {
  const errors = issuesByCell(row.errors)[cell];
  const warnings = issuesByCell(row.warnings)[cell];
  return (
    <Table.Td>
      {children}
      <Issues issues={errors} kind="error" />
      <Issues issues={warnings} kind="warning" />
    </Table.Td>
  );
}

function PlanTable({ rows, confirmed }: { rows: ImportRow[]; confirmed: boolean }) {
  if (rows.length === 0) return <EmptyState title="No rows to show" />;
  return (
    <ScrollTable minWidth={960} label={confirmed ? 'What each row created' : 'What each row would create'}>
      <Table striped aria-label={confirmed ? 'What each row created' : 'What each row would create'} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Row</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Agency</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Filed on</Table.Th>
            <Table.Th scope="col">Events</Table.Th>
            <Table.Th scope="col">Other</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Th scope="row">{r.row}</Table.Th>
              <Table.Td>
                {/* Dark text on a light badge, as StatusBadge: above 4.5:1 whatever the colour. */}
                <Badge
                  color={r.action === 'create' ? 'green' : r.reason === 'duplicate' ? 'gray' : 'red'}
                  variant="light"
                  tt="none"
                  styles={{ root: { maxWidth: 'none' }, label: { color: 'var(--mantine-color-dark-9)', overflow: 'visible' } }}
                >
                  {rowOutcome(r, confirmed)}
                </Badge>
              </Table.Td>
              <Cell row={r} cell="agency">
                {r.agency ? (
                  <>
                    {r.agency.name}
                    <Text size="xs">{r.agency.match === 'new' ? `new agency, ${r.agency.jurisdiction}` : 'already in the tracker'}</Text>
                  </>
                ) : (
                  '—'
                )}
              </Cell>
              <Cell row={r} cell="title">
                {confirmed && r.requestId && r.request ? (
                  <Anchor component={Link} to={`/requests/${r.requestId}`}>
                    {r.request.title}
                  </Anchor>
                ) : (
                  (r.request?.title ?? '—')
                )}
              </Cell>
              <Cell row={r} cell="filedOn">
                {r.request ? (
                  <>
                    {formatDate(r.request.filedOn)}
                    <Text size="xs">{humanize(r.request.method)}</Text>
                  </>
                ) : (
                  '—'
                )}
              </Cell>
              <Cell row={r} cell="events">
                {r.events.length ? r.events.map((e) => `${humanize(e.type)} ${formatDate(e.on)}`).join('; ') : '—'}
              </Cell>
              <Cell row={r} cell="other">
                {r.request?.trackingNumber ? <Text size="xs">Tracking {r.request.trackingNumber}</Text> : null}
                {r.request?.tags.length ? <Text size="xs">Tags: {r.request.tags.join(', ')}</Text> : null}
              </Cell>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function ImportResult({ imp, headingRef, onAnother }: { imp: Import; headingRef: Ref<HTMLHeadingElement>; onAnother: () => void }) {
  const created = imp.rows.filter((r) => r.action === 'create' && r.requestId);
  return (
    <Section title="Imported" headingRef={headingRef}>
      <Text role="status">
        {created.length === 1 ? '1 request was created' : `${created.length} requests were created`} from {imp.filename}
        {imp.skippedCount > 0 ? `; ${imp.skippedCount} row${imp.skippedCount === 1 ? ' was' : 's were'} skipped` : ''}.
      </Text>
      {created.length > 0 && (
        <nav aria-label="Created requests">
          <List spacing={4}>
            {created.map((r) => (
              <List.Item key={r.row}>
                <Anchor component={Link} to={`/requests/${r.requestId}`}>
                  {r.request?.title ?? `Row ${r.row}`}
                </Anchor>{' '}
                <Text span size="sm">
                  (row {r.row}
                  {r.agency ? `, ${r.agency.name}` : ''})
                </Text>
              </List.Item>
            ))}
          </List>
        </nav>
      )}
      <PlanTable rows={imp.rows} confirmed />
      <Group>
        <Button onClick={onAnother}>Import another file</Button>
        <Anchor component={Link} to="/requests">
          See all requests
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        Import {imp.id}; file SHA-256 {imp.sha256}. Each created event says “Imported from {imp.filename} row N”.
      </Text>
    </Section>
  );
}
