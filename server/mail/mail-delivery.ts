import type { Db } from '../db/database';
import type { Logger } from '../logger';
import { runPrefix, type StatementPrefix } from '../db/statement-prefix';
import { MAIL_QUEUE, type MailJobDeps } from './mail-service';
import {
  failOpenAttempts,
  finishAttempt,
  finishOpenAttemptsAsSent,
  claimTry,
  findMail,
  firstAttemptStartedAt,
  hasOpenAttempt,
  recordSentTry,
  updateMail,
  type MailRecord,
} from './mail-store';
import { isPermanentRefusal, type MailTransport } from './mail-transport';
import { nextStep, type NextStep } from './retry-schedule';

export interface DeliveryDeps extends MailJobDeps {
  mailer: MailTransport;
  logger: Logger;
}

export interface DelayInfo {
  error: string;
  /** How long delivery has been trying, from the first try. */
  elapsedMs: number;
}

export interface DeliveryHooks {
  /**
   * What another store records when a message is sent, as a part of the
   * statement that records it sent (recordSentTry); undefined when nothing.
   * Recovery of a try recorded sent but left open (by a process of an earlier
   * version) runs it again, so it must be idempotent.
   */
  sentPart?(db: Db, mail: MailRecord, at: Date): StatementPrefix | undefined;
  /** Once per message, in the transaction of the failed try that first passes MAIL_DELAY_NOTICE_MINUTES. */
  onDelayed?(db: Db, mail: MailRecord, info: DelayInfo, at: Date): Promise<void>;
  /** In the transaction that marks the mail failed after its last try; `mail.attempts` counts that try. */
  onFinalFailure?(db: Db, mail: MailRecord, error: string, at: Date): Promise<void>;
}

/**
 * A delivery job makes one try of one message. `after` is the message's try
 * count when the job was queued: the job makes try `after + 1` and no other,
 * so a job left over from a crash cannot send beside the job that replaced it.
 * Jobs queued before `after` existed have none and take the message as it is.
 */
export interface MailJobData {
  mailId: string;
  after?: number;
}

const PROCESS_STOPPED = 'The sending process stopped during this try; the SMTP server never confirmed delivery.';

/**
 * One delivery try. A message already sent is never sent again. A temporary
 * failure schedules the next try as a new job (pg-boss's own retry policy is a
 * fixed count of doubling delays; an MTA's schedule is a capped backoff over a
 * day, so the job queue only carries the next try's start time). A permanent
 * refusal, or the end of the retry window, fails the message at once.
 */
export async function deliverMail(deps: DeliveryDeps, job: MailJobData, hooks: DeliveryHooks = {}): Promise<void> {
  const claim = await claimTry(deps.db.knex, job.mailId, job.after, deps.clock());
  if (!claim) return;
  const { mail, attemptId } = claim;

  let response: string;
  try {
    if (!mail.rawSha256) throw new Error('the message has no stored raw form');
    const raw = await deps.files.read(mail.rawSha256);
    ({ response } = await deps.mailer.send({ from: mail.fromAddress, to: mail.toAddresses }, raw, mail.messageId));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const permanent = isPermanentRefusal(err);
    const step = await deps.db.knex.transaction((trx) =>
      settleFailedTry(trx, deps, mail, { attemptId, error: message, permanent, at: deps.clock() }, hooks),
    );
    logFailure(deps, mail, message, step);
    return;
  }

  // The server has the message: record that, with the try's reply and what
  // the hook records, in one statement before anything else (see recordSentTry).
  const at = deps.clock();
  const sent: MailRecord = { ...mail, status: 'sent', sentAt: at };
  await recordSentTry(deps.db.knex, { mailId: mail.id, attemptId, at, smtpResponse: response }, hooks.sentPart?.(deps.db.knex, sent, at));
}

/**
 * Records a failed try and decides what follows, in the caller's transaction:
 * the mail is failed for good (with its consequences) or queued again with the
 * next try's job, so the retry exists exactly when the failure is recorded.
 */
async function settleFailedTry(
  trx: Db,
  deps: DeliveryDeps,
  mail: MailRecord,
  failure: { attemptId: string | null; error: string; permanent: boolean; at: Date },
  hooks: DeliveryHooks,
): Promise<NextStep> {
  const { at, error } = failure;
  if (failure.attemptId) await finishAttempt(trx, failure.attemptId, { finishedAt: at, outcome: 'failed', error });
  else await failOpenAttempts(trx, mail.id, at, error);
  const firstTryAt = (await firstAttemptStartedAt(trx, mail.id)) ?? at;
  const step = nextStep(deps.config, {
    attempt: mail.attempts,
    firstTryAt,
    now: at,
    permanent: failure.permanent,
    delayNotified: mail.delayNotifiedAt !== null,
  });
  if (step.final) {
    await updateMail(trx, mail.id, { status: 'failed', lastError: error });
    await hooks.onFinalFailure?.(trx, mail, error, at);
    return step;
  }
  await updateMail(trx, mail.id, { status: 'queued', lastError: error, ...(step.notifyDelay ? { delayNotifiedAt: at } : {}) });
  if (step.notifyDelay) await hooks.onDelayed?.(trx, mail, { error, elapsedMs: at.getTime() - firstTryAt.getTime() }, at);
  const next: MailJobData = { mailId: mail.id, after: mail.attempts };
  // startAfter in seconds is counted by the database's clock from now.
  await deps.jobs.enqueue(trx, MAIL_QUEUE, next, step.delaySeconds > 0 ? { startAfter: step.delaySeconds } : {});
  return step;
}

