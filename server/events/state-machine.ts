import type { RequestStatus } from '../requests/request-schemas';

// Which events may be logged in which status, and where each one moves the
// request. Pure data and functions: the rules a reporter and counsel read in
// docs/request-lifecycle.md are exactly these.

export const LOGGABLE_EVENT_TYPES = [
  'acknowledged',
  'extension_claimed',
  'fee_estimate',
  'fee_paid',
  'clarification_requested',
  'clarification_provided',
  'records_released',
  'denied',
  'no_records',
  'appeal_filed',
  'appeal_decided',
  'withdrawn',
  'lawsuit_filed',
  'expedited_decided',
  'correspondence',
  'note',
  'correction',
] as const;
export type LoggableEventType = (typeof LOGGABLE_EVENT_TYPES)[number];

/**
 * Event types that never move a deadline or a status: a long history is mostly
 * these, so they are neither loaded nor recomputed for.
 */
export const NO_DEADLINE_EFFECT: readonly string[] = ['note', 'correspondence', 'delivery_failed'];

/** Events the system writes itself; never posted through the API. */
export const SYSTEM_EVENT_TYPES = ['submitted', 'delivery_failed'] as const;

/**
 * The open statuses of docs/request-lifecycle.md: the agency still owes its
 * answer on the request. Agency answers are logged from these, and a wait
 * (fee, clarification) outlives a move only between them.
 */
export const OPEN_STATUSES: RequestStatus[] = [
  'submitted',
  'acknowledged',
  'fee_requested',
  'clarification_requested',
  'partially_fulfilled',
];
const AFTER_SUBMISSION: RequestStatus[] = [...OPEN_STATUSES, 'fulfilled', 'denied', 'no_records', 'withdrawn', 'appealed', 'in_litigation'];
const ANY: RequestStatus[] = ['draft', ...AFTER_SUBMISSION];

/**
 * Why the agency has stopped work and waits on the requester. Each is opened
 * and resolved on its own: a fee estimate is answered only by `fee_paid`, a
 * question only by `clarification_provided`, so answering one never restarts
 * the clock while the other is still open.
 */
export const AWAITING_REASONS = ['fee', 'clarification'] as const;
export type AwaitingReason = (typeof AWAITING_REASONS)[number];

/**
 * Where a request stands: `phase` is where processing is (what the status
 * returns to once nothing is awaited), `awaiting` what is still open, in the
 * order the agency asked. `status` is what the request shows: the agency's
 * latest open ask (`fee_requested` or `clarification_requested`), so the
 * single-step table in docs/request-lifecycle.md reads as before; once that is
 * answered it shows the other one still open, and only when nothing is open
 * does it return to the phase.
 */
export interface Lifecycle {
  status: RequestStatus;
  phase: RequestStatus;
  awaiting: AwaitingReason[];
}

export const DRAFT: Lifecycle = { status: 'draft', phase: 'draft', awaiting: [] };

const OPENS: Partial<Record<LoggableEventType, AwaitingReason>> = { fee_estimate: 'fee', clarification_requested: 'clarification' };
const RESOLVES: Partial<Record<LoggableEventType, AwaitingReason>> = { fee_paid: 'fee', clarification_provided: 'clarification' };
const STILL_OPEN: Record<AwaitingReason, string> = {
  fee: 'an earlier fee estimate is unpaid',
  clarification: 'an earlier question is unanswered',
};
const RESOLVED_BY: Record<AwaitingReason, LoggableEventType> = { fee: 'fee_paid', clarification: 'clarification_provided' };
const OPEN_WHILE: Record<AwaitingReason, string> = {
  fee: 'a fee estimate is unpaid',
  clarification: 'a clarification request is unanswered',
};
const AWAITING_STATUS: Record<AwaitingReason, RequestStatus> = { fee: 'fee_requested', clarification: 'clarification_requested' };

interface Rule {
  from: RequestStatus[];
  /** The new phase, or undefined to keep the current one. */
  to?: (current: RequestStatus, data: Record<string, unknown>) => RequestStatus | undefined;
}

