import { randomUUID } from 'node:crypto';
import { CURRENT_HASH_VERSION, eventHash, GENESIS_HASH, type AttachmentRef, type HashedEventFields } from './hash-chain';
import type { ChainHead, SealedEvent } from './event-store';
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
 * The event as it will be stored after `head` (undefined: the first of its
 * request), hashed: the one place an event's stored fields and hash are
 * made, for one append and for a whole history written at once alike.
 */
export function sealEvent(e: NewEvent, recordedAt: Date, head: ChainHead | undefined): SealedEvent {
  // Every path checks its time with recordableTime first; this is the last guard, not a user error.
  if (e.occurredAt.getTime() > recordedAt.getTime()) throw new Error(`event ${e.type} cannot be recorded before it happened`);
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Hash exactly what the database will hand back: its times are stored at
  // milliseconds (timestamptz(3)), as a JS Date holds them, so times are
  // whole milliseconds now; it stores UTF-8, so every string is made
  // well-formed now (a lone surrogate becomes U+FFFD).
  const text = (s: string | null | undefined) => (s == null ? null : wellFormedString(s));
  const fields: HashedEventFields = {
    hashVersion: CURRENT_HASH_VERSION,
    // Chosen here, not by the database default, because the hash covers it.
    id: randomUUID(),
    organizationId: e.organizationId,
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
  return { ...fields, prevHash, hash: eventHash(prevHash, fields) };
}
