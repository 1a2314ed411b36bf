import type { Db } from '../db/database';
import type { EffectiveEvent } from '../events/effective-events';
import type { MailDeps } from '../mail/mail-service';
import { notifyAssignee } from './notify-assignee';
import { updateRequest, type FeeOverLimit, type RequestRecord } from './request-store';

// After these the estimate needs no decision from the newsroom any more.
const SETTLES_FEE = new Set(['fee_paid', 'withdrawn', 'denied', 'no_records']);

/**
 * The agency's latest fee estimate, when it is above the request's fee limit
 * and still open (not paid, nor overtaken by the end of the request). The
 * letter told the agency to ask before incurring more than the limit, so the
 * newsroom must decide. No limit set: nothing to exceed.
 */
export function openFeeOverLimit(events: readonly EffectiveEvent[], feeLimit: number | null): FeeOverLimit | null {
  if (feeLimit === null) return null;
  let open: FeeOverLimit | null = null;
  for (const e of events) {
    if (e.type === 'fee_estimate' && typeof e.data.amount === 'number') {
      open =
        e.data.amount > feeLimit
          ? { eventId: e.id, amount: e.data.amount, currency: typeof e.data.currency === 'string' ? e.data.currency : 'USD' }
          : null;
    } else if (SETTLES_FEE.has(e.type) || (e.type === 'records_released' && e.data.final === true)) {
      open = null;
    }
  }
  return open;
}

const money = (amount: number, currency: string) =>
  currency === 'USD'
    ? `$${amount.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(amount) ? 0 : 2, maximumFractionDigits: 2 })}`
    : `${amount.toFixed(2)} ${currency}`;

export interface FeeFlagChange {
  /** What to write on the request. */
  values: { feeOverLimit: FeeOverLimit | null; feeOverLimitNotifiedEventId?: string };
  /** The estimate to tell the assignee about, the first time it is over the limit. */
  announce: FeeOverLimit | null;
}

/** How the fee-over-limit flag moves after `events` (the effective history); undefined when it stays. */
export function feeFlagChange(request: RequestRecord, events: readonly EffectiveEvent[]): FeeFlagChange | undefined {
  const over = openFeeOverLimit(
    [...events].sort((a, b) => a.seq - b.seq),
    request.feeLimit,
  );
  const same = (a: FeeOverLimit | null, b: FeeOverLimit | null) =>
    a?.eventId === b?.eventId && a?.amount === b?.amount && a?.currency === b?.currency;
  const announce = over !== null && over.eventId !== request.feeOverLimitNotifiedEventId;
  if (same(over, request.feeOverLimit) && !announce) return undefined;
  return {
    values: { feeOverLimit: over, ...(announce ? { feeOverLimitNotifiedEventId: over.eventId } : {}) },
    announce: announce ? over : null,
  };
}

/** Tells the assignee, through the outbox in the caller's transaction, that an estimate is over the limit. */
export async function announceFeeOverLimit(db: Db, deps: MailDeps, request: RequestRecord, over: FeeOverLimit): Promise<void> {
  await notifyAssignee(db, deps, request, {
    template: 'fee-over-limit',
    agencyFallback: 'The agency',
    vars: { amount: money(over.amount, over.currency), feeLimit: money(request.feeLimit ?? 0, 'USD') },
  });
}

/**
 * Stores the request's open over-limit estimate and, the first time an
 * estimate is over the limit, tells the assignee through the outbox, in the
 * caller's transaction. A corrected amount or a later event on the same
 * estimate sends nothing again.
 */
export async function refreshFeeFlag(
  db: Db,
  deps: MailDeps,
  request: RequestRecord,
  events: readonly EffectiveEvent[],
  now: Date,
): Promise<RequestRecord> {
  const change = feeFlagChange(request, events);
  if (!change) return request;
  const updated = await updateRequest(db, request.organizationId, request.id, change.values, now);
  if (change.announce) await announceFeeOverLimit(db, deps, request, change.announce);
  return updated;
}
