import { hash } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json';

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
  /** Sealed too: corrections point at events by id, so swapping ids must break the chain. */
  id: string;
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
  // Written out by hand in sorted key order: this is canonicalJson() of the
  // object below (a unit test holds them equal), without sorting the fixed
  // top-level keys again for every event of a long history.
  //   { v: 1, id, requestId, seq, type, occurredAt, recordedAt, summary, body, data,
  //     actorKind, actorId, correctsEventId, attachments }
  const str = JSON.stringify;
  const attachments = e.attachments
    .map(
      (a) =>
        `{"contentType":${str(a.contentType)},"filename":${str(a.filename)},"sha256":${str(a.sha256)},"size":${canonicalJson(a.size)}}`,
    )
    .join(',');
  return (
    `{"actorId":${str(e.actorId)},"actorKind":${str(e.actorKind)},"attachments":[${attachments}],"body":${str(e.body)}` +
    `,"correctsEventId":${str(e.correctsEventId)},"data":${canonicalJson(e.data)},"id":${str(e.id)},"occurredAt":${str(e.occurredAt.toISOString())}` +
    `,"recordedAt":${str(e.recordedAt.toISOString())},"requestId":${str(e.requestId)},"seq":${canonicalJson(e.seq)}` +
    `,"summary":${str(e.summary)},"type":${str(e.type)},"v":1}`
  );
}

/** The same document built generically; kept as the definition the fast path is tested against. */
export function canonicalEventGeneric(e: HashedEventFields): string {
  return canonicalJson({
    v: 1,
    id: e.id,
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
  // One-shot hashing: a long history verifies thousands of these.
  return hash('sha256', `${prevHash}\n${canonicalEvent(e)}`, 'hex');
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
