import type { Db } from '../db/database';
import { type DeliveryDeps, type DeliveryHooks, recoverOrphanedMail } from '../mail/mail-delivery';
import { MAIL_DEAD_QUEUE, MAIL_QUEUE } from '../mail/mail-service';
import { JOB_SCHEMA } from '../../migrations/20261125000200_job_queue';
import type { QueueSpec } from './job-queue';

/**
 * Outbound mail that no delivery job names any more is re-queued.
 *
 * A delivery job whose process dies is expired by pg-boss and copied to the
 * dead-letter queue, whose handler recovers the message. But pg-boss creates
 * that copy with its own defaults (15-minute expiry, no retry), not the dead
 * queue's policy: if the process handling the copy dies as well, the copy
 * fails for good and the message would stay `queued` or `sending` for ever,
 * lost without a trace. The sweep closes that gap: any message still to send
 * with no live job (waiting, retrying, or active within its queue's expiry) is
 * recovered as its dead-letter job would have recovered it.
 */
export async function reconcileOutbox(deps: DeliveryDeps, queues: QueueSpec[], hooks: DeliveryHooks = {}, limit = 500): Promise<number> {
  const live = liveJobPredicate(queues);
  const rows = (await deps.db.knex.raw(
    `select m.id from mail_messages m
      where m.direction = 'outbound' and m.status in ('queued', 'sending')
        and not exists (select 1 from ${JOB_SCHEMA}.job j where j.data->>'mailId' = m.id::text and ${live.sql})
      order by m.created_at
      limit ?`,
    [...live.bindings, limit],
  )) as { rows: Array<{ id: string }> };
  let recovered = 0;
  for (const { id } of rows.rows) {
    const stillOrphaned = async (trx: Db) => {
      const found = (await trx.raw(`select 1 from ${JOB_SCHEMA}.job j where j.data->>'mailId' = ? and ${live.sql} limit 1`, [
        id,
        ...live.bindings,
      ])) as { rows: unknown[] };
      return found.rows.length === 0;
    };
    if (await recoverOrphanedMail(deps, id, stillOrphaned, hooks)) recovered += 1;
  }
  return recovered;
}

/**
 * A job that will still act on its message: waiting (perhaps until a later
 * start), retrying, or active for less than its queue's expiry. An active job
 * older than that belongs to a dead process, whatever expiry pg-boss gave it.
 */
function liveJobPredicate(queues: QueueSpec[]): { sql: string; bindings: Array<string | number> } {
  const expiry = (name: string) => queues.find((q) => q.name === name)?.expireInSeconds ?? 60;
  return {
    sql: `j.name in (?, ?) and (j.state in ('created', 'retry')
      or (j.state = 'active' and j.started_on > now() - make_interval(secs => case when j.name = ? then ?::float8 else ?::float8 end)))`,
    bindings: [MAIL_QUEUE, MAIL_DEAD_QUEUE, MAIL_QUEUE, expiry(MAIL_QUEUE), expiry(MAIL_DEAD_QUEUE)],
  };
}
