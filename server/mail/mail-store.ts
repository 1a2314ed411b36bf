import type { Knex } from 'knex';
import { prepared } from '../db/prepared';
import type { StatementPrefix } from '../db/statement-prefix';
import type { Db } from '../db/database';

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'received';
export type MailPurpose =
  | 'request'
  | 'follow_up'
  | 'appeal'
  /** The requester's copy of one of the three letters above (mail-service.ts). */
  | 'letter_copy'
  | 'notification'
  | 'reminder'
  | 'digest'
  | 'agency_reply';

export interface MailRecord {
  id: string;
  organizationId: string;
  requestId: string | null;
  direction: 'outbound' | 'inbound';
  purpose: MailPurpose;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  toAddresses: string[];
  subject: string;
  textBody: string | null;
  rawSha256: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** When the assignee was told this message is delayed (once). */
  delayNotifiedAt: Date | null;
}

interface Row {
  id: string;
  organization_id: string;
  request_id: string | null;
  direction: 'outbound' | 'inbound';
  purpose: MailPurpose;
  message_id: string;
  in_reply_to: string | null;
  references: string[];
  from_address: string;
  to_addresses: string[];
  subject: string;
  text_body: string | null;
  raw_sha256: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  delay_notified_at: Date | null;
}

const toRecord = (r: Row): MailRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  requestId: r.request_id,
  direction: r.direction,
  purpose: r.purpose,
  messageId: r.message_id,
  inReplyTo: r.in_reply_to,
  references: r.references,
  fromAddress: r.from_address,
  toAddresses: r.to_addresses,
  subject: r.subject,
  textBody: r.text_body,
  rawSha256: r.raw_sha256,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  delayNotifiedAt: r.delay_notified_at,
});

export type NewMail = Omit<MailRecord, 'id' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt' | 'delayNotifiedAt'> & {
  /** Chosen by the caller when another row written with it must name it; otherwise the database's. */
  id?: string;
  /** An inbound message's SPF/DKIM/DMARC/ARC verdict (inbound/sender-auth.ts). */
  senderAuth?: object | null;
};

export async function insertMail(db: Db, m: NewMail): Promise<MailRecord> {
  return (await insertMails(db, [m]))[0]!;
}

/** Several messages in one statement, returned in the order given. */
export async function insertMails(db: Db, mails: NewMail[]): Promise<MailRecord[]> {
  return mailsInserted(mails, (await insertMailsStatement(db, mails)) as unknown as Row[]);
}

/**
 * The statement of insertMails, unrun, for a caller that runs it as the last
 * part of a statement of its own (mail-service.ts); mailsInserted reads what
 * it returns.
 */
export function insertMailsStatement(db: Db, mails: NewMail[]): Knex.QueryBuilder {
  return db('mail_messages')
    .insert(
      mails.map((m) => ({
        ...(m.id ? { id: m.id } : {}),
        organization_id: m.organizationId,
        request_id: m.requestId,
        direction: m.direction,
        purpose: m.purpose,
        message_id: m.messageId,
        in_reply_to: m.inReplyTo,
        references: m.references,
        from_address: m.fromAddress,
        to_addresses: m.toAddresses,
        subject: m.subject,
        text_body: m.textBody,
        raw_sha256: m.rawSha256,
        status: m.status,
        sender_auth: m.senderAuth ? JSON.stringify(m.senderAuth) : null,
      })),
    )
    .options(prepared('insert_mails'))
    .returning('*');
}

/** The records of the rows insertMailsStatement returned, in the order the messages were given. */
export function mailsInserted(mails: NewMail[], rows: unknown[]): MailRecord[] {
  // Postgres does not promise RETURNING's order; each Message-ID is new, so it finds its row.
  const byMessageId = new Map((rows as Row[]).map((r) => [r.message_id, toRecord(r)]));
  return mails.map((m) => byMessageId.get(m.messageId)!);
}

