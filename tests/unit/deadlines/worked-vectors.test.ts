import { computeDeadlines } from '../../../server/deadlines';
import type { DeadlineInput, DeadlineResult } from '../../../server/deadlines';

function response(result: DeadlineResult) {
  const deadline = result.deadlines.find((d) => d.kind === 'response');
  if (!deadline) throw new Error(`no response deadline in ${JSON.stringify(result.deadlines.map((d) => d.kind))}`);
  return deadline;
}

function responseDue(input: DeadlineInput): string {
  return response(computeDeadlines(input)).dueDate;
}

const MN_STATE_EXECUTIVE = { optionalHolidays: ['day-after-thanksgiving'], workedHolidays: ['indigenous-peoples-day'] };

// The seven rows of "Worked vectors" in server/deadlines/rules/sources/reference-notes.md, plus the example.
describe('reference worked vectors', () => {
  test('federal, legal public holidays only: Fri 2025-12-05 → Tue 2026-01-06', () => {
    // 20 working days skipping 25 Dec and 1 Jan (legal public holidays).
    expect(responseDue({ jurisdiction: 'US', receivedAt: '2025-12-05T10:00:00-05:00' })).toBe('2026-01-06');
  });

  test('federal, also closed 2025-12-24 and 12-26: Thu 2026-01-08', () => {
    const input = {
      jurisdiction: 'US',
      receivedAt: '2025-12-05T10:00:00-05:00',
      optionalHolidays: ['federal-closure-2025-12-24', 'federal-closure-2025-12-26'],
    };
    expect(responseDue(input)).toBe('2026-01-08');
    // The same closures given as agency closure dates count the same.
    expect(
      responseDue({
        jurisdiction: 'US',
        receivedAt: '2025-12-05',
        closures: [{ date: '2025-12-24' }, { date: '2025-12-26', name: 'EO closure' }],
      }),
    ).toBe('2026-01-08');
  });

  test('federal, received on a Saturday: Sat 2026-06-13 → Tue 2026-07-14', () => {
    // Monday 15 June is day 1; 19 June (Juneteenth) and 3 July (observed Independence Day) are skipped.
    const result = computeDeadlines({ jurisdiction: 'US', receivedAt: '2026-06-13T09:00:00-04:00' });
    expect(response(result).dueDate).toBe('2026-07-14');
    const skipped = response(result)
      .trace.filter((t) => t.step === 'holiday')
      .map((t) => t.date);
    expect(skipped).toEqual(['2026-06-19', '2026-07-03']);
  });

  test('MN data subject, state executive calendar: Thu 2025-11-20 → Mon 2025-12-08', () => {
    const input = { jurisdiction: 'US-MN', receivedAt: '2025-11-20T11:00:00-06:00', requestType: 'data_subject', ...MN_STATE_EXECUTIVE };
    expect(responseDue(input)).toBe('2025-12-08');
  });

  test('MN data subject, no Friday-after-Thanksgiving closure: Fri 2025-12-05', () => {
    expect(responseDue({ jurisdiction: 'US-MN', receivedAt: '2025-11-20T11:00:00-06:00', requestType: 'data_subject' })).toBe('2025-12-05');
  });

  test('MN data subject, state executive, across Indigenous Peoples Day: Mon 2026-10-05 → Mon 2026-10-19', () => {
    const result = computeDeadlines({
      jurisdiction: 'US-MN',
      receivedAt: '2026-10-05T11:00:00-05:00',
      requestType: 'data_subject',
      ...MN_STATE_EXECUTIVE,
    });
    expect(response(result).dueDate).toBe('2026-10-19');
    expect(response(result).trace.some((t) => t.step === 'worked_holiday' && t.date === '2026-10-12')).toBe(true);
  });

  test('MN data subject, Minneapolis (closed that day): Tue 2026-10-20', () => {
    const result = computeDeadlines({ jurisdiction: 'US-MN', receivedAt: '2026-10-05T11:00:00-05:00', requestType: 'data_subject' });
    expect(response(result).dueDate).toBe('2026-10-20');
    expect(response(result).trace.find((t) => t.step === 'holiday')?.name).toBe('Indigenous Peoples Day');
  });

  test('issue example: federal FOIA received Fri 2026-01-16 → Tue 2026-02-17', () => {
    // 19 January (MLK Day) and 16 February (Washington's Birthday) are federal holidays.
    const result = computeDeadlines({ jurisdiction: 'US', receivedAt: '2026-01-16T16:45:00-05:00' });
    const deadline = response(result);
    expect(deadline.dueDate).toBe('2026-02-17');
    expect(deadline.statutory).toBe(true);
    expect(deadline.basis).toBe('5 U.S.C. § 552(a)(6)(A)(i): 20 business days');
    expect(deadline.trace.filter((t) => t.step === 'holiday').map((t) => t.name)).toEqual([
      'Birthday of Martin Luther King, Jr.',
      "Washington's Birthday",
    ]);
    expect(deadline.trace.find((t) => t.step === 'weekend')?.days).toBe(10);
  });
});
