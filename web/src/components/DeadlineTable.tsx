import { Anchor, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { usePeople, useReassign } from '../api/queries';
import { businessDaysLeft, formatDate, humanize } from './format';
import { StatusBadge } from './StatusBadge';
import { ScrollTable } from './ScrollTable';

type DeadlineItem = Schemas['DeadlineItem'];

/**
 * Deadlines with their request, agency and assignee. With `reassign`, each row's
 * assignee is a select that gives the request to someone else (editors and admins).
 */
export function DeadlineTable({ items, reassign = false, caption }: { items: DeadlineItem[]; reassign?: boolean; caption: string }) {
  return (
    <ScrollTable minWidth={720} label={caption}>
      <Table striped highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col">Agency</Table.Th>
            <Table.Th scope="col">Deadline</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">Assignee</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/requests/${d.request.id}`}>
                  {d.request.title}
                </Anchor>
                <div>
                  <StatusBadge status={d.request.status} />
                </div>
              </Table.Td>
              <Table.Td>{d.request.agency.name}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {humanize(d.kind)}
                  {d.statutory ? '' : ' (newsroom target)'}
                </Text>
                {d.status !== 'open' && <StatusBadge status={d.status} />}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={d.businessDaysLeft < 0 && d.status === 'open' ? 'red.9' : undefined}>
                  {formatDate(d.dueDate)}
                  {d.status === 'open' && ` · ${businessDaysLeft(d.businessDaysLeft)}`}
                </Text>
              </Table.Td>
              <Table.Td>{reassign ? <AssigneeSelect item={d} /> : (d.request.assignee?.name ?? 'Unassigned')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function AssigneeSelect({ item }: { item: DeadlineItem }) {
  const people = usePeople();
  const reassign = useReassign();
  const current = item.request.assignee;
  const options = (people.data ?? []).filter((p) => p.active && p.role !== 'counsel').map((p) => ({ value: p.id, label: p.name }));
  // Someone deactivated since still shows as the assignee until the request is given to someone else.
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      aria-label={`Assignee of “${item.request.title}”`}
      placeholder="Unassigned"
      data={options}
      value={current?.id ?? null}
      onChange={(value) => {
        if (value === (current?.id ?? null)) return;
        const name = options.find((o) => o.value === value)?.label ?? '';
        reassign.mutate({ requestId: item.request.id, assigneeId: value, title: item.request.title, name });
      }}
      clearable
      searchable
      disabled={reassign.isPending || people.isPending}
      size="xs"
      w={190}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
