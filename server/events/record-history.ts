import type { AgencyRecord } from '../agencies/agency-store';
import type { Db } from '../db/database';
import type { OrganizationSettings } from '../organizations/organization-settings';
import { insertDeadlines } from '../request-deadlines/deadline-store';
import { planDeadlines, type PlannedDeadlines } from '../request-deadlines/refresh-deadlines';
import { insertRequests, type RequestRecord, type ResponseTimes } from '../requests/request-store';
import { sealEvent } from './append-event';
import { effectiveEvents } from './effective-events';
import type { ChainHead, EventRecord, SealedEvent } from './event-store';
import { insertChains } from './event-store';
import { effectTypeOf, lifecycleFrom, moveAfter, needsHistory, type RecordedEvent, valuesAfterMove } from './record-event';
import { NO_DEADLINE_EFFECT, type LoggableEventType } from './state-machine';

// recordEvent for requests written in bulk (a spreadsheet import): a new
// request's whole history is worked out in memory, event by event, with the
// same functions recordEvent uses (the seal and hash of each event, the state
// machine's verdict, the request fields a move sets, the deadline engine), and
// then many requests are written at once through each table's store. What is
// stored is what recording the events one by one would have stored, except
// the random ids and the deadline ids.

/** An event of a new history; `system` is recorded as SYSTEM_EVENT (a filing), the others are checked moves. */
export type HistoryEvent = RecordedEvent & { move: 'system' | 'checked' };

export interface NewHistory {
  /** From newRequestRecord, with what its filing set (status, method, time): not stored yet, no event yet. */
  request: RequestRecord;
  agency: AgencyRecord;
  events: HistoryEvent[];
}

/** A history as it will be stored. */
export interface PlannedHistory {
  request: RequestRecord;
  events: SealedEvent[];
  /** From the last recount, as recordEvent would have left them; undefined when no event moved a deadline. */
  deadlines: PlannedDeadlines | undefined;
  responseTimes: ResponseTimes | undefined;
}

export interface HistoryLookups {
  /** The events' recordedAt, and the deadlines' computedAt. */
  now: Date;
  settings: () => Promise<OrganizationSettings>;
  /** The assignee's reminder lead days, or the newsroom's. */
  leadDays: (assigneeId: string | null) => Promise<number>;
}

/**
 * Works out a new history in memory, writing nothing. A move the state
 * machine refuses throws the same 409 problem recordEvent's caller would get.
 */
export async function planHistory(h: NewHistory, deps: HistoryLookups): Promise<PlannedHistory> {
  // recordEvent moves the fee-over-limit flag (and may announce it) at every recount; this path has no mail to send.
  if (h.request.feeLimit !== null) throw new Error('a history planned in bulk is for requests without a fee limit');
  let request = h.request;
  let head: ChainHead | undefined;
  const sealed: SealedEvent[] = [];
  // The events that can move a status or a deadline, in seq order: what recordEvent reads as the history.
  const relevant: EventRecord[] = [];
  let recounts = false;
  for (const e of h.events) {
    const move = e.move === 'system' ? undefined : moveAfter(request, e.type as LoggableEventType, e.data ?? {}, relevant);
    const event = sealEvent({ ...e, organizationId: request.organizationId, requestId: request.id }, deps.now, head);
    sealed.push(event);
    head = { seq: event.seq, hash: event.hash };
    if (needsHistory(e.type)) relevant.push(event);
    if (move?.kind === 'checked') request = { ...request, ...valuesAfterMove(request, e, move.to ?? lifecycleFrom(relevant)) };
    if (!NO_DEADLINE_EFFECT.includes(effectTypeOf(e, relevant))) recounts = true;
  }
  request = { ...request, updatedAt: deps.now };
  // Each recount works from the whole history so far, so the last one stands: it is the only one computed here.
  const deadlines = recounts
    ? await planDeadlines(request, h.agency, {
        events: effectiveEvents(relevant),
        settings: deps.settings,
        leadDays: () => deps.leadDays(request.assigneeId),
      })
    : undefined;
  return { request, events: sealed, deadlines, responseTimes: deadlines?.responseTimes };
}

/** Writes planned histories in the caller's transaction: the requests, their chains, their deadlines, many to a statement. */
export async function writeHistories(db: Db, planned: readonly PlannedHistory[], now: Date): Promise<void> {
  await insertRequests(
    db,
    planned.map((p) => ({ request: p.request, responseTimes: p.responseTimes })),
    now,
  );
  await insertChains(
    db,
    planned.flatMap((p) => p.events),
  );
  await insertDeadlines(
    db,
    planned.flatMap((p) => (p.deadlines ? [p.deadlines] : [])),
    now,
  );
}
