import { insertAttachment } from '../attachments/attachment-store';
import type { Config } from '../config';
import type { DnsResolver } from '../inbound/sender-auth';
import type { Database, Db } from '../db/database';
import type { FileStore } from '../files/file-store';
import type { JobQueue } from '../jobs/job-queue';
import { addressOf } from '../config';
import { composeRaw, headerLine, newMessageId } from './compose';
import { insertMail, type MailPurpose, type MailRecord } from './mail-store';

export const MAIL_QUEUE = 'mail-send';
/** Delivery jobs that ended without their handler finishing; see recoverMailJob. */
export const MAIL_DEAD_QUEUE = 'mail-send-dead';

export interface MailDeps {
  config: Config;
  files: FileStore;
  jobs: JobQueue;
  clock: () => Date;
  /** DNS for the inbound sender checks (SPF, DKIM, DMARC); unset: the system's. Tests give their own. */
  dnsResolver?: DnsResolver;
}

/** What a background job that queues mail needs: the database, to commit each unit of its work alone, and MailDeps. */
export interface MailJobDeps extends MailDeps {
  db: Database;
}

export interface OutgoingMail {
  organizationId: string;
  requestId: string | null;
  purpose: MailPurpose;
  fromName: string | null;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
  /**
   * A letter to an agency: where the requester's copy goes (see queueCopy);
   * null or unset, no copy.
   */
  copyTo?: string | null;
}

/** What a copy's subject starts with, before the letter's subject as sent. */
export const COPY_SUBJECT_PREFIX = 'Copy: ';

/**
 * Composes the message, keeps its raw bytes, and enqueues its delivery, all on
 * `db`: inside the caller's transaction the mail exists, and will be sent,
 * exactly when the change that caused it commits.
 */
export async function queueMail(db: Db, deps: MailDeps, m: OutgoingMail): Promise<MailRecord> {
  const messageId = newMessageId(deps.config.mailFrom);
  const fromAddress = addressOf(deps.config.mailFrom);
  const raw = await composeRaw({
    fromName: m.fromName,
    fromAddress,
    to: m.to,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.text,
    messageId,
    inReplyTo: m.inReplyTo ?? null,
    references: m.references ?? [],
    date: deps.clock(),
    headers: m.headers ?? {},
  });
  const stored = await deps.files.put(db, raw);
  const mail = await insertMail(db, {
    organizationId: m.organizationId,
    requestId: m.requestId,
    direction: 'outbound',
    purpose: m.purpose,
    messageId,
    inReplyTo: m.inReplyTo ?? null,
    references: m.references ?? [],
    fromAddress,
    toAddresses: m.to,
    // The subject as the message carries it, so the record and the .eml agree.
    subject: headerLine(m.subject),
    textBody: m.text,
    rawSha256: stored.sha256,
    status: 'queued',
  });
  if (m.requestId) {
    await insertAttachment(db, {
      organizationId: m.organizationId,
      requestId: m.requestId,
      sha256: stored.sha256,
      size: stored.size,
      contentType: 'message/rfc822',
      filename: `${m.purpose}-${mail.id}.eml`,
      source: 'outbound_email',
    });
  }
  // The first try; later ones are queued by the delivery job (MailJobData).
  await deps.jobs.enqueue(db, MAIL_QUEUE, { mailId: mail.id, after: 0 });
  if (m.copyTo) await queueCopy(db, deps, m, mail, m.copyTo);
  return mail;
}

/**
 * The requester's copy of a letter: a message of its own in the outbox (its
 * own row, Message-ID and delivery job), queued in the transaction that queues
 * the letter, so it exists, and is sent once, exactly when the letter is.
 * The body is the letter's, unchanged; the subject is the letter's after
 * "Copy: ". Not a Bcc on the letter: a Bcc shares the letter's SMTP
 * transaction, so a copy accepted where the agency's address was refused would
 * count the letter as sent, and a bounce of the copy would be read as the
 * letter's. Its own purpose (`letter_copy`) keeps it out of the request's
 * delivery status, of reply matching and of the request's attachments. It has
 * no Reply-To: a reply to one's own copy goes to the desk's address, not into
 * the request as if the agency wrote.
 */
async function queueCopy(db: Db, deps: MailDeps, letter: OutgoingMail, sent: MailRecord, to: string): Promise<void> {
  const messageId = newMessageId(deps.config.mailFrom);
  const fromAddress = addressOf(deps.config.mailFrom);
  const subject = `${COPY_SUBJECT_PREFIX}${letter.subject}`;
  const raw = await composeRaw({
    fromName: letter.fromName,
    fromAddress,
    to: [to],
    subject,
    text: letter.text,
    messageId,
    date: deps.clock(),
    // Not the letter's own headers: what recognises a letter (X-Records-Request-Id) must not take the copy for one.
    headers: { 'X-Records-Copy-Of': sent.messageId, 'X-Records-Sent-To': sent.toAddresses.join(', ') },
  });
  const stored = await deps.files.put(db, raw);
  const copy = await insertMail(db, {
    organizationId: letter.organizationId,
    requestId: letter.requestId,
    direction: 'outbound',
    purpose: 'letter_copy',
    messageId,
    inReplyTo: null,
    references: [],
    fromAddress,
    toAddresses: [to],
    subject: headerLine(subject),
    textBody: letter.text,
    rawSha256: stored.sha256,
    status: 'queued',
  });
  await deps.jobs.enqueue(db, MAIL_QUEUE, { mailId: copy.id, after: 0 });
}
