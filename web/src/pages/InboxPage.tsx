import { Button, Card, Group, Spoiler, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { useSession } from '../api/session';
import { formatInstant } from '../components/format';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { RequestPicker } from '../components/RequestPicker';

export default function InboxPage() {
  const { isEditor } = useSession();
  const unmatched = useQuery({
    queryKey: ['inbound', 'unmatched'],
    enabled: isEditor,
    queryFn: () => unwrap(api.GET('/v1/inbound/unmatched')).then((r) => r.items),
  });

  if (!isEditor) {
    return (
      <Page title="Unmatched email">
        <EmptyState title="For editors and admins">
          Agency email that could not be matched to a request is filed by an editor. Ask one if a reply seems to be missing.
        </EmptyState>
      </Page>
    );
  }

  const items = unmatched.data ?? [];
  return (
    <Page title="Unmatched email">
      <Text size="sm">
        Agency email that arrived at the newsroom’s address but matched no request (no reply address, thread or tracking number). File each
        one into its request: it joins the request’s history and its attachments are kept.
      </Text>
      <ProblemAlert error={unmatched.error} />
      {unmatched.isPending ? (
        <Text>Loading…</Text>
      ) : items.length === 0 ? (
        !unmatched.error && (
          <EmptyState title="Nothing to file">
            Every agency email found its request. When one does not, it waits here for you to file it.
          </EmptyState>
        )
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Unmatched email">
          {items.map((m) => (
            <li key={m.id}>
              <UnmatchedCard mail={m} />
            </li>
          ))}
        </Stack>
      )}
    </Page>
  );
}

function UnmatchedCard({ mail }: { mail: Schemas['UnmatchedEmail'] }) {
  const queryClient = useQueryClient();
  const [requestId, setRequestId] = useState<string | null>(null);
  const [requestLabel, setRequestLabel] = useState('');
  const assign = useMutation({
    mutationFn: ({ id }: { id: string; label: string }) =>
      unwrap(api.POST('/v1/inbound/unmatched/{id}/assign', { params: { path: { id: mail.id } }, body: { requestId: id } })),
    onSuccess: (_outcome, { label }) => {
      queryClient.invalidateQueries({ queryKey: ['inbound', 'unmatched'] });
      queryClient.invalidateQueries({ queryKey: ['request'] });
      queryClient.invalidateQueries({ queryKey: ['requests'] });
      // Notifications live outside the router, so they carry words, not links.
      notifications.show({
        color: 'green',
        title: 'Filed',
        message: `“${mail.subject || 'The email'}” is now in the history of “${label}”.`,
      });
    },
  });
  const errors = fieldErrors(assign.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (requestId) assign.mutate({ id: requestId, label: requestLabel });
  }

  const titleId = `mail-${mail.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {mail.subject || '(no subject)'}
        </Title>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <strong>From:</strong> {mail.from}
          </Text>
          <Text size="sm">
            <strong>Received:</strong> {formatInstant(mail.receivedAt)}
          </Text>
        </Group>
        <Spoiler maxHeight={96} showLabel="Show more" hideLabel="Show less">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {mail.preview || '(no text)'}
          </Text>
        </Spoiler>
        <form onSubmit={submit}>
          <Group align="end" wrap="wrap">
            <div style={{ flex: '1 1 280px' }}>
              <RequestPicker
                label="File into request"
                value={requestId}
                onChange={(id, label) => {
                  setRequestId(id);
                  setRequestLabel(label ?? '');
                }}
                error={errors.requestId}
              />
            </div>
            <Button type="submit" disabled={!requestId} loading={assign.isPending}>
              File it
            </Button>
          </Group>
        </form>
        {!errors.requestId && <ProblemAlert error={assign.error} />}
      </Stack>
    </Card>
  );
}
