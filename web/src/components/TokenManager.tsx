import { Alert, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldErrors, type Schemas } from '../api/client';
import { endOfDay } from './account';
import { CopyField } from './CopyField';
import { formatInstant } from './format';
import { EmptyState, ProblemAlert } from './Page';
import { ScrollTable } from './ScrollTable';

type Token = Schemas['Token'];

/** API tokens of one person: listed by name and prefix, issued with the secret shown once, revoked. */
export function TokenManager({
  queryKey,
  list,
  issue,
  revoke,
  whose,
}: {
  queryKey: readonly unknown[];
  list: () => Promise<Token[]>;
  issue: (body: Schemas['TokenCreate']) => Promise<Schemas['TokenWithSecret']>;
  revoke: (id: string) => Promise<unknown>;
  /** "your" or "Ana's": for labels. */
  whose: string;
}) {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey, queryFn: list });
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [secret, setSecret] = useState<Schemas['TokenWithSecret'] | null>(null);
  const create = useMutation({
    mutationFn: () => issue({ name: name.trim(), ...(expires ? { expiresAt: endOfDay(expires) } : {}) }),
    onSuccess: (made) => {
      setSecret(made);
      setName('');
      setExpires('');
      queryClient.invalidateQueries({ queryKey });
    },
  });
  const remove = useMutation({
    mutationFn: (t: Token) => revoke(t.id),
    onSuccess: (_d, t) => {
      if (secret?.id === t.id) setSecret(null);
      queryClient.invalidateQueries({ queryKey });
      notifications.show({ color: 'green', message: `Token “${t.name}” revoked: it no longer works.` });
    },
    onError: (err, t) => notifications.show({ color: 'red', title: `Could not revoke “${t.name}”`, message: err.message }),
  });
  const errors = fieldErrors(create.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  const items = tokens.data ?? [];
  return (
    <Stack gap="sm">
      {secret && (
        <Alert color="green" title={`Token “${secret.name}” issued`}>
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is shown only once. Scripts send it as “Authorization: Bearer …”.</Text>
            <CopyField label="API token" value={secret.token} />
            <Group>
              <Button variant="default" size="xs" onClick={() => setSecret(null)}>
                I have copied it
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <ProblemAlert error={tokens.error} />
      {tokens.isPending ? (
        <Text>Loading…</Text>
      ) : items.length === 0 ? (
        !tokens.error && (
          <EmptyState title="No API tokens">Issue one below for a script or a spreadsheet that reads the tracker.</EmptyState>
        )
      ) : (
        <ScrollTable minWidth={560} label={`API tokens: ${whose}`}>
          <Table striped aria-label={`API tokens: ${whose}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Starts with</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Last used</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    <code>{t.prefix}…</code>
                  </Table.Td>
                  <Table.Td>{formatInstant(t.createdAt)}</Table.Td>
                  <Table.Td>{t.lastUsedAt ? formatInstant(t.lastUsedAt) : 'Never'}</Table.Td>
                  <Table.Td>{t.expiresAt ? formatInstant(t.expiresAt) : 'Never'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => remove.mutate(t)}
                      loading={remove.isPending && remove.variables?.id === t.id}
                      aria-label={`Revoke token ${t.name} (${t.prefix}…)`}
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
            label="New token for"
            placeholder="newsroom script"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            style={{ flex: '1 1 220px' }}
          />
          <TextInput
            label="Works until (optional)"
            type="date"
            value={expires}
            onChange={(e) => setExpires(e.currentTarget.value)}
            error={errors.expiresAt}
            w={190}
          />
          <Button type="submit" loading={create.isPending}>
            Issue token
          </Button>
        </Group>
        {!errors.name && !errors.expiresAt && <ProblemAlert error={create.error} />}
      </form>
    </Stack>
  );
}
