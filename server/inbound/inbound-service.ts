import { cleanFilename, ContentTypeRefused, sniffContentType } from '../attachments/content-type';
import { insertAttachment, linkAttachmentsToEvent } from '../attachments/attachment-store';
import type { Db } from '../db/database';
import { recordableTime } from '../events/event-time';
import { recordEvent, SYSTEM_EVENT } from '../events/record-event';
import type { AttachmentRef } from '../events/hash-chain';
import { SUBMISSION_SLACK_MS } from '../util/time-tolerances';
import { truncateText } from '../util/well-formed';
import { conflict, notFound } from '../errors/problem';
import type { MailDeps } from '../mail/mail-service';
import { findOutboundByMessageIds, hasInboundMail, insertMail, updateMail } from '../mail/mail-store';
import { requestDeliveryHooks } from '../requests/request-delivery';
import { notifyAssignee } from '../requests/notify-assignee';
import { findRequest } from '../requests/request-store';
import { findParkedByMessageId, insertUnmatched, lockParked, markAssigned } from './inbound-store';
import { HOW_MATCHED, likelyOrganization, matchCandidates, type InboundMatch, type MatchedBy } from './inbound-match';
import { parseInbound, type ParsedInbound } from './inbound-parse';
import type { Bounce } from './mail-parse';
import { checkSender, type SenderVerdict } from './sender-auth';

export type InboundOutcome =
  | { status: 'matched'; requestId: string; eventId: string; matchedBy: MatchedBy }
  | { status: 'bounced'; requestId?: string }
  | { status: 'duplicate'; requestId: string }
  | { status: 'unmatched'; inboundId: string };

interface CheckedAttachment {
  filename: string;
  content: Buffer;
  contentType: string | null;
  refused: string | null;
}

/** Each attachment's type from its bytes; refused kinds are kept out and noted in the event. */
async function checkAttachments(mail: ParsedInbound): Promise<CheckedAttachment[]> {
  return Promise.all(
    mail.attachments.map(async (a) => {
      const filename = cleanFilename(a.filename);
      try {
        return { filename, content: a.content, contentType: await sniffContentType(a.content, filename), refused: null };
      } catch (err) {
        if (err instanceof ContentTypeRefused) return { filename, content: a.content, contentType: null, refused: err.message };
        throw err;
      }
    }),
  );
}

/**
 * Files an agency email into a request: the raw .eml and each accepted
 * attachment are stored by hash, and a `correspondence` event carrying them
 * joins the chain. A message already filed (a provider's retry) is not filed twice.
 */
