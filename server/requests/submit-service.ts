import { createHash } from 'node:crypto';
import type { AgencyRecord } from '../agencies/agency-store';
import { lockForAppend, type LockedForAppend } from '../events/append-lock';
import type { StoredDeadline } from '../request-deadlines/deadline-store';
import type { UserCaller } from '../auth/caller';
import type { Db } from '../db/database';
import { NeedsTransaction, recordEvent, SYSTEM_EVENT } from '../events/record-event';
import { checkRecordable } from '../events/event-time';
import { conflict, notFound, validationProblem } from '../errors/problem';
import { replyAddress } from '../mail/compose';
import { checkMailQueued, prepareMail, type MailDeps } from '../mail/mail-service';
import type { SubmissionMethod, SubmitInput } from './request-schemas';
import { filingSeal } from './filing-seal';
import { letterCopyAddress } from './letter-copy';
import { settingsOf } from '../organizations/organization-settings';
import type { RequestRecord, RequestValues } from './request-store';

// The history's line for a filing made outside the tracker.
const FILED: Record<Exclude<SubmissionMethod, 'email'>, string> = {
  portal: 'Filed through the agency’s portal',
  mail: 'Filed by mail',
  fax: 'Filed by fax',
  in_person: 'Filed in person',
  phone: 'Filed by phone',
  other: 'Filed another way',
};

/**
 * Files a draft: the request becomes submitted, a `submitted` event enters its
 * history (with the letter's hash), the email (if any) is composed and its
 * delivery job enqueued, and the deadlines are computed and stored, all of it
 * or none of it.
 *
 * Outside a transaction this is one read and one write to Postgres, with no
 * lock: the write is a single statement (so it commits whole or not at all)
 * that applies only to the row version read and the chain head read, and
 * fails whole (40001, or the unique (request_id, seq) of a concurrent append)
 * when either moved; the filing is then read again and retried, and a second
 * filing that won meanwhile makes this one a 409. BEGIN, the lock and COMMIT
 * were three of a submit's six round trips. A filing that needs more than one
 * statement, or a caller's transaction (an Idempotency-Key), takes the row
 * lock instead.
 */
export async function submitRequest(db: Db, deps: MailDeps, caller: UserCaller, id: string, input: SubmitInput): Promise<Filed> {
  const now = deps.clock();
  if (!db.isTransaction) {
    for (let attempt = 1; ; attempt += 1) {
      const read = await lockForAppend(db, caller.organizationId, id, { history: true, lock: false });
      if (!read) throw notFound('request');
      checkDraft(read.request);
      try {
        return await file(db, deps, caller, read, input, now, false, read.version);
      } catch (err) {
        if (err instanceof NeedsTransaction) break;
        if (attempt < SUBMIT_TRIES && lostToConcurrentWrite(err)) continue;
        throw err;
      }
    }
  }
  return db.transaction(async (trx) => {
    const locked = await lockForAppend(trx, caller.organizationId, id, { history: true });
    if (!locked) throw notFound('request');
    checkDraft(locked.request);
    return file(trx, deps, caller, locked, input, now, false);
  });
}

/** Tries of a filing without the lock before its 40001 reaches the caller (a 503 with Retry-After). */
const SUBMIT_TRIES = 3;

function checkDraft(request: RequestRecord): void {
  if (request.status !== 'draft') throw conflict(`This request was already submitted; it is ${request.status}.`, 'already-submitted');
}

/**
 * Whether a write without the lock failed because another write to the
 * request got there first: the guard (40001), the seq taken (23505), or a
 * deadlock with an append that holds the lock and waits for the same seq (40P01).
 */
function lostToConcurrentWrite(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '40001' || e.code === '40P01' || (e.code === '23505' && e.constraint === 'request_events_request_id_seq_unique');
}

/**
 * Files the letter again after its email failed for good: by email (to the
 * agency's records address as it is now, so a corrected address is used) or
 * by recording another way it was filed. A second `submitted` event enters the
 * history and the deadlines count from the new filing, because the agency
 * never received the first.
 */
export async function resubmitRequest(db: Db, deps: MailDeps, caller: UserCaller, id: string, input: SubmitInput): Promise<Filed> {
  const now = deps.clock();
  return db.transaction(async (trx) => {
    const locked = await lockForAppend(trx, caller.organizationId, id, { history: true });
    if (!locked) throw notFound('request');
    const { request } = locked;
    if (!request.letterUndelivered) {
      const why =
        request.status === 'draft'
          ? 'This request is a draft; submit it instead.'
          : 'This request’s letter was not reported undelivered; only a letter whose email failed for good is filed again.';
      throw conflict(why, 'not-undelivered');
    }
    if (request.status !== 'submitted') {
      throw conflict(`The agency has already answered (the request is ${request.status}), so it has the request.`, 'not-undelivered');
    }
    return file(trx, deps, caller, locked, input, now, true);
  });
}

/** A filed request with what its answer shows: its agency and its deadlines as stored. */
export interface Filed {
  request: RequestRecord;
  agency: AgencyRecord;
  deadlines: StoredDeadline[];
}

