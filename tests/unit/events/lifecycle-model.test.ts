import fc from 'fast-check';

import { computeDeadlines, getJurisdiction } from '../../../server/deadlines';
import type { DeadlineEvent } from '../../../server/deadlines';
import { BusinessCalendar } from '../../../server/deadlines/business-calendar';
import { formatDay, parseIsoDate } from '../../../server/deadlines/civil-dates';
import { DRAFT, replayLifecycle, transition, type Lifecycle, type LoggableEventType } from '../../../server/events/state-machine';

// A small reference model of the request lifecycle, written from
// docs/request-lifecycle.md without reading the state machine: which events
// are allowed in which state, which waits (fee, clarification) are open, and
// the status shown. Random event sequences run through both; they must agree
// at every step.

type Wait = 'fee' | 'clarification';
type ModelState = { shown: string; phase: string; fee: boolean; clarification: boolean; lastAsked: Wait | null };
type Step = { type: LoggableEventType; data: Record<string, unknown> };

const OPEN_PHASES = ['submitted', 'acknowledged', 'partially_fulfilled'];
const isOpen = (shown: string) =>
  ['submitted', 'acknowledged', 'fee_requested', 'clarification_requested', 'partially_fulfilled'].includes(shown);

function shownOf(phase: string, fee: boolean, clarification: boolean, lastAsked: Wait | null): string {
  if (!OPEN_PHASES.includes(phase)) return phase;
  const stillOpen = (w: Wait | null) => (w === 'fee' ? fee : w === 'clarification' ? clarification : false);
  const latest: Wait | null = stillOpen(lastAsked) ? lastAsked : fee ? 'fee' : clarification ? 'clarification' : null;
  return latest === 'fee' ? 'fee_requested' : latest === 'clarification' ? 'clarification_requested' : phase;
}

function model(state: ModelState, step: Step): ModelState | 'refused' {
  const { shown } = state;
  const move = (phase: string, patch: Partial<ModelState> = {}): ModelState => {
    const next = { ...state, phase, ...patch };
    // Anything that ends processing ends every wait with it.
    if (!OPEN_PHASES.includes(phase)) Object.assign(next, { fee: false, clarification: false, lastAsked: null });
    return { ...next, shown: shownOf(next.phase, next.fee, next.clarification, next.lastAsked) };
  };
  const answered = (phase: string) => (phase === 'submitted' ? 'acknowledged' : phase);
  switch (step.type) {
    case 'acknowledged':
      return shown === 'submitted' ? move('acknowledged') : 'refused';
    case 'extension_claimed':
      return isOpen(shown) || shown === 'appealed' ? move(state.phase) : 'refused';
    case 'expedited_decided':
      return isOpen(shown) ? move(state.phase) : 'refused';
    case 'fee_estimate':
      return isOpen(shown) && !state.fee ? move(answered(state.phase), { fee: true, lastAsked: 'fee' }) : 'refused';
    case 'clarification_requested':
      return isOpen(shown) && !state.clarification
        ? move(answered(state.phase), { clarification: true, lastAsked: 'clarification' })
        : 'refused';
    case 'fee_paid':
      return state.fee ? move(state.phase, { fee: false }) : 'refused';
    case 'clarification_provided':
      return state.clarification ? move(state.phase, { clarification: false }) : 'refused';
    case 'records_released':
      if (!(isOpen(shown) || shown === 'appealed' || shown === 'in_litigation')) return 'refused';
      return move(step.data.final === true ? 'fulfilled' : 'partially_fulfilled');
    case 'denied':
    case 'no_records':
      return isOpen(shown) ? move(step.type) : 'refused';
    case 'appeal_filed':
      return ['denied', 'no_records', 'partially_fulfilled', 'fulfilled'].includes(shown) ? move('appealed') : 'refused';
    case 'appeal_decided': {
      if (shown !== 'appealed') return 'refused';
      const outcome = step.data.outcome;
      return move(outcome === 'granted' ? 'acknowledged' : outcome === 'partly_granted' ? 'partially_fulfilled' : 'denied');
    }
    case 'withdrawn':
      return isOpen(shown) || shown === 'appealed' ? move('withdrawn') : 'refused';
    case 'lawsuit_filed':
      return ['draft', 'withdrawn', 'in_litigation'].includes(shown) ? 'refused' : move('in_litigation');
    case 'note':
    case 'correspondence':
      return state;
    case 'correction':
      throw new Error('corrections are replayed, not stepped');
  }
}

const waitsOf = (s: ModelState): Wait[] => (['fee', 'clarification'] as const).filter((w) => s[w]);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom<LoggableEventType>('fee_estimate', 'fee_paid', 'clarification_requested', 'clarification_provided')
      .map((type) => ({ type, data: type === 'fee_estimate' ? { amount: 25 } : {} })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<LoggableEventType>(
        'acknowledged',
        'extension_claimed',
        'expedited_decided',
        'denied',
        'no_records',
        'appeal_filed',
        'withdrawn',
        'lawsuit_filed',
        'note',
      )
      .map((type) => ({ type, data: {} })),
  },
  { weight: 1, arbitrary: fc.boolean().map((final) => ({ type: 'records_released' as const, data: { final } })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('granted', 'partly_granted', 'denied')
      .map((outcome) => ({ type: 'appeal_decided' as const, data: { outcome } })),
  },
);

