import { computeDeadlines } from '../../../server/deadlines';
import type { Deadline, DeadlineEvent, DeadlineInput } from '../../../server/deadlines';

const at = (date: string) => `${date}T12:00:00-05:00`;
const ev = (type: string, date: string, data?: Record<string, unknown>): DeadlineEvent => ({
  type,
  occurredAt: at(date),
  ...(data ? { data } : {}),
});

function deadlines(input: DeadlineInput): Deadline[] {
  return computeDeadlines(input).deadlines;
}
function only(list: Deadline[], kind: string): Deadline {
  const found = list.filter((d) => d.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0] as Deadline;
}

// Federal request received Fri 2026-01-16: base due Tue 2026-02-17 (issue example).
const federal = (events: DeadlineEvent[], extra: Partial<DeadlineInput> = {}): Deadline[] =>
  deadlines({ jurisdiction: 'US', receivedAt: at('2026-01-16'), events, ...extra });

describe('extensions', () => {
  test('an extension claimed in calendar days rolls off a closed day like the statutory maximum does', () => {
    // Maryland: received Tue 3 Mar 2026, 30 calendar days → Thu 2 Apr; +30 calendar days → Sat 2 May → Mon 4 May.
    const maryland = (data: Record<string, unknown>) =>
      only(
        deadlines({ jurisdiction: 'US-MD', receivedAt: at('2026-03-03'), events: [ev('extension_claimed', '2026-03-20', data)] }),
        'response',
      ).dueDate;
    expect(maryland({ days: 30 })).toBe('2026-05-04');
    expect(maryland({ reason: 'no number of days given' })).toBe('2026-05-04');
    // California: received Mon 2 Nov 2026, +10 → Thu 12 Nov; +14 → Thu 26 Nov (Thanksgiving), Fri 27 Nov (state holiday), weekend → Mon 30 Nov.
    const california = only(
      deadlines({ jurisdiction: 'US-CA', receivedAt: at('2026-11-02'), events: [ev('extension_claimed', '2026-11-05', { days: 14 })] }),
      'response',
    );
    expect(california.dueDate).toBe('2026-11-30');
    expect(california.exceedsStatute).toBeUndefined();
  });

  test('claimed days within the law move the due date to the claimed date', () => {
    // 17 Feb + 10 working days = 18-20, 23-27 Feb, 2, 3 Mar.
    const response = only(federal([ev('extension_claimed', '2026-02-10', { days: 10 })]), 'response');
    expect(response.dueDate).toBe('2026-03-03');
    expect(response.exceedsStatute).toBeUndefined();
    expect(response.trace.some((t) => t.step === 'extension' && t.citation === '5 U.S.C. § 552(a)(6)(B)(i)')).toBe(true);
  });

  test('a shorter claimed date within the law is the due date', () => {
    expect(only(federal([ev('extension_claimed', '2026-02-10', { newDueDate: '2026-02-27' })]), 'response').dueDate).toBe('2026-02-27');
  });

  test('a claim beyond the law is flagged and the statutory date kept beside it', () => {
    const response = only(federal([ev('extension_claimed', '2026-02-10', { newDueDate: '2026-03-20' })]), 'response');
    expect(response).toMatchObject({
      exceedsStatute: true,
      statutoryDueDate: '2026-03-03',
      claimedDueDate: '2026-03-20',
      dueDate: '2026-03-03',
    });
  });

  test('two claims within the 10-day total are lawful; a third beyond it is not', () => {
    const list = federal([ev('extension_claimed', '2026-02-10', { days: 4 }), ev('extension_claimed', '2026-02-20', { days: 6 })]);
    expect(only(list, 'response')).toMatchObject({ dueDate: '2026-03-03' });
    expect(only(list, 'response').exceedsStatute).toBeUndefined();
    const more = federal([ev('extension_claimed', '2026-02-10', { days: 4 }), ev('extension_claimed', '2026-02-20', { days: 7 })]);
    expect(only(more, 'response')).toMatchObject({ exceedsStatute: true, dueDate: '2026-03-03', claimedDueDate: '2026-03-04' });
  });

  test('an extension claimed after the due date is not applied', () => {
    // `days` are added to the due date, so the claim reads as 3 Mar; made on 18 Feb, it came too late.
    const response = only(federal([ev('extension_claimed', '2026-02-18', { days: 10 })]), 'response');
    expect(response).toMatchObject({
      dueDate: '2026-02-17',
      exceedsStatute: true,
      statutoryDueDate: '2026-02-17',
      claimedDueDate: '2026-03-03',
    });
  });

  test('a law without an extension flags any later date (Connecticut)', () => {
    // Conn.: 4 business days from Mon 2 Mar 2026 → Fri 6 Mar.
    const response = only(
      deadlines({
        jurisdiction: 'US-CT',
        receivedAt: at('2026-03-02'),
        events: [ev('extension_claimed', '2026-03-04', { newDueDate: '2026-03-20' })],
      }),
      'response',
    );
    expect(response).toMatchObject({ dueDate: '2026-03-06', exceedsStatute: true, claimedDueDate: '2026-03-20' });
  });

  test('an uncapped extension takes the agency date (Texas certification)', () => {
    const response = only(
      deadlines({
        jurisdiction: 'US-TX',
        receivedAt: at('2026-09-14'),
        events: [ev('extension_claimed', '2026-09-20', { newDueDate: '2026-11-02' })],
      }),
      'response',
    );
    expect(response.dueDate).toBe('2026-11-02');
    expect(response.exceedsStatute).toBeUndefined();
  });

  test('Pennsylvania adds 30 calendar days to a business-day deadline', () => {
    // 5 business days from Fri 12 Jun 2026 → Fri 19 Jun (Juneteenth is not a Pennsylvania legal holiday);
    // + 30 days = Sun 19 Jul, rolled to Mon 20 Jul.
    const response = only(
      deadlines({ jurisdiction: 'US-PA', receivedAt: at('2026-06-12'), events: [ev('extension_claimed', '2026-06-18')] }),
      'response',
    );
    expect(response.dueDate).toBe('2026-07-20');
  });
});