export async function findMail(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<MailRecord | undefined> {
  const query = db('mail_messages').where({ id });
  if (opts.forUpdate) query.forUpdate();
  const row = await query.first<Row | undefined>('*');
  return row ? toRecord(row) : undefined;
}

export async function listMailOfRequest(db: Db, organizationId: string, requestId: string): Promise<MailRecord[]> {
  const rows = await db('mail_messages')
    .where({ organization_id: organizationId, request_id: requestId })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select<Row[]>('*');
  return rows.map(toRecord);
}

/** Whether an email with this Message-ID was already filed into the request (a provider's retry). */
export async function hasInboundMail(db: Db, requestId: string, messageId: string): Promise<boolean> {
  return (
    (await db('mail_messages').where({ request_id: requestId, direction: 'inbound', message_id: messageId }).first('id')) !== undefined
  );
}

/** The Message-ID of the request letter's email, for follow-ups to thread under. */
export async function findRequestLetterMessageId(db: Db, requestId: string): Promise<string | undefined> {
  const row = await db('mail_messages')
    .where({ request_id: requestId, direction: 'outbound', purpose: 'request' })
    .first<{ message_id: string } | undefined>('message_id');
  return row?.message_id;
}

/** Mail we sent with any of these Message-IDs (what a bounce names). */
export async function findOutboundByMessageIds(db: Db, messageIds: string[], organizationId?: string): Promise<MailRecord[]> {
  if (messageIds.length === 0) return [];
  const q = db('mail_messages').whereIn('message_id', messageIds).where({ direction: 'outbound' });
  if (organizationId) q.where({ organization_id: organizationId });
  const rows = await q.orderBy('created_at').limit(20).forUpdate().select<Row[]>('*');
  return rows.map(toRecord);
}

export async function updateMail(
  db: Db,
  id: string,
  changes: Partial<Pick<MailRecord, 'status' | 'attempts' | 'lastError' | 'sentAt' | 'delayNotifiedAt'>>,
): Promise<void> {
  const row: Record<string, unknown> = {};
  if (changes.delayNotifiedAt !== undefined) row.delay_notified_at = changes.delayNotifiedAt;
  if (changes.status !== undefined) row.status = changes.status;
  if (changes.attempts !== undefined) row.attempts = changes.attempts;
  if (changes.lastError !== undefined) row.last_error = changes.lastError;
  if (changes.sentAt !== undefined) row.sent_at = changes.sentAt;
  await db('mail_messages').where({ id }).update(row);
}

/**
 * Records that the SMTP server accepted a try: the message is sent and the try
 * closed with the server's reply, with what other stores record of it
 * (`with`, see db/statement-prefix.ts), in one statement. It is the first
 * thing done after the server's 250, so a process that dies later does not
 * send the message again, and one that dies before leaves the try open for
 * recovery (recoverMailJob), which sends nothing once the message is sent.
 */
export async function recordSentTry(
  db: Db,
  t: { mailId: string; attemptId: string; at: Date; smtpResponse: string },
  withPart?: StatementPrefix,
): Promise<void> {
  const sent = db('mail_messages').where({ id: t.mailId }).update({ status: 'sent', sent_at: t.at, last_error: null });
  const closed = db('mail_attempts')
    .where({ id: t.attemptId })
    .update({ finished_at: t.at, outcome: 'sent', error: null, smtp_response: t.smtpResponse });
  const part = withPart ? `, ${withPart.sql}` : '';
  await db
    .raw(`with sent as (?), closed as (?)${part} select 1`, [sent, closed, ...(withPart?.bindings ?? [])])
    .options(prepared('record_sent_try'));
}

/** When the first try of a message started: the retry window and the delay notice count from it. */
export async function firstAttemptStartedAt(db: Db, mailId: string): Promise<Date | undefined> {
  const row = await db('mail_attempts').where({ mail_id: mailId }).min<{ at: Date | null }>({ at: 'started_at' }).first();
  return row?.at ? new Date(row.at) : undefined;
}

/** Whether a try of this message was left open (its outcome never recorded). */
export async function hasOpenAttempt(db: Db, mailId: string): Promise<boolean> {
  return (await db('mail_attempts').where({ mail_id: mailId }).whereNull('finished_at').first('id')) !== undefined;
}

/** Closes the tries a process left open after the message was recorded as sent. */
export async function finishOpenAttemptsAsSent(db: Db, mailId: string, at: Date, smtpResponse: string): Promise<void> {
  await db('mail_attempts')
    .where({ mail_id: mailId })
    .whereNull('finished_at')
    .update({ finished_at: at, outcome: 'sent', smtp_response: smtpResponse });
}

/**
 * Claims the next try of an outbound message and opens its attempt row, in one
 * statement (so no transaction is needed: both happen or neither). `after` is
 * the try count the claiming job was queued for; only a message still queued
 * at that count is claimed. Without `after` (jobs queued before it existed) a
 * message queued or left sending is claimed. On Postgres a concurrent claim
 * waits for the row and re-checks the conditions, so two claims of one try
 * cannot both succeed. Returns the message as claimed (status sending, its
 * tries counted) and the attempt's id, or undefined when the try is not this
 * job's to make.
 */
export async function claimTry(
  db: Db,
  mailId: string,
  after: number | undefined,
  startedAt: Date,
): Promise<{ mail: MailRecord; attemptId: string } | undefined> {
  const claimable = after === undefined ? `status in ('queued', 'sending')` : `status = 'queued' and attempts = ?`;
  const result = await db
    .raw<{ rows: Array<Row & { attempt_id: string }> }>(
      `with claimed as (
       update mail_messages set status = 'sending', attempts = attempts + 1
        where id = ? and direction = 'outbound' and ${claimable}
        returning *
     ), attempt as (
       insert into mail_attempts (mail_id, attempt, started_at, outcome)
       select id, attempts, ?, 'started' from claimed
       returning id
     )
     select claimed.*, attempt.id as attempt_id from claimed, attempt`,
      after === undefined ? [mailId, startedAt] : [mailId, after, startedAt],
    )
    .options(prepared('claim_try'));
  const row = result.rows[0];
  return row ? { mail: toRecord(row), attemptId: row.attempt_id } : undefined;
}

export async function finishAttempt(
  db: Db,
  id: string,
  f: { finishedAt: Date; outcome: 'sent' | 'failed'; error?: string | null; smtpResponse?: string | null },
): Promise<void> {
  await db('mail_attempts')
    .where({ id })
    .options(prepared('finish_attempt'))
    .update({
      finished_at: f.finishedAt,
      outcome: f.outcome,
      error: f.error ?? null,
      smtp_response: f.smtpResponse ?? null,
    });
}

/** Closes the attempts a dead process left open (it never heard from the SMTP server). */
export async function failOpenAttempts(db: Db, mailId: string, at: Date, error: string): Promise<void> {
  await db('mail_attempts').where({ mail_id: mailId }).whereNull('finished_at').update({ finished_at: at, outcome: 'failed', error });
}

export async function listAttempts(
  db: Db,
  mailId: string,
): Promise<Array<{ attempt: number; outcome: string; error: string | null; startedAt: Date; finishedAt: Date | null }>> {
  const rows = await db('mail_attempts')
    .where({ mail_id: mailId })
    .orderBy('attempt')
    .select('attempt', 'outcome', 'error', 'started_at', 'finished_at');
  return rows.map((r: { attempt: number; outcome: string; error: string | null; started_at: Date; finished_at: Date | null }) => ({
    attempt: r.attempt,
    outcome: r.outcome,
    error: r.error,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}
