import { findAgency, type AgencyRecord } from '../agencies/agency-store';
import type { Db } from '../db/database';
import { conflict, notFound } from '../errors/problem';
import type { MailDeps } from '../mail/mail-service';
import { refreshDeadlines } from '../request-deadlines/refresh-deadlines';
import { refreshFeeFlag } from '../requests/fee-limit';
import { updateRequest, type RequestRecord } from '../requests/request-store';
import { appendEvent, type NewEvent } from './append-event';
import { effectiveEvents } from './effective-events';
import { findEvent, listEvents, type EventRecord } from './event-store';
import { NO_DEADLINE_EFFECT, replayLifecycle, transition, type Lifecycle, type LoggableEventType } from './state-machine';

/** An event as its writer knows it; the request it joins gives the rest. */
export type RecordedEvent = Omit<NewEvent, 'organizationId' | 'requestId'>;

/**
 * What an event does to the request's status, decided before anything is written.
 * - `checked` comes only from checkMove: the state machine allowed the move and
 *   the request goes where it said (`to` undefined: a correction, whose effect is
 *   replayed once it is in the log).
 * - SYSTEM_EVENT is the system's own account of what it did or received (a
 *   filing, a failed delivery, an email filed or sent): the state machine is
 *   not consulted and the request row stays as its writer left it, because
 *   that writer has already set what the event means for it (a filing sets
 *   `submitted` with its method and time) or it means nothing for it.
 */
export type StatusMove = { kind: 'checked'; to: Pick<Lifecycle, 'status' | 'awaiting'> | undefined } | { kind: 'system' };

export const SYSTEM_EVENT: StatusMove = { kind: 'system' };

export interface RecordDeps {
  /** The event's recordedAt, and the time the deadlines are computed at. */
  now: Date;
  /** For the fee-over-limit email a recount may send. */
  mail: MailDeps;
  /** The request's agency when the writer has it; loaded only if a recount needs it. */
  agency?: AgencyRecord;
}

export interface LoggedEvent {
  event: EventRecord;
  request: RequestRecord;
}

/** Where the request stands, replayed from its effective history in the order it was logged. */
export async function lifecycleOf(db: Db, request: RequestRecord): Promise<Lifecycle> {
  const relevant = await listEvents(db, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT });
  return replayLifecycle(effectiveEvents(relevant).sort((a, b) => a.seq - b.seq));
}

/** Notes and correspondence are allowed in any status and move nothing. */
const MOVES_NOTHING = new Set<string>(NO_DEADLINE_EFFECT);

/** Checks a logged event against the state machine: a move it forbids is a 409. */
export async function checkMove(
  db: Db,
  request: RequestRecord,
  type: LoggableEventType,
  data: Record<string, unknown>,
): Promise<StatusMove> {
  if (MOVES_NOTHING.has(type)) return { kind: 'checked', to: { status: request.status, awaiting: request.awaiting } };
  if (type === 'correction') return { kind: 'checked', to: undefined };
  // Replayed rather than read from the row: the status alone cannot say what else is awaited.
  const move = transition(await lifecycleOf(db, request), type, data);
  if (!move.allowed) throw conflict(move.reason, 'transition', { status: request.status });
  return { kind: 'checked', to: move.to };
}

/**
 * The one way into a request's history: appends the event to the hash chain,
 * moves the status as `move` says, and, when the event can move a deadline (a
 * correction: when the event it corrects can), recomputes the deadlines and
 * the fee-over-limit flag. The caller holds the request row lock in the same
 * transaction (see appendEvent).
 */
export async function recordEvent(
  db: Db,
  request: RequestRecord,
  e: RecordedEvent,
  deps: RecordDeps,
  move: StatusMove,
): Promise<LoggedEvent> {
  const event = await appendEvent(db, { ...e, organizationId: request.organizationId, requestId: request.id }, deps.now);
  let current = request;
  if (move.kind === 'checked') {
    const next = move.to ?? (await lifecycleOf(db, request));
    const trackingNumber =
      e.type === 'acknowledged' && typeof e.data?.trackingNumber === 'string' && !request.trackingNumber
        ? e.data.trackingNumber
        : undefined;
    // An answer from the agency proves it has the request, whatever became of the email.
    const delivered = request.letterUndelivered && next.status !== 'submitted' ? { letterUndelivered: false } : {};
    current = await updateRequest(
      db,
      request.organizationId,
      request.id,
      { status: next.status, awaiting: next.awaiting, ...(trackingNumber ? { trackingNumber } : {}), ...delivered },
      deps.now,
    );
  }
  const target =
    e.type === 'correction' && e.correctsEventId ? await findEvent(db, request.organizationId, request.id, e.correctsEventId) : undefined;
  if (NO_DEADLINE_EFFECT.includes(target?.type ?? e.type)) return { event, request: current };
  const agency = deps.agency ?? (await findAgency(db, request.organizationId, request.agencyId));
  if (!agency) throw notFound('agency');
  await refreshDeadlines(db, current, agency, deps.now);
  // A fee estimate above the limit, or its end, is flagged on the request and told to the assignee.
  const history = effectiveEvents(await listEvents(db, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT }));
  return { event, request: await refreshFeeFlag(db, deps.mail, current, history, deps.now) };
}
