import { checkpointMessage } from './checkpoint-service';
import type { CheckpointRecord } from './checkpoint-store';

/** A checkpoint as published: its fields, the exact signed message, the signature and its RFC 3161 time-stamp, if any. */
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
    timestamp: c.timestamp
      ? { token: c.timestamp.token.toString('base64'), genTime: c.timestamp.genTime.toISOString(), serialNumber: c.timestamp.serialNumber }
      : null,
  };
}
