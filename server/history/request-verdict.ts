import { effectiveEvents } from '../events/effective-events';
import type { EventRecord } from '../events/event-store';
import { NO_DEADLINE_EFFECT, replayLifecycle } from '../events/state-machine';
import { sealDiffers, sealIn } from '../requests/filing-seal';
import type { RequestRecord } from '../requests/request-store';
import type { RequestVerdict } from './history-types';

/**
 * The request row against its history: the fields sealed when it was filed
 * (each `submitted` event's `data.filed`) recomputed from the row, and the
 * status re-derived by replaying the events through the state machine.
 * Fields that change legitimately after filing (assignee, tags) are not sealed;
 * what the events move is compared with the replay, not with a seal.
 */
export function requestVerdict(request: RequestRecord, events: readonly EventRecord[]): RequestVerdict {
  const filings = events.filter((e) => e.type === 'submitted');
  const sealed = filings.flatMap((e) => {
    const seal = sealIn(e.data);
    return seal ? [{ seq: e.seq, seal }] : [];
  });
  const differs = new Set<string>();
  for (const { seal } of sealed) for (const field of sealDiffers(seal, request)) differs.add(field);
  const relevant = events.filter((e) => !NO_DEADLINE_EFFECT.includes(e.type));
  const replayed = replayLifecycle(effectiveEvents(relevant).sort((a, b) => a.seq - b.seq)).status;
  if (replayed !== request.status) differs.add('status');
  const filing: RequestVerdict['filing'] =
    filings.length === 0
      ? 'draft'
      : sealed.length === 0
        ? 'unsealed'
        : differs.size > (differs.has('status') ? 1 : 0)
          ? 'differs'
          : 'matches';
  return {
    valid: differs.size === 0,
    filing,
    sealedSeq: sealed.length ? sealed[sealed.length - 1]!.seq : null,
    differs: [...differs],
    status: request.status,
    replayedStatus: replayed,
  };
}