async function fileIntoRequest(
  db: Db,
  deps: MailDeps,
  match: InboundMatch,
  mail: ParsedInbound,
  raw: Buffer,
  attachments: CheckedAttachment[],
  sender: SenderVerdict | null,
  actorId: string | null,
): Promise<InboundOutcome> {
  const request = await findRequest(db, match.organizationId, match.requestId, { forUpdate: true });
  if (!request) throw notFound('request');
  if (mail.messageId) {
    if (await hasInboundMail(db, request.id, mail.messageId)) return { status: 'duplicate', requestId: request.id };
  }
  const now = deps.clock();
  const eml = await deps.files.put(db, raw);
  const emlRow = await insertAttachment(db, {
    organizationId: request.organizationId,
    requestId: request.id,
    sha256: eml.sha256,
    size: eml.size,
    contentType: 'message/rfc822',
    filename: `agency-email-${now.toISOString().slice(0, 10)}.eml`,
    source: 'inbound_email',
    createdBy: actorId,
  });
  const refs: AttachmentRef[] = [{ sha256: eml.sha256, filename: emlRow.filename, contentType: 'message/rfc822', size: eml.size }];
  const rowIds = [emlRow.id];
  for (const a of attachments.filter((x) => x.contentType)) {
    const stored = await deps.files.put(db, a.content);
    const row = await insertAttachment(db, {
      organizationId: request.organizationId,
      requestId: request.id,
      sha256: stored.sha256,
      size: stored.size,
      contentType: a.contentType!,
      filename: a.filename,
      source: 'inbound_email',
      createdBy: actorId,
    });
    refs.push({ sha256: stored.sha256, filename: a.filename, contentType: a.contentType!, size: stored.size });
    rowIds.push(row.id);
  }
  await insertMail(db, {
    organizationId: request.organizationId,
    requestId: request.id,
    direction: 'inbound',
    purpose: 'agency_reply',
    messageId: mail.messageId ?? `<no-message-id.${emlRow.id}@inbound>`,
    inReplyTo: mail.inReplyTo[0] ?? null,
    references: mail.references,
    fromAddress: mail.from,
    toAddresses: mail.recipients,
    subject: mail.subject,
    textBody: mail.text,
    rawSha256: eml.sha256,
    status: 'received',
    senderAuth: sender,
  });

  // The Date header is the sender's claim: used when plausible, else the time it arrived.
  const earliest = (request.submittedAt ?? request.createdAt).getTime() - SUBMISSION_SLACK_MS;
  const claimed = mail.date && mail.date.getTime() >= earliest ? recordableTime(mail.date, now) : undefined;
  const occurredAt = claimed ?? now;
  const refused = attachments.filter((a) => a.refused).map((a) => ({ filename: a.filename, reason: a.refused }));
  const { event } = await recordEvent(
    db,
    request,
    {
      type: 'correspondence',
      occurredAt,
      // The verdict ends the summary, so the event list, the history and the PDF exhibit all say it.
      summary: `${truncateText(`Email from ${mail.from}: ${mail.subject || '(no subject)'}`, 380)} (${truncateText(sender?.summary ?? 'sender not checked', 115)})`,
      body: mail.text,
      data: {
        direction: 'in',
        channel: 'email',
        from: mail.from,
        to: mail.recipients.join(', '),
        subject: mail.subject,
        messageId: mail.messageId,
        matchedBy: match.matchedBy,
        senderAuth: sender ?? null,
        ...(refused.length ? { refusedAttachments: refused } : {}),
        // An agency's auto-acknowledgment still proves receipt; counsel can tell it from a person's answer.
        ...(mail.autoSubmitted ? { autoSubmitted: mail.autoSubmitted } : {}),
      },
      actorKind: actorId ? 'user' : 'inbound_email',
      actorId,
      attachments: refs,
    },
    { now, mail: deps },
    SYSTEM_EVENT,
  );
  await linkAttachmentsToEvent(db, request.id, rowIds, event.id);

  await notifyAssignee(db, deps, request, {
    template: 'agency-reply',
    agencyFallback: 'The agency',
    vars: {
      from: mail.from,
      subject: mail.subject || '(no subject)',
      attachmentCount: refs.length - 1,
      preview: truncateText(mail.text, 1500),
      howMatched: HOW_MATCHED[match.matchedBy],
    },
  });
  return { status: 'matched', requestId: request.id, eventId: event.id, matchedBy: match.matchedBy };
}

/** A raw message parsed and its attachments typed: the slow part, done before any transaction opens. */
export interface PreparedInbound {
  raw: Buffer;
  mail: ParsedInbound;
  attachments: CheckedAttachment[];
  sender: SenderVerdict;
}

/** Parses, types the attachments and checks the sender (DNS): everything slow, before any transaction opens. */
export async function prepareInbound(raw: Buffer, deps: Pick<MailDeps, 'config' | 'dnsResolver'>): Promise<PreparedInbound> {
  const mail = await parseInbound(raw, deps.config.inboundParseThreads);
  const [attachments, sender] = await Promise.all([checkAttachments(mail), checkSender(raw, mail.from, deps.dnsResolver)]);
  return { raw, mail, attachments, sender };
}

/**
 * Files a prepared message on `db` (the caller's transaction): into the request
 * it matches, or parked in the unmatched inbox. The one filing path of both the
 * HTTP route and the IMAP worker; `organizationId` is the newsroom whose own
 * mailbox the message was read from (only its requests match, and unmatched
 * mail waits in its inbox).
 */
