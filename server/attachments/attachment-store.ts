import type { Knex } from 'knex';
import type { Db } from '../db/database';
import type { AttachmentRef } from '../events/hash-chain';
import { validationProblem } from '../errors/problem';
import { prepared } from '../db/prepared';

export interface AttachmentRecord {
  id: string;
  organizationId: string;
  requestId: string | null;
  eventId: string | null;
  sha256: string;
  size: number;
  contentType: string;
  filename: string;
  source: string;
  createdBy: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  organization_id: string;
  request_id: string | null;
  event_id: string | null;
  sha256: string;
  size: number;
  content_type: string;
  filename: string;
  source: string;
  created_by: string | null;
  created_at: Date;
}

const toRecord = (r: Row): AttachmentRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  requestId: r.request_id,
  eventId: r.event_id,
  sha256: r.sha256,
  size: Number(r.size),
  contentType: r.content_type,
  filename: r.filename,
  source: r.source,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export interface NewAttachment {
  organizationId: string;
  requestId: string;
  eventId?: string | null;
  sha256: string;
  size: number;
  contentType: string;
  filename: string;
  source: string;
  createdBy?: string | null;
}

export async function insertAttachment(db: Db, a: NewAttachment): Promise<AttachmentRecord> {
  const [row] = (await insertAttachmentStatement(db, a).options(prepared('insert_attachment'))) as unknown as Row[];
  return toRecord(row as Row);
}

/** The statement of insertAttachment, unrun, for a caller that runs it as a part of a statement of its own (mail-service.ts). */
export function insertAttachmentStatement(db: Db, a: NewAttachment): Knex.QueryBuilder {
  return db('attachments')
    .insert({
      organization_id: a.organizationId,
      request_id: a.requestId,
      event_id: a.eventId ?? null,
      sha256: a.sha256,
      size: a.size,
      content_type: a.contentType,
      filename: a.filename,
      source: a.source,
      created_by: a.createdBy ?? null,
    })
    .returning('*');
}

export async function listAttachments(db: Db, organizationId: string, requestId: string): Promise<AttachmentRecord[]> {
  const rows = await db('attachments')
    .where({ organization_id: organizationId, request_id: requestId })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select<Row[]>('*');
  return rows.map(toRecord);
}

export async function findAttachment(db: Db, organizationId: string, requestId: string, id: string): Promise<AttachmentRecord | undefined> {
  const row = await db('attachments').where({ organization_id: organizationId, request_id: requestId, id }).first<Row | undefined>('*');
  return row ? toRecord(row) : undefined;
}

/** Files uploaded to the request and not yet carried by an event, locked for the event about to carry them. */
export async function claimAttachments(db: Db, organizationId: string, requestId: string, ids: string[]): Promise<AttachmentRef[]> {
  const rows = await db('attachments')
    .where({ organization_id: organizationId, request_id: requestId })
    .whereIn('id', ids)
    .whereNull('event_id')
    .forUpdate()
    .select<Row[]>('*');
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw validationProblem([
      { in: 'body', field: `attachmentIds.${missing}`, message: 'No such file on this request, or it already belongs to another event.' },
    ]);
  }
  return ids.map((id) => {
    const r = found.get(id)!;
    return { sha256: r.sha256, filename: r.filename, contentType: r.content_type, size: Number(r.size) };
  });
}

/** Marks files as carried by the event that lists them; only files of that request move. */
export async function linkAttachmentsToEvent(db: Db, requestId: string, attachmentIds: string[], eventId: string): Promise<void> {
  if (attachmentIds.length === 0) return;
  await db('attachments').whereIn('id', attachmentIds).where({ request_id: requestId }).update({ event_id: eventId });
}
