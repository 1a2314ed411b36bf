import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, unwrap } from '../api/client';
import { formatDate } from './format';
import { ProblemAlert } from './Page';

/** Follow-ups drafted when a deadline was missed, ready to send; and any other letter the law's templates offer (appeal…). */
export function FollowUps({ requestId, canWrite }: { requestId: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const followUps = useQuery({
    queryKey: ['request', requestId, 'follow-ups'],
    queryFn: () => unwrap(api.GET('/v1/requests/{id}/follow-ups', { params: { path: { id: requestId } } })),
  });
  const send = useMutation({
    mutationFn: (followUpId: string) =>
      unwrap(
        api.POST('/v1/requests/{id}/follow-ups/{followUpId}/send', {
          params: { path: { id: requestId, followUpId }, header: { 'Idempotency-Key': `follow-up-${followUpId}` } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['request', requestId] }),
  });
  const items = followUps.data?.items ?? [];
  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No follow-up is due. When the agency misses a statutory deadline, a follow-up letter is drafted here.
        </Text>
      ) : (
        items.map((f) => (
          <Card withBorder key={f.id}>
            <Stack gap={4}>
              <Text fw={600}>{f.subject}</Text>
              <Text size="sm" c="dimmed">
                The deadline of {formatDate(f.missedDueDate)} was missed ·{' '}
                {f.status === 'sent' ? `sent ${formatDate(f.sentAt)}` : 'not sent yet'}
              </Text>
              <Text size="sm" className="letter-text">
                {f.body}
              </Text>
              {canWrite && f.status === 'drafted' && (
                <Group>
                  <Button size="xs" onClick={() => send.mutate(f.id)} loading={send.isPending && send.variables === f.id}>
                    Send this follow-up
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))
      )}
      <ProblemAlert error={send.error} />
      {canWrite && <OtherLetter requestId={requestId} />}
    </Stack>
  );
}

function OtherLetter({ requestId }: { requestId: string }) {
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => unwrap(api.GET('/v1/templates')), staleTime: 3_600_000 });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/v1/requests/{id}/letters/preview', { params: { path: { id: requestId } }, body: { templateId: id } })),
  });
  const letters = (templates.data?.items ?? []).filter((t) => t.purpose !== 'request');
  const options = letters.map((t) => ({ value: t.id, label: t.name }));
  const isAppeal = letters.find((t) => t.id === preview.data?.templateId)?.purpose === 'appeal';
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Draft another letter
        </Title>
        <Group align="end" wrap="wrap">
          <Select label="Letter" placeholder="Appeal, follow-up…" data={options} value={templateId} onChange={setTemplateId} w={320} />
          <Button
            variant="default"
            disabled={!templateId}
            onClick={() => templateId && preview.mutate(templateId)}
            loading={preview.isPending}
          >
            Draft it
          </Button>
        </Group>
        <ProblemAlert error={preview.error} />
        {preview.data &&
          (isAppeal ? (
            // Keyed by the draft, so a new draft starts the editor again from its text.
            <AppealEditor key={`${preview.data.subject}\n${preview.data.body}`} requestId={requestId} draft={preview.data} />
          ) : (
            <Alert color="gray" variant="light" title={preview.data.subject}>
              <Text size="sm" className="letter-text">
                {preview.data.body}
              </Text>
              <Text size="xs" mt="xs">
                Copy this text into your email or the agency's portal, then log it as correspondence.
              </Text>
            </Alert>
          ))}
      </Stack>
    </Card>
  );
}

/** A short stable tag of the text, so a retried send of the same text replays and an edited one is a new request. */
function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** The drafted appeal, editable; what is in the boxes is what is emailed to the agency's appeal address. */
export function AppealEditor({ requestId, draft }: { requestId: string; draft: { subject: string; body: string } }) {
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/requests/{id}/appeal', {
          params: { path: { id: requestId }, header: { 'Idempotency-Key': `appeal-${requestId}-${textKey(`${subject}\n${body}`)}` } },
          body: { action: 'send', subject: subject.trim(), body },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['request', requestId] }),
  });
  const errors = fieldErrors(send.error);
  if (send.isSuccess) {
    return (
      <Alert color="green" title="Appeal sent" role="status">
        The appeal is on its way to the agency's appeal address and is logged on the request; the appeal-decision clock runs from today.
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <TextInput label="Email subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors['subject']} />
      <Textarea label="Appeal" autosize minRows={12} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors['body']} />
      <ProblemAlert error={send.error} title="Could not send the appeal" />
      <Group>
        <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!subject.trim() || !body.trim()}>
          Send the appeal by email
        </Button>
      </Group>
      <Text size="xs">Filed it another way (portal, mail)? Log it with “We filed an appeal” instead.</Text>
    </Stack>
  );
}
