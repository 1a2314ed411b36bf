import { Badge } from '@mantine/core';
import { humanize } from './format';

const COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  acknowledged: 'cyan',
  fee_requested: 'orange',
  clarification_requested: 'orange',
  partially_fulfilled: 'teal',
  fulfilled: 'green',
  denied: 'red',
  no_records: 'gray',
  withdrawn: 'gray',
  appealed: 'grape',
  in_litigation: 'violet',
  open: 'blue',
  met: 'green',
  missed: 'red',
  tolled: 'yellow',
  superseded: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  // Dark text on light badges keeps contrast above 4.5:1 whatever the colour.
  return (
    <Badge
      color={COLORS[status] ?? 'gray'}
      variant="light"
      tt="none"
      styles={{ root: { flexShrink: 0, maxWidth: 'none' }, label: { color: 'var(--mantine-color-dark-9)', overflow: 'visible' } }}
    >
      {humanize(status)}
    </Badge>
  );
}
