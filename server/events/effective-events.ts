import type { EventRecord } from './event-store';

export interface EffectiveEvent {
  id: string;
  seq: number;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
  /** Seq numbers of the corrections applied to this event. */
  correctedBySeq: number[];
}

/**
 * The history as it stands after corrections: a correction never edits the
 * event it points at (history is append-only) but, from then on, its
 * `occurredAt` and `data` take the place of the original's, or `retract`
 * removes it. Later corrections win. Deadlines and status are computed from
 * this view; the stored chain keeps both.
 */
export function effectiveEvents(events: ReadonlyArray<EventRecord>): EffectiveEvent[] {
  const byId = new Map<string, EffectiveEvent & { retracted: boolean }>();
  const ordered: Array<EffectiveEvent & { retracted: boolean }> = [];
  for (const e of events) {
    if (e.type === 'correction') {
      const target = e.correctsEventId ? byId.get(e.correctsEventId) : undefined;
      if (!target) continue;
      target.correctedBySeq.push(e.seq);
      if (e.data.retract === true) target.retracted = true;
      if (typeof e.data.occurredAt === 'string') target.occurredAt = new Date(e.data.occurredAt);
      if (e.data.data && typeof e.data.data === 'object') target.data = e.data.data as Record<string, unknown>;
      continue;
    }
    const entry = { id: e.id, seq: e.seq, type: e.type, occurredAt: e.occurredAt, data: e.data, correctedBySeq: [], retracted: false };
    byId.set(e.id, entry);
    ordered.push(entry);
  }
  return ordered
    .filter((e) => !e.retracted)
    .map(({ retracted: _r, ...e }) => e)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq);
}