describe('tolling', () => {
  test('a clarification request stops the clock and the answer restarts it with the days left', () => {
    // Stopped Tue 20 Jan after 1 working day (19 Jan is MLK Day): 19 left. Restarted Tue 27 Jan:
    // 28-30 Jan, 2-6, 9-13 Feb, 17-20 Feb (16 Feb holiday), 23, 24 Feb.
    const response = only(federal([ev('clarification_requested', '2026-01-20'), ev('clarification_provided', '2026-01-27')]), 'response');
    expect(response.dueDate).toBe('2026-02-24');
    expect(response.trace.find((t) => t.step === 'toll')?.days).toBe(19);
    expect(response.trace.find((t) => t.step === 'resume')).toMatchObject({ from: '2026-01-20', to: '2026-01-27', days: 19 });
  });

  test('while the toll is open the deadline is tolled and keeps the days left', () => {
    const response = only(federal([ev('clarification_requested', '2026-01-20')]), 'response');
    expect(response).toMatchObject({
      status: 'tolled',
      remainingDays: 19,
      remainingDayType: 'business',
      tolledSince: '2026-01-20',
      dueDate: '2026-02-17',
    });
  });

  test('federal clarification tolling is allowed only once', () => {
    const response = only(
      federal([
        ev('clarification_requested', '2026-01-20'),
        ev('clarification_provided', '2026-01-27'),
        ev('clarification_requested', '2026-02-02'),
        ev('clarification_provided', '2026-02-09'),
      ]),
      'response',
    );
    expect(response.dueDate).toBe('2026-02-24');
    expect(response.trace.some((t) => t.message.includes('the law allows it 1 time'))).toBe(true);
  });

  test('a fee estimate tolls until payment', () => {
    // Fee estimate Mon 2 Feb: 10 working days used (20-23, 26-30 Jan, 2 Feb → 20, 21, 22, 23, 26, 27, 28, 29, 30 Jan, 2 Feb).
    // Paid Mon 9 Feb: 10 left → 10-13, 17-20, 23, 24 Feb (16 Feb holiday).
    const response = only(federal([ev('fee_estimate', '2026-02-02', { amount: 25 }), ev('fee_paid', '2026-02-09')]), 'response');
    expect(response.trace.find((t) => t.step === 'toll')?.days).toBe(10);
    expect(response.dueDate).toBe('2026-02-24');
  });

  test('a state without tolling does not stop the clock (California)', () => {
    const response = only(
      deadlines({
        jurisdiction: 'US-CA',
        receivedAt: at('2026-01-15'),
        events: [ev('clarification_requested', '2026-01-16'), ev('clarification_provided', '2026-01-23')],
      }),
      'response',
    );
    expect(response.dueDate).toBe('2026-01-26');
    expect(response.trace.some((t) => t.message.includes('does not stop the clock'))).toBe(true);
  });

  test('records released while the clock is stopped are on time', () => {
    const response = only(
      federal([ev('clarification_requested', '2026-01-20'), ev('records_released', '2026-04-01', { final: true })]),
      'response',
    );
    expect(response).toMatchObject({ status: 'met', satisfiedBy: { type: 'records_released', date: '2026-04-01' } });
  });

  test('a clarification dated before receipt cannot lengthen the clock', () => {
    const response = only(federal([ev('clarification_requested', '2026-01-10'), ev('clarification_provided', '2026-01-30')]), 'response');
    expect(response.dueDate).toBe('2026-02-17');
  });

  describe('a fee and a clarification open at once', () => {
    test.each(['US', 'US-MT', 'US-OR'])(
      '%s: answering the clarification while the fee is unpaid keeps the clock stopped',
      (jurisdiction) => {
        const events = [
          ev('fee_estimate', '2026-01-21', { amount: 25 }),
          ev('clarification_requested', '2026-01-22'),
          ev('clarification_provided', '2026-01-27'),
        ];
        const stopped = only(deadlines({ jurisdiction, receivedAt: at('2026-01-16'), events }), 'response');
        expect(stopped).toMatchObject({ status: 'tolled', tolledSince: '2026-01-21' });
        expect(stopped.trace.some((t) => t.step === 'resume')).toBe(false);
      },
    );

    test.each(['US', 'US-MT', 'US-OR'])(
      '%s: a fee asked while the clarification is open keeps the clock stopped after the answer',
      (jurisdiction) => {
        const events = [
          ev('clarification_requested', '2026-01-21'),
          ev('fee_estimate', '2026-01-22', { amount: 25 }),
          ev('clarification_provided', '2026-01-27'),
        ];
        const stopped = only(deadlines({ jurisdiction, receivedAt: at('2026-01-16'), events }), 'response');
        expect(stopped).toMatchObject({ status: 'tolled', tolledSince: '2026-01-21' });
      },
    );

    test.each(['US', 'US-MT', 'US-OR'])('%s: paying the fee while the clarification is open keeps the clock stopped', (jurisdiction) => {
      const events = [
        ev('clarification_requested', '2026-01-21'),
        ev('fee_estimate', '2026-01-22', { amount: 25 }),
        ev('fee_paid', '2026-01-27'),
      ];
      const stopped = only(deadlines({ jurisdiction, receivedAt: at('2026-01-16'), events }), 'response');
      expect(stopped).toMatchObject({ status: 'tolled', tolledSince: '2026-01-21' });
    });

    test('the clock restarts only when the last reason is resolved, and the days in between do not count', () => {
      // Stopped Tue 20 Jan with 19 working days left (as in the clarification test). Fee asked Thu 22 Jan,
      // clarification answered Tue 27 Jan (the fee still unpaid), fee paid Mon 2 Feb: 19 days from then are
      // 3-6, 9-13, 17-20 (16 Feb holiday), 23-27 Feb and 2 Mar.
      const response = only(
        federal([
          ev('clarification_requested', '2026-01-20'),
          ev('fee_estimate', '2026-01-22', { amount: 25 }),
          ev('clarification_provided', '2026-01-27'),
          ev('fee_paid', '2026-02-02'),
        ]),
        'response',
      );
      expect(response).toMatchObject({ status: 'open', dueDate: '2026-03-02' });
      expect(response.trace.filter((t) => t.step === 'resume')).toEqual([
        expect.objectContaining({ from: '2026-01-20', to: '2026-02-02', days: 19 }),
      ]);
    });

    test('the same with the fee first: due ten working days after the payment', () => {
      const response = only(
        federal([
          ev('fee_estimate', '2026-02-02', { amount: 25 }),
          ev('clarification_requested', '2026-02-03'),
          ev('clarification_provided', '2026-02-05'),
          ev('fee_paid', '2026-02-09'),
        ]),
        'response',
      );
      expect(response).toMatchObject({ status: 'open', dueDate: '2026-02-24' });
    });
  });

  test('an extension claimed while tolled is applied after the restart', () => {
    const response = only(
      federal([
        ev('clarification_requested', '2026-01-20'),
        ev('extension_claimed', '2026-01-22', { days: 10 }),
        ev('clarification_provided', '2026-01-27'),
      ]),
      'response',
    );
    // 24 Feb + 10 working days: 25-27 Feb, 2-6 Mar, 9, 10 Mar.
    expect(response.dueDate).toBe('2026-03-10');
  });
});

