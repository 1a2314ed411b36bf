import type { EventRecord } from './event-store';
import { BACKDATED_AFTER_MS } from '../util/time-tolerances';

export function isBackdated(e: Pick<EventRecord, 'occurredAt' | 'recordedAt'>): boolean {
  return e.recordedAt.getTime() - e.occurredAt.getTime() > BACKDATED_AFTER_MS;
}

export function eventView(e: EventRecord) {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    recordedAt: e.recordedAt.toISOString(),
    backdated: isBackdated(e),
    summary: e.summary,
    body: e.body,
    data: e.data,
    actor: { kind: e.actorKind, id: e.actorId },
    correctsEventId: e.correctsEventId,
    attachments: e.attachments,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
