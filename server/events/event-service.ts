import { findAgency } from '../agencies/agency-store';
import type { UserCaller } from '../auth/caller';
import type { Db } from '../db/database';
import { appendEvent } from './append-event';
import { effectiveEvents } from './effective-events';
import { findEvent, listEvents, type EventRecord } from './event-store';
import type { AttachmentRef } from './hash-chain';
import { conflict, notFound, validationProblem } from '../errors/problem';
import { fieldErrors } from '../http/validate';
import { NO_DEADLINE_EFFECT, refreshDeadlines } from '../request-deadlines/refresh-deadlines';
import { findRequest, updateRequest, type RequestRecord } from '../requests/request-store';
import { claimAttachments } from '../attachments/attachment-store';
import type { MailDeps } from '../mail/mail-service';
import { refreshFeeFlag } from '../requests/fee-limit';
import { EVENT_DATA, type EventCreateInput } from './event-schemas';
import { checkRecordable, parseWhen } from './event-time';
import { SUBMISSION_SLACK_MS } from '../util/time-tolerances';
import { replayLifecycle, SYSTEM_EVENT_TYPES, transition, type Lifecycle, type LoggableEventType } from './state-machine';

// Things the newsroom itself writes may predate the filing; agency moves cannot.
const MAY_PRECEDE_SUBMISSION = new Set(['note', 'correspondence', 'correction']);

// The time rules every event's `occurredAt` obeys (checkRecordable, shared by
// every path that records one, and this); a correction's new time for the
// event it corrects obeys them too, else a correction could do what logging
// the event directly may not.

function notBeforeSubmission(occurredAt: Date, type: string, request: RequestRecord, field: string): void {
  if (!MAY_PRECEDE_SUBMISSION.has(type) && request.submittedAt && occurredAt.getTime() < request.submittedAt.getTime() - SUBMISSION_SLACK_MS) {
    throw validationProblem([{ in: 'body', field, message: 'The agency cannot have answered before the request was submitted.' }]);
  }
}

function parseData(type: LoggableEventType, data: unknown, prefix: string): Record<string, unknown> {
  const result = EVENT_DATA[type].safeParse(data);
  if (!result.success) {
    throw validationProblem(fieldErrors(result.error.issues, 'body').map((e) => ({ ...e, field: e.field ? `${prefix}.${e.field}` : prefix })));
  }
  return result.data;
}

async function checkCorrection(db: Db, request: RequestRecord, zone: string, input: EventCreateInput, data: Record<string, unknown>, now: Date): Promise<EventRecord> {
  if (!input.correctsEventId) throw validationProblem([{ in: 'body', field: 'correctsEventId', message: 'A correction names the event it corrects.' }]);
  const target = await findEvent(db, request.organizationId, request.id, input.correctsEventId);
  if (!target) throw validationProblem([{ in: 'body', field: 'correctsEventId', message: 'No such event on this request.' }]);
  if (target.type === 'correction' || (SYSTEM_EVENT_TYPES as readonly string[]).includes(target.type)) {
    throw validationProblem([{ in: 'body', field: 'correctsEventId', message: `A ${target.type} event cannot be corrected; correct the original event.` }]);
  }
  if (data.retract !== true && data.occurredAt === undefined && data.data === undefined) {
    throw validationProblem([{ in: 'body', field: 'data', message: 'A correction retracts the event or gives a corrected occurredAt or data.' }]);
  }
  if (typeof data.occurredAt === 'string') {
    const corrected = checkRecordable(parseWhen(data.occurredAt, zone, 'data.occurredAt'), now, 'data.occurredAt');
    // The event was logged at its recordedAt: it cannot have happened after that.
    if (corrected.getTime() > target.recordedAt.getTime()) {
      throw validationProblem([{
        in: 'body', field: 'data.occurredAt',
        message: `Cannot be after the event it corrects was recorded (${target.recordedAt.toISOString()}); retract it and log the event again.`,
      }]);
    }
    notBeforeSubmission(corrected, target.type, request, 'data.occurredAt');
    data.occurredAt = corrected.toISOString();
  }
  if (data.data !== undefined) data.data = parseData(target.type as LoggableEventType, data.data, 'data.data');
  return target;
}

