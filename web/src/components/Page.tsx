import { Alert, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { ApiError } from '../api/client';

/** Every page has one h1 and a document title naming it, for screen readers and browser history. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Records tracker`;
  }, [title]);
  return (
    <Stack gap="md">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Stack>
  );
}

/** The API's problem in words; field messages are shown beside their fields by the form. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const detail =
    error instanceof ApiError
      ? (error.problem.detail ?? error.problem.title)
      : error instanceof Error
        ? error.message
        : 'Something went wrong.';
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" title={title ?? 'That did not work'} role="alert">
      <Text size="sm">{detail}</Text>
      {fields.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {fields.map((f) => (
            <li key={`${f.in}:${f.field}`}>
              <Text size="sm">
                <strong>{f.field}</strong>: {f.message}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Alert color="gray" title={title} variant="light">
      {children}
    </Alert>
  );
}
