import type { Db } from '../db/database';
import type { ParsedInbound } from './inbound-parse';

export type MatchedBy = 'reply_address' | 'in_reply_to' | 'tracking_number' | 'manual';

/** How a reply found its request, in words for the assignee's email (the codes stay in the event data). */
export const HOW_MATCHED: Record<MatchedBy, string> = {
  reply_address: "matched by the request's own reply address",
  in_reply_to: 'matched by the In-Reply-To header of the letter we sent',
  tracking_number: "matched by the agency's tracking number in the subject",
  manual: 'filed by hand from the unmatched inbox',
};

export interface InboundMatch {
  organizationId: string;
  requestId: string;
  matchedBy: MatchedBy;
}

const domainOf = (address: string | null | undefined) => (address ?? '').toLowerCase().split('@')[1] ?? '';

/**
 * Mail we sent the agency. Notifications, reminders and digests go to our own
 * people: a reply to one of them (or an out-of-office answering it) is not the
 * agency's correspondence, and filing it would notify the assignee again.
 */
const AGENCY_LETTERS = ['request', 'follow_up', 'appeal'] as const;

// A tracking number counts only as a whole token: the characters on either side
// (if any) are not letters or digits, so `23-1234` is not found in `23-12345`.
// Every other character of the number is backslash-escaped (literal in a
// Postgres ARE), so its punctuation cannot act as regex syntax.
const ESCAPE_NON_ALNUM = '([^[:alnum:]])';
const ESCAPED = String.raw`\\\1`; // a literal backslash, then the matched character
const TOKEN_MATCH = `CASE WHEN position(lower(r.tracking_number) in lower(?)) > 0
  THEN lower(?) ~ ('(^|[^[:alnum:]])' || regexp_replace(lower(r.tracking_number), ?, ?, 'g') || '($|[^[:alnum:]])')
  ELSE false END`;

/**
 * Finds the request an agency email belongs to, most certain route first:
 * 1. the per-request reply address (records+<token>@…), a secret only the agency was sent;
 * 2. In-Reply-To / References naming a letter we sent the agency (request,
 *    follow-up, appeal), never our own notifications;
 * 3. the request's tracking number as a whole token in the subject, only when exactly one
 *    request has it and the sender's domain is its agency's records domain,
 *    so a stranger cannot file mail into a request by quoting a number.
 */
export async function matchInbound(
  db: Db,
  mail: ParsedInbound,
  inboundAddress: string,
  /** Mail read from a newsroom's own mailbox belongs to that newsroom: only its requests are candidates. */
  organizationId?: string,
): Promise<InboundMatch | undefined> {
  const scoped = <T extends { where(column: string, value: string): T }>(q: T, column: string): T =>
    organizationId ? q.where(column, organizationId) : q;
  const [local, domain] = inboundAddress.toLowerCase().split('@');
  const tokenPattern = new RegExp(`^${escapeRegExp(local ?? '')}\\+([0-9a-f]{24})@${escapeRegExp(domain ?? '')}$`);
  const tokens = mail.recipients.map((r) => tokenPattern.exec(r)?.[1]).filter((t): t is string => !!t);
  if (tokens.length) {
    const row = await scoped(db('requests'), 'organization_id')
      .whereIn('reply_token', tokens)
      .first<{ id: string; organization_id: string } | undefined>('id', 'organization_id');
    if (row) return { organizationId: row.organization_id, requestId: row.id, matchedBy: 'reply_address' };
  }

  const referenced = [...mail.inReplyTo, ...mail.references];
  if (referenced.length) {
    const row = await scoped(db('mail_messages'), 'organization_id')
      .whereIn('message_id', referenced)
      .where({ direction: 'outbound' })
      .whereIn('purpose', AGENCY_LETTERS)
      .whereNotNull('request_id')
      .orderBy('created_at', 'desc')
      .first<{ request_id: string; organization_id: string } | undefined>('request_id', 'organization_id');
    if (row) return { organizationId: row.organization_id, requestId: row.request_id, matchedBy: 'in_reply_to' };
  }

  if (mail.subject.length >= 4) {
    const candidates = await scoped(db('requests as r'), 'r.organization_id')
      .join('agencies as a', 'a.id', 'r.agency_id')
      .whereNotNull('r.tracking_number')
      .whereRaw('char_length(r.tracking_number) >= 4')
      // The cheap substring test first; the regex only for rows that pass it.
      .whereRaw(TOKEN_MATCH, [mail.subject, mail.subject, ESCAPE_NON_ALNUM, ESCAPED])
      .limit(5)
      .select<Array<{ id: string; organization_id: string; records_email: string | null }>>('r.id', 'r.organization_id', 'a.records_email');
    const sender = domainOf(mail.from);
    const trusted = candidates.filter((c) => c.records_email && domainOf(c.records_email) === sender);
    if (candidates.length === 1 && trusted.length === 1) {
      return { organizationId: trusted[0]!.organization_id, requestId: trusted[0]!.id, matchedBy: 'tracking_number' };
    }
  }
  return undefined;
}

/** The newsroom an unmatched message may be shown to, if only one could own it. */
export async function likelyOrganization(db: Db, mail: ParsedInbound): Promise<string | null> {
  const orgs = await db('organizations').limit(2).pluck<string[]>('id');
  if (orgs.length === 1) return orgs[0]!;
  const sender = domainOf(mail.from);
  if (!sender) return null;
  const owners = await db('agencies')
    .whereRaw("lower(split_part(records_email, '@', 2)) = ?", [sender])
    .distinct()
    .limit(2)
    .pluck<string[]>('organization_id');
  return owners.length === 1 ? owners[0]! : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