describe('status from events', () => {
  test('met when the final answer comes on or before the due date', () => {
    const response = only(federal([ev('records_released', '2026-02-17', { final: true })]), 'response');
    expect(response).toMatchObject({ status: 'met', satisfiedBy: { type: 'records_released', date: '2026-02-17' } });
  });

  test('missed when it comes after', () => {
    expect(only(federal([ev('denied', '2026-02-18', { exemptions: ['b5'] })]), 'response').status).toBe('missed');
  });

  test('an interim release does not satisfy the response', () => {
    expect(only(federal([ev('records_released', '2026-02-01', { final: false })]), 'response').status).toBe('open');
  });

  test('withdrawal supersedes open deadlines', () => {
    expect(only(federal([ev('withdrawn', '2026-02-01')]), 'response').status).toBe('superseded');
  });

  test('acknowledgment deadline (New York) met by an acknowledgment', () => {
    // 5 business days from Wed 11 Feb 2026 → Fri 20 Feb (Lincoln's and Washington's Birthdays skipped).
    const list = deadlines({
      jurisdiction: 'US-NY',
      receivedAt: at('2026-02-11'),
      events: [ev('acknowledged', '2026-02-19', { trackingNumber: 'FOIL-1' })],
    });
    expect(only(list, 'acknowledgment')).toMatchObject({ dueDate: '2026-02-20', status: 'met' });
    expect(only(list, 'response').status).toBe('open');
  });

  test('an acknowledgment on the day of receipt meets the acknowledgment deadline', () => {
    const list = deadlines({ jurisdiction: 'US-NY', receivedAt: at('2026-02-11'), events: [ev('acknowledged', '2026-02-11')] });
    expect(only(list, 'acknowledgment')).toMatchObject({ status: 'met', satisfiedBy: { type: 'acknowledged', date: '2026-02-11' } });
  });

  test('New York: an acknowledgment with a date within 20 business days extends the response lawfully', () => {
    // Ack Thu 19 Feb + 20 business days = Thu 19 Mar.
    const list = deadlines({
      jurisdiction: 'US-NY',
      receivedAt: at('2026-02-11'),
      events: [ev('acknowledged', '2026-02-19'), ev('extension_claimed', '2026-02-19', { newDueDate: '2026-03-19' })],
    });
    expect(only(list, 'response')).toMatchObject({ dueDate: '2026-03-19' });
    const beyond = deadlines({
      jurisdiction: 'US-NY',
      receivedAt: at('2026-02-11'),
      events: [ev('acknowledged', '2026-02-19'), ev('extension_claimed', '2026-02-19', { newDueDate: '2026-03-20' })],
    });
    expect(only(beyond, 'response')).toMatchObject({ exceedsStatute: true, statutoryDueDate: '2026-03-19' });
  });
});

