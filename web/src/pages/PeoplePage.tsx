import { Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { usePeople } from '../api/queries';
import { type Role, useSession } from '../api/session';
import { formatInstant, humanize } from '../components/format';
import { EmptyState, Page, ProblemAlert } from '../components/Page';
import { TokenManager } from '../components/TokenManager';
import { ScrollTable } from '../components/ScrollTable';

type User = Schemas['User'];

const ROLES: { value: Role; label: string; description: string }[] = [
  { value: 'reporter', label: 'Reporter', description: 'Files and follows requests' },
  { value: 'editor', label: 'Editor', description: 'Everything a reporter does, the dashboard, reassigning, unmatched email' },
  { value: 'counsel', label: 'Counsel', description: 'Reads everything, changes nothing' },
  { value: 'admin', label: 'Admin', description: 'Everything, plus people, roles and newsroom settings' },
];
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r.value, label: r.label }));

export default function PeoplePage() {
  const { isAdmin } = useSession();
  const people = usePeople();
  const items = [...(people.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  return (
    <Page title="People">
      {isAdmin ? (
        <Card withBorder component="section" aria-labelledby="invite-title">
          <Title order={2} size="h3" id="invite-title" mb="xs">
            Invite someone
          </Title>
          <InviteForm />
        </Card>
      ) : (
        <Text size="sm">An admin of the newsroom invites people and changes their roles.</Text>
      )}
      <ProblemAlert error={people.error} />
      {people.isPending ? (
        <Text>Loading…</Text>
      ) : items.length === 0 ? (
        !people.error && <EmptyState title="Nobody yet">Invite the newsroom’s reporters, editors and counsel by email.</EmptyState>
      ) : (
        <PeopleTable items={items} />
      )}
    </Page>
  );
}

function InviteForm() {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const invite = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/organizations/{orgId}/invitations', {
          params: { path: { orgId: session?.organization.id ?? '' } },
          body: { email: email.trim(), name: name.trim(), role },
        }),
      ),
    onSuccess: () => {
      notifications.show({ color: 'green', message: `Invitation emailed to ${email.trim()}: the link works for 7 days.` });
      setEmail('');
      setName('');
      queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
  const errors = fieldErrors(invite.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    invite.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="start" wrap="wrap">
          <TextInput
            label="Email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            style={{ flex: '1 1 240px' }}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            style={{ flex: '1 1 200px' }}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            error={errors.role}
            description={ROLES.find((r) => r.value === role)?.description}
            w={260}
          />
        </Group>
        <Group>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
        {!errors.email && !errors.name && !errors.role && <ProblemAlert error={invite.error} />}
      </Stack>
    </form>
  );
}

