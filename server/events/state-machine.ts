import type { RequestStatus } from '../requests/request-schemas';

// Which events may be logged in which status, and where each one moves the
// request. Pure data and functions: the rules a reporter and counsel read in
// docs/request-lifecycle.md are exactly these.

export const LOGGABLE_EVENT_TYPES = [
  'acknowledged', 'extension_claimed', 'fee_estimate', 'fee_paid', 'clarification_requested', 'clarification_provided',
  'records_released', 'denied', 'no_records', 'appeal_filed', 'appeal_decided', 'withdrawn', 'lawsuit_filed',
  'expedited_decided', 'correspondence', 'note', 'correction',
] as const;
export type LoggableEventType = (typeof LOGGABLE_EVENT_TYPES)[number];

/** Events the system writes itself; never posted through the API. */
export const SYSTEM_EVENT_TYPES = ['submitted', 'delivery_failed'] as const;

const OPEN: RequestStatus[] = ['submitted', 'acknowledged', 'fee_requested', 'clarification_requested', 'partially_fulfilled'];
const AFTER_SUBMISSION: RequestStatus[] = [...OPEN, 'fulfilled', 'denied', 'no_records', 'withdrawn', 'appealed', 'in_litigation'];
const ANY: RequestStatus[] = ['draft', ...AFTER_SUBMISSION];

interface Rule {
  from: RequestStatus[];
  /** The new status, or undefined to keep the current one. */
  to?: (current: RequestStatus, data: Record<string, unknown>) => RequestStatus | undefined;
}

const RULES: Record<LoggableEventType, Rule> = {
  acknowledged: { from: ['submitted'], to: () => 'acknowledged' },
  extension_claimed: { from: [...OPEN, 'appealed'] },
  fee_estimate: { from: OPEN.filter((s) => s !== 'fee_requested'), to: () => 'fee_requested' },
  fee_paid: { from: ['fee_requested'], to: () => 'acknowledged' },
  clarification_requested: { from: OPEN.filter((s) => s !== 'clarification_requested'), to: () => 'clarification_requested' },
  clarification_provided: { from: ['clarification_requested'], to: () => 'acknowledged' },
  records_released: {
    from: [...OPEN, 'appealed', 'in_litigation'],
    to: (_s, data) => (data.final === true ? 'fulfilled' : 'partially_fulfilled'),
  },
  denied: { from: OPEN, to: () => 'denied' },
  no_records: { from: OPEN, to: () => 'no_records' },
  appeal_filed: { from: ['denied', 'no_records', 'partially_fulfilled', 'fulfilled'], to: () => 'appealed' },
  appeal_decided: {
    from: ['appealed'],
    to: (_s, data) => (data.outcome === 'granted' ? 'acknowledged' : data.outcome === 'partly_granted' ? 'partially_fulfilled' : 'denied'),
  },
  withdrawn: { from: [...OPEN, 'appealed'], to: () => 'withdrawn' },
  lawsuit_filed: { from: AFTER_SUBMISSION.filter((s) => s !== 'withdrawn' && s !== 'in_litigation'), to: () => 'in_litigation' },
  // The agency's decision on expedited processing; the request itself goes on.
  expedited_decided: { from: OPEN },
  correspondence: { from: ANY },
  note: { from: ANY },
  correction: { from: ANY },
};

export type Transition = { allowed: true; to: RequestStatus } | { allowed: false; reason: string };

export function transition(current: RequestStatus, type: LoggableEventType, data: Record<string, unknown>): Transition {
  const rule = RULES[type];
  if (!rule.from.includes(current)) {
    const where = rule.from.length === 1 ? `a ${rule.from[0]} request` : `requests that are ${rule.from.join(', ')}`;
    return { allowed: false, reason: `A ${type} event cannot be logged on a ${current} request; it applies to ${where}.` };
  }
  return { allowed: true, to: rule.to?.(current, data) ?? current };
}

/** Statuses from which each event type may be logged, for documentation and the API. */
export function allowedFrom(type: LoggableEventType): readonly RequestStatus[] {
  return RULES[type].from;
}

/**
 * The status a history leads to, replaying its effective events in order
 * (after corrections). An event that a correction made impossible is skipped
 * rather than failing the whole history.
 */
export function replayStatus(events: ReadonlyArray<{ type: string; data: Record<string, unknown> }>): RequestStatus {
  let status: RequestStatus = 'draft';
  for (const e of events) {
    if (e.type === 'submitted') {
      if (status === 'draft') status = 'submitted';
      continue;
    }
    if (!(e.type in RULES) || e.type === 'correction') continue;
    const t = transition(status, e.type as LoggableEventType, e.data);
    if (t.allowed) status = t.to;
  }
  return status;
}
