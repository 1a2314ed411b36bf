import type { Db } from '../db/database';

/** A message that matched no request, kept until someone files it. */
export interface UnmatchedRecord {
  id: string;
  organizationId: string | null;
  from: string;
  subject: string;
  preview: string;
  messageId: string | null;
  receivedAt: Date;
  /** The requests it matched when it matched several: offered for filing into any of them, or several. */
  candidates: Candidate[];
  /** Why it was not filed, when a route found a request but would not trust it (e.g. the sender not authenticated). */
  reason: string | null;
}

export interface Candidate {
  requestId: string;
  matchedBy: string;
}

interface Row {
  id: string;
  organization_id: string | null;
  from_address: string;
  subject: string;
  text_preview: string;
  message_id: string | null;
  received_at: Date;
  candidates: Candidate[] | string;
  unmatched_reason: string | null;
}

const toRecord = (r: Row): UnmatchedRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  from: r.from_address,
  subject: r.subject,
  preview: r.text_preview,
  messageId: r.message_id,
  receivedAt: r.received_at,
  candidates: typeof r.candidates === 'string' ? (JSON.parse(r.candidates) as Candidate[]) : r.candidates,
  reason: r.unmatched_reason,
});

/** A parked message with this Message-ID (a provider's retry), so it is not parked twice. */
export async function findParkedByMessageId(db: Db, messageId: string): Promise<string | undefined> {
  const row = await db('inbound_messages').where({ message_id: messageId }).first<{ id: string } | undefined>('id');
  return row?.id;
}

export async function insertUnmatched(
  db: Db,
  m: {
    organizationId: string | null;
    rawSha256: string;
    messageId: string | null;
    from: string;
    subject: string;
    preview: string;
    receivedAt: Date;
    candidates?: Candidate[];
    reason?: string | null;
    senderAuth?: object | null;
  },
): Promise<string> {
  const [row] = await db('inbound_messages')
    .insert({
      organization_id: m.organizationId,
      raw_sha256: m.rawSha256,
      message_id: m.messageId,
      from_address: m.from,
      subject: m.subject,
      text_preview: m.preview,
      received_at: m.receivedAt,
      candidates: JSON.stringify(m.candidates ?? []),
      unmatched_reason: m.reason ?? null,
      sender_auth: m.senderAuth ? JSON.stringify(m.senderAuth) : null,
    })
    .returning<Array<{ id: string }>>('id');
  return row!.id;
}

/** The newsroom's parked message, locked until the caller's transaction ends so two editors cannot file it twice. */
export async function lockParked(
  db: Db,
  organizationId: string,
  id: string,
): Promise<{ rawSha256: string; status: string; senderAuth: unknown } | undefined> {
  const row = await db('inbound_messages')
    .where({ id, organization_id: organizationId })
    .forUpdate()
    .first<{ raw_sha256: string; status: string; sender_auth: unknown } | undefined>();
  if (!row) return undefined;
  const auth = typeof row.sender_auth === 'string' ? (JSON.parse(row.sender_auth) as unknown) : row.sender_auth;
  return { rawSha256: row.raw_sha256, status: row.status, senderAuth: auth ?? null };
}

export async function markAssigned(
  db: Db,
  id: string,
  a: { filedInto: Array<{ requestId: string; eventId: string | null }>; assignedBy: string; assignedAt: Date },
): Promise<void> {
  await db('inbound_messages')
    .where({ id })
    .update({
      status: 'assigned',
      request_id: a.filedInto[0]!.requestId,
      event_id: a.filedInto[0]!.eventId,
      filed_into: JSON.stringify(a.filedInto),
      assigned_by: a.assignedBy,
      assigned_at: a.assignedAt,
    });
}

/** Unmatched mail, newest first: a newsroom's own, or (organizationId null) the mail no newsroom could be picked for. */
export async function listUnmatched(db: Db, organizationId: string | null): Promise<UnmatchedRecord[]> {
  const rows = await db('inbound_messages')
    .where({ status: 'unmatched', organization_id: organizationId })
    .orderBy('received_at', 'desc')
    .limit(500)
    .select<Row[]>('*');
  return rows.map(toRecord);
}

/** Hands an unrouted message to a newsroom; false when there is no such unmatched, unrouted message. */
export async function routeToOrganization(db: Db, id: string, organizationId: string): Promise<boolean> {
  const n = await db('inbound_messages')
    .where({ id, status: 'unmatched' })
    .whereNull('organization_id')
    .update({ organization_id: organizationId });
  return n > 0;
}
