import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { canonicalJson } from '../util/canonical-json';
import { type CheckpointKey, verifySignature } from './checkpoint-key';
import { type CheckpointReason, type CheckpointRecord, insertCheckpoints, movedHeads } from './checkpoint-store';

export const CHECKPOINT_TYPE = 'records-tracker.checkpoint';

/**
 * The exact bytes a checkpoint's signature covers (UTF-8): canonical JSON,
 * keys sorted, no whitespace. Anyone can rebuild it from the published fields
 * and check the signature with `openssl pkeyutl -verify -rawin` or any Ed25519 library.
 */
export function checkpointMessage(
  c: Pick<CheckpointRecord, 'organizationId' | 'requestId' | 'events' | 'headHash' | 'signedAt' | 'keyId'>,
): string {
  return canonicalJson({
    type: CHECKPOINT_TYPE,
    v: 1,
    keyId: c.keyId,
    organizationId: c.organizationId,
    requestId: c.requestId,
    events: c.events,
    headHash: c.headHash,
    signedAt: c.signedAt.toISOString(),
  });
}

export interface SignResult {
  signed: number;
  /** Requests whose head no longer extends their latest checkpoint: left unsigned (the log was tampered with). */
  diverged: number;
}

/**
 * Signs a checkpoint of every request whose chain head moved on since its
 * latest checkpoint (all organizations, one organization, or one request), a
 * batch per transaction so a long round holds no lock for long. A head that
 * moved back or sideways (see movedHeads) is counted, never signed.
 */
export async function signCheckpoints(
  db: Db,
  key: CheckpointKey,
  now: Date,
  reason: CheckpointReason,
  scope: { organizationId?: string; requestId?: string } = {},
  batch = 1000,
): Promise<SignResult> {
  let afterId: string | undefined;
  let signed = 0;
  let diverged = 0;
  for (;;) {
    const heads = await movedHeads(db, { afterId, limit: batch, ...scope });
    if (heads.length === 0) break;
    const rows: CheckpointRecord[] = heads
      .filter((h) => h.extends)
      .map(({ extends: _e, ...h }) => {
        const base = { ...h, signedAt: now, keyId: key.keyId };
        return { id: randomUUID(), ...base, signature: key.sign(checkpointMessage(base)), reason };
      });
    if (rows.length > 0) await insertCheckpoints(db, rows);
    signed += rows.length;
    diverged += heads.length - rows.length;
    afterId = heads[heads.length - 1]!.requestId;
    if (heads.length < batch) break;
  }
  return { signed, diverged };
}

export interface CheckpointVerdict {
  /** none: no checkpoint signed yet, so only the chain speaks; consistent: the log still holds the signed head; mismatch: it does not. */
  status: 'none' | 'consistent' | 'mismatch';
  /** What went wrong, when status is mismatch. */
  problem: 'events_dropped' | 'head_rewritten' | 'bad_signature' | 'unknown_key' | null;
  signedAt: string | null;
  events: number | null;
  headHash: string | null;
  keyId: string | null;
  signatureValid: boolean | null;
}

/**
 * Compares the log with the latest signed checkpoint: the event the
 * checkpoint names as its head must still be there, at the same seq, with the
 * same hash. Events logged after it are fine (they chain from it).
 */
export function compareWithCheckpoint(
  events: ReadonlyArray<{ seq: number; hash: string }>,
  checkpoint: CheckpointRecord | undefined,
  key: Pick<CheckpointKey, 'keyId' | 'publicKeyPem'>,
): CheckpointVerdict {
  if (!checkpoint)
    return { status: 'none', problem: null, signedAt: null, events: null, headHash: null, keyId: null, signatureValid: null };
  const base = {
    signedAt: checkpoint.signedAt.toISOString(),
    events: checkpoint.events,
    headHash: checkpoint.headHash,
    keyId: checkpoint.keyId,
  };
  if (checkpoint.keyId !== key.keyId) return { status: 'mismatch', problem: 'unknown_key', ...base, signatureValid: false };
  const signatureValid = verifySignature(key.publicKeyPem, checkpointMessage(checkpoint), checkpoint.signature);
  if (!signatureValid) return { status: 'mismatch', problem: 'bad_signature', ...base, signatureValid };
  const head = events.find((e) => e.seq === checkpoint.events);
  if (!head) return { status: 'mismatch', problem: 'events_dropped', ...base, signatureValid };
  if (head.hash !== checkpoint.headHash) return { status: 'mismatch', problem: 'head_rewritten', ...base, signatureValid };
  return { status: 'consistent', problem: null, ...base, signatureValid };
}
