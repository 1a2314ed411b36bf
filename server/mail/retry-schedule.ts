import type { Config } from '../config';

export type RetryPolicy = Pick<
  Config,
  'mailMaxAttempts' | 'mailRetryDelaySeconds' | 'mailRetryMaxDelaySeconds' | 'mailGiveUpHours' | 'mailDelayNoticeMinutes'
>;

export interface FailedTry {
  /** The number of the try that just failed (1 for the first). */
  attempt: number;
  /** When the first try started, by the service's clock. */
  firstTryAt: Date;
  now: Date;
  /** The server refused for good (5xx to RCPT TO or DATA). */
  permanent: boolean;
  /** The assignee was already told this message is delayed. */
  delayNotified: boolean;
}

export type NextStep =
  | { final: true; reason: 'refused' | 'gave_up' | 'attempts' }
  | { final: false; delaySeconds: number; notifyDelay: boolean };

/**
 * What follows a failed try, the way an MTA decides: a permanent refusal ends
 * delivery; temporary failures are retried, the wait doubling from
 * MAIL_RETRY_DELAY_SECONDS up to MAIL_RETRY_MAX_DELAY_SECONDS, until
 * MAIL_GIVE_UP_HOURS after the first try (the last try is made at that
 * moment, not skipped), or until MAIL_MAX_ATTEMPTS when that is set.
 */
export function nextStep(policy: RetryPolicy, t: FailedTry): NextStep {
  if (t.permanent) return { final: true, reason: 'refused' };
  if (policy.mailMaxAttempts !== undefined && t.attempt >= policy.mailMaxAttempts) return { final: true, reason: 'attempts' };
  const elapsedMs = t.now.getTime() - t.firstTryAt.getTime();
  const giveUpMs = policy.mailGiveUpHours * 3_600_000;
  if (elapsedMs >= giveUpMs) return { final: true, reason: 'gave_up' };
  const backoff = policy.mailRetryDelaySeconds * 2 ** Math.min(t.attempt - 1, 30);
  const delaySeconds = Math.max(0, Math.min(backoff, policy.mailRetryMaxDelaySeconds, Math.ceil((giveUpMs - elapsedMs) / 1000)));
  const noticeMs = policy.mailDelayNoticeMinutes * 60_000;
  const notifyDelay = !t.delayNotified && policy.mailDelayNoticeMinutes > 0 && elapsedMs >= noticeMs;
  return { final: false, delaySeconds, notifyDelay };
}

/** "61 minutes", "5 hours": how long delivery has been trying, for the delay notice. */
export function describeElapsed(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  return `${Math.round(minutes / 60)} hours`;
}
