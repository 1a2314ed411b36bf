import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { eventHash, GENESIS_HASH, type AttachmentRef } from './hash-chain';
import { insertEvent, lastEvent, type EventRecord } from './event-store';
import { wellFormed, wellFormedString } from '../util/well-formed';

export interface NewEvent {
  organizationId: string;
  requestId: string;
  type: string;
  occurredAt: Date;
  summary?: string | null;
  body?: string | null;
  data?: Record<string, unknown>;
  /** `import`: written by a spreadsheet import (actorId: the user who confirmed it). */
  actorKind: 'user' | 'system' | 'inbound_email' | 'import';
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
  // Every path checks its time with recordableTime first; this is the last guard, not a user error.
  if (e.occurredAt.getTime() > recordedAt.getTime()) throw new Error(`event ${e.type} cannot be recorded before it happened`);
  const head = await lastEvent(db, e.requestId);
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Hash exactly what the database will hand back: Postgres keeps
  // microseconds, JS milliseconds, so times are trimmed now; it stores UTF-8,
  // so every string is made well-formed now (a lone surrogate becomes U+FFFD).
  const text = (s: string | null | undefined) => (s == null ? null : wellFormedString(s));
  const fields = {
    // Chosen here, not by the database default, because the hash covers it.
    id: randomUUID(),
    requestId: e.requestId,
    seq: (head?.seq ?? 0) + 1,
    type: wellFormedString(e.type),
    occurredAt: new Date(Math.floor(e.occurredAt.getTime())),
    recordedAt: new Date(Math.floor(recordedAt.getTime())),
    summary: text(e.summary),
    body: text(e.body),
    data: wellFormed(e.data ?? {}),
    actorKind: e.actorKind,
    actorId: e.actorId ?? null,
    correctsEventId: e.correctsEventId ?? null,
    attachments: wellFormed(e.attachments ?? []),
  };
  return insertEvent(db, e.organizationId, { ...fields, prevHash, hash: eventHash(prevHash, fields) });
}
