import type { BusinessCalendar } from './business-calendar';
import { formatDay, parseIsoDate, weekdayName } from './civil-dates';
import type { Deadline, TraceEntry } from './deadline-types';
import { judge, RESPONSE_SATISFIED_BY } from './deadline-status';
import type { TimedEvent } from './event-log';
import { satisfies } from './event-log';
import type { RollForward } from './periods';
import { businessRangeTrace, dueDay, periodTrace, unrolledDay } from './periods';
import type { DayType, ExtensionRule, Obligation, TollingRule } from './rule-types';
import { periodOf } from './rule-types';

export type ClockContext = {
  calendar: BusinessCalendar;
  /** Day 0 of the count (deemed receipt, or the day before it). */
  anchor: number;
  /** Actual receipt day: events before it cannot move this request's clock. */
  receivedDay: number;
  roll: RollForward;
  ackEventDay: number | undefined;
  ackDueDay: number | undefined;
};

export type ClockRules = { obligation: Obligation; extension: ExtensionRule | undefined; tolling: readonly TollingRule[]; basis: string };

/** The clock stopped on `since` with `remaining` days left; it restarts only when no tolling reason is open. */
type Stop = { since: number; remaining: number };

/**
 * The response deadline after the agency's moves, replayed in event order:
 * tolls stop the clock and keep the days left, extensions add what the law
 * allows and flag claims beyond it. Each tolling reason (a fee, a question) is
 * open on its own: an answer closes only the reasons it ends, and the clock
 * restarts when the last one is closed, so no day while any is open counts.
 */
export class ResponseClock {
  private unit: DayType;
  private due: number;
  /** For calendar-day counts, the date before any roll-forward, so tolling keeps whole days. */
  private raw: number;
  private stop: Stop | undefined;
  /** Tolling rules whose reason is open, in the order they were opened. */
  private open: TollingRule[] = [];
  private readonly tollCounts = new Map<TollingRule, number>();
  private pendingExtensions: TimedEvent[] = [];
  private extensionAllowance = 0;
  private allowanceStarted = false;
  private extensionClaims = 0;
  private exceeds: { statutory: number; claimed: number | undefined } | undefined;
  private readonly trace: TraceEntry[];

  constructor(
    private readonly ctx: ClockContext,
    private readonly rules: ClockRules,
    sharedTrace: readonly TraceEntry[],
  ) {
    this.trace = [...sharedTrace];
    const anchor = this.startAnchor();
    const period = periodOf(rules.obligation);
    this.unit = period.unit === 'business_days' ? 'business' : 'calendar';
    this.due = dueDay(ctx.calendar, anchor, period, ctx.roll.enabled);
    this.raw = period.unit === 'business_days' ? this.due : unrolledDay(anchor, period);
    this.trace.push(...periodTrace(ctx.calendar, anchor, period, this.due, ctx.roll, 'Response'));
    if (rules.obligation.note) this.note(rules.obligation.note);
  }

  run(events: readonly TimedEvent[]): Deadline {
    const satisfiedBy = this.rules.obligation.satisfiedBy ?? RESPONSE_SATISFIED_BY;
    for (const event of events) {
      if (event.day < this.ctx.receivedDay) {
        if (event.type !== 'submitted') this.note(`${event.type} on ${event.date} is before receipt: ignored for this deadline`);
        continue;
      }
      if (this.stop && satisfies(event, satisfiedBy)) {
        return this.finish({
          status: 'met',
          satisfiedBy: { type: event.type, date: event.date },
          trace: [{ step: 'status', message: `Met: ${event.type} on ${event.date}, while the clock was stopped`, date: event.date }],
        });
      }
      if (event.type === 'withdrawn' || satisfies(event, satisfiedBy)) return this.finish(judge([event], event.day, satisfiedBy, this.due));
      const ending = this.open.filter((rule) => rule.endEvents.includes(event.type));
      if (ending.length > 0) this.endTolls(event, ending);
      else if (event.type === 'extension_claimed') this.claimExtension(event, false);
      else this.maybeToll(event);
    }
    return this.finish({ status: this.stop ? 'tolled' : 'open', trace: [] });
  }

  private startAnchor(): number {
    const { obligation } = this.rules;
    if (obligation.countFrom !== 'acknowledgment') return this.ctx.anchor;
    if (this.ctx.ackEventDay !== undefined) {
      this.note(`Counted from the acknowledgment on ${formatDay(this.ctx.ackEventDay)}`);
      return this.ctx.ackEventDay;
    }
    if (this.ctx.ackDueDay !== undefined) {
      this.note(
        `No acknowledgment logged: counted from the acknowledgment deadline ${formatDay(this.ctx.ackDueDay)}, the latest it could lawfully come`,
      );
      return this.ctx.ackDueDay;
    }
    this.note('No acknowledgment logged: counted from receipt');
    return this.ctx.anchor;
  }

