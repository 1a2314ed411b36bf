import type { BusinessCalendar } from './business-calendar';
import { formatDay, weekdayName } from './civil-dates';
import type { Deadline, TraceEntry } from './deadline-types';
import { judge } from './deadline-status';
import type { TimedEvent } from './event-log';
import { isAdverseDetermination } from './event-log';
import type { RollForward } from './periods';
import { dueDay, periodTrace } from './periods';
import type { Obligation, RuleVersion } from './rule-types';
import { describePeriod, periodOf } from './rule-types';

export type AppealContext = {
  calendar: BusinessCalendar;
  version: RuleVersion;
  agencyRoll: RollForward;
  requesterRoll: RollForward;
  sharedTrace: readonly TraceEntry[];
};

export function basisOf(obligation: Obligation): string {
  const period = describePeriod(obligation);
  return obligation.minimum
    ? `${obligation.citation}: not less than ${period} (the agency may allow more)`
    : `${obligation.citation}: ${period}`;
}

function timedDeadline(
  ctx: AppealContext,
  kind: string,
  label: string,
  obligation: Obligation,
  trigger: TimedEvent,
  roll: RollForward,
): { deadline: Deadline; due: number } {
  const period = periodOf(obligation);
  const due = dueDay(ctx.calendar, trigger.day, period, roll.enabled);
  const trace: TraceEntry[] = [
    ...ctx.sharedTrace,
    {
      step: 'event',
      message: `${label} opened by ${trigger.type} on ${weekdayName(trigger.day)} ${trigger.date} (${obligation.description})`,
      date: trigger.date,
    },
    ...periodTrace(ctx.calendar, trigger.day, period, due, roll, label),
  ];
  if (obligation.note) trace.push({ step: 'note', message: obligation.note });
  return {
    due,
    deadline: {
      kind,
      dueDate: formatDay(due),
      statutory: true,
      basis: basisOf(obligation),
      status: 'open',
      triggeredBy: { type: trigger.type, date: trigger.date },
      trace,
    },
  };
}

/**
 * Requester's appeal windows (one per adverse determination: a denial, a "no
 * records" answer or a final release that withholds under exemptions), the
 * agency's appeal decisions (one per appeal filed) and any further review
 * window after a decision.
 */
export function appealDeadlines(ctx: AppealContext, events: readonly TimedEvent[]): Deadline[] {
  const appeal = ctx.version.appeal;
  if (!appeal) return [];
  const out: Deadline[] = [];
  const adverse = events.filter(isAdverseDetermination);
  if (appeal.window) {
    const window = appeal.window;
    adverse.forEach((trigger, i) => {
      const { deadline, due } = timedDeadline(ctx, 'appeal', 'Appeal window', window, trigger, ctx.requesterRoll);
      const next = adverse[i + 1];
      const superseded = next
        ? { day: next.day, reason: `Superseded by a later adverse determination (${next.type} on ${next.date}) before an appeal was filed` }
        : undefined;
      const verdict = judge(events, trigger.day, ['appeal_filed'], due, superseded);
      out.push({ ...deadline, ...verdict, trace: [...deadline.trace, ...verdict.trace] });
    });
  }
  for (const trigger of events) {
    if (trigger.type === 'appeal_filed' && appeal.decision) {
      const { deadline, due } = timedDeadline(ctx, 'appeal_decision', 'Appeal decision', appeal.decision, trigger, ctx.agencyRoll);
      const verdict = judge(events, trigger.day, ['appeal_decided'], due);
      out.push({ ...deadline, ...verdict, trace: [...deadline.trace, ...verdict.trace] });
    }
    if (trigger.type === 'appeal_decided' && appeal.furtherReview) {
      const { deadline, due } = timedDeadline(
        ctx,
        'further_review',
        'Further review window',
        appeal.furtherReview,
        trigger,
        ctx.requesterRoll,
      );
      const verdict = judge(events, trigger.day, ['lawsuit_filed'], due);
      out.push({ ...deadline, ...verdict, trace: [...deadline.trace, ...verdict.trace] });
    }
  }
  return out;
}
