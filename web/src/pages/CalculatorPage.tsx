import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { jurisdictionOptions, useJurisdictions } from '../api/queries';
import {
  type CalculatorForm,
  calculationBody,
  MOVE_LABELS,
  MOVE_TYPES,
  type Move,
  type MoveType,
  type SubmissionMethod,
} from '../components/calculator';
import { todayIn } from '../components/dates';
import { formatDate, humanize } from '../components/format';
import { Page, ProblemAlert } from '../components/Page';

const METHODS: SubmissionMethod[] = ['email', 'portal', 'mail', 'fax', 'in_person', 'phone', 'other'];

export default function CalculatorPage() {
  const jurisdictions = useJurisdictions();
  const agencies = useQuery({
    // An object, so it never equals the new-request page's ['agencies', searchText].
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => unwrap(api.GET('/v1/agencies', { params: { query: { limit: 500 } } })),
    select: (r) => r.items,
  });
  const [form, setForm] = useState<CalculatorForm>({
    agencyId: null,
    jurisdiction: 'US',
    receivedDate: todayIn(),
    requestType: null,
    submissionMethod: null,
    moves: [],
  });
  const [nextKey, setNextKey] = useState(1);
  const calculate = useMutation({
    mutationFn: (f: CalculatorForm) => unwrap(api.POST('/v1/deadlines/calculate', { body: calculationBody(f) })),
  });
  const errors = fieldErrors(calculate.error);

  const agency = agencies.data?.find((a) => a.id === form.agencyId);
  const lawCode = form.jurisdiction ?? agency?.jurisdiction ?? null;
  const law = jurisdictions.data?.find((j) => j.code === lawCode);
  const requestTypes = law?.requestTypes ?? [];

  function set<K extends keyof CalculatorForm>(key: K, value: CalculatorForm[K]) {
    setForm((f) => ({ ...f, [key]: value }));
  }
  function setMove(key: number, patch: Partial<Move>) {
    setForm((f) => ({ ...f, moves: f.moves.map((m) => (m.key === key ? { ...m, ...patch } : m)) }));
  }
  function addMove() {
    setForm((f) => ({ ...f, moves: [...f.moves, { key: nextKey, type: 'extension_claimed', date: f.receivedDate }] }));
    setNextKey((k) => k + 1);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    calculate.mutate(form);
  }

  return (
    <Page title="Deadline calculator">
      <Text size="sm">
        What would the deadlines be? Choose a law (or one of the newsroom’s agencies, to count in its zone with its closures), the day the
        agency received the request, and what it did since. Nothing is saved.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Agency (optional)"
              description="Its jurisdiction, zone, closures and holidays"
              searchable
              clearable
              data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={form.agencyId}
              onChange={(v) =>
                setForm((f) => ({ ...f, agencyId: v, jurisdiction: v ? null : (f.jurisdiction ?? 'US'), requestType: null }))
              }
              error={errors.agencyId}
              nothingFoundMessage="No agency by that name"
            />
            <Select
              label="Jurisdiction"
              description={form.agencyId ? 'Leave empty to use the agency’s' : 'Whose law applies'}
              searchable
              clearable={!!form.agencyId}
              data={jurisdictionOptions(jurisdictions.data)}
              value={form.jurisdiction}
              onChange={(v) => setForm((f) => ({ ...f, jurisdiction: v, requestType: null }))}
              error={errors.jurisdiction}
              nothingFoundMessage="No such jurisdiction"
            />
            <TextInput
              label="Received by the agency on"
              type="date"
              required
              value={form.receivedDate}
              onChange={(e) => set('receivedDate', e.currentTarget.value)}
              error={errors.receivedAt}
            />
            <Select
              label="How it was filed"
              description="Some laws count email a day later"
              clearable
              data={METHODS.map((m) => ({ value: m, label: humanize(m) }))}
              value={form.submissionMethod}
              onChange={(v) => set('submissionMethod', v as SubmissionMethod | null)}
              error={errors.submissionMethod}
            />
            {requestTypes.length > 1 && (
              <Select
                label="Kind of request"
                clearable
                placeholder="Standard"
                data={requestTypes.map((t) => ({ value: t, label: humanize(t) }))}
                value={form.requestType}
                onChange={(v) => set('requestType', v)}
                error={errors.requestType}
              />
            )}
          </SimpleGrid>
          {law && (
            <Text size="sm" c="dimmed">
              {law.lawName} ({law.citation}): {law.responsePeriod}.
            </Text>
          )}

          <Title order={2} size="h3">
            What happened since
          </Title>
          {form.moves.length === 0 && (
            <Text size="sm" c="dimmed">
              No moves yet: the dates are those of a request the agency has not answered. Add an extension, a fee, a question…
            </Text>
          )}
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Moves">
            {form.moves.map((m, i) => (
              <li key={m.key}>
                <MoveRow
                  move={m}
                  n={i + 1}
                  onChange={(patch) => setMove(m.key, patch)}
                  onRemove={() =>
                    set(
                      'moves',
                      form.moves.filter((x) => x.key !== m.key),
                    )
                  }
                />
              </li>
            ))}
          </Stack>
          <Group>
            <Button variant="default" onClick={addMove}>
              Add a move
            </Button>
            <Button type="submit" loading={calculate.isPending}>
              Calculate
            </Button>
          </Group>
        </Stack>
      </form>
      <ProblemAlert error={calculate.error} />
      {calculate.data && <Result result={calculate.data} />}
    </Page>
  );
}

