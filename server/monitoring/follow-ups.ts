import type { Db } from '../db/database';
import { recordEvent, SYSTEM_EVENT } from '../events/record-event';
import { conflict, notFound } from '../errors/problem';
import { replyAddress } from '../mail/compose';
import { queueMail, type MailDeps } from '../mail/mail-service';
import { findRequest } from '../requests/request-store';
import { findAgency } from '../agencies/agency-store';

export interface FollowUpRecord {
  id: string;
  requestId: string;
  missedDueDate: string;
  subject: string | null;
  body: string | null;
  status: 'pending' | 'drafted' | 'sent';
  createdAt: Date;
  sentAt: Date | null;
}

interface Row {
  id: string;
  request_id: string;
  missed_due_date: string;
  subject: string | null;
  body: string | null;
  status: 'pending' | 'drafted' | 'sent';
  created_at: Date;
  sent_at: Date | null;
}

const toRecord = (r: Row): FollowUpRecord => ({
  id: r.id, requestId: r.request_id, missedDueDate: r.missed_due_date, subject: r.subject, body: r.body, status: r.status, createdAt: r.created_at, sentAt: r.sent_at,
});

/**
 * Emails a drafted follow-up to the agency and records it in the history, in
 * the caller's transaction. `requestId`, when given, must be its request (the
 * URL's), so a follow-up is only reachable through the request it belongs to.
 */
export async function sendFollowUp(db: Db, deps: MailDeps, organizationId: string, followUpId: string, actorId: string | null, requestId?: string): Promise<FollowUpRecord> {
  const row = await db('follow_ups')
    .where({ id: followUpId, organization_id: organizationId, ...(requestId ? { request_id: requestId } : {}) })
    .forUpdate()
    .first<Row | undefined>();
  if (!row) throw notFound('follow-up');
  if (row.status === 'sent') throw conflict('This follow-up was already sent.', 'already-sent');
  if (row.status === 'pending' || row.subject === null || row.body === null) throw conflict('This follow-up is still being written; try again in a minute.', 'not-ready');
  const request = await findRequest(db, organizationId, row.request_id, { forUpdate: true });
  if (!request) throw notFound('request');
  const agency = await findAgency(db, organizationId, request.agencyId);
  if (!agency?.recordsEmail) throw conflict('The agency has no records email; send the follow-up another way and log it as correspondence.', 'no-records-email');
  const original = await db('mail_messages').where({ request_id: request.id, direction: 'outbound', purpose: 'request' }).first<{ message_id: string } | undefined>('message_id');
  const now = deps.clock();
  const mail = await queueMail(db, deps, {
    organizationId, requestId: request.id, purpose: 'follow_up', fromName: request.requester.name, to: [agency.recordsEmail],
    replyTo: replyAddress(deps.config.inboundAddress, request.replyToken), subject: row.subject, text: row.body,
    inReplyTo: original?.message_id ?? null, references: original ? [original.message_id] : [], headers: { 'X-Records-Request-Id': request.id },
  });
  await recordEvent(db, request, {
    type: 'correspondence', occurredAt: now,
    summary: `Follow-up emailed to ${agency.recordsEmail}: response was due ${row.missed_due_date}`,
    body: row.body,
    data: { direction: 'out', channel: 'email', to: agency.recordsEmail, subject: row.subject, followUpId: row.id, messageId: mail.messageId },
    actorKind: actorId ? 'user' : 'system', actorId,
  }, { now, mail: deps }, SYSTEM_EVENT);
  const [updated] = await db('follow_ups').where({ id: row.id }).update({ status: 'sent', sent_at: now, mail_id: mail.id }).returning<Row[]>('*');
  return toRecord(updated as Row);
}

export async function listFollowUps(db: Db, organizationId: string, requestId: string): Promise<FollowUpRecord[]> {
  const rows = await db('follow_ups').where({ organization_id: organizationId, request_id: requestId }).orderBy('created_at').select<Row[]>('*');
  return rows.map(toRecord);
}
