import type { AppDeps } from '../deps';
import { deliverMail, type MailJobData, recoverMailJob } from '../mail/mail-delivery';
import { MAIL_DEAD_QUEUE, MAIL_QUEUE } from '../mail/mail-service';
import { requestDeliveryHooks } from '../requests/request-delivery';
import type { Config } from '../config';
import { MailboxSupervisor } from '../inbound/mailbox-worker';
import type { QueueSpec } from './job-queue';
import { runDigests } from '../monitoring/digest';
import { runReminderSweep } from '../monitoring/reminder-sweep';
import { processPendingFollowUps } from '../monitoring/follow-up-worker';
import { checkpointKey } from '../checkpoints/checkpoint-key';
import { signCheckpoints } from '../checkpoints/checkpoint-service';
import { stampCheckpoints } from '../checkpoints/checkpoint-timestamps';
import { reconcileOutbox } from './outbox-reconcile';

export const SWEEP_QUEUE = 'monitoring-sweep';
export const CHECKPOINT_QUEUE = 'checkpoints';

/** Every queue the service uses, with its retry policy. */
export function queueSpecs(config: Config): QueueSpec[] {
  return [
    // Created first: the mail queue names it as its dead-letter queue. Its
    // retries outlast a database restart (5 s doubling, about 5 hours in all).
    // pg-boss gives the copies it makes its own defaults, not this policy, so
    // a copy whose worker dies is not retried: the sweep's outbox
    // reconciliation (outbox-reconcile.ts) recovers such a message.
    { name: MAIL_DEAD_QUEUE, retryLimit: 12, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
    {
      name: MAIL_QUEUE,
      // pg-boss does not retry a delivery job: the handler queues the next try
      // itself (MTA-style schedule, see retry-schedule.ts). A job that ends
      // without its handler finishing (the process died, the database failed)
      // goes to the dead-letter queue, whose handler recovers the message.
      deadLetter: MAIL_DEAD_QUEUE,
      retryLimit: 0,
      retryDelay: 0,
      retryBackoff: false,
      // An attempt cannot outlive its SMTP timeouts (connect, greeting,
      // socket), so a job still active after this belongs to a dead process.
      // Workers fetch one job at a time, so this bounds each job alone.
      expireInSeconds: Math.max(5, config.mailTimeoutSeconds * 4),
    },
    // A sweep that dies is simply run again at the next tick; retrying it sooner gains nothing.
    { name: SWEEP_QUEUE, retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 15 * 60 },
    // A round signs only heads that moved, so one lost round is made up by the next.
    { name: CHECKPOINT_QUEUE, retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 * 60 },
  ];
}

/** Starts the job workers (and the IMAP mailbox reader when MAILBOX_SECRET_KEY is set); the result stops what is not a pg-boss worker. */
export async function startWorkers(deps: AppDeps): Promise<() => Promise<void>> {
  const hooks = requestDeliveryHooks(deps);
  await deps.jobs.work<MailJobData>(MAIL_QUEUE, (job) => deliverMail(deps, job.data, hooks), deps.config.mailConcurrency);
  await deps.jobs.work<MailJobData>(MAIL_DEAD_QUEUE, (job) => recoverMailJob(deps, job.data, hooks));
  await deps.jobs.work(SWEEP_QUEUE, async () => {
    const mailRequeued = await reconcileOutbox(deps, queueSpecs(deps.config), hooks);
    const reminders = await runReminderSweep(deps);
    const followUps = await processPendingFollowUps(deps);
    const digests = await runDigests(deps);
    deps.logger.info({ mailRequeued, ...reminders, followUpsWritten: followUps, digests }, 'monitoring sweep done');
  });
  await deps.jobs.schedule(SWEEP_QUEUE, deps.config.sweepCron);
  await deps.jobs.work(CHECKPOINT_QUEUE, async () => {
    const result = await signCheckpoints(deps.db.knex, checkpointKey(deps.config), deps.clock(), 'schedule');
    // After signing, never before: an authority that is down or slow must not hold up a signature.
    const stamps = await stampCheckpoints(deps.db.knex, deps);
    deps.logger.info({ ...result, timestamped: stamps.stamped, timestampFailures: stamps.failed }, 'checkpoints signed');
    if (result.diverged > 0) {
      deps.logger.error(
        { diverged: result.diverged },
        'request logs no longer extend their signed checkpoints (events dropped or rewritten): left unsigned; GET /v1/requests/{id}/history/verify names the change',
      );
    }
  });
  await deps.jobs.schedule(CHECKPOINT_QUEUE, deps.config.checkpointCron);
  const mailboxes = deps.config.mailboxSecretKey ? new MailboxSupervisor(deps).start() : undefined;
  return async () => {
    await mailboxes?.stop();
  };
}