const SUBMITTED: ModelState = { shown: 'submitted', phase: 'submitted', fee: false, clarification: false, lastAsked: null };

describe('the state machine against a reference model', () => {
  test('random event sequences: the same moves are allowed, the same waits open, the same status shown', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let expected = SUBMITTED;
        let actual: Lifecycle = replayLifecycle([{ type: 'submitted', data: {} }]);
        const accepted: Array<{ type: string; data: Record<string, unknown> }> = [{ type: 'submitted', data: {} }];
        for (const s of steps) {
          const want = model(expected, s);
          const got = transition(actual, s.type, s.data);
          expect({ step: s, allowed: got.allowed }).toEqual({ step: s, allowed: want !== 'refused' });
          if (want === 'refused' || !got.allowed) {
            if (!got.allowed) expect(got.reason).toMatch(/^An? \w+ event cannot be logged on an? \w+ request/);
            continue;
          }
          expect({ step: s, status: got.to.status, awaiting: [...got.to.awaiting].sort() }).toEqual({
            step: s,
            status: want.shown,
            awaiting: waitsOf(want).sort(),
          });
          expected = want;
          actual = got.to;
          accepted.push(s);
        }
        // Replaying the accepted history (what a correction does) lands in the same place.
        const replayed = replayLifecycle(accepted);
        expect({ status: replayed.status, awaiting: [...replayed.awaiting].sort() }).toEqual({
          status: expected.shown,
          awaiting: waitsOf(expected).sort(),
        });
      }),
      { numRuns: 2000 },
    );
  });

  test('from a draft only notes and correspondence are allowed', () => {
    fc.assert(
      fc.property(step, (s) => {
        expect(transition(DRAFT, s.type, s.data).allowed).toBe(model({ ...SUBMITTED, shown: 'draft', phase: 'draft' }, s) !== 'refused');
      }),
    );
  });
});

// The deadline engine under a law that tolls for both reasons without limit
// (Oregon, 15 business days from receipt): the clock is stopped exactly while
// the model has a wait open, and every business day it ran, and none while it
// was stopped, counts towards the 15.
describe('the response clock against the same model', () => {
  const rules = getJurisdiction('US-OR');
  const version = rules?.versions[rules.versions.length - 1];
  if (!version) throw new Error('US-OR rules');
  const calendar = new BusinessCalendar({ holidays: version.holidays, optional: [], worked: new Set(), closures: [] });
  const PERIOD = 15;
  const tollStep = fc.constantFrom<LoggableEventType>(
    'fee_estimate',
    'fee_paid',
    'clarification_requested',
    'clarification_provided',
    'note',
  );

  test('random fee and clarification sequences: tolled while any wait is open, and only running days count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDate('2025-01-01') as number, max: parseIsoDate('2029-12-31') as number }),
        fc.array(fc.tuple(tollStep, fc.integer({ min: 0, max: 2 })), { maxLength: 12 }),
        (receivedDay, steps) => {
          let state = SUBMITTED;
          let day = receivedDay;
          const events: DeadlineEvent[] = [];
          // Clock intervals as the model sees them: stopped from a day to the day it restarts.
          const stops: Array<{ from: number; to: number | undefined }> = [];
          for (const [type, gap] of steps) {
            const next = model(state, { type, data: type === 'fee_estimate' ? { amount: 10 } : {} });
            if (next === 'refused') continue;
            // All within the first 12 days, before any due date could pass.
            day = Math.min(day + gap, receivedDay + 12);
            const wasStopped = state.fee || state.clarification;
            const isStopped = next.fee || next.clarification;
            if (!wasStopped && isStopped) stops.push({ from: day, to: undefined });
            if (wasStopped && !isStopped) (stops[stops.length - 1] as { to: number | undefined }).to = day;
            events.push({ type, occurredAt: `${formatDay(day)}T12:00:00-08:00`, data: type === 'fee_estimate' ? { amount: 10 } : {} });
            state = next;
          }
          const result = computeDeadlines({
            jurisdiction: 'US-OR',
            receivedAt: `${formatDay(receivedDay)}T12:00:00-08:00`,
            timezone: 'America/Los_Angeles',
            events,
          });
          const response = result.deadlines.find((d) => d.kind === 'response');
          if (!response) throw new Error('no response deadline');
          const anchor = parseIsoDate(result.deemedReceivedDate) as number;
          const stoppedOn = (d: number) => stops.some((s) => d > s.from && (s.to === undefined || d <= s.to));
          const runningDays = (until: number) => {
            let n = 0;
            for (let d = anchor + 1; d <= until; d++) if (calendar.isBusinessDay(d) && !stoppedOn(d)) n++;
            return n;
          };
          const open = state.fee || state.clarification;
          expect(response.status).toBe(open ? 'tolled' : 'open');
          if (open) {
            const current = stops[stops.length - 1] as { from: number };
            expect(response.tolledSince).toBe(formatDay(current.from));
            expect(response.remainingDays).toBe(PERIOD - runningDays(current.from));
          } else {
            const due = parseIsoDate(response.dueDate) as number;
            expect(calendar.isBusinessDay(due)).toBe(true);
            expect(runningDays(due)).toBe(PERIOD);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