function logFailure(deps: DeliveryDeps, mail: MailRecord, error: string, step: NextStep): void {
  deps.logger.warn(
    {
      mailId: mail.id,
      attempt: mail.attempts,
      final: step.final,
      ...(step.final ? { reason: step.reason } : { retryInSeconds: step.delaySeconds }),
      err: error,
    },
    'mail delivery failed',
  );
}

/**
 * A delivery job that ended without finishing its work: its process died (the
 * job expired), or the database failed under it (the handler threw). Nothing
 * recorded what happened, so this looks at the message and does what the job
 * would have done next:
 * - recorded as sent, a try still open: the server took it and the process died
 *   before the bookkeeping; finish that, sending nothing;
 * - still on the try the job was making ("sending"): the server may or may not
 *   have it; count the try as failed and retry by the schedule, which sends it
 *   again with the same Message-ID (the one duplicate SMTP cannot rule out),
 *   or fail it if the schedule is over;
 * - queued and untouched: the job died before its try; queue it again;
 * - anything else: a later job owns the message.
 */
export async function recoverMailJob(deps: DeliveryDeps, job: MailJobData, hooks: DeliveryHooks = {}): Promise<void> {
  const at = deps.clock();
  const outcome = await deps.db.knex.transaction(async (trx) => {
    const mail = await findMail(trx, job.mailId, { forUpdate: true });
    return mail ? recoverLocked(trx, deps, mail, job, hooks, at) : undefined;
  });
  if (outcome) logRecovery(deps, outcome);
}

/**
 * The same recovery for a message no delivery job will ever touch again (see
 * jobs/outbox-reconcile.ts): `stillOrphaned` is asked again once the message
 * is locked, since a job may have been queued for it since it was found.
 * Returns whether the message was recovered.
 */
export async function recoverOrphanedMail(
  deps: DeliveryDeps,
  mailId: string,
  stillOrphaned: (trx: Db) => Promise<boolean>,
  hooks: DeliveryHooks = {},
): Promise<boolean> {
  const at = deps.clock();
  const outcome = await deps.db.knex.transaction(async (trx) => {
    const mail = await findMail(trx, mailId, { forUpdate: true });
    if (!mail || !(await stillOrphaned(trx))) return undefined;
    return recoverLocked(trx, deps, mail, { mailId }, hooks, at);
  });
  if (outcome) logRecovery(deps, outcome);
  return outcome !== undefined;
}

type Recovery = { kind: 'completed' | 'requeued'; mail: MailRecord } | { kind: 'failed_try'; mail: MailRecord; step: NextStep };

async function recoverLocked(
  trx: Db,
  deps: DeliveryDeps,
  mail: MailRecord,
  job: MailJobData,
  hooks: DeliveryHooks,
  at: Date,
): Promise<Recovery | undefined> {
  if (mail.direction !== 'outbound' || mail.status === 'failed') return undefined;
  if (mail.status === 'sent') {
    if (!(await hasOpenAttempt(trx, mail.id))) return undefined;
    await finishOpenAttemptsAsSent(trx, mail.id, at, 'accepted (the server reply was not kept: the process stopped before recording it)');
    const part = hooks.sentPart?.(trx, mail, at);
    if (part) await runPrefix(trx, part);
    return { kind: 'completed', mail };
  }
  const after = job.after ?? (mail.status === 'sending' ? mail.attempts - 1 : mail.attempts);
  if (mail.status === 'queued' && mail.attempts === after) {
    await deps.jobs.enqueue(trx, MAIL_QUEUE, { mailId: mail.id, after } satisfies MailJobData);
    return { kind: 'requeued', mail };
  }
  if (mail.status === 'sending' && mail.attempts === after + 1) {
    const step = await settleFailedTry(trx, deps, mail, { attemptId: null, error: PROCESS_STOPPED, permanent: false, at }, hooks);
    return { kind: 'failed_try', mail, step };
  }
  return undefined;
}

function logRecovery(deps: DeliveryDeps, outcome: Recovery): void {
  if (outcome.kind === 'failed_try') logFailure(deps, outcome.mail, PROCESS_STOPPED, outcome.step);
  else deps.logger.warn({ mailId: outcome.mail.id, outcome: outcome.kind }, 'mail job of a stopped process recovered');
}