describe('appeals', () => {
  test('a denial opens the federal appeal window: not less than 90 calendar days, not moved off a weekend', () => {
    // Denied Wed 4 Mar 2026 + 90 days = Tue 2 Jun.
    const appeal = only(federal([ev('denied', '2026-03-04', { exemptions: ['b7(E)'] })]), 'appeal');
    expect(appeal).toMatchObject({
      dueDate: '2026-06-02',
      statutory: true,
      status: 'open',
      triggeredBy: { type: 'denied', date: '2026-03-04' },
    });
    expect(appeal.basis).toContain('not less than 90 calendar days');
  });

  test('appeal_filed starts the appeal decision: 20 working days', () => {
    // Filed Wed 1 Apr 2026 → 2-3, 6-10, 13-17, 20-24, 27-29 Apr.
    const list = federal([
      ev('denied', '2026-03-04'),
      ev('appeal_filed', '2026-04-01'),
      ev('appeal_decided', '2026-05-01', { outcome: 'affirmed' }),
    ]);
    expect(only(list, 'appeal')).toMatchObject({ status: 'met', satisfiedBy: { type: 'appeal_filed', date: '2026-04-01' } });
    expect(only(list, 'appeal_decision')).toMatchObject({ dueDate: '2026-04-29', status: 'missed' });
  });

  test('an appeal filed after the window is missed', () => {
    expect(only(federal([ev('denied', '2026-03-04'), ev('appeal_filed', '2026-06-03')]), 'appeal').status).toBe('missed');
  });

  test('a final release withholding under exemptions opens the window; a full release does not', () => {
    expect(federal([ev('records_released', '2026-03-04', { final: true, exemptions: ['b6'] })]).some((d) => d.kind === 'appeal')).toBe(
      true,
    );
    expect(federal([ev('records_released', '2026-03-04', { final: true })]).some((d) => d.kind === 'appeal')).toBe(false);
  });

  test('a later denial supersedes the earlier window', () => {
    const appeals = federal([ev('denied', '2026-03-04'), ev('denied', '2026-03-20')]).filter((d) => d.kind === 'appeal');
    expect(appeals.map((d) => d.status)).toEqual(['superseded', 'open']);
  });

  test('Pennsylvania appeal window is 15 business days', () => {
    // Denied Mon 22 Jun 2026: 23-26 Jun, 29-30 Jun, 1-2 Jul, 6-10 Jul (3 Jul observed holiday), 13, 14 Jul.
    const appeal = only(deadlines({ jurisdiction: 'US-PA', receivedAt: at('2026-06-12'), events: [ev('denied', '2026-06-22')] }), 'appeal');
    expect(appeal.dueDate).toBe('2026-07-14');
  });

  test('Minnesota: two-year OAH window rolls forward under § 645.15', () => {
    // Denied Sat 2026-01-17 → 2028-01-17 is MLK Day (Monday) → Tue 2028-01-18.
    const appeal = only(deadlines({ jurisdiction: 'US-MN', receivedAt: at('2026-01-05'), events: [ev('denied', '2026-01-17')] }), 'appeal');
    expect(appeal.dueDate).toBe('2028-01-18');
    expect(appeal.trace.find((t) => t.step === 'roll_forward')?.citation).toBe('Minn. Stat. § 645.15');
  });
});

