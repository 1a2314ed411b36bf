import type { Db } from '../db/database';
import { eventHash, GENESIS_HASH, type AttachmentRef } from './hash-chain';
import { insertEvent, lastEvent, type EventRecord } from './event-store';

export interface NewEvent {
  organizationId: string;
  requestId: string;
  type: string;
  occurredAt: Date;
  summary?: string | null;
  body?: string | null;
  data?: Record<string, unknown>;
  actorKind: 'user' | 'system' | 'inbound_email';
  actorId?: string | null;
  correctsEventId?: string | null;
  attachments?: AttachmentRef[];
}

/**
 * Appends one event to a request's chain. The caller must hold the request
 * row lock (SELECT … FOR UPDATE) in the same transaction, so two appends to
 * one request cannot read the same head; (request_id, seq) is unique as a
 * second guard.
 */
export async function appendEvent(db: Db, e: NewEvent, recordedAt: Date): Promise<EventRecord> {
  const head = await lastEvent(db, e.requestId);
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Postgres keeps microseconds, JS milliseconds: trim now so the stored value
  // is exactly what was hashed.
  const fields = {
    requestId: e.requestId,
    seq: (head?.seq ?? 0) + 1,
    type: e.type,
    occurredAt: new Date(Math.floor(e.occurredAt.getTime())),
    recordedAt: new Date(Math.floor(recordedAt.getTime())),
    summary: e.summary ?? null,
    body: e.body ?? null,
    data: e.data ?? {},
    actorKind: e.actorKind,
    actorId: e.actorId ?? null,
    correctsEventId: e.correctsEventId ?? null,
    attachments: e.attachments ?? [],
  };
  return insertEvent(db, e.organizationId, { ...fields, prevHash, hash: eventHash(prevHash, fields) });
}
