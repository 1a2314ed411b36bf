import type { Db } from '../db/database';
import { recordEvent, SYSTEM_EVENT } from '../events/record-event';
import { conflict, notFound } from '../errors/problem';
import { replyAddress } from '../mail/compose';
import { queueMail, type MailDeps } from '../mail/mail-service';
import { letterCopyAddress } from '../requests/letter-copy';
import { findRequest } from '../requests/request-store';
import { findAgency } from '../agencies/agency-store';
import { findRequestLetterMessageId } from '../mail/mail-store';
import { lockFollowUp, markFollowUpSent, type FollowUpRecord } from './follow-up-store';

/**
 * Emails a drafted follow-up to the agency and records it in the history, in
 * the caller's transaction. `requestId`, when given, must be its request (the
 * URL's), so a follow-up is only reachable through the request it belongs to.
 */
export async function sendFollowUp(
  db: Db,
  deps: MailDeps,
  organizationId: string,
  followUpId: string,
  actorId: string | null,
  requestId?: string,
): Promise<FollowUpRecord> {
  const row = await lockFollowUp(db, organizationId, followUpId, requestId);
  if (!row) throw notFound('follow-up');
  if (row.status === 'sent') throw conflict('This follow-up was already sent.', 'already-sent');
  if (row.status === 'pending' || row.subject === null || row.body === null)
    throw conflict('This follow-up is still being written; try again in a minute.', 'not-ready');
  const request = await findRequest(db, organizationId, row.requestId, { forUpdate: true });
  if (!request) throw notFound('request');
  const agency = await findAgency(db, organizationId, request.agencyId);
  if (!agency?.recordsEmail)
    throw conflict('The agency has no records email; send the follow-up another way and log it as correspondence.', 'no-records-email');
  const original = await findRequestLetterMessageId(db, request.id);
  const now = deps.clock();
  const mail = await queueMail(db, deps, {
    organizationId,
    requestId: request.id,
    purpose: 'follow_up',
    fromName: request.requester.name,
    to: [agency.recordsEmail],
    replyTo: replyAddress(deps.config.inboundAddress, request.replyToken),
    subject: row.subject,
    text: row.body,
    inReplyTo: original ?? null,
    references: original ? [original] : [],
    headers: { 'X-Records-Request-Id': request.id },
    copyTo: await letterCopyAddress(db, request),
  });
  await recordEvent(
    db,
    request,
    {
      type: 'correspondence',
      occurredAt: now,
      summary: `Follow-up emailed to ${agency.recordsEmail}: response was due ${row.missedDueDate}`,
      body: row.body,
      data: {
        direction: 'out',
        channel: 'email',
        to: agency.recordsEmail,
        subject: row.subject,
        followUpId: row.id,
        messageId: mail.messageId,
      },
      actorKind: actorId ? 'user' : 'system',
      actorId,
    },
    { now, mail: deps },
    SYSTEM_EVENT,
  );
  return markFollowUpSent(db, row.id, now, mail.id);
}
