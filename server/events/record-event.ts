import { findAgency, type AgencyRecord } from '../agencies/agency-store';
import type { Db } from '../db/database';
import { combinePrefixes, type StatementPrefix } from '../db/statement-prefix';
import { conflict, notFound } from '../errors/problem';
import type { MailDeps } from '../mail/mail-service';
import { settingsOf } from '../organizations/organization-settings';
import { deadlinesStored, replaceDeadlinesPrefix, type StoredDeadline } from '../request-deadlines/deadline-store';
import { planDeadlines } from '../request-deadlines/refresh-deadlines';
import { announceFeeOverLimit, feeFlagChange } from '../requests/fee-limit';
import { updateRequestAfter, type RequestRecord, type RequestValues, type ResponseTimes } from '../requests/request-store';
import { sealEvent, type NewEvent } from './append-event';
import { effectiveEvents } from './effective-events';
import {
  appendStatementPrefix,
  checkHeadMoved,
  insertEventWith,
  listEvents,
  readAppendContext,
  type AppendContext,
  type EventRecord,
} from './event-store';
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
  agency?: AgencyRecord | undefined;
  /** What the writer read with the request lock (lockForAppend); read here when absent or without the history a recount needs. */
  context?: AppendContext | undefined;
  /** Request fields the writer sets with this event (a filing: status, method, time), written in the same update. */
  changes?: Partial<RequestValues> | undefined;
  /**
   * Other stores' writes that happen with this event or not at all (a
   * filing's email: its .eml, message rows and delivery jobs), run in the
   * event's own statement; the writer checks their results (`written`).
   */
  with?: StatementPrefix | undefined;
  /**
   * For a writer that holds no transaction: the request's row version as it
   * read it (lockForAppend's `version`, read without the lock). The event is
   * then written as one statement that fails whole (40001) if the row or the
   * chain moved since, and an event that needs more than that one statement
   * throws NeedsTransaction before writing anything.
   */
  ifVersion?: string | undefined;
}

/** See RecordDeps.ifVersion: the writer must do this one in a transaction, holding the request's lock. */
export class NeedsTransaction extends Error {
  constructor(why: string) {
    super(`this event needs a transaction: ${why}`);
  }
}

export interface LoggedEvent {
  event: EventRecord;
  request: RequestRecord;
  /** The request's deadlines as stored, soonest first, when this event recounted them. */
  deadlines?: StoredDeadline[] | undefined;
  /** What the `with` part's results gave, by name (see StatementPrefix). */
  written: Record<string, unknown>;
}

/** Where the request stands, replayed from its effective history in the order it was logged. */
export async function lifecycleOf(db: Db, request: RequestRecord): Promise<Lifecycle> {
  return lifecycleFrom(await listEvents(db, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT }));
}

/** The same, from the history already read (events not in NO_DEADLINE_EFFECT). */
export function lifecycleFrom(relevant: readonly EventRecord[]): Lifecycle {
  return replayLifecycle(effectiveEvents(relevant).sort((a, b) => a.seq - b.seq));
}

/** Notes and correspondence are allowed in any status and move nothing. */
const MOVES_NOTHING = new Set<string>(NO_DEADLINE_EFFECT);

/** Whether appending an event of `type` needs the status- and deadline-moving history (see lockForAppend). */
export const needsHistory = (type: string): boolean => !MOVES_NOTHING.has(type);

/**
 * Checks a logged event against the state machine: a move it forbids is a
 * 409. `history` is the relevant history when the caller has read it.
 */
export async function checkMove(
  db: Db,
  request: RequestRecord,
  type: LoggableEventType,
  data: Record<string, unknown>,
  history?: readonly EventRecord[],
): Promise<StatusMove> {
  if (MOVES_NOTHING.has(type) || type === 'correction') return moveAfter(request, type, data, []);
  return moveAfter(
    request,
    type,
    data,
    history ?? (await listEvents(db, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT })),
  );
}

/** checkMove on the relevant history as read (events not in NO_DEADLINE_EFFECT, in seq order): the same verdict, no reading. */
export function moveAfter(
  request: RequestRecord,
  type: LoggableEventType,
  data: Record<string, unknown>,
  history: readonly EventRecord[],
): StatusMove {
  if (MOVES_NOTHING.has(type)) return { kind: 'checked', to: { status: request.status, awaiting: request.awaiting } };
  if (type === 'correction') return { kind: 'checked', to: undefined };
  // Replayed rather than read from the row: the status alone cannot say what else is awaited.
  const move = transition(lifecycleFrom(history), type, data);
  if (!move.allowed) throw conflict(move.reason, 'transition', { status: request.status });
  return { kind: 'checked', to: move.to };
}

/** What a checked move writes on the request besides the writer's changes: where it now stands, and what the event tells of it. */
export function valuesAfterMove(
  request: RequestRecord,
  e: Pick<RecordedEvent, 'type' | 'data'>,
  next: Pick<Lifecycle, 'status' | 'awaiting'>,
): Partial<RequestValues> {
  const trackingNumber =
    e.type === 'acknowledged' && typeof e.data?.trackingNumber === 'string' && !request.trackingNumber ? e.data.trackingNumber : undefined;
  // An answer from the agency proves it has the request, whatever became of the email.
  const delivered = request.letterUndelivered && next.status !== 'submitted' ? { letterUndelivered: false } : {};
  return { status: next.status, awaiting: next.awaiting, ...(trackingNumber ? { trackingNumber } : {}), ...delivered };
}

