import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { groupDeadlines, UNASSIGNED } from './grouping';

type DeadlineItem = Schemas['DeadlineItem'];

const ana = { id: 'u-ana', name: 'Ana Reporter' };
const ben = { id: 'u-ben', name: 'Ben Reporter' };
const mpls = { id: 'a-mpls', name: 'City of Minneapolis', jurisdiction: 'US-MN' };
const ice = { id: 'a-ice', name: 'U.S. Immigration and Customs Enforcement', jurisdiction: 'US' };

function deadline(
  id: string,
  requestId: string,
  dueDate: string,
  left: number,
  agency: typeof mpls,
  assignee: typeof ana | null,
): DeadlineItem {
  return {
    id,
    kind: 'response',
    dueDate,
    statutory: true,
    status: 'open',
    basis: '',
    exceedsStatute: false,
    businessDaysLeft: left,
    request: { id: requestId, title: `Request ${requestId}`, status: 'submitted', agency, assignee },
  };
}

const items = [
  deadline('d1', 'r1', '2026-02-13', 3, ice, ana),
  deadline('d2', 'r1', '2026-02-27', 13, ice, ana),
  deadline('d3', 'r2', '2026-01-30', -2, mpls, ben),
  deadline('d4', 'r3', '2026-02-02', -1, ice, null),
  deadline('d5', 'r4', '2026-02-20', 8, mpls, ana),
];

describe('groupDeadlines', () => {
  it('groups by assignee, counting overdue, due soon, distinct requests and the next due date', () => {
    const groups = groupDeadlines(items, 'assignee');
    expect(groups.map((g) => g.label)).toEqual(['Ben Reporter', 'Unassigned', 'Ana Reporter']);
    const anaGroup = groups.find((g) => g.key === 'u-ana');
    expect(anaGroup).toEqual({
      key: 'u-ana',
      label: 'Ana Reporter',
      open: 3,
      overdue: 0,
      dueSoon: 1,
      nextDue: '2026-02-13',
      requests: 2,
    });
    expect(groups.find((g) => g.key === UNASSIGNED)?.overdue).toBe(1);
  });

  it('groups by agency, most overdue first, then most open', () => {
    const groups = groupDeadlines([...items, deadline('d6', 'r5', '2026-01-29', -3, mpls, ana)], 'agency');
    expect(groups.map((g) => [g.label, g.open, g.overdue, g.requests])).toEqual([
      ['City of Minneapolis', 3, 2, 3],
      ['U.S. Immigration and Customs Enforcement', 3, 1, 2],
    ]);
    expect(groups[1]?.nextDue).toBe('2026-02-02');
    expect(groupDeadlines(items, 'agency').map((g) => g.label)).toEqual([
      'U.S. Immigration and Customs Enforcement',
      'City of Minneapolis',
    ]);
  });

  it('breaks ties by the number open, then by name', () => {
    const tied = groupDeadlines(
      [deadline('x', 'rx', '2026-03-02', 4, ice, ben), deadline('y', 'ry', '2026-03-02', 4, ice, ana)],
      'assignee',
    );
    expect(tied.map((g) => g.label)).toEqual(['Ana Reporter', 'Ben Reporter']);
    expect(groupDeadlines([], 'agency')).toEqual([]);
  });
});
