import { Accordion, Badge, Group, List, Stack, Text } from '@mantine/core';
import { formatDate, humanize } from './format';
import { StatusBadge } from './StatusBadge';

export interface DeadlineView {
  id: string;
  kind: string;
  dueDate: string;
  statutory: boolean;
  basis: string;
  status: string;
  exceedsStatute?: boolean;
  statutoryDueDate?: string;
  claimedDueDate?: string;
  trace: Array<{ step: string; message: string }>;
  /** History only: business days early (negative) or late, once met or missed. */
  [key: string]: unknown;
}

/** Each deadline with its date, what it rests on, and "why this date": the engine's trace in words. */
export function DeadlineList({ deadlines, title = 'Deadlines' }: { deadlines: DeadlineView[]; title?: string }) {
  if (deadlines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No deadlines yet: they start when the request is filed.
      </Text>
    );
  }
  return (
    <Accordion multiple variant="separated" aria-label={title}>
      {deadlines.map((d) => (
        <Accordion.Item key={d.id} value={d.id}>
          <Accordion.Control>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Text fw={600}>{humanize(d.kind)}</Text>
                <Text size="sm">{formatDate(d.dueDate)}</Text>
              </Stack>
              <Group gap="xs">
                {!d.statutory && (
                  <Badge variant="outline" color="gray" styles={{ label: { color: 'var(--mantine-color-dark-9)' } }}>
                    newsroom target
                  </Badge>
                )}
                {d.exceedsStatute && (
                  <Badge color="red" variant="light" styles={{ label: { color: 'var(--mantine-color-red-9)' } }}>
                    agency claims more than the law allows
                  </Badge>
                )}
                <StatusBadge status={d.status} />
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              <Text size="sm">
                <strong>Why this date:</strong> {d.basis}
              </Text>
              {d.exceedsStatute && d.statutoryDueDate && (
                <Text size="sm">
                  The law allows until {formatDate(d.statutoryDueDate)}; the agency claimed {formatDate(d.claimedDueDate)}.
                </Text>
              )}
              <List size="sm" spacing={2} type="ordered">
                {d.trace.map((t, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a trace is a fixed sequence of steps, never reordered, and steps repeat.
                  <List.Item key={`${t.step}:${j}`}>{t.message}</List.Item>
                ))}
              </List>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
