import { computeDeadlines } from '../../../server/deadlines';
import { renderLetter } from '../../../server/letters';
import { context, expectNoHoles, ICE, RECORDS_SOUGHT } from './worked-example';

function only<T extends { kind: string }>(list: T[], kind: string): T {
  const found = list.filter((d) => d.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0] as T;
}

describe('follow-up', () => {
  test('federal: the missed due date and basis from the deadline engine, submission date, tracking number', () => {
    // Received Fri 2026-01-16 (the worked example): due Tue 2026-02-17.
    const response = only(computeDeadlines({ jurisdiction: 'US', receivedAt: '2026-01-16', events: [] }).deadlines, 'response');
    expect(response.dueDate).toBe('2026-02-17');
    const { subject, body } = renderLetter(
      'follow-up',
      context({
        ...ICE,
        today: '2026-02-20',
        request: {
          submittedOn: '2026-01-16',
          trackingNumber: '2026-ICFO-01234',
          letterSubject: 'Freedom of Information Act request under 5 U.S.C. § 552: The all-employee email of January 16, 2026',
        },
        followUp: { dueDate: response.dueDate, basis: response.basis, businessDaysLate: 3 },
      }),
    );
    // The subject the agency filed the request under, never the internal title.
    expect(subject).toBe(
      'Follow-up: Freedom of Information Act request under 5 U.S.C. § 552: The all-employee email of January 16, 2026 (tracking number 2026-ICFO-01234)',
    );
    expect(`${subject}\n${body}`).not.toContain('All-employee email on federal immigration enforcement');
    expect(body.startsWith('February 20, 2026\n\nU.S. Immigration and Customs Enforcement\n')).toBe(true);
    expect(body).toContain('On January 16, 2026, I submitted a request under the Freedom of Information Act for the following records:');
    expect(body).toContain('Your office assigned it tracking number 2026-ICFO-01234.');
    expect(body).toContain(
      `Under 5 U.S.C. § 552(a)(6)(A)(i), a response was due within 20 working days: by February 17, 2026 (${response.basis}). That date passed 3 working days ago.`,
    );
    expect(body).toContain('tell me in writing the specific date by which you will respond in full');
    expect(body.split('\n\n')).toContain(RECORDS_SOUGHT);
    expectNoHoles(body);
  });

  test('a state with a fixed period (Texas) says business days and cites the rule data', () => {
    const { body } = renderLetter(
      'follow-up',
      context({
        jurisdiction: 'US-TX',
        agencyName: 'City of Houston',
        request: { submittedOn: '2026-01-16' },
        followUp: { dueDate: '2026-02-02', basis: 'rule data' },
      }),
    );
    expect(body).toContain(
      "Under Tex. Gov't Code §§ 552.221(a), (d); 552.301(b), (d), a response was due within 10 business days: by February 2, 2026 (rule data).",
    );
    expect(body).not.toContain('tracking number');
    expect(body).not.toContain('ago');
  });

  test('Minnesota public data: a newsroom target, never called a statutory due date', () => {
    const target = only(
      computeDeadlines({ jurisdiction: 'US-MN', receivedAt: '2026-01-16', followUpTarget: { days: 10, dayType: 'business' }, events: [] })
        .deadlines,
      'follow_up',
    );
    expect(target.statutory).toBe(false);
    const { body } = renderLetter(
      'follow-up',
      context({
        today: '2026-02-05',
        request: { submittedOn: '2026-01-16' },
        followUp: { dueDate: target.dueDate, basis: target.basis, businessDaysLate: 1 },
      }),
    );
    expect(body).toContain(
      `The Minnesota Government Data Practices Act sets no fixed number of days for a response; its standard is “appropriate and prompt manner” (Minn. Stat. § 13.03 subd. 2(a)). I had noted February 2, 2026 as a reasonable date by which to expect a response (${target.basis}). That date passed 1 business day ago.`,
    );
    expect(body).not.toMatch(/was due|as required by/);
  });

  test('Minnesota data subject: the 10-business-day duty of § 13.04 subd. 3', () => {
    const { body } = renderLetter(
      'follow-up',
      context({
        request: { submittedOn: '2026-01-16', requestType: 'data_subject' },
        followUp: { dueDate: '2026-02-02', basis: 'Minn. Stat. § 13.04 subd. 3: 10 business days' },
      }),
    );
    expect(body).toContain('Under Minn. Stat. § 13.04 subd. 3, a response was due within 10 business days: by February 2, 2026');
  });
});

