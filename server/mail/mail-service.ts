import { randomUUID } from 'node:crypto';
import { insertAttachmentStatement } from '../attachments/attachment-store';
import type { Config } from '../config';
import type { DnsResolver } from '../inbound/sender-auth';
import type { Database, Db } from '../db/database';
import { prepared } from '../db/prepared';
import { combinePrefixes, type StatementPrefix } from '../db/statement-prefix';
import type { FileStore } from '../files/file-store';
import type { JobQueue } from '../jobs/job-queue';
import { addressOf } from '../config';
import { composeRaw, headerLine, newMessageId } from './compose';
import type { MailJobData } from './mail-delivery';
import { insertMailsStatement, mailsInserted, type MailPurpose, type MailRecord, type NewMail } from './mail-store';

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
 * exactly when the change that caused it commits. With `copyTo`, the
 * requester's copy is queued beside it, each table written once for both.
 */
export async function queueMail(db: Db, deps: MailDeps, m: OutgoingMail): Promise<MailRecord> {
  const queued = await prepareMail(db, deps, m);
  const result = await db
    .raw(`with ${queued.prefix.sql} select m.* from mail_rows m`, queued.prefix.bindings)
    .options(prepared('queue_mail'));
  return mailsInserted(queued.mails, (result as { rows: unknown[] }).rows)[0]!;
}

/** A message composed and its .eml on disk, with the statement part that queues it. */
export interface PreparedMail {
  /** The message as its row will hold it (the letter first, then its copy). */
  mails: Array<NewMail & { id: string }>;
  /**
   * The writes that queue it, each built by its table's own store: the .eml's
   * `files` row, the letter's attachment, the messages and their delivery
   * jobs. Run with the caller's own writes in one statement (see
   * db/statement-prefix.ts), then checked with checkMailQueued.
   */
  prefix: StatementPrefix;
}

/**
 * queueMail up to its statement: composes the message (and its copy), writes
 * the .eml files and builds the statement part that queues them, for a
 * caller whose own write must carry the mail (a filing's event names the
 * letter's Message-ID and hash). The ids are chosen here so the attachment
 * and the jobs can name their message.
 */
export async function prepareMail(db: Db, deps: MailDeps, m: OutgoingMail): Promise<PreparedMail> {
  const fromAddress = addressOf(deps.config.mailFrom);
  const letter = await composed(deps, {
    fromName: m.fromName,
    fromAddress,
    to: m.to,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.text,
    inReplyTo: m.inReplyTo ?? null,
    references: m.references ?? [],
    headers: m.headers ?? {},
  });
  const copy = m.copyTo ? await composed(deps, copyOf(m, fromAddress, letter.messageId, m.copyTo)) : undefined;
  const outgoing = copy ? [letter, copy] : [letter];

  // The .eml files go to disk first (a file on disk that no row names is only space, never a broken reference).
  const stored = await deps.files.writeMany(outgoing.map((o) => o.raw));
  const news = outgoing.map((o, i) => ({
    id: randomUUID(),
    organizationId: m.organizationId,
    requestId: m.requestId,
    direction: 'outbound' as const,
    purpose: o === copy ? ('letter_copy' as const) : m.purpose,
    messageId: o.messageId,
    inReplyTo: o.inReplyTo ?? null,
    references: o.references ?? [],
    fromAddress,
    toAddresses: o.to,
    // The subject as the message carries it, so the record and the .eml agree.
    subject: headerLine(o.subject),
    textBody: o.text,
    rawSha256: stored[i]!.sha256,
    status: 'queued' as const,
  }));
  const parts: StatementPrefix[] = [{ sql: 'mail_files as (?)', bindings: [deps.files.recordStatement(db, stored)], results: {} }];
  // The letter's .eml belongs to the request's record; the copy is the desk's own mail.
  if (m.requestId) {
    const attachment = insertAttachmentStatement(db, {
      organizationId: m.organizationId,
      requestId: m.requestId,
      sha256: stored[0]!.sha256,
      size: stored[0]!.size,
      contentType: 'message/rfc822',
      filename: `${m.purpose}-${news[0]!.id}.eml`,
      source: 'outbound_email',
    });
    parts.push({ sql: 'mail_attachment as (?)', bindings: [attachment], results: {} });
  }
  // Rows that name a file are checked against `files` at the end of the
  // statement, when the file rows written in its first part are there.
  parts.push({
    sql: 'mail_rows as (?)',
    bindings: [insertMailsStatement(db, news)],
    results: { mails_queued: '(select count(*) from mail_rows)::int' },
    guards: [`(select count(*) from mail_rows) = ${news.length}`],
  });
  // The first try of each; later ones are queued by the delivery job (MailJobData).
  parts.push(
    await deps.jobs.enqueueStatement(
      db,
      'mail_jobs',
      MAIL_QUEUE,
      news.map((x) => ({ mailId: x.id, after: 0 }) satisfies MailJobData),
    ),
  );
  return { mails: news, prefix: combinePrefixes(...parts) };
}

/** Throws unless the statement that ran prepareMail's part wrote every message of it. */
export function checkMailQueued(results: Record<string, unknown>, queued: PreparedMail): void {
  if (Number(results.mails_queued) !== queued.mails.length) throw new Error('the queued mail was not written whole');
}

type Composition = Omit<Parameters<typeof composeRaw>[0], 'messageId' | 'date'>;

async function composed(deps: MailDeps, c: Composition): Promise<Composition & { messageId: string; raw: Buffer }> {
  const messageId = newMessageId(deps.config.mailFrom);
  return { ...c, messageId, raw: await composeRaw({ ...c, messageId, date: deps.clock() }) };
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
function copyOf(letter: OutgoingMail, fromAddress: string, letterMessageId: string, to: string): Composition {
  return {
    fromName: letter.fromName,
    fromAddress,
    to: [to],
    subject: `${COPY_SUBJECT_PREFIX}${letter.subject}`,
    text: letter.text,
    inReplyTo: null,
    references: [],
    // Not the letter's own headers: what recognises a letter (X-Records-Request-Id) must not take the copy for one.
    headers: { 'X-Records-Copy-Of': letterMessageId, 'X-Records-Sent-To': letter.to.join(', ') },
  };
}