function MoveRow({
  move,
  n,
  onChange,
  onRemove,
}: {
  move: Move;
  n: number;
  onChange: (patch: Partial<Move>) => void;
  onRemove: () => void;
}) {
  return (
    <Card withBorder padding="sm">
      <Group align="end" wrap="wrap" gap="sm">
        <Select
          label={`Move ${n}`}
          data={MOVE_TYPES.map((t) => ({ value: t, label: MOVE_LABELS[t] }))}
          value={move.type}
          onChange={(v) => v && onChange({ type: v as MoveType })}
          allowDeselect={false}
          w={280}
        />
        <TextInput label="On" type="date" value={move.date} onChange={(e) => onChange({ date: e.currentTarget.value })} w={170} />
        {move.type === 'extension_claimed' && (
          <>
            <NumberInput
              label="Extra days claimed"
              min={1}
              max={365}
              value={move.days ?? ''}
              onChange={(v) => onChange({ days: String(v) })}
              w={150}
            />
            <TextInput
              label="or new due date"
              type="date"
              value={move.newDueDate ?? ''}
              onChange={(e) => onChange({ newDueDate: e.currentTarget.value })}
              w={170}
            />
          </>
        )}
        {move.type === 'fee_estimate' && (
          <NumberInput
            label="Amount (USD)"
            min={0}
            decimalScale={2}
            value={move.amount ?? ''}
            onChange={(v) => onChange({ amount: String(v) })}
            w={150}
          />
        )}
        {move.type === 'records_released' && (
          <Switch
            label="Final release"
            checked={move.final ?? true}
            onChange={(e) => onChange({ final: e.currentTarget.checked })}
            mb={8}
          />
        )}
        {move.type === 'expedited_decided' && (
          <Switch label="Granted" checked={move.granted ?? false} onChange={(e) => onChange({ granted: e.currentTarget.checked })} mb={8} />
        )}
        {move.type === 'appeal_decided' && (
          <Select
            label="Outcome"
            data={[
              { value: 'granted', label: 'Granted' },
              { value: 'partly_granted', label: 'Partly granted' },
              { value: 'denied', label: 'Denied' },
            ]}
            value={move.outcome ?? 'denied'}
            onChange={(v) => v && onChange({ outcome: v as Move['outcome'] })}
            allowDeselect={false}
            w={170}
          />
        )}
        <ActionIcon variant="subtle" color="red.9" onClick={onRemove} aria-label={`Remove move ${n}`} size="lg" mb={2}>
          ×
        </ActionIcon>
      </Group>
    </Card>
  );
}

function Result({ result }: { result: Schemas['DeadlineCalculationResult'] }) {
  return (
    <section aria-labelledby="result-title" aria-live="polite">
      <Stack gap="sm">
        <Title order={2} size="h3" id="result-title">
          Deadlines
        </Title>
        <Text size="sm">
          Under {result.citation} (rules in force from {formatDate(result.ruleEffectiveFrom)}), counted in {result.timezone}. Received{' '}
          {formatDate(result.receivedDate)}
          {result.deemedReceivedDate !== result.receivedDate && `, deemed received ${formatDate(result.deemedReceivedDate)}`}.{' '}
          <Badge
            variant="light"
            color={result.confidence === 'high' ? 'green' : 'yellow'}
            styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}
          >
            {result.confidence} confidence
          </Badge>
        </Text>
        {result.warnings.map((w) => (
          <Alert key={w} color="yellow" title="Note">
            {w}
          </Alert>
        ))}
        {result.deadlines.length === 0 && <Text>No deadline runs after these moves.</Text>}
        {result.deadlines.map((d, i) => (
          <Card withBorder key={`${d.kind}:${d.dueDate}:${d.basis}`} component="article" aria-labelledby={`deadline-${i}`}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap">
                <Title order={3} size="h4" id={`deadline-${i}`}>
                  {humanize(d.kind)}: {formatDate(d.dueDate)}
                </Title>
                <Group gap={6}>
                  <Badge
                    variant="light"
                    color={d.statutory ? 'indigo' : 'gray'}
                    styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}
                  >
                    {d.statutory ? 'Set by law' : 'Newsroom target'}
                  </Badge>
                  <Badge variant="light" color="gray" styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}>
                    {humanize(d.status)}
                  </Badge>
                </Group>
              </Group>
              <Text size="sm">{d.basis}</Text>
              {d.exceedsStatute && (
                <Alert color="red" title="Longer than the law allows">
                  The agency claimed {formatDate(d.claimedDueDate)}; the law allows until {formatDate(d.statutoryDueDate)}.
                </Alert>
              )}
              <Text size="sm" fw={600}>
                Why this date
              </Text>
              <List type="ordered" size="sm" spacing={2}>
                {d.trace.map((t) => (
                  <List.Item key={`${t.step}:${t.message}`}>{t.message}</List.Item>
                ))}
              </List>
            </Stack>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
