import type { Db } from '../db/database';
import type { Logger } from '../logger';
import type { MailJobDeps } from './mail-service';
import { failOpenAttempts, finishAttempt, findMail, insertAttempt, updateMail, type MailRecord } from './mail-store';
import type { MailTransport } from './mail-transport';

export interface DeliveryDeps extends MailJobDeps {
  mailer: MailTransport;
  logger: Logger;
}

export interface DeliveryHooks {
  /** In the transaction that marks the mail sent. */
  onSent?(db: Db, mail: MailRecord, at: Date): Promise<void>;
  /** In the transaction that marks the mail failed after its last attempt; `mail.attempts` counts that attempt. */
  onFinalFailure?(db: Db, mail: MailRecord, error: string, at: Date): Promise<void>;
}

export interface AttemptInfo {
  retryCount: number;
  retryLimit: number;
}

/**
 * One delivery attempt. A message already sent is never sent again. A message
 * left "sending" by a process that died mid-send is sent again with the same
 * Message-ID, the one duplicate SMTP cannot rule out, and one a receiving
 * system can recognise.
 */
export async function deliverMail(deps: DeliveryDeps, mailId: string, job: AttemptInfo, hooks: DeliveryHooks = {}): Promise<void> {
  const claim = await deps.db.knex.transaction(async (trx) => {
    const mail = await findMail(trx, mailId, { forUpdate: true });
    if (!mail || mail.status === 'sent' || mail.status === 'failed' || mail.direction !== 'outbound') return undefined;
    const attempt = mail.attempts + 1;
    await updateMail(trx, mailId, { status: 'sending', attempts: attempt });
    const attemptId = await insertAttempt(trx, { mailId, attempt, startedAt: deps.clock() });
    return { mail: { ...mail, status: 'sending' as const, attempts: attempt }, attemptId };
  });
  if (!claim) return;
  const { mail, attemptId } = claim;

  let response: string;
  try {
    if (!mail.rawSha256) throw new Error('the message has no stored raw form');
    const raw = await deps.files.read(mail.rawSha256);
    ({ response } = await deps.mailer.send({ from: mail.fromAddress, to: mail.toAddresses }, raw, mail.messageId));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const final = job.retryCount >= job.retryLimit;
    const at = deps.clock();
    await deps.db.knex.transaction(async (trx) => {
      await finishAttempt(trx, attemptId, { finishedAt: at, outcome: 'failed', error: message });
      await updateMail(trx, mailId, { status: final ? 'failed' : 'queued', lastError: message });
      if (final) await hooks.onFinalFailure?.(trx, mail, message, at);
    });
    deps.logger.warn({ mailId, attempt: job.retryCount + 1, final, err: message }, 'mail delivery failed');
    throw err;
  }

  const at = deps.clock();
  await deps.db.knex.transaction(async (trx) => {
    await finishAttempt(trx, attemptId, { finishedAt: at, outcome: 'sent', smtpResponse: response });
    await updateMail(trx, mailId, { status: 'sent', sentAt: at, lastError: null });
    await hooks.onSent?.(trx, mail, at);
  });
}

/**
 * A mail job that failed for good. Usually its last attempt already marked the
 * mail failed and there is nothing to do. But when the process died during
 * that last attempt, pg-boss failed the job by timeout and nothing recorded
 * the outcome: the mail would stay "sending" and its request "queued" for
 * ever. Settle it as failed, with the same consequences as any final failure.
 */
export async function settleAbandonedMail(deps: DeliveryDeps, mailId: string, hooks: DeliveryHooks = {}): Promise<void> {
  const at = deps.clock();
  const settled = await deps.db.knex.transaction(async (trx) => {
    const mail = await findMail(trx, mailId, { forUpdate: true });
    if (!mail || mail.status === 'sent' || mail.status === 'failed' || mail.direction !== 'outbound') return false;
    const message = 'The sending process stopped during the last attempt; the SMTP server never confirmed delivery.';
    await failOpenAttempts(trx, mailId, at, message);
    await updateMail(trx, mailId, { status: 'failed', lastError: message });
    await hooks.onFinalFailure?.(trx, mail, message, at);
    return true;
  });
  if (settled) deps.logger.warn({ mailId }, 'mail abandoned by a dead process settled as failed');
}