describe('appeal', () => {
  const exemptions = [
    { citation: '5 U.S.C. § 552(b)(5)', reason: 'Deliberative process privilege.' },
    { citation: '5 U.S.C. § 552(b)(7)(E)', reason: null },
  ];

  test('federal: each exemption, the 90-day floor, the 20-working-day decision, foreseeable harm and segregability', () => {
    const { subject, body } = renderLetter(
      'appeal',
      context({
        ...ICE,
        today: '2026-03-10',
        request: { submittedOn: '2026-01-16', trackingNumber: '2026-ICFO-01234' },
        appeal: { deniedOn: '2026-03-02', exemptions, appealDueDate: '2026-05-31' },
      }),
    );
    // Without the request letter's subject (a request filed outside the tracker), the law and the records sought.
    expect(subject).toBe(
      'Appeal: Request under the Freedom of Information Act: The all-employee email sent on or about January 16, 2026 (tracking number 2026-ICFO-01234)',
    );
    expect(`${subject}\n${body}`).not.toContain('All-employee email on federal immigration enforcement');
    expect(body).toContain(
      'I appeal the denial, dated March 2, 2026, of my request under the Freedom of Information Act submitted on January 16, 2026 (tracking number 2026-ICFO-01234).',
    );
    expect(body).toContain('- 5 U.S.C. § 552(b)(5): Deliberative process privilege.\n- 5 U.S.C. § 552(b)(7)(E)\n');
    expect(body).toContain(
      'Under 5 U.S.C. § 552(a)(6)(A)(i)(III)(aa), review of a denial may be sought within a period of no less than 90 calendar days after the denial. This appeal is made within that time, which ends on May 31, 2026.',
    );
    expect(body).toContain('Under 5 U.S.C. § 552(a)(6)(A)(ii), an appeal is to be decided within 20 working days of its receipt.');
    expect(body).toContain(
      'Under 5 U.S.C. § 552(a)(8)(A), an agency may withhold information only if it reasonably foresees that disclosure would harm an interest protected by an exemption',
    );
    expect(body).toContain(
      'any reasonably segregable portion of a record must be provided after deletion of the exempt portions (5 U.S.C. § 552(b))',
    );
    expect(body).toContain('release the withheld records, or at least every segregable portion of them');
    expectNoHoles(body);
  });

  test('an appeal past the given due date does not claim to be timely', () => {
    const { body } = renderLetter(
      'appeal',
      context({ ...ICE, today: '2026-06-01', appeal: { deniedOn: '2026-03-02', exemptions, appealDueDate: '2026-05-31' } }),
    );
    expect(body).toContain('no less than 90 calendar days after the denial.');
    expect(body).not.toContain('within that time');
  });

  test('a state appeal provision from the rule data (New York: 30 days, decided in 10 business days), no federal text', () => {
    const { body } = renderLetter(
      'appeal',
      context({
        jurisdiction: 'US-NY',
        agencyName: 'New York City Police Department',
        appeal: {
          deniedOn: '2026-02-10',
          exemptions: [{ citation: 'N.Y. Pub. Off. Law § 87(2)(e)', reason: 'Law-enforcement purposes.' }],
        },
      }),
    );
    expect(body).toContain(
      'Under N.Y. Pub. Off. Law § 89(4)(a), review of a denial may be sought within 30 calendar days after the denial.',
    );
    expect(body).toContain('Under N.Y. Pub. Off. Law § 89(4)(a), an appeal is to be decided within 10 business days of its receipt.');
    expect(body).toContain('- N.Y. Pub. Off. Law § 87(2)(e): Law-enforcement purposes.');
    expect(body).not.toContain('U.S.C.');
    expect(body).not.toContain('ends on');
  });

  test('Minnesota: the § 13.085 window from the rule data', () => {
    const { body } = renderLetter(
      'appeal',
      context({ appeal: { deniedOn: '2026-02-10', exemptions: [{ citation: 'Minn. Stat. § 13.43 subd. 2' }] } }),
    );
    expect(body).toContain('Under Minn. Stat. § 13.085 subd. 2(b), review of a denial may be sought within 2 years after the denial.');
    expect(body).toContain('- Minn. Stat. § 13.43 subd. 2\n');
  });

  test('a state without appeal data (Texas) cites no appeal provision; a denial without a citation is answered', () => {
    const { body } = renderLetter(
      'appeal',
      context({ jurisdiction: 'US-TX', agencyName: 'City of Houston', appeal: { deniedOn: '2026-02-10', exemptions: [] } }),
    );
    expect(body).not.toContain('review of a denial may be sought');
    expect(body).not.toContain('to be decided within');
    expect(body).toContain('The denial cited no legal provision as its basis.');
    expectNoHoles(body);
  });
});