function PeopleTable({ items }: { items: User[] }) {
  const { isAdmin, session } = useSession();
  const [tokensOf, setTokensOf] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const queryClient = useQueryClient();
  const orgId = session?.organization.id ?? '';

  const patch = useMutation({
    mutationFn: ({ user, body }: { user: User; body: Schemas['UserPatch'] }) =>
      unwrap(api.PATCH('/v1/organizations/{orgId}/users/{userId}', { params: { path: { orgId, userId: user.id } }, body })),
    onSuccess: (saved, { user, body }) => {
      queryClient.invalidateQueries({ queryKey: ['people'] });
      const what =
        body.active === false
          ? 'deactivated: their sessions and tokens stop working'
          : body.active === true
            ? 'active again'
            : `now ${humanize(saved.role).toLowerCase()}`;
      notifications.show({ color: 'green', message: `${user.name} is ${what}.` });
      setDeactivating(null);
    },
    onError: (err, { user }) => notifications.show({ color: 'red', title: `Could not change ${user.name}`, message: err.message }),
  });
  const resend = useMutation({
    mutationFn: (user: User) =>
      unwrap(api.POST('/v1/organizations/{orgId}/users/{userId}/invitation', { params: { path: { orgId, userId: user.id } } })),
    onSuccess: (_d, user) => notifications.show({ color: 'green', message: `A new invitation is on its way to ${user.email}.` }),
    onError: (err, user) => notifications.show({ color: 'red', title: `Could not invite ${user.name} again`, message: err.message }),
  });

  return (
    <>
      <ScrollTable minWidth={isAdmin ? 860 : 520} label="People of the newsroom">
        <Table striped highlightOnHover aria-label="People of the newsroom">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              {isAdmin && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((u) => {
              const self = u.id === session?.user.id;
              return (
                <Table.Tr key={u.id}>
                  <Table.Th scope="row" fw={500}>
                    {u.name}
                    {self && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (you)
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>
                    {isAdmin && !self && u.active ? (
                      <Select
                        aria-label={`Role of ${u.name}`}
                        data={ROLE_OPTIONS}
                        value={u.role}
                        onChange={(v) => v && v !== u.role && patch.mutate({ user: u, body: { role: v as Role } })}
                        allowDeselect={false}
                        size="xs"
                        w={140}
                        disabled={patch.isPending && patch.variables?.user.id === u.id}
                      />
                    ) : (
                      humanize(u.role)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={u.active ? 'green' : 'gray'}
                      styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}
                      title={`Added ${formatInstant(u.createdAt)}`}
                    >
                      {u.active ? 'Active' : 'Deactivated'}
                    </Badge>
                  </Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {u.active && !self && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => resend.mutate(u)}
                            loading={resend.isPending && resend.variables?.id === u.id}
                            aria-label={`Send ${u.name} a new invitation`}
                          >
                            Resend invitation
                          </Button>
                        )}
                        <Button size="xs" variant="default" onClick={() => setTokensOf(u)} aria-label={`API tokens of ${u.name}`}>
                          API tokens
                        </Button>
                        {!self &&
                          (u.active ? (
                            <Button
                              size="xs"
                              variant="default"
                              color="red"
                              onClick={() => setDeactivating(u)}
                              aria-label={`Deactivate ${u.name}`}
                            >
                              Deactivate
                            </Button>
                          ) : (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => patch.mutate({ user: u, body: { active: true } })}
                              aria-label={`Reactivate ${u.name}`}
                            >
                              Reactivate
                            </Button>
                          ))}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>

      <Modal opened={!!deactivating} onClose={() => setDeactivating(null)} title={`Deactivate ${deactivating?.name ?? ''}?`}>
        <Stack gap="sm">
          <Text size="sm">
            They are signed out everywhere and their API tokens and calendar links stop working. Their requests and history stay; reassign
            their open requests from the dashboard.
          </Text>
          <Group>
            <Button
              color="red.9"
              onClick={() => deactivating && patch.mutate({ user: deactivating, body: { active: false } })}
              loading={patch.isPending}
            >
              Deactivate
            </Button>
            <Button variant="default" onClick={() => setDeactivating(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={!!tokensOf} onClose={() => setTokensOf(null)} title={`API tokens of ${tokensOf?.name ?? ''}`} size="xl">
        {tokensOf && (
          <TokenManager
            whose={tokensOf.name}
            queryKey={['people', orgId, tokensOf.id, 'tokens']}
            list={() =>
              unwrap(api.GET('/v1/organizations/{orgId}/users/{userId}/tokens', { params: { path: { orgId, userId: tokensOf.id } } })).then(
                (r) => r.items,
              )
            }
            issue={(body) =>
              unwrap(
                api.POST('/v1/organizations/{orgId}/users/{userId}/tokens', { params: { path: { orgId, userId: tokensOf.id } }, body }),
              )
            }
            revoke={(tokenId) =>
              unwrap(
                api.DELETE('/v1/organizations/{orgId}/users/{userId}/tokens/{tokenId}', {
                  params: { path: { orgId, userId: tokensOf.id, tokenId } },
                }),
              )
            }
          />
        )}
      </Modal>
    </>
  );
}
