import { checkpointMessage } from './checkpoint-service';
import type { CheckpointRecord } from './checkpoint-store';

/** A checkpoint as published: its fields, the exact signed message and the signature. */
export function checkpointView(c: CheckpointRecord) {
  return {
    id: c.id,
    requestId: c.requestId,
    events: c.events,
    headHash: c.headHash,
    signedAt: c.signedAt.toISOString(),
    keyId: c.keyId,
    reason: c.reason,
    message: checkpointMessage(c),
    signature: c.signature,
  };
}