const RULES: Record<LoggableEventType, Rule> = {
  acknowledged: { from: ['submitted'], to: () => 'acknowledged' },
  extension_claimed: { from: [...OPEN_STATUSES, 'appealed'] },
  // Asking for a fee or for clarification is an answer: the agency has the request.
  fee_estimate: { from: OPEN_STATUSES, to: (s) => (s === 'submitted' ? 'acknowledged' : s) },
  // Allowed only while their own wait is open (see transition): these are the statuses that can show it.
  fee_paid: { from: ['fee_requested', 'clarification_requested'] },
  clarification_requested: { from: OPEN_STATUSES, to: (s) => (s === 'submitted' ? 'acknowledged' : s) },
  clarification_provided: { from: ['fee_requested', 'clarification_requested'] },
  records_released: {
    from: [...OPEN_STATUSES, 'appealed', 'in_litigation'],
    to: (_s, data) => (data.final === true ? 'fulfilled' : 'partially_fulfilled'),
  },
  denied: { from: OPEN_STATUSES, to: () => 'denied' },
  no_records: { from: OPEN_STATUSES, to: () => 'no_records' },
  appeal_filed: { from: ['denied', 'no_records', 'partially_fulfilled', 'fulfilled'], to: () => 'appealed' },
  appeal_decided: {
    from: ['appealed'],
    to: (_s, data) => (data.outcome === 'granted' ? 'acknowledged' : data.outcome === 'partly_granted' ? 'partially_fulfilled' : 'denied'),
  },
  withdrawn: { from: [...OPEN_STATUSES, 'appealed'], to: () => 'withdrawn' },
  lawsuit_filed: { from: AFTER_SUBMISSION.filter((s) => s !== 'withdrawn' && s !== 'in_litigation'), to: () => 'in_litigation' },
  // The agency's decision on expedited processing; the request itself goes on.
  expedited_decided: { from: OPEN_STATUSES },
  correspondence: { from: ANY },
  note: { from: ANY },
  correction: { from: ANY },
};

function statusOf(phase: RequestStatus, awaiting: readonly AwaitingReason[]): RequestStatus {
  const latest = awaiting[awaiting.length - 1];
  return latest && OPEN_STATUSES.includes(phase) ? AWAITING_STATUS[latest] : phase;
}

/** "a submitted request", "an acknowledged request". */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

export type Transition = { allowed: true; to: Lifecycle } | { allowed: false; reason: string };

function refuse(type: LoggableEventType, why: string): Transition {
  return { allowed: false, reason: `${capitalise(article(type))} event cannot be logged ${why}.` };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function transition(current: Lifecycle, type: LoggableEventType, data: Record<string, unknown>): Transition {
  const rule = RULES[type];
  const opens = OPENS[type];
  const resolves = RESOLVES[type];
  if (resolves) {
    if (!current.awaiting.includes(resolves))
      return refuse(type, `on ${article(current.status)} request; it applies only while ${OPEN_WHILE[resolves]}`);
    const awaiting = current.awaiting.filter((r) => r !== resolves);
    return { allowed: true, to: { phase: current.phase, awaiting, status: statusOf(current.phase, awaiting) } };
  }
  const on = `on ${article(current.status)} request`;
  if (!rule.from.includes(current.status)) {
    const where = rule.from.length === 1 ? `${article(rule.from[0]!)} request` : `requests that are ${rule.from.join(', ')}`;
    return refuse(type, `${on}; it applies to ${where}`);
  }
  if (opens && current.awaiting.includes(opens)) {
    return refuse(type, `${on} while ${STILL_OPEN[opens]}; log ${RESOLVED_BY[opens]} first`);
  }
  const phase = rule.to?.(current.phase, data) ?? current.phase;
  // Leaving processing (a final answer, a denial, a withdrawal, a lawsuit) closes whatever was awaited.
  const kept = OPEN_STATUSES.includes(phase) ? current.awaiting : [];
  const awaiting = opens ? [...kept, opens] : kept;
  return { allowed: true, to: { phase, awaiting, status: statusOf(phase, awaiting) } };
}

/** Statuses from which each event type may be logged, for documentation and the API. */
export function allowedFrom(type: LoggableEventType): readonly RequestStatus[] {
  return RULES[type].from;
}

/**
 * Where a history leads, replaying its effective events in order (after
 * corrections). An event that a correction made impossible is skipped rather
 * than failing the whole history.
 */
export function replayLifecycle(events: ReadonlyArray<{ type: string; data: Record<string, unknown> }>): Lifecycle {
  let state: Lifecycle = DRAFT;
  for (const e of events) {
    if (e.type === 'submitted') {
      if (state.phase === 'draft') state = { status: 'submitted', phase: 'submitted', awaiting: [] };
      continue;
    }
    if (!(e.type in RULES) || e.type === 'correction') continue;
    const t = transition(state, e.type as LoggableEventType, e.data);
    if (t.allowed) state = t.to;
  }
  return state;
}

export function replayStatus(events: ReadonlyArray<{ type: string; data: Record<string, unknown> }>): RequestStatus {
  return replayLifecycle(events).status;
}
