import type { Db } from '../db/database';
import { type Column, keysetPages } from '../http/tabular';
import { canonicalJson } from '../util/canonical-json';
import { type EventRecord, listEvents } from './event-store';
import { isBackdated } from './event-view';

export const EVENT_COLUMNS: ReadonlyArray<Column<EventRecord>> = [
  { header: 'seq', description: 'position in the request’s chain, from 1', value: (e) => e.seq },
  { header: 'id', description: 'event id', value: (e) => e.id },
  { header: 'type', description: 'event type', value: (e) => e.type },
  { header: 'occurred_at', description: 'when it happened (ISO 8601, UTC)', value: (e) => e.occurredAt.toISOString() },
  { header: 'recorded_at', description: 'when it was logged (ISO 8601, UTC)', value: (e) => e.recordedAt.toISOString() },
  { header: 'backdated', description: 'logged more than a day after it happened', value: (e) => isBackdated(e) },
  { header: 'summary', description: 'one-line summary', value: (e) => e.summary },
  { header: 'body', description: 'text', value: (e) => e.body },
  { header: 'data', description: 'the type’s data as canonical JSON', value: (e) => canonicalJson(e.data) },
  { header: 'actor_kind', description: 'user, system, inbound, …', value: (e) => e.actorKind },
  { header: 'actor_id', description: 'user id of the actor', value: (e) => e.actorId },
  { header: 'corrects_event_id', description: 'the event this one corrects', value: (e) => e.correctsEventId },
  {
    header: 'attachments',
    description: 'attached files as "name sha256" separated by "; "',
    value: (e) => e.attachments.map((a) => `${a.filename} ${a.sha256}`).join('; '),
  },
  { header: 'prev_hash', description: 'hash of the previous event', value: (e) => e.prevHash },
  { header: 'hash', description: 'this event’s hash', value: (e) => e.hash },
];

/** Every event of a request, oldest first, a page at a time. */
export function eventPages(db: Db, organizationId: string, requestId: string) {
  const size = 1000;
  return keysetPages<EventRecord, number>(
    size,
    (afterSeq) => listEvents(db, organizationId, requestId, { afterSeq, limit: size + 1 }),
    (e) => e.seq,
  );
}