  private maybeToll(event: TimedEvent): void {
    const rule = this.rules.tolling.find((t) => t.startEvent === event.type);
    if (!rule) {
      if (event.type === 'clarification_requested' || event.type === 'fee_estimate') {
        this.note(`${event.type} on ${event.date} does not stop the clock under this rule`);
      }
      return;
    }
    const used = this.tollCounts.get(rule) ?? 0;
    if (this.open.includes(rule)) return this.note(`${event.type} on ${event.date}: the clock already waits on an earlier ${event.type}`);
    if (rule.maxTimes !== null && used >= rule.maxTimes) {
      return this.note(
        `${event.type} on ${event.date} does not stop the clock: the law allows it ${rule.maxTimes} time(s) (${rule.citation})`,
      );
    }
    if (this.stop) {
      // A second reason while stopped: the days left stay those of the first stop.
      this.tollCounts.set(rule, used + 1);
      this.open.push(rule);
      this.trace.push({
        step: 'toll',
        message: `${event.type} on ${event.date} while the clock is stopped (since ${formatDay(this.stop.since)}): it restarts only when this is resolved too (${rule.description})`,
        date: event.date,
        days: this.stop.remaining,
        citation: rule.citation,
      });
      return;
    }
    if (event.day > this.due)
      return this.note(`${event.type} on ${event.date} came after the due date ${formatDay(this.due)}: not applied`);
    const remaining =
      this.unit === 'business' ? this.ctx.calendar.countBusinessDays(event.day, this.due) : Math.max(0, this.raw - event.day);
    this.tollCounts.set(rule, used + 1);
    this.open.push(rule);
    this.stop = { since: event.day, remaining };
    this.trace.push({
      step: 'toll',
      message: `Clock stopped on ${event.date} by ${event.type} with ${remaining} ${this.unit} day(s) remaining (${rule.description})`,
      date: event.date,
      days: remaining,
      citation: rule.citation,
    });
  }

  private endTolls(event: TimedEvent, ending: readonly TollingRule[]): void {
    this.open = this.open.filter((rule) => !ending.includes(rule));
    if (this.open.length > 0) {
      const waiting = this.open.map((rule) => rule.startEvent).join(', ');
      return this.note(`${event.type} on ${event.date} resolves one reason, but the clock stays stopped: still waiting on ${waiting}`);
    }
    this.resume(event, ending[ending.length - 1] as TollingRule);
  }

  private resume(event: TimedEvent, rule: TollingRule): void {
    const toll = this.stop as Stop;
    this.stop = undefined;
    if (this.unit === 'business') {
      this.due =
        toll.remaining > 0
          ? this.ctx.calendar.addBusinessDays(event.day, toll.remaining)
          : this.ctx.calendar.nextBusinessDayOnOrAfter(event.day);
      this.raw = this.due;
    } else {
      this.raw = event.day + toll.remaining;
      this.due = this.ctx.roll.enabled ? this.ctx.calendar.nextBusinessDayOnOrAfter(this.raw) : this.raw;
    }
    this.trace.push({
      step: 'resume',
      message: `Clock restarted on ${event.date} by ${event.type} (tolled ${formatDay(toll.since)} to ${event.date}); ${toll.remaining} ${this.unit} day(s) remaining: due ${weekdayName(this.due)} ${formatDay(this.due)}`,
      from: formatDay(toll.since),
      to: event.date,
      days: toll.remaining,
      citation: rule.citation,
    });
    if (this.unit === 'business') this.trace.push(...businessRangeTrace(this.ctx.calendar, event.day, this.due));
    const pending = this.pendingExtensions;
    this.pendingExtensions = [];
    for (const extension of pending) this.claimExtension(extension, true);
  }

  private addIn(dayType: DayType, from: number, days: number, roll: boolean): number {
    if (dayType === 'business') return this.ctx.calendar.addBusinessDays(from, days);
    return roll && this.ctx.roll.enabled ? this.ctx.calendar.nextBusinessDayOnOrAfter(from + days) : from + days;
  }

  private claimedDay(event: TimedEvent, dayType: DayType): number | undefined {
    const { newDueDate, days } = event.data;
    if (typeof newDueDate === 'string') return parseIsoDate(newDueDate);
    // A number of days is counted like the statute's own period, so it rolls
    // off a closed day the same way (a stated date is taken as stated).
    if (typeof days === 'number') return this.addIn(dayType, this.due, days, true);
    return undefined;
  }