export async function fileInbound(
  db: Db,
  deps: MailDeps,
  p: PreparedInbound,
  opts: { organizationId?: string } = {},
): Promise<InboundOutcome> {
  const { mail, raw } = p;
  if (mail.bounce) {
    const bounced = await settleBounce(db, deps, mail.bounce, opts.organizationId);
    if (bounced) return bounced;
  }
  const { matches, reason } = await matchCandidates(db, mail, deps.config.inboundAddress, {
    organizationId: opts.organizationId,
    sender: p.sender,
  });
  if (matches.length === 1) return fileIntoRequest(db, deps, matches[0]!, mail, raw, p.attachments, p.sender, null);
  if (mail.messageId) {
    const seen = await findParkedByMessageId(db, mail.messageId);
    if (seen) return { status: 'unmatched', inboundId: seen };
  }
  const stored = await deps.files.put(db, raw);
  // Several matches of one newsroom: its inbox; of several newsrooms, the operator's.
  const owners = [...new Set(matches.map((m) => m.organizationId))];
  const inboundId = await insertUnmatched(db, {
    organizationId:
      opts.organizationId ??
      (owners.length === 1 ? owners[0]! : owners.length > 1 ? null : await likelyOrganization(db, mail, deps.config.inboundAddress)),
    candidates: matches.map((m) => ({ requestId: m.requestId, matchedBy: m.matchedBy })),
    reason,
    senderAuth: p.sender,
    rawSha256: stored.sha256,
    messageId: mail.messageId,
    from: mail.from,
    subject: mail.subject,
    preview: truncateText(mail.text, 4000),
    receivedAt: deps.clock(),
  });
  return { status: 'unmatched', inboundId };
}

/**
 * A delivery status notification saying one of our letters failed for good:
 * the letter is failed as a permanent SMTP refusal fails it (the request's
 * delivery marked, the assignee told, with the remote server's reason). Not
 * filed as the agency's correspondence. Undefined when it names no mail of ours.
 */
async function settleBounce(db: Db, deps: MailDeps, bounce: Bounce, organizationId?: string): Promise<InboundOutcome | undefined> {
  const letters = await findOutboundByMessageIds(db, bounce.originalMessageIds, organizationId);
  if (letters.length === 0) return undefined;
  const words = [bounce.status, bounce.diagnostic].filter(Boolean).join(' ');
  const reason = `Bounced${bounce.recipient ? ` for ${bounce.recipient}` : ''}: ${words || 'permanent failure'}`;
  const hooks = requestDeliveryHooks(deps);
  const now = deps.clock();
  for (const letter of letters) {
    // A bounce delivered twice (a retry), or for mail already failed, changes nothing.
    if (letter.status === 'failed') continue;
    await updateMail(db, letter.id, { status: 'failed', lastError: reason });
    await hooks.onFinalFailure?.(db, { ...letter, status: 'failed', lastError: reason }, reason, now);
  }
  const requestId = letters.find((l) => l.requestId)?.requestId;
  return { status: 'bounced', ...(requestId ? { requestId } : {}) };
}

/** POST /v1/inbound/email: parse, match, file, or park in the unmatched inbox; all or nothing. */
export async function receiveInbound(db: Db, deps: MailDeps, raw: Buffer): Promise<InboundOutcome> {
  const prepared = await prepareInbound(raw, deps);
  return db.transaction((trx) => fileInbound(trx, deps, prepared));
}

/** An editor files a parked message into one or several requests of their newsroom. */
export async function assignInbound(
  db: Db,
  deps: MailDeps,
  organizationId: string,
  userId: string,
  inboundId: string,
  requestIds: string[],
): Promise<InboundOutcome[]> {
  return db.transaction(async (trx) => {
    const parked = await lockParked(trx, organizationId, inboundId);
    if (!parked) throw notFound('message');
    if (parked.status !== 'unmatched') throw conflict('This message was already filed into a request.', 'already-assigned');
    const raw = await deps.files.read(parked.rawSha256);
    const mail = await parseInbound(raw, deps.config.inboundParseThreads);
    const attachments = await checkAttachments(mail);
    // The verdict from when it arrived: DNS may have changed since.
    const sender = (parked.senderAuth as SenderVerdict | null) ?? null;
    const outcomes: InboundOutcome[] = [];
    for (const requestId of [...new Set(requestIds)]) {
      const request = await findRequest(trx, organizationId, requestId);
      if (!request) throw notFound('request');
      outcomes.push(
        await fileIntoRequest(trx, deps, { organizationId, requestId, matchedBy: 'manual' }, mail, raw, attachments, sender, userId),
      );
    }
    await markAssigned(trx, inboundId, {
      filedInto: outcomes.map((o) => ({
        requestId: ('requestId' in o ? o.requestId : undefined) ?? '',
        eventId: o.status === 'matched' ? o.eventId : null,
      })),
      assignedBy: userId,
      assignedAt: deps.clock(),
    });
    return outcomes;
  });
}
