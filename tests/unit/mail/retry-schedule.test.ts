import { loadConfig } from '../../../server/config';
import { nextStep } from '../../../server/mail/retry-schedule';

const policy = loadConfig({});
const first = new Date('2026-01-16T15:00:00Z');
const after = (seconds: number) => new Date(first.getTime() + seconds * 1000);
const failed = (attempt: number, seconds: number, extra: { permanent?: boolean; delayNotified?: boolean } = {}) =>
  nextStep(policy, { attempt, firstTryAt: first, now: after(seconds), permanent: false, delayNotified: false, ...extra });

describe('the default mail retry schedule', () => {
  it('when tries keep failing for now, then the waits double from 30 s to an hour and retries go on for 24 hours', () => {
    let elapsed = 0;
    const waits: number[] = [];
    for (let attempt = 1; ; attempt += 1) {
      const step = failed(attempt, elapsed);
      if (step.final) {
        expect(step.reason).toBe('gave_up');
        break;
      }
      waits.push(step.delaySeconds);
      elapsed += step.delaySeconds;
    }
    expect(waits.slice(0, 8)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600]);
    expect(Math.max(...waits)).toBe(3600);
    // The last try is made at the 24-hour mark, not skipped.
    expect(elapsed).toBe(24 * 3600);
    // A 20-minute outage is well inside the window.
    expect(failed(7, 20 * 60).final).toBe(false);
  });

  it('when a try is refused for good, then there is no retry', () => {
    expect(failed(1, 0, { permanent: true })).toEqual({ final: true, reason: 'refused' });
  });

  it('when an hour of failures has passed, then the delay notice is due once', () => {
    expect(failed(5, 59 * 60)).toMatchObject({ final: false, notifyDelay: false });
    expect(failed(8, 60 * 60)).toMatchObject({ final: false, notifyDelay: true });
    expect(failed(9, 2 * 3600, { delayNotified: true })).toMatchObject({ final: false, notifyDelay: false });
  });

  it('when MAIL_MAX_ATTEMPTS is set, then it ends retries before the window does', () => {
    const capped = { ...policy, mailMaxAttempts: 3 };
    expect(nextStep(capped, { attempt: 3, firstTryAt: first, now: after(90), permanent: false, delayNotified: false })).toEqual({
      final: true,
      reason: 'attempts',
    });
  });
});
