import type { UserCaller } from '../auth/caller';
import type { Db } from '../db/database';
import { findEvent, type EventRecord } from './event-store';
import type { AttachmentRef } from './hash-chain';
import { notFound, validationProblem } from '../errors/problem';
import { fieldErrors } from '../http/validate';
import type { RequestRecord } from '../requests/request-store';
import { claimAttachments, linkAttachmentsToEvent } from '../attachments/attachment-store';
import type { MailDeps } from '../mail/mail-service';
import { EVENT_DATA, type EventCreateInput } from './event-schemas';
import { checkRecordable, parseWhen } from './event-time';
import { SUBMISSION_SLACK_MS } from '../util/time-tolerances';
import { checkMove, needsHistory, recordEvent, type LoggedEvent } from './record-event';
import { lockForAppend } from './append-lock';
import { SYSTEM_EVENT_TYPES, type LoggableEventType } from './state-machine';

// Things the newsroom itself writes may predate the filing; agency moves cannot.
const MAY_PRECEDE_SUBMISSION = new Set(['note', 'correspondence', 'correction']);

// The time rules every event's `occurredAt` obeys (checkRecordable, shared by
// every path that records one, and this); a correction's new time for the
// event it corrects obeys them too, else a correction could do what logging
// the event directly may not.

function notBeforeSubmission(occurredAt: Date, type: string, request: RequestRecord, field: string): void {
  if (
    !MAY_PRECEDE_SUBMISSION.has(type) &&
    request.submittedAt &&
    occurredAt.getTime() < request.submittedAt.getTime() - SUBMISSION_SLACK_MS
  ) {
    throw validationProblem([{ in: 'body', field, message: 'The agency cannot have answered before the request was submitted.' }]);
  }
}

function parseData(type: LoggableEventType, data: unknown, prefix: string): Record<string, unknown> {
  const result = EVENT_DATA[type].safeParse(data);
  if (!result.success) {
    throw validationProblem(
      fieldErrors(result.error.issues, 'body').map((e) => ({ ...e, field: e.field ? `${prefix}.${e.field}` : prefix })),
    );
  }
  return result.data;
}

async function checkCorrection(
  db: Db,
  request: RequestRecord,
  zone: string,
  input: EventCreateInput,
  data: Record<string, unknown>,
  now: Date,
): Promise<EventRecord> {
  if (!input.correctsEventId)
    throw validationProblem([{ in: 'body', field: 'correctsEventId', message: 'A correction names the event it corrects.' }]);
  const target = await findEvent(db, request.organizationId, request.id, input.correctsEventId);
  if (!target) throw validationProblem([{ in: 'body', field: 'correctsEventId', message: 'No such event on this request.' }]);
  if (target.type === 'correction' || (SYSTEM_EVENT_TYPES as readonly string[]).includes(target.type)) {
    throw validationProblem([
      { in: 'body', field: 'correctsEventId', message: `A ${target.type} event cannot be corrected; correct the original event.` },
    ]);
  }
  if (data.retract !== true && data.occurredAt === undefined && data.data === undefined) {
    throw validationProblem([
      { in: 'body', field: 'data', message: 'A correction retracts the event or gives a corrected occurredAt or data.' },
    ]);
  }
  if (typeof data.occurredAt === 'string') {
    const corrected = checkRecordable(parseWhen(data.occurredAt, zone, 'data.occurredAt'), now, 'data.occurredAt');
    // The event was logged at its recordedAt: it cannot have happened after that.
    if (corrected.getTime() > target.recordedAt.getTime()) {
      throw validationProblem([
        {
          in: 'body',
          field: 'data.occurredAt',
          message: `Cannot be after the event it corrects was recorded (${target.recordedAt.toISOString()}); retract it and log the event again.`,
        },
      ]);
    }
    notBeforeSubmission(corrected, target.type, request, 'data.occurredAt');
    data.occurredAt = corrected.toISOString();
  }
  if (data.data !== undefined) data.data = parseData(target.type as LoggableEventType, data.data, 'data.data');
  return target;
}

/**
 * Logs what happened on a request: checks the move against the state machine,
 * appends it to the hash chain, links its files, moves the status and
 * recomputes the deadlines, all in one transaction.
 */
export async function logEvent(
  db: Db,
  caller: UserCaller,
  requestId: string,
  input: EventCreateInput,
  now: Date,
  mail: MailDeps,
): Promise<LoggedEvent> {
  return db.transaction(async (trx) => {
    // The request, its agency, the chain head and (when the type can move anything) the history: one statement.
    const locked = await lockForAppend(trx, caller.organizationId, requestId, { history: needsHistory(input.type) });
    if (!locked) throw notFound('request');
    const { request, agency, context } = locked;
    if (!agency) throw notFound('agency');

    const occurredAt = checkRecordable(parseWhen(input.occurredAt, agency.timezone, 'occurredAt'), now, 'occurredAt');
    const data = parseData(input.type, input.data, 'data');
    // Checked first: a move the state machine forbids is a 409, whatever else is wrong.
    const move = await checkMove(trx, request, input.type, data, context.history);
    notBeforeSubmission(occurredAt, input.type, request, 'occurredAt');
    if (input.type === 'correction') await checkCorrection(trx, request, agency.timezone, input, data, now);
    else if (input.correctsEventId)
      throw validationProblem([{ in: 'body', field: 'correctsEventId', message: 'Only a correction points at another event.' }]);

    const attachments: AttachmentRef[] = input.attachmentIds?.length
      ? await claimAttachments(trx, request.organizationId, request.id, input.attachmentIds)
      : [];
    const logged = await recordEvent(
      trx,
      request,
      {
        type: input.type,
        occurredAt,
        summary: input.summary ?? null,
        body: input.body ?? null,
        data,
        actorKind: 'user',
        actorId: caller.userId,
        correctsEventId: input.correctsEventId ?? null,
        attachments,
      },
      { now, mail, agency, context },
      move,
    );
    if (input.attachmentIds?.length) await linkAttachmentsToEvent(trx, request.id, input.attachmentIds, logged.event.id);
    return logged;
  });
}