describe('no fixed period', () => {
  test('Minnesota public data: no statutory response date, a follow-up target when asked', () => {
    const bare = computeDeadlines({ jurisdiction: 'US-MN', receivedAt: at('2026-01-16') });
    expect(bare.deadlines).toHaveLength(0);
    expect(bare.warnings.join(' ')).toContain('appropriate and prompt manner');

    const withTarget = computeDeadlines({
      jurisdiction: 'US-MN',
      receivedAt: '2026-01-16T16:00:00-06:00',
      followUpTarget: { days: 10, dayType: 'business' },
    });
    expect(withTarget.deadlines.some((d) => d.kind === 'response')).toBe(false);
    const followUp = only(withTarget.deadlines, 'follow_up');
    // 20 (19 MLK), 21-23, 26-30 Jan, 2 Feb.
    expect(followUp).toMatchObject({ statutory: false, dueDate: '2026-02-02' });
    expect(followUp.basis).toContain('Newsroom follow-up target');
    expect(followUp.basis).toContain('"appropriate and prompt manner"');
    expect(followUp.basis).toContain('Minn. Stat. § 13.03 subd. 2(a)');
  });

  test('federal expedited request adds the 10-day determination (calendar days, doubt recorded)', () => {
    const list = deadlines({ jurisdiction: 'US', receivedAt: at('2026-01-16'), requestType: 'expedited' });
    const expedited = only(list, 'expedited_determination');
    expect(expedited.dueDate).toBe('2026-01-26');
    expect(expedited.trace.some((t) => t.message.startsWith('DOUBT'))).toBe(true);
    expect(only(list, 'response').dueDate).toBe('2026-02-17');
    expect(expedited.status).toBe('open');
  });

  test("the expedited determination is met by the agency's decision in time, missed by a late one, and mooted by a final answer", () => {
    const expedited = (events: DeadlineEvent[]) =>
      only(deadlines({ jurisdiction: 'US', receivedAt: at('2026-01-16'), requestType: 'expedited', events }), 'expedited_determination');
    expect(expedited([ev('expedited_decided', '2026-01-22', { granted: false })])).toMatchObject({
      status: 'met',
      satisfiedBy: { type: 'expedited_decided', date: '2026-01-22' },
    });
    expect(expedited([ev('expedited_decided', '2026-01-28', { granted: true })])).toMatchObject({
      status: 'missed',
      satisfiedBy: { date: '2026-01-28' },
    });
    expect(expedited([ev('denied', '2026-01-23', { exemptions: [] })])).toMatchObject({ status: 'met', satisfiedBy: { type: 'denied' } });
    // A partial release is not a decision on expedited processing.
    expect(expedited([ev('records_released', '2026-01-20', { final: false })]).status).toBe('open');
  });
});

