import { hash } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json';

/** prevHash of the first event of every request. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Which canonical form an event's hash was computed over (request_events.hash_version):
 * - 1: the event's own fields (events logged before organization ids were sealed);
 * - 2: the same and the organization the event belongs to, so a request and
 *   its events moved to another newsroom no longer verify there.
 * New events are always written in the newest form; a chain may go from 1 to
 * 2 once, never back (verifyChain treats a 1 after a 2 as a break).
 */
export const HASH_VERSIONS = [1, 2] as const;
export type HashVersion = (typeof HASH_VERSIONS)[number];
export const CURRENT_HASH_VERSION: HashVersion = 2;

export interface AttachmentRef {
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Exactly the stored fields an event's hash covers; verify recomputes it from the row. */
export interface HashedEventFields {
  /** The canonical form the hash covers (1 or 2); any other value never verifies. */
  hashVersion: number;
  /** Sealed too: corrections point at events by id, so swapping ids must break the chain. */
  id: string;
  /** Covered from version 2 on. */
  organizationId: string;
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

/** Whether `v` is a canonical form this code can compute. */
export const isHashVersion = (v: number): v is HashVersion => (HASH_VERSIONS as readonly number[]).includes(v);

export function canonicalEvent(e: HashedEventFields): string {
  // Written out by hand in sorted key order: this is canonicalJson() of the
  // object canonicalEventGeneric builds (a unit test holds them equal),
  // without sorting the fixed top-level keys again for every event of a long history.
  //   { v, id, organizationId (v >= 2), requestId, seq, type, occurredAt, recordedAt, summary, body, data,
  //     actorKind, actorId, correctsEventId, attachments }
  if (!isHashVersion(e.hashVersion)) throw new RangeError(`no canonical form for hash version ${e.hashVersion}`);
  const str = JSON.stringify;
  const attachments = e.attachments
    .map(
      (a) =>
        `{"contentType":${str(a.contentType)},"filename":${str(a.filename)},"sha256":${str(a.sha256)},"size":${canonicalJson(a.size)}}`,
    )
    .join(',');
  const organization = e.hashVersion >= 2 ? `,"organizationId":${str(e.organizationId)}` : '';
  return (
    `{"actorId":${str(e.actorId)},"actorKind":${str(e.actorKind)},"attachments":[${attachments}],"body":${str(e.body)}` +
    `,"correctsEventId":${str(e.correctsEventId)},"data":${canonicalJson(e.data)},"id":${str(e.id)},"occurredAt":${str(e.occurredAt.toISOString())}` +
    `${organization},"recordedAt":${str(e.recordedAt.toISOString())},"requestId":${str(e.requestId)},"seq":${canonicalJson(e.seq)}` +
    `,"summary":${str(e.summary)},"type":${str(e.type)},"v":${e.hashVersion}}`
  );
}

/** The same document built generically; kept as the definition the fast path is tested against. */
export function canonicalEventGeneric(e: HashedEventFields): string {
  if (!isHashVersion(e.hashVersion)) throw new RangeError(`no canonical form for hash version ${e.hashVersion}`);
  return canonicalJson({
    v: e.hashVersion,
    id: e.id,
    ...(e.hashVersion >= 2 ? { organizationId: e.organizationId } : {}),
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

/** SHA-256 over the previous hash and the event's canonical JSON (in the form its hashVersion names), hex. */
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

/**
 * Walks events in seq order; the first whose seq, prevHash or hash does not
 * follow breaks the chain, and so does one whose hash version is unknown or
 * older than an event before it (a downgrade would drop what the newer form covers).
 */
export function verifyChain(events: ReadonlyArray<HashedEventFields & { prevHash: string; hash: string }>): ChainVerdict {
  let prev = GENESIS_HASH;
  let version = 0;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i]!;
    const follows = isHashVersion(e.hashVersion) && e.hashVersion >= version;
    if (!follows || e.seq !== i + 1 || e.prevHash !== prev || eventHash(prev, e) !== e.hash) {
      return { valid: false, events: events.length, firstBrokenSeq: i + 1, headHash: events[events.length - 1]!.hash };
    }
    prev = e.hash;
    version = e.hashVersion;
  }
  return { valid: true, events: events.length, firstBrokenSeq: null, headHash: prev };
}
