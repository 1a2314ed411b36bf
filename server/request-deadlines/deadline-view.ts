import type { StoredDeadline } from './deadline-store';

/** A stored deadline as the API shows it, under a request and in an event's answer. */
export function deadlineView(d: StoredDeadline) {
  return {
    id: d.id,
    kind: d.kind,
    dueDate: d.dueDate,
    statutory: d.statutory,
    status: d.status,
    basis: d.basis,
    exceedsStatute: d.exceedsStatute,
    statutoryDueDate: d.statutoryDueDate,
    claimedDueDate: d.claimedDueDate,
    satisfiedOn: d.satisfiedOn,
    ...d.details,
    trace: d.trace,
  };
}