async function file(
  trx: Db,
  deps: MailDeps,
  caller: UserCaller,
  { request, agency, context }: LockedForAppend,
  input: SubmitInput,
  now: Date,
  again: boolean,
  /** Set when `trx` holds no lock: the row version read (see submitRequest). */
  ifVersion?: string,
): Promise<Filed> {
  if (!agency) throw notFound('agency');

  const byEmail = input.method === 'email';
  if (byEmail && input.submittedAt) {
    throw validationProblem([
      { in: 'body', field: 'submittedAt', message: 'Email is sent now; submittedAt is for requests filed another way.' },
    ]);
  }
  if (byEmail && !agency.recordsEmail) {
    throw conflict(`${agency.name} has no records email; add one to the agency or submit by another method.`, 'no-records-email');
  }
  // The filing is the `submitted` event's occurredAt: the same time rule as every event.
  const submittedAt = input.submittedAt ? checkRecordable(new Date(input.submittedAt), now, 'submittedAt') : now;
  if (again && request.submittedAt && submittedAt < request.submittedAt) {
    throw validationProblem([{ in: 'body', field: 'submittedAt', message: 'A second filing cannot come before the first.' }]);
  }
  if (again && input.subject !== undefined) {
    throw validationProblem([
      { in: 'body', field: 'subject', message: 'A resubmission files the letter as it was filed first; its subject cannot change.' },
    ]);
  }
  const between = 'Must be between the submission and now.';
  const receivedAt = input.receivedAt ? checkRecordable(new Date(input.receivedAt), now, 'receivedAt', between) : undefined;
  if (receivedAt && receivedAt < submittedAt) throw validationProblem([{ in: 'body', field: 'receivedAt', message: between }]);

  // A subject changed at the last moment is the letter's from now on: sent, sealed and kept on the row.
  const subject = input.subject !== undefined && input.subject !== request.letterSubject ? input.subject : undefined;
  const subjectChanged = subject !== undefined;
  const letter: RequestRecord = subjectChanged ? { ...request, letterSubject: subject, letterSubjectEdited: true } : request;

  // A first filing sets the tracking number given, or none; a second keeps the first's unless given another.
  const trackingNumber = input.trackingNumber ?? (again ? request.trackingNumber : null);
  // Written with the event's recount, in the one update of the request.
  const changes: Partial<RequestValues> = {
    ...(subjectChanged ? { letterSubject: letter.letterSubject, letterSubjectEdited: true } : {}),
    status: 'submitted',
    submissionMethod: input.method,
    submittedAt,
    // Only when it changes: naming the column in the update makes Postgres
    // recompute the row's search vector over the whole letter (a quarter of a
    // millisecond of database time), which an unchanged value does not need.
    ...(trackingNumber !== request.trackingNumber ? { trackingNumber } : {}),
    deliveryStatus: byEmail ? 'queued' : null,
    ...(again ? { deliveryError: null, letterUndelivered: false } : {}),
  };

  // The email is queued by the event's own statement: a filing is one write to Postgres.
  const queued = byEmail
    ? await prepareMail(trx, deps, {
        organizationId: request.organizationId,
        requestId: request.id,
        purpose: 'request',
        fromName: request.requester.name,
        to: [agency.recordsEmail!],
        replyTo: replyAddress(deps.config.inboundAddress, request.replyToken),
        subject: letter.letterSubject,
        text: letter.letterBody,
        headers: { 'X-Records-Request-Id': request.id },
        copyTo: await letterCopyAddress(trx, request, settingsOf(context.storedSettings)),
      })
    : undefined;
  const mail = queued?.mails[0];

  const how = input.method === 'email' ? `Emailed to ${agency.recordsEmail}` : FILED[input.method];
  // A system event: the request is set to submitted with it, with what the state machine cannot know (method, time).
  const {
    request: filed,
    deadlines,
    written,
  } = await recordEvent(
    trx,
    request,
    {
      type: 'submitted',
      occurredAt: submittedAt,
      summary: again ? `${how}, again: the earlier email was not delivered` : how,
      data: {
        method: input.method,
        ...(again ? { resubmission: true } : {}),
        ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
        // As given (its offset kept), unless a fast clock put it after now.
        ...(input.receivedAt && receivedAt
          ? { receivedAt: receivedAt.getTime() === Date.parse(input.receivedAt) ? input.receivedAt : receivedAt.toISOString() }
          : {}),
        letter: {
          templateId: letter.letterTemplate,
          subject: letter.letterSubject,
          bodySha256: createHash('sha256').update(letter.letterBody, 'utf8').digest('hex'),
          edited: letter.letterEdited,
          subjectEdited: letter.letterSubjectEdited,
        },
        // The request as filed, so the chain covers the row's fields (verify recomputes it from the row).
        filed: filingSeal(letter),
        ...(mail ? { messageId: mail.messageId, to: mail.toAddresses, emlSha256: mail.rawSha256 } : {}),
      },
      actorKind: 'user',
      actorId: caller.userId,
    },
    { now, mail: deps, agency, context, changes, with: queued?.prefix, ifVersion },
    SYSTEM_EVENT,
  );
  if (queued) checkMailQueued(written, queued);
  return { request: filed, agency, deadlines: deadlines ?? [] };
}