// Notes and correspondence are allowed in any status and move nothing.
const MOVES_NOTHING = new Set<string>(NO_DEADLINE_EFFECT);

/** Where the request stands, replayed from its effective history in the order it was logged. */
async function lifecycleOf(db: Db, request: RequestRecord): Promise<Lifecycle> {
  const relevant = await listEvents(db, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT });
  return replayLifecycle(effectiveEvents(relevant).sort((a, b) => a.seq - b.seq));
}

export interface LoggedEvent {
  event: EventRecord;
  request: RequestRecord;
}

/**
 * Logs what happened on a request: checks the move against the state machine,
 * appends it to the hash chain, links its files, moves the status and
 * recomputes the deadlines, all in one transaction.
 */
export async function logEvent(db: Db, caller: UserCaller, requestId: string, input: EventCreateInput, now: Date, mail: MailDeps): Promise<LoggedEvent> {
  return db.transaction(async (trx) => {
    const request = await findRequest(trx, caller.organizationId, requestId, { forUpdate: true });
    if (!request) throw notFound('request');
    const agency = await findAgency(trx, caller.organizationId, request.agencyId);
    if (!agency) throw notFound('agency');

    const occurredAt = checkRecordable(parseWhen(input.occurredAt, agency.timezone, 'occurredAt'), now, 'occurredAt');
    const data = parseData(input.type, input.data, 'data');
    let next: Pick<Lifecycle, 'status' | 'awaiting'> | undefined;
    if (MOVES_NOTHING.has(input.type)) next = { status: request.status, awaiting: request.awaiting };
    else if (input.type !== 'correction') {
      // Replayed rather than read from the row: the status alone cannot say what else is awaited.
      const move = transition(await lifecycleOf(trx, request), input.type, data);
      if (!move.allowed) throw conflict(move.reason, 'transition', { status: request.status });
      next = move.to;
    }
    notBeforeSubmission(occurredAt, input.type, request, 'occurredAt');
    if (input.type === 'correction') await checkCorrection(trx, request, agency.timezone, input, data, now);
    else if (input.correctsEventId) throw validationProblem([{ in: 'body', field: 'correctsEventId', message: 'Only a correction points at another event.' }]);

    const attachments: AttachmentRef[] = input.attachmentIds?.length
      ? await claimAttachments(trx, request.organizationId, request.id, input.attachmentIds)
      : [];
    const event = await appendEvent(trx, {
      organizationId: request.organizationId,
      requestId: request.id,
      type: input.type,
      occurredAt,
      summary: input.summary ?? null,
      body: input.body ?? null,
      data,
      actorKind: 'user',
      actorId: caller.userId,
      correctsEventId: input.correctsEventId ?? null,
      attachments,
    }, now);
    if (input.attachmentIds?.length) {
      await trx('attachments').whereIn('id', input.attachmentIds).where({ request_id: request.id }).update({ event_id: event.id });
    }

    next ??= await lifecycleOf(trx, request);
    const trackingNumber = input.type === 'acknowledged' && typeof data.trackingNumber === 'string' && !request.trackingNumber ? data.trackingNumber : undefined;
    // An answer from the agency proves it has the request, whatever became of the email.
    const delivered = request.letterUndelivered && next.status !== 'submitted' ? { letterUndelivered: false } : {};
    const updated = await updateRequest(trx, request.organizationId, request.id, { status: next.status, awaiting: next.awaiting, ...(trackingNumber ? { trackingNumber } : {}), ...delivered }, now);
    const target = input.type === 'correction' ? await findEvent(trx, request.organizationId, request.id, input.correctsEventId!) : undefined;
    if (NO_DEADLINE_EFFECT.includes(target?.type ?? input.type)) return { event, request: updated };
    await refreshDeadlines(trx, updated, agency, now);
    // A fee estimate above the limit, or its end, is flagged on the request and told to the assignee.
    const history = effectiveEvents(await listEvents(trx, request.organizationId, request.id, { excludeTypes: NO_DEADLINE_EFFECT }));
    return { event, request: await refreshFeeFlag(trx, mail, updated, history, now) };
  });
}
