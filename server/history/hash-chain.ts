import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** prevHash of the first event of every request. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AttachmentRef {
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Exactly the stored fields an event's hash covers; verify recomputes it from the row. */
export interface HashedEventFields {
  requestId: string;
  seq: number;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  summary: string | null;
  body: string | null;
  data: Record<string, unknown>;
  actorKind: string;
  actorId: string | null;
  correctsEventId: string | null;
  attachments: AttachmentRef[];
}

export function canonicalEvent(e: HashedEventFields): string {
  return canonicalJson({
    v: 1,
    requestId: e.requestId,
    seq: e.seq,
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    recordedAt: e.recordedAt.toISOString(),
    summary: e.summary,
    body: e.body,
    data: e.data,
    actorKind: e.actorKind,
    actorId: e.actorId,
    correctsEventId: e.correctsEventId,
    attachments: e.attachments.map((a) => ({ sha256: a.sha256, filename: a.filename, contentType: a.contentType, size: a.size })),
  });
}

/** SHA-256 over the previous hash and the event's canonical JSON, hex. */
export function eventHash(prevHash: string, e: HashedEventFields): string {
  return createHash('sha256').update(prevHash, 'utf8').update('\n', 'utf8').update(canonicalEvent(e), 'utf8').digest('hex');
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  firstBrokenSeq: number | null;
  headHash: string;
}

/** Walks events in seq order; the first whose seq, prevHash or hash does not follow breaks the chain. */
export function verifyChain(events: ReadonlyArray<HashedEventFields & { prevHash: string; hash: string }>): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i]!;
    if (e.seq !== i + 1 || e.prevHash !== prev || eventHash(prev, e) !== e.hash) {
      return { valid: false, events: events.length, firstBrokenSeq: i + 1, headHash: events[events.length - 1]!.hash };
    }
    prev = e.hash;
  }
  return { valid: true, events: events.length, firstBrokenSeq: null, headHash: prev };
}
