import { computeDeadlines, computeResponseDueDate } from '../../../server/deadlines';
import type { DeadlineInput } from '../../../server/deadlines';

function responseDeadline(input: DeadlineInput) {
  const deadline = computeDeadlines(input).deadlines.find((d) => d.kind === 'response');
  if (!deadline) throw new Error('no response deadline');
  return deadline;
}

// Each date below was counted by hand on a 2026 calendar against the state's
// official holiday list named in the comment; computeResponseDueDate (the bulk
// path) must agree with computeDeadlines.
describe('hand-checked state vectors', () => {
  const cases: { name: string; input: DeadlineInput; due: string }[] = [
    {
      // Cal. Gov't Code § 7922.535, 10 calendar days: Sat 21 Mar + 10 = Tue 31 Mar, Cesar Chavez Day
      // (a state holiday, Gov't Code § 19853), so the date rolls to Wed 1 Apr.
      name: 'California 10 calendar days ending on Cesar Chavez Day rolls to the next business day',
      input: { jurisdiction: 'US-CA', receivedAt: '2026-03-21T10:00:00-07:00' },
      due: '2026-04-01',
    },
    {
      // Thu 15 Jan + 10 = Sun 25 Jan → Mon 26 Jan.
      name: 'California 10 calendar days ending on a Sunday',
      input: { jurisdiction: 'US-CA', receivedAt: '2026-01-15T10:00:00-08:00' },
      due: '2026-01-26',
    },
    {
      // Tex. Gov't Code § 552.221(d), 10 business days. Texas state holidays: Thanksgiving (26 Nov)
      // and the day after (27 Nov). Count: 24, 25, 30 Nov, 1-4 Dec, 7, 8, 9 Dec.
      name: 'Texas 10 business days across Thanksgiving and the day after',
      input: { jurisdiction: 'US-TX', receivedAt: '2026-11-23T09:00:00-06:00' },
      due: '2026-12-09',
    },
    {
      // Texas also closes 24, 25 Dec (and 26 Dec, a Saturday) and 1 Jan. Count: 21, 22, 23, 28, 29,
      // 30, 31 Dec, 4, 5, 6 Jan.
      name: 'Texas 10 business days across the Christmas holidays',
      input: { jurisdiction: 'US-TX', receivedAt: '2026-12-18T09:00:00-06:00' },
      due: '2027-01-06',
    },
    {
      // N.Y. Pub. Off. Law § 89(3)(a), 5 business days. New York state holidays: Lincoln's Birthday
      // (Thu 12 Feb) and Washington's Birthday (Mon 16 Feb). Count: 13, 17, 18, 19, 20 Feb.
      name: "New York 5 business days across Lincoln's and Washington's Birthdays",
      input: { jurisdiction: 'US-NY', receivedAt: '2026-02-11T15:00:00-05:00' },
      due: '2026-02-20',
    },
    {
      // 65 P.S. § 67.901, 5 business days, day of receipt not counted. Juneteenth (Fri 19 Jun) is a
      // day of observance (Act 9 of 2019), not a legal holiday of 44 P.S. § 11: 15, 16, 17, 18, 19 Jun.
      name: 'Pennsylvania 5 business days; Juneteenth is not a legal holiday',
      input: { jurisdiction: 'US-PA', receivedAt: '2026-06-12T12:00:00-04:00' },
      due: '2026-06-19',
    },
    {
      // Md. Code, Gen. Prov. § 4-203, 30 days: Tue 27 Oct + 30 = Thu 26 Nov (Thanksgiving); Fri 27 Nov
      // is American Indian Heritage Day (a Maryland state holiday); weekend; → Mon 30 Nov.
      name: 'Maryland 30 calendar days ending on Thanksgiving rolls past the Maryland Friday holiday',
      input: { jurisdiction: 'US-MD', receivedAt: '2026-10-27T12:00:00-04:00' },
      due: '2026-11-30',
    },
    {
      // Mon 3 Aug + 30 = Wed 2 Sep, a business day.
      name: 'Maryland 30 calendar days on a business day',
      input: { jurisdiction: 'US-MD', receivedAt: '2026-08-03T12:00:00-04:00' },
      due: '2026-09-02',
    },
    {
      // MCL 15.235: an emailed request is received 1 business day after it is sent. Sent Fri 16 Jan;
      // Mon 19 Jan is MLK Day, so it is received Tue 20 Jan; 5 business days: 21, 22, 23, 26, 27 Jan.
      name: 'Michigan email request is received one business day later',
      input: { jurisdiction: 'US-MI', receivedAt: '2026-01-16T14:00:00-05:00', submissionMethod: 'email' },
      due: '2026-01-27',
    },
    {
      // Same request delivered by hand: 20, 21, 22, 23, 26 Jan.
      name: 'Michigan hand-delivered request',
      input: { jurisdiction: 'US-MI', receivedAt: '2026-01-16T14:00:00-05:00', submissionMethod: 'in_person' },
      due: '2026-01-26',
    },
    {
      // D.C. Code § 2-532(c), 15 business days. DC Emancipation Day is Thu 16 Apr 2026. Count from
      // Tue 7 Apr: 7-10 (4), 13-15 (7), 17 (8), 20-24 (13), 27, 28 (15).
      name: 'District of Columbia 15 business days across Emancipation Day',
      input: { jurisdiction: 'US-DC', receivedAt: '2026-04-06T12:00:00-04:00' },
      due: '2026-04-28',
    },
  ];

  test.each(cases)('$name', ({ input, due }) => {
    expect(responseDeadline(input).dueDate).toBe(due);
    expect(computeResponseDueDate(input.jurisdiction, input.receivedAt.slice(0, 10))).toBe(
      input.submissionMethod === 'email' ? '2026-01-26' : due,
    );
  });

  test('a Commonwealth agency that closes on Juneteenth opts in: 15, 16, 17, 18, 22 Jun', () => {
    const deadline = responseDeadline({ jurisdiction: 'US-PA', receivedAt: '2026-06-12T12:00:00-04:00', optionalHolidays: ['juneteenth'] });
    expect(deadline.dueDate).toBe('2026-06-22');
    expect(deadline.trace.some((t) => t.step === 'optional_holiday' && t.date === '2026-06-19')).toBe(true);
  });

  test('a California roll-forward is explained in the trace', () => {
    const deadline = responseDeadline({ jurisdiction: 'US-CA', receivedAt: '2026-03-21T10:00:00-07:00' });
    const roll = deadline.trace.find((t) => t.step === 'roll_forward');
    expect(roll?.from).toBe('2026-03-31');
    expect(roll?.to).toBe('2026-04-01');
    expect(roll?.message).toContain('Cesar Chavez Day');
    expect(roll?.message).toContain('§ 19853');
  });

  test('Michigan ignores agency closures (AG Op. 7172) and says so', () => {
    const result = computeDeadlines({
      jurisdiction: 'US-MI',
      receivedAt: '2026-01-16',
      closures: [{ date: '2026-01-20', name: 'Snow day' }],
    });
    expect(result.deadlines.find((d) => d.kind === 'response')?.dueDate).toBe('2026-01-26');
    expect(result.warnings.join(' ')).toContain('AG Op. 7172');
  });

  test('a closure elsewhere does stop the count', () => {
    // Texas: Wed 16 Sep 2026 closure pushes 10 business days from Mon 14 Sep from Mon 28 to Tue 29 Sep.
    expect(responseDeadline({ jurisdiction: 'US-TX', receivedAt: '2026-09-14' }).dueDate).toBe('2026-09-28');
    const closed = responseDeadline({
      jurisdiction: 'US-TX',
      receivedAt: '2026-09-14',
      closures: [{ date: '2026-09-16', name: 'Storm closure' }],
    });
    expect(closed.dueDate).toBe('2026-09-29');
    expect(closed.trace.find((t) => t.step === 'closure')?.name).toBe('Storm closure');
  });
});