/**
 * The type whose effect an event has on deadlines: its own, or for a
 * correction that of the event it corrects (in `history`); a correction of
 * an event not in the relevant history (a note) has none.
 */
export function effectTypeOf(e: Pick<RecordedEvent, 'type' | 'correctsEventId'>, history: readonly EventRecord[]): string {
  if (e.type !== 'correction') return e.type;
  const target = e.correctsEventId ? history.find((h) => h.id === e.correctsEventId) : undefined;
  return target?.type ?? NO_DEADLINE_EFFECT[0]!;
}

/**
 * The one way into a request's history: appends the event to the hash chain,
 * moves the status as `move` says, and, when the event can move a deadline (a
 * correction: when the event it corrects can), recomputes the deadlines and
 * the fee-over-limit flag. The history is read once (with the lock, when the
 * writer passes its context), and the request row is written once: status,
 * the writer's changes, response times and the fee flag together. The caller
 * holds the request row lock in the same transaction (lockForAppend), so two
 * appends to one request cannot read the same head; the unique (request_id,
 * seq) and the head's move from seq - 1 (checkHeadMoved) are the second guard.
 */
export async function recordEvent(
  db: Db,
  request: RequestRecord,
  e: RecordedEvent,
  deps: RecordDeps,
  move: StatusMove,
): Promise<LoggedEvent> {
  const withHistory = needsHistory(e.type);
  let context = deps.context;
  if (!context || (withHistory && !context.history)) context = await readAppendContext(db, request.id, withHistory);
  // Sealed now and stored with the request's update, in its statement (db/statement-prefix.ts): an append costs no
  // round trip of its own. Nothing read before that statement looks for the event in the table.
  const event = sealEvent({ ...e, organizationId: request.organizationId, requestId: request.id }, deps.now, context.head);
  const history = withHistory ? [...(context.history ?? []), event] : [];
  const append = deps.with ? combinePrefixes(appendStatementPrefix(db, event), deps.with) : appendStatementPrefix(db, event);
  // The request's update ends the statement; the deadlines' replacement, when they moved, goes in it too.
  const store = async (
    values: Partial<RequestValues>,
    opts: { touch?: boolean; responseTimes?: ResponseTimes | undefined },
    deadlines?: StatementPrefix,
  ) => {
    const prefix = deadlines ? combinePrefixes(append, deadlines) : append;
    const written = await updateRequestAfter(db, prefix, request.organizationId, request.id, values, deps.now, {
      ...opts,
      ifVersion: deps.ifVersion,
    });
    checkHeadMoved(written.results, event);
    return written;
  };

  let values: Partial<RequestValues> = { ...deps.changes };
  let touch = Object.keys(values).length > 0;
  if (move.kind === 'checked') {
    values = { ...values, ...valuesAfterMove(request, e, move.to ?? lifecycleFrom(history)) };
    touch = true;
  }
  const { organizationId } = request;
  // A correction moves what the event it corrects could move; one not in the relevant history (a note) moves nothing.
  if (NO_DEADLINE_EFFECT.includes(effectTypeOf(e, history))) {
    if (touch) {
      const written = await store(values, {});
      return { event, request: written.request, written: written.results };
    }
    if (deps.ifVersion !== undefined) throw new NeedsTransaction('it writes nothing on the request to check the version against');
    return { event, request, written: (await insertEventWith(db, event, deps.with)).results };
  }

  const agency = deps.agency ?? (await findAgency(db, organizationId, request.agencyId));
  if (!agency) throw notFound('agency');
  // The request as it will be once written: the recount reads its status, filing and undelivered flag.
  const current: RequestRecord = { ...request, ...values };
  const effective = effectiveEvents(history);
  const settings = settingsOf(context.storedSettings);
  const leadDays = context.assigneeLeadDays ?? settings.reminderLeadDays;
  const planned = await planDeadlines(current, agency, {
    events: effective,
    settings: async () => settings,
    leadDays: async () => leadDays,
  });
  // A fee estimate above the limit, or its end, is flagged on the request and told to the assignee.
  const fee = feeFlagChange(current, effective);
  if (fee) {
    values = { ...values, ...fee.values };
    touch = true;
  }
  if (fee?.announce && deps.ifVersion !== undefined) throw new NeedsTransaction('it sends the fee-over-limit email as well');
  // A draft has no deadlines to plan; an event that moves nothing on the request is stored alone.
  let updated = request;
  let deadlines: StoredDeadline[] | undefined;
  let results: Record<string, unknown>;
  if (planned) {
    const replaced = replaceDeadlinesPrefix(db, planned.owner, planned.deadlines, planned.plan, deps.now);
    const written = await store(values, { touch, responseTimes: planned.responseTimes }, replaced);
    updated = written.request;
    deadlines = deadlinesStored(written.results.deadlines);
    results = written.results;
  } else if (touch) {
    const written = await store(values, { touch });
    updated = written.request;
    results = written.results;
  } else {
    if (deps.ifVersion !== undefined) throw new NeedsTransaction('it writes nothing on the request to check the version against');
    results = (await insertEventWith(db, event, deps.with)).results;
  }
  if (fee?.announce) await announceFeeOverLimit(db, deps.mail, current, fee.announce);
  return { event, request: updated, deadlines, written: results };
}
