import type { Schemas } from '../api/client';

type DeadlineItem = Schemas['DeadlineItem'];

export interface DeadlineGroup {
  /** The assignee's or agency's id; `unassigned` for deadlines nobody is assigned to. */
  key: string;
  label: string;
  /** Open deadlines (running or tolled), overdue ones included. */
  open: number;
  /** Open deadlines past due: business days left below zero. */
  overdue: number;
  /** Due within the next five business days, today included. */
  dueSoon: number;
  /** The earliest due date of the group. */
  nextDue: string | null;
  /** Distinct requests behind those deadlines. */
  requests: number;
}

export const UNASSIGNED = 'unassigned';

/**
 * Open deadlines grouped by who is assigned the request (the reporter) or by agency:
 * most overdue first, then the most open, then by name.
 */
export function groupDeadlines(items: readonly DeadlineItem[], by: 'assignee' | 'agency'): DeadlineGroup[] {
  const groups = new Map<string, DeadlineGroup & { requestIds: Set<string> }>();
  for (const d of items) {
    const key = by === 'agency' ? d.request.agency.id : (d.request.assignee?.id ?? UNASSIGNED);
    const label = by === 'agency' ? d.request.agency.name : (d.request.assignee?.name ?? 'Unassigned');
    let g = groups.get(key);
    if (!g) {
      g = { key, label, open: 0, overdue: 0, dueSoon: 0, nextDue: null, requests: 0, requestIds: new Set() };
      groups.set(key, g);
    }
    g.open += 1;
    if (d.businessDaysLeft < 0) g.overdue += 1;
    else if (d.businessDaysLeft <= 5) g.dueSoon += 1;
    if (g.nextDue === null || d.dueDate < g.nextDue) g.nextDue = d.dueDate;
    g.requestIds.add(d.request.id);
  }
  return [...groups.values()]
    .map(({ requestIds, ...g }) => ({ ...g, requests: requestIds.size }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.label.localeCompare(b.label));
}
