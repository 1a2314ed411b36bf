import { Alert, Anchor, Button, Card, Group, Progress, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { useJurisdictions } from './AgencyForm';
import { offsetOf } from './format';
import { ProblemAlert } from './Page';
import { StatusBadge } from './StatusBadge';

type Draft = Schemas['Request'];
type Method = Schemas['RequestSubmit']['method'];

const METHODS: Array<{ value: Method; label: string }> = [
  { value: 'email', label: 'Send by email now' },
  { value: 'portal', label: 'I filed it on the agency’s portal' },
  { value: 'mail', label: 'I mailed it' },
  { value: 'fax', label: 'I faxed it' },
  { value: 'in_person', label: 'I filed it in person' },
  { value: 'other', label: 'Another way' },
];

/** Each drafted letter, readable and editable, then one action that sends or records them all with progress. */
export function ReviewAndSend({ drafts, onChange }: { drafts: Draft[]; onChange: (d: Draft[]) => void }) {
  const queryClient = useQueryClient();
  const jurisdictions = useJurisdictions();
  const [method, setMethod] = useState<Method>('email');
  const [filedOn, setFiledOn] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [done, setDone] = useState<Record<string, Draft['status'] | 'failed'>>({});
  const [failures, setFailures] = useState<Record<string, unknown>>({});
  const [sending, setSending] = useState(false);
  const lawOf = (code: string) => jurisdictions.data?.items.find((j) => j.code === code);
  const sent = Object.values(done).filter((s) => s !== 'failed').length;

  async function sendAll() {
    setSending(true);
    for (const d of drafts) {
      if (done[d.id] && done[d.id] !== 'failed') continue;
      try {
        const body: Schemas['RequestSubmit'] =
          method === 'email'
            ? { method }
            : {
                method,
                ...(filedOn ? { submittedAt: `${filedOn}T12:00:00${offsetOf(d.agency.timezone, filedOn)}` } : {}),
                ...(trackingNumber.trim() ? { trackingNumber: trackingNumber.trim() } : {}),
              };
        const result = await unwrap(
          api.POST('/v1/requests/{id}/submit', {
            params: { path: { id: d.id }, header: { 'Idempotency-Key': `submit-${d.id}` } },
            body,
          }),
        );
        setDone((prev) => ({ ...prev, [d.id]: result.status }));
        setFailures((prev) => ({ ...prev, [d.id]: undefined }));
      } catch (err) {
        setDone((prev) => ({ ...prev, [d.id]: 'failed' }));
        setFailures((prev) => ({ ...prev, [d.id]: err }));
      }
    }
    setSending(false);
    void queryClient.invalidateQueries({ queryKey: ['requests'] });
  }

  const allDone = drafts.every((d) => done[d.id] && done[d.id] !== 'failed');
  return (
    <Stack gap="lg">
      <Text>
        {drafts.length === 1
          ? 'Your letter is drafted. Read it, change the text if you need to, then send it.'
          : `${drafts.length} letters are drafted, one per agency. Read each one, change the text if you need to, then send them.`}
      </Text>
      {drafts.map((d, i) => (
        <LetterCard
          key={d.id}
          draft={d}
          law={lawOf(d.agency.jurisdiction)}
          state={done[d.id]}
          error={failures[d.id]}
          onSaved={(updated) => onChange(drafts.map((x, j) => (j === i ? updated : x)))}
        />
      ))}
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Send
          </Title>
          <Select
            label="How the letters go"
            data={METHODS}
            value={method}
            onChange={(v) => v && setMethod(v as Method)}
            allowDeselect={false}
          />
          {method !== 'email' && (
            <Group grow align="start">
              <TextInput
                label="Filed on"
                description="Leave empty for today."
                type="date"
                value={filedOn}
                onChange={(e) => setFiledOn(e.currentTarget.value)}
              />
              <TextInput
                label="Tracking number (if any)"
                value={trackingNumber}
                onChange={(e) => setTrackingNumber(e.currentTarget.value)}
              />
            </Group>
          )}
          {(sending || sent > 0) && (
            <div>
              <Text size="sm" id="send-progress-label">
                {sent} of {drafts.length} {method === 'email' ? 'sent' : 'recorded'}
              </Text>
              <Progress value={(sent / drafts.length) * 100} aria-labelledby="send-progress-label" />
            </div>
          )}
          {allDone ? (
            <Alert color="green" title={method === 'email' ? 'Sent' : 'Recorded'} role="status">
              <Stack gap={4}>
                {drafts.map((d) => (
                  <Anchor key={d.id} component={Link} to={`/requests/${d.id}`}>
                    {d.agency.name}: {d.title}
                  </Anchor>
                ))}
              </Stack>
            </Alert>
          ) : (
            <Group>
              <Button onClick={sendAll} loading={sending}>
                {method === 'email'
                  ? drafts.length === 1
                    ? 'Send the letter'
                    : `Send all ${drafts.length} letters`
                  : drafts.length === 1
                    ? 'Record the filing'
                    : `Record ${drafts.length} filings`}
              </Button>
              <Button component={Link} to="/requests" variant="default">
                Keep as drafts
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function LetterCard({
  draft,
  law,
  state,
  error,
  onSaved,
}: {
  draft: Draft;
  law: Schemas['JurisdictionSummary'] | undefined;
  state: Draft['status'] | 'failed' | undefined;
  error: unknown;
  onSaved: (d: Draft) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [subject, setSubject] = useState(draft.letter.subject);
  const [body, setBody] = useState(draft.letter.body);
  // Only what changed is sent: a subject edited alone leaves the body following the draft's fields.
  const edits = {
    ...(subject !== draft.letter.subject ? { subject } : {}),
    ...(body !== draft.letter.body ? { body } : {}),
  };
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/v1/requests/{id}', { params: { path: { id: draft.id } }, body: { letter: edits } })),
    onSuccess: (updated) => {
      setEditing(false);
      onSaved(updated);
    },
  });
  const errors = fieldErrors(save.error);
  const headingId = `letter-${draft.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id={headingId}>
            {draft.agency.name}
          </Title>
          {state && state !== 'failed' ? <StatusBadge status={state} /> : null}
        </Group>
        {law && (
          <Text size="sm">
            Under the {law.lawName} ({law.citation}). Response period: {law.responsePeriod}.
          </Text>
        )}
        {draft.warnings.map((w) => (
          <Alert key={w} color="yellow" variant="light">
            {w}
          </Alert>
        ))}
        {error ? <ProblemAlert error={error} title={`Could not file the letter to ${draft.agency.name}`} /> : null}
        {editing ? (
          <Stack gap="xs">
            <TextInput
              label="Email subject"
              description="What the agency reads. Your request’s title stays in the newsroom."
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={errors['letter.subject']}
            />
            <Textarea
              label="Letter"
              autosize
              minRows={12}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={errors['letter.body']}
            />
            {<ProblemAlert error={save.error} />}
            <Group>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                Save the letter
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : (
          <>
            <Text fw={600}>
              <Text span c="dimmed" fw={400}>
                Subject:{' '}
              </Text>
              {draft.letter.subject}
            </Text>
            <Text className="letter-text" size="sm">
              {draft.letter.body}
            </Text>
            {!state && (
              <Group>
                <Button variant="default" size="xs" onClick={() => setEditing(true)}>
                  Edit the letter to {draft.agency.name}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