describe('further review after an appeal decision', () => {
  // Kentucky: the Attorney General decides the appeal; the requester may go to circuit court within 30 days.
  const kentucky = (events: DeadlineEvent[]) =>
    only(deadlines({ jurisdiction: 'US-KY', receivedAt: at('2026-03-02'), events }), 'further_review');
  const decided = [
    ev('denied', '2026-03-05', { exemptions: [] }),
    ev('appeal_filed', '2026-03-10'),
    ev('appeal_decided', '2026-03-30', { outcome: 'denied' }),
  ];

  test('the window is open until the requester sues, and met by a lawsuit filed within it', () => {
    const open = kentucky(decided);
    expect(open).toMatchObject({ status: 'open', dueDate: '2026-04-29' });
    expect(kentucky([...decided, ev('lawsuit_filed', '2026-04-20')])).toMatchObject({
      status: 'met',
      satisfiedBy: { type: 'lawsuit_filed', date: '2026-04-20' },
    });
    expect(kentucky([...decided, ev('lawsuit_filed', '2026-05-04')]).status).toBe('missed');
  });
});

describe('expedited processing as a property of the request', () => {
  test('a standard federal request that asks for expedited processing carries the 10-day determination', () => {
    expect(only(deadlines({ jurisdiction: 'US', receivedAt: at('2026-01-16'), expedited: true }), 'expedited_determination').dueDate).toBe(
      '2026-01-26',
    );
    expect(deadlines({ jurisdiction: 'US', receivedAt: at('2026-01-16') }).some((d) => d.kind === 'expedited_determination')).toBe(false);
  });

  test('a law without expedited processing gives no determination and warns, the rest unchanged', () => {
    const asked = computeDeadlines({ jurisdiction: 'US-TX', receivedAt: at('2026-03-02'), expedited: true });
    const plain = computeDeadlines({ jurisdiction: 'US-TX', receivedAt: at('2026-03-02') });
    expect(asked.deadlines).toEqual(plain.deadlines);
    expect(asked.warnings.filter((w) => !plain.warnings.includes(w))).toEqual([
      expect.stringMatching(/expedited processing is not available under/i),
    ]);
  });
});