  private claimExtension(event: TimedEvent, deferred: boolean): void {
    if (this.stop) {
      this.pendingExtensions.push(event);
      return this.note(`Extension claimed on ${event.date} while the clock is stopped: applied when it restarts`);
    }
    const ext = this.rules.extension;
    this.extensionClaims += 1;
    const claimed = this.claimedDay(event, ext?.dayType ?? this.unit);
    const claimedText = claimed === undefined ? 'no date given' : `claimed due date ${formatDay(claimed)}`;
    if (!ext) {
      const exceeds = claimed === undefined || claimed > this.due;
      if (exceeds) this.exceeds = { statutory: this.due, claimed };
      return this.extensionTrace(
        event,
        `Extension claimed on ${event.date} (${claimedText}), but the rule data records no extension for this law: due date stays ${formatDay(this.due)}`,
      );
    }
    if (!deferred && event.day > this.due) {
      this.exceeds = { statutory: this.due, claimed };
      return this.extensionTrace(
        event,
        `Extension claimed on ${event.date}, after the due date ${formatDay(this.due)} had passed (${claimedText}): not applied`,
        ext.citation,
      );
    }
    if (ext.days === undefined) {
      if (claimed === undefined)
        return this.extensionTrace(
          event,
          `Extension claimed on ${event.date} with no date: due date stays ${formatDay(this.due)} until the agency states one`,
          ext.citation,
        );
      const before = this.due;
      this.setDue(Math.max(this.due, claimed), ext.dayType);
      this.exceeds = undefined;
      return this.extensionTrace(
        event,
        `Extension claimed on ${event.date} (${claimedText}); the law sets no cap (${ext.conditions}): due ${formatDay(this.due)}`,
        ext.citation,
        before,
      );
    }
    const cap = this.extensionCap(ext, ext.days);
    const chosen = claimed ?? cap;
    const limit = ext.maxTimes === null ? '' : ` (claim ${this.extensionClaims}; the law allows ${ext.maxTimes})`;
    const before = this.due;
    if (chosen <= cap) {
      const newDue = Math.max(this.due, chosen);
      if (ext.measuredFrom === 'due_date') {
        const used = ext.dayType === 'business' ? this.ctx.calendar.countBusinessDays(this.due, newDue) : newDue - this.due;
        this.extensionAllowance = Math.max(0, this.extensionAllowance - used);
      }
      this.setDue(newDue, ext.dayType);
      this.exceeds = undefined;
      return this.extensionTrace(
        event,
        `Extension claimed on ${event.date} (${claimedText})${limit}, within the law's limit ${formatDay(cap)}: due ${weekdayName(this.due)} ${formatDay(this.due)}`,
        ext.citation,
        before,
      );
    }
    this.extensionAllowance = 0;
    this.setDue(cap, ext.dayType);
    this.exceeds = { statutory: cap, claimed: chosen };
    this.extensionTrace(
      event,
      `Extension claimed on ${event.date} (${claimedText})${limit} exceeds what the law allows (${ext.conditions}): statutory due date ${formatDay(cap)}`,
      ext.citation,
      before,
    );
  }

  /** Latest date the law allows with this claim; `due_date` extensions draw on an allowance of days. */
  private extensionCap(ext: ExtensionRule, days: number): number {
    if (ext.measuredFrom === 'due_date') {
      if (ext.maxTimes === null) this.extensionAllowance += days;
      else if (!this.allowanceStarted) this.extensionAllowance = days * ext.maxTimes;
      this.allowanceStarted = true;
      return this.extensionAllowance > 0 ? this.addIn(ext.dayType, this.due, this.extensionAllowance, true) : this.due;
    }
    const base = ext.measuredFrom === 'receipt' ? this.ctx.anchor : (this.ctx.ackEventDay ?? this.ctx.ackDueDay ?? this.ctx.anchor);
    return Math.max(this.due, this.addIn(ext.dayType, base, days, true));
  }

  private setDue(day: number, unit: DayType): void {
    this.due = day;
    this.raw = day;
    this.unit = unit;
  }

  /** Records the claim, then what the added business days skipped (from `before`, the due date before the claim). */
  private extensionTrace(event: TimedEvent, message: string, citation?: string, before?: number): void {
    const entry: TraceEntry = { step: 'extension', message, date: event.date };
    if (citation !== undefined) entry.citation = citation;
    this.trace.push(entry);
    if (before !== undefined && this.unit === 'business' && this.due > before) {
      this.trace.push(...businessRangeTrace(this.ctx.calendar, before, this.due));
    }
  }

  private note(message: string): void {
    this.trace.push({ step: 'note', message });
  }

  private finish(verdict: Pick<Deadline, 'status' | 'satisfiedBy'> & { trace: TraceEntry[] }): Deadline {
    const deadline: Deadline = {
      kind: 'response',
      dueDate: formatDay(this.due),
      statutory: true,
      basis: this.rules.basis,
      status: verdict.status,
      trace: [...this.trace, ...verdict.trace],
    };
    if (verdict.satisfiedBy) deadline.satisfiedBy = verdict.satisfiedBy;
    if (this.exceeds) {
      deadline.exceedsStatute = true;
      deadline.statutoryDueDate = formatDay(this.exceeds.statutory);
      if (this.exceeds.claimed !== undefined) deadline.claimedDueDate = formatDay(this.exceeds.claimed);
    }
    if (this.stop && verdict.status === 'tolled') {
      deadline.remainingDays = this.stop.remaining;
      deadline.remainingDayType = this.unit;
      deadline.tolledSince = formatDay(this.stop.since);
      const waiting = this.open.map((rule) => rule.startEvent).join(' and ');
      deadline.trace.push({
        step: 'status',
        message: `Tolled since ${formatDay(this.stop.since)} with ${this.stop.remaining} ${this.unit} day(s) left, waiting on ${waiting}; the due date shown is the earliest possible and moves when the clock restarts`,
      });
    }
    return deadline;
  }
}
