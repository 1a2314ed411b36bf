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
 * Finds the requests an agency email belongs to, most certain route first; the
 * first route that finds any decides:
 * 1. the per-request reply address (records+<token>@…), a secret only the agency was sent;
 * 2. In-Reply-To / References naming a letter we sent the agency (request,
 *    follow-up, appeal), never our own notifications;
 * 3. the request's tracking number as a whole token in the subject, only when
 *    the sender's domain is its agency's records domain and the sender is
 *    authenticated (DMARC, or an aligned DKIM signature: inbound/sender-auth.ts),
 *    so a stranger cannot file mail into a request by quoting a number or
 *    forging the agency's From; otherwise the reason says why it waits.
 * One request: the message is filed into it. Several (a reply to a batch, cc'd
 * to several reply addresses, or quoting several of our letters): it waits in
 * the unmatched inbox, offered for filing into any of them or several.
 */
export async function matchCandidates(
  db: Db,
  mail: ParsedInbound,
  inboundAddress: string,
  opts: {
    /** Mail read from a newsroom's own mailbox belongs to that newsroom: only its requests are candidates. */
    organizationId?: string | undefined;
    /** The sender checks' verdict, for the one route that trusts the sender. */
    sender: { verified: boolean; summary: string };
  },
): Promise<{ matches: InboundMatch[]; reason: string | null }> {
  const { organizationId } = opts;
  const scoped = <T extends { where(column: string, value: string): T }>(q: T, column: string): T =>
    organizationId ? q.where(column, organizationId) : q;
  const [local, domain] = inboundAddress.toLowerCase().split('@');
  const tokenPattern = new RegExp(`^${escapeRegExp(local ?? '')}\\+([0-9a-f]{24})@${escapeRegExp(domain ?? '')}$`);
  const tokens = mail.recipients.map((r) => tokenPattern.exec(r)?.[1]).filter((t): t is string => !!t);
  if (tokens.length) {
    const rows = await scoped(db('requests'), 'organization_id')
      .whereIn('reply_token', tokens)
      .orderBy('created_at')
      .limit(MAX_CANDIDATES)
      .select<Array<{ id: string; organization_id: string }>>('id', 'organization_id');
    if (rows.length) return found(rows.map((r) => ({ organizationId: r.organization_id, requestId: r.id, matchedBy: 'reply_address' })));
  }

  const referenced = [...mail.inReplyTo, ...mail.references];
  if (referenced.length) {
    const rows = await scoped(db('mail_messages'), 'organization_id')
      .whereIn('message_id', referenced)
      .where({ direction: 'outbound' })
      .whereIn('purpose', AGENCY_LETTERS)
      .whereNotNull('request_id')
      .groupBy('request_id', 'organization_id')
      .orderByRaw('max(created_at) desc')
      .limit(MAX_CANDIDATES)
      .select<Array<{ request_id: string; organization_id: string }>>('request_id', 'organization_id');
    // In-Reply-To names the one letter answered; References may carry older ones of the same thread.
    const direct = rows.length > 1 && mail.inReplyTo.length ? await lettersOf(db, mail.inReplyTo) : [];
    const picked = direct.length === 1 ? rows.filter((r) => r.request_id === direct[0]) : rows;
    if (picked.length)
      return found(picked.map((r) => ({ organizationId: r.organization_id, requestId: r.request_id, matchedBy: 'in_reply_to' })));
  }

  if (mail.subject.length >= 4) {
    const candidates = await scoped(db('requests as r'), 'r.organization_id')
      .join('agencies as a', 'a.id', 'r.agency_id')
      .whereNotNull('r.tracking_number')
      .whereRaw('char_length(r.tracking_number) >= 4')
      // The cheap substring test first; the regex only for rows that pass it.
      .whereRaw(TOKEN_MATCH, [mail.subject, mail.subject, ESCAPE_NON_ALNUM, ESCAPED])
      .orderBy('r.created_at')
      .limit(MAX_CANDIDATES)
      .select<Array<{ id: string; organization_id: string; records_email: string | null }>>('r.id', 'r.organization_id', 'a.records_email');
    const sender = domainOf(mail.from);
    const trusted = candidates.filter((c) => c.records_email && domainOf(c.records_email) === sender);
    if (trusted.length && !opts.sender.verified) {
      return {
        matches: [],
        reason: `The subject carries a request's tracking number, but the ${opts.sender.summary}: only an authenticated sender of the agency's domain is filed by its tracking number.`,
      };
    }
    return found(trusted.map((c) => ({ organizationId: c.organization_id, requestId: c.id, matchedBy: 'tracking_number' as const })));
  }
  return { matches: [], reason: null };
}

const found = (matches: InboundMatch[]) => ({ matches, reason: null });

const MAX_CANDIDATES = 20;

async function lettersOf(db: Db, messageIds: string[]): Promise<string[]> {
  return db('mail_messages')
    .whereIn('message_id', messageIds)
    .where({ direction: 'outbound' })
    .whereNotNull('request_id')
    .distinct()
    .pluck<string[]>('request_id');
}

/** The newsroom's own inbound address: local+n<its id without dashes>@domain; unmatched mail sent there waits in its inbox. */
export function newsroomAddress(inboundAddress: string, organizationId: string): string {
  const [local, domain] = inboundAddress.split('@');
  return `${local}+n${organizationId.replace(/-/g, '').toLowerCase()}@${domain}`;
}

/** The newsroom whose own address (or a request reply address under it) the message was sent to, if any. */
async function addressedOrganization(db: Db, mail: ParsedInbound, inboundAddress: string): Promise<string | null> {
  const [local, domain] = inboundAddress.toLowerCase().split('@');
  const pattern = new RegExp(`^${escapeRegExp(local ?? '')}\\+n([0-9a-f]{32})@${escapeRegExp(domain ?? '')}$`);
  const ids = [
    ...new Set(
      mail.recipients
        .map((r) => pattern.exec(r)?.[1])
        .filter((h): h is string => !!h)
        .map((h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`),
    ),
  ];
  if (ids.length === 0) return null;
  const found = await db('organizations').whereIn('id', ids).limit(2).pluck<string[]>('id');
  return found.length === 1 ? found[0]! : null;
}

/** The newsroom an unmatched message may be shown to, if only one could own it. */
export async function likelyOrganization(db: Db, mail: ParsedInbound, inboundAddress: string): Promise<string | null> {
  const addressed = await addressedOrganization(db, mail, inboundAddress);
  if (addressed) return addressed;
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
