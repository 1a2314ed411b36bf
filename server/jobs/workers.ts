import type { AppDeps } from '../deps';
import { deliverMail, settleAbandonedMail } from '../mail/mail-delivery';
import { MAIL_DEAD_QUEUE, MAIL_QUEUE } from '../mail/mail-service';
import { requestDeliveryHooks } from '../requests/request-delivery';
import type { Config } from '../config';
import type { QueueSpec } from './job-queue';
import { runDigests } from '../monitoring/digest';
import { runReminderSweep } from '../monitoring/reminder-sweep';
import { processPendingFollowUps } from '../monitoring/follow-up-worker';

export const SWEEP_QUEUE = 'monitoring-sweep';

/** Every queue the service uses, with its retry policy. */
export function queueSpecs(config: Config): QueueSpec[] {
  return [
    // Created first: the mail queue names it as its dead-letter queue.
    { name: MAIL_DEAD_QUEUE, retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
    {
      name: MAIL_QUEUE,
      // A job whose process died during its last attempt fails by timeout,
      // without our handler: its copy there settles the mail as failed.
      deadLetter: MAIL_DEAD_QUEUE,
      retryLimit: config.mailMaxAttempts - 1,
      retryDelay: config.mailRetryDelaySeconds,
      retryBackoff: true,
      // An attempt cannot outlive its SMTP timeouts (connect, greeting,
      // socket), so a job still active after this belongs to a dead process.
      // Workers fetch one job at a time, so this bounds each job alone.
      expireInSeconds: Math.max(5, config.mailTimeoutSeconds * 4),
    },
    // A sweep that dies is simply run again at the next tick; retrying it sooner gains nothing.
    { name: SWEEP_QUEUE, retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 15 * 60 },
  ];
}

export async function startWorkers(deps: AppDeps): Promise<void> {
  const hooks = requestDeliveryHooks(deps);
  await deps.jobs.work<{ mailId: string }>(
    MAIL_QUEUE,
    (job) => deliverMail(deps, job.data.mailId, { retryCount: job.retryCount, retryLimit: job.retryLimit }, hooks),
    deps.config.mailConcurrency,
  );
  await deps.jobs.work<{ mailId: string }>(MAIL_DEAD_QUEUE, (job) => settleAbandonedMail(deps, job.data.mailId, hooks));
  await deps.jobs.work(SWEEP_QUEUE, async () => {
    const reminders = await runReminderSweep(deps);
    const followUps = await processPendingFollowUps(deps);
    const digests = await runDigests(deps);
    deps.logger.info({ ...reminders, followUpsWritten: followUps, digests }, 'monitoring sweep done');
  });
  await deps.jobs.schedule(SWEEP_QUEUE, deps.config.sweepCron);
}
