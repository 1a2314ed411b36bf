import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, fieldErrors, unwrap } from '../api/client';
import { SESSION_KEY, useSession } from '../api/session';
import { feedUrls } from '../components/account';
import { CopyField } from '../components/CopyField';
import { formatInstant } from '../components/format';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { TokenManager } from '../components/TokenManager';
import { ScrollTable } from '../components/ScrollTable';

/** A browser session as GET /v1/me/sessions lists it. */
interface BrowserSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export default function AccountPage() {
  const { session } = useSession();
  return (
    <Page title="My account">
      {session && (
        <Text size="sm">
          Signed in as <strong>{session.user.name}</strong> ({session.user.email}), {session.user.role} at {session.organization.name}.
        </Text>
      )}
      <Section id="sessions" title="Where I am signed in">
        <Sessions />
      </Section>
      <Section id="calendar-feeds" title="Calendar feed links">
        <CalendarFeeds />
      </Section>
      <Section id="tokens" title="My API tokens">
        <TokenManager
          whose="yours"
          queryKey={['me', 'tokens']}
          list={() => unwrap(api.GET('/v1/me/tokens')).then((r) => r.items)}
          issue={(body) => unwrap(api.POST('/v1/me/tokens', { body }))}
          revoke={(id) => unwrap(api.DELETE('/v1/me/tokens/{id}', { params: { path: { id } } }))}
        />
      </Section>
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} id={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={`${id}-title`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Sessions() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: async (): Promise<BrowserSession[]> => (await unwrap(api.GET('/v1/me/sessions'))).items,
  });
  const end = useMutation({
    mutationFn: (s: BrowserSession) => unwrap(api.DELETE('/v1/me/sessions/{id}', { params: { path: { id: s.id } } })),
    onSuccess: (_d, s) => {
      if (s.current) {
        queryClient.clear();
        queryClient.setQueryData(SESSION_KEY, null);
        navigate('/sign-in', { replace: true });
        return;
      }
      queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] });
      notifications.show({ color: 'green', message: 'That session has ended: the browser must sign in again.' });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not end the session', message: err.message }),
  });
  const items = sessions.data ?? [];
  if (sessions.error) return <ProblemAlert error={sessions.error} />;
  if (sessions.isPending) return <Text>Loading…</Text>;
  if (!items.length)
    return <EmptyState title="No browser sessions">Sign in from a browser with an emailed link to see it here.</EmptyState>;
  return (
    <ScrollTable minWidth={600} label="My browser sessions">
      <Table striped aria-label="My browser sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Browser</Table.Th>
            <Table.Th scope="col">IP address</Table.Th>
            <Table.Th scope="col">Signed in</Table.Th>
            <Table.Th scope="col">Last active</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" lineClamp={2} title={s.userAgent ?? undefined}>
                  {s.userAgent ?? 'Unknown browser'}
                </Text>
                {s.current && (
                  <Badge variant="light" color="green" styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}>
                    This browser
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.ip ?? '—'}</Table.Td>
              <Table.Td>{formatInstant(s.createdAt)}</Table.Td>
              <Table.Td>{formatInstant(s.lastSeenAt)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => end.mutate(s)}
                  loading={end.isPending && end.variables?.id === s.id}
                  aria-label={
                    s.current
                      ? 'Sign out of this browser'
                      : `End the session of ${s.userAgent ?? 'an unknown browser'} signed in ${formatInstant(s.createdAt)}`
                  }
                >
                  {s.current ? 'Sign out here' : 'End session'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function CalendarFeeds() {
  const { isEditor } = useSession();
  const queryClient = useQueryClient();
  const feeds = useQuery({
    queryKey: ['me', 'calendar-tokens'],
    queryFn: () => unwrap(api.GET('/v1/me/calendar-tokens')).then((r) => r.items),
  });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'me' | 'organization'>('me');
  const [made, setMade] = useState<{ id: string; name: string; url: string } | null>(null);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/me/calendar-tokens', { body: { scope, name: name.trim() || 'calendar' } })),
    onSuccess: (feed) => {
      setMade(feed);
      setName('');
      queryClient.invalidateQueries({ queryKey: ['me', 'calendar-tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/v1/me/calendar-tokens/{id}', { params: { path: { id } } })),
    onSuccess: (_d, id) => {
      if (made?.id === id) setMade(null);
      queryClient.invalidateQueries({ queryKey: ['me', 'calendar-tokens'] });
      notifications.show({ color: 'green', message: 'Feed link revoked: calendars subscribed to it stop updating.' });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not revoke the feed link', message: err.message }),
  });
  const errors = fieldErrors(create.error);
  const items = feeds.data ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  const urls = made ? feedUrls(made.url) : null;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Subscribe to your deadlines in Google Calendar, Outlook or Apple Calendar. A feed link opens the feed and nothing else; the link is
        shown once, so copy it into your calendar app when you create it.
      </Text>
      {made && urls && (
        <Card withBorder bg="var(--mantine-color-green-0)">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Feed “{made.name}” created. Copy a link now: it is shown only once.
            </Text>
            <CopyField label="Calendar link (webcal)" value={urls.webcal} description="Apple Calendar and Outlook subscribe from this" />
            <CopyField label="Calendar link (https)" value={urls.https} description="Google Calendar: Other calendars → From URL" />
            <Group>
              <Button variant="default" size="xs" onClick={() => setMade(null)}>
                I have copied it
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <ProblemAlert error={feeds.error} />
      {feeds.isPending ? (
        <Text>Loading…</Text>
      ) : items.length === 0 ? (
        !feeds.error && <EmptyState title="No feed links">Create one below and paste it into your calendar app.</EmptyState>
      ) : (
        <ScrollTable minWidth={480} label="My calendar feed links">
          <Table striped aria-label="My calendar feed links">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Deadlines</Table.Th>
                <Table.Th scope="col">Starts with</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{f.scope === 'me' ? 'Assigned to me' : 'The whole newsroom'}</Table.Td>
                  <Table.Td>
                    <code>{f.prefix}…</code>
                  </Table.Td>
                  <Table.Td>{formatInstant(f.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => revoke.mutate(f.id)}
                      loading={revoke.isPending && revoke.variables === f.id}
                      aria-label={`Revoke feed link ${f.name} (${f.prefix}…)`}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <form onSubmit={submit} noValidate>
        <Group align="end" wrap="wrap">
          <TextInput
            label="Name of the new link"
            placeholder="calendar"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            style={{ flex: '1 1 200px' }}
          />
          <Select
            label="Deadlines in it"
            data={[{ value: 'me', label: 'Assigned to me' }, ...(isEditor ? [{ value: 'organization', label: 'The whole newsroom' }] : [])]}
            value={scope}
            onChange={(v) => v && setScope(v as 'me' | 'organization')}
            allowDeselect={false}
            error={errors.scope}
            w={220}
          />
          <Button type="submit" loading={create.isPending}>
            Create feed link
          </Button>
        </Group>
        {!errors.name && !errors.scope && <ProblemAlert error={create.error} />}
      </form>
    </Stack>
  );
}
