import { renderLetter, requestTemplateFor } from '../../../server/letters';
import { context, expectNoHoles, ICE, RECORDS_SOUGHT, REQUESTER } from './worked-example';

const paragraphs = (body: string) => body.split('\n\n');

describe('federal FOIA (U.S. Immigration and Customs Enforcement)', () => {
  const plain = () => renderLetter('federal-foia', context({ ...ICE, request: { requester: { name: 'Jordan Reporter' } } }));
  const full = () =>
    renderLetter(
      'federal-foia',
      context({
        ...ICE,
        request: {
          feeWaiver: {
            requested: true,
            justification:
              'The records show how a large city instructs employees to respond to federal enforcement, a subject of wide public debate.',
          },
          expedited: {
            requested: true,
            justification:
              'Federal immigration-enforcement operations are under way in the city now; the public needs to know how ICE and the city interact.',
          },
        },
      }),
    );

  test('cites 5 U.S.C. § 552, the request clause and the 20-working-day period from the rule data', () => {
    const { subject, body } = plain();
    expect(subject).toBe(
      'Freedom of Information Act request under 5 U.S.C. § 552: The all-employee email sent on or about January 16, 2026',
    );
    expect(body).toContain('Freedom of Information Act (FOIA), 5 U.S.C. § 552,');
    expect(body).toContain('(5 U.S.C. § 552(a)(3)(A))');
    expect(body).toContain('within 20 working days of its receipt (5 U.S.C. § 552(a)(6)(A)(i))');
    expect(body).toContain('5 U.S.C. § 552(a)(6)(B)(i) requires written notice to me and allows an extension of up to 10 working days');
    expect(body).toContain('release every reasonably segregable portion that is not exempt (5 U.S.C. § 552(a)(8)(A) and (b))');
    expectNoHoles(body);
  });

  test('fee waiver and expedited processing appear only when requested', () => {
    const without = plain().body;
    expect(without).not.toContain('552(a)(4)(A)(iii)');
    expect(without).not.toContain('552(a)(6)(E)');
    expect(without).not.toContain('true and correct to the best of my knowledge and belief');
    expect(without).not.toMatch(/expedited/i);
    expect(without).not.toMatch(/waiver/i);

    const withBoth = full().body;
    expect(withBoth).toContain('I request a waiver of all fees under 5 U.S.C. § 552(a)(4)(A)(iii).');
    expect(withBoth).toContain(
      'likely to contribute significantly to public understanding of the operations or activities of the government',
    );
    expect(withBoth).toContain('a subject of wide public debate.');
    expect(withBoth).toContain('I request expedited processing of this request under 5 U.S.C. § 552(a)(6)(E)');
    expect(withBoth).toContain(
      'how ICE and the city interact.\n\nI certify that this statement is true and correct to the best of my knowledge and belief.',
    );
    expect(withBoth).toContain(
      'within 10 days after the date of this request whether expedited processing is granted (5 U.S.C. § 552(a)(6)(E)(ii))',
    );
    expectNoHoles(withBoth);
  });

  test('the expedited request type asks for expedited processing and needs the certified justification', () => {
    const body = renderLetter(
      'federal-foia',
      context({
        ...ICE,
        request: {
          requestType: 'expedited',
          expedited: { requested: false, justification: 'Urgency to inform the public about federal government activity.' },
        },
      }),
    ).body;
    expect(body).toContain('under 5 U.S.C. § 552(a)(6)(E)');
    expect(body).toContain('true and correct to the best of my knowledge and belief');
  });

  test('news-media fee category only with an outlet', () => {
    expect(full().body).toContain('gathering information for Example Daily News');
    expect(full().body).toContain(
      'news-media fee category, in which fees are limited to reasonable standard charges for document duplication (5 U.S.C. § 552(a)(4)(A)(ii)(II))',
    );
    expect(plain().body).not.toContain('552(a)(4)(A)(ii)(II)');
    expect(plain().body).not.toContain('news media');
  });

  test('fee limit, format, date range, records verbatim, address block and signature', () => {
    const { body } = full();
    expect(
      body.startsWith(
        'January 20, 2026\n\nU.S. Immigration and Customs Enforcement\nFreedom of Information Act Office\n500 12th Street SW, Stop 5009\nWashington, DC 20536\nfoia@ice.example.gov\n\n',
      ),
    ).toBe(true);
    expect(paragraphs(body)).toContain(RECORDS_SOUGHT);
    expect(body).toContain('from January 1, 2026 through January 31, 2026');
    expect(body).toContain('in this form: electronic copies (PDF or native format) by email.');
    expect(body).toContain('If you do not grant the fee waiver, please notify me before incurring fees above $50.');
    expect(plain().body).toContain('Please notify me before incurring fees above $50.');
    expect(body).toContain('please contact me by email at jordan.reporter@example.org or by phone at 612-555-0100.');
    expect(
      body.endsWith(`Sincerely,\n\nJordan Reporter\nExample Daily News\n${REQUESTER.address}\njordan.reporter@example.org\n612-555-0100\n`),
    ).toBe(true);
  });

  test('a signature with only a name, no fee limit and no date range leaves no empty lines or holes', () => {
    const { body } = renderLetter(
      'federal-foia',
      context({
        ...ICE,
        agency: { mailingAddress: null, recordsEmail: null },
        request: { feeLimit: null, dateRangeStart: null, dateRangeEnd: null, format: null, requester: { name: 'Jordan Reporter' } },
      }),
    );
    expect(body).not.toContain('fees above');
    expect(body).not.toContain('This request covers');
    expect(body).toContain('please contact me.');
    expect(body.startsWith('January 20, 2026\n\nU.S. Immigration and Customs Enforcement\n\nRe: ')).toBe(true);
    expect(body.endsWith('Sincerely,\n\nJordan Reporter\n')).toBe(true);
    expectNoHoles(body);
  });
});

describe('Minnesota (City of Minneapolis, Saint Paul, State of Minnesota)', () => {
  test('public data: § 13.03, no fixed days, "appropriate and prompt manner", inspection free, fee limit', () => {
    expect(requestTemplateFor('US-MN', 'standard')).toBe('minnesota-public-data');
    const { subject, body } = renderLetter('minnesota-public-data', context());
    expect(subject).toBe('Public records request under Minn. Stat. § 13.03: The all-employee email sent on or about January 16, 2026');
    expect(body).toContain(
      'Under the Minnesota Government Data Practices Act, I request access to the following public government data under Minn. Stat. § 13.03:',
    );
    expect(body).toContain(
      'requires that requests be complied with in an “appropriate and prompt manner” (Minn. Stat. § 13.03 subd. 2(a))',
    );
    expect(body).toContain('sets no fixed number of days');
    expect(body).not.toMatch(/within \d+ (business|calendar|working) days?/);
    expect(body).toContain('inspecting public data is free of charge (Minn. Stat. § 13.03 subd. 3(a))');
    expect(body).toContain(
      'If the charge for copies would exceed $50, please tell me before making them, so that I can choose to inspect the data instead',
    );
    expect(body).not.toContain('13.04');
    expect(paragraphs(body)).toContain(RECORDS_SOUGHT);
    expectNoHoles(body);
  });

  test('Saint Paul and the State of Minnesota get the same law', () => {
    for (const agencyName of ['City of Saint Paul', 'State of Minnesota']) {
      const { body } = renderLetter(requestTemplateFor('US-MN', 'standard'), context({ agencyName }));
      expect(body).toContain(`\n\n${agencyName}\n`);
      expect(body).toContain('Minn. Stat. § 13.03 subd. 2(a)');
    }
  });

  test('data subject: § 13.04 subd. 3, immediately or within 10 business days', () => {
    expect(requestTemplateFor('US-MN', 'data_subject')).toBe('minnesota-data-subject');
    const { subject, body } = renderLetter(
      'minnesota-data-subject',
      context({ request: { requestType: 'data_subject', recordsSought: 'All data about me in the city’s employee-relations files.' } }),
    );
    expect(subject).toBe(
      'Data subject request under Minn. Stat. § 13.04 subd. 3: All data about me in the city’s employee-relations files',
    );
    expect(body).toContain('Minnesota Government Data Practices Act, Minn. Stat. § 13.04 subd. 3, as the subject of the data');
    expect(body).toContain(
      'Please comply immediately if possible, or, if immediate compliance is not possible, within 10 business days (excluding Saturdays, Sundays and legal holidays) of the date of this request, as required by Minn. Stat. § 13.04 subd. 3.',
    );
    expect(body).not.toContain('appropriate and prompt');
    expect(body).not.toContain('13.03');
    expectNoHoles(body);
  });
});

describe('state-general', () => {
  const state = (
    jurisdiction: string,
    agencyName: string,
    request: NonNullable<NonNullable<Parameters<typeof context>[0]>['request']> = {},
  ) => {
    expect(requestTemplateFor(jurisdiction, request.requestType ?? 'standard')).toBe('state-general');
    return renderLetter(
      'state-general',
      context({ jurisdiction, agencyName, agency: { recordsEmail: 'records@agency.example.gov' }, request }),
    );
  };

  test('a business-day state (Texas) names the law, its citation and 10 business days', () => {
    const { subject, body } = state('US-TX', 'City of Houston');
    expect(subject).toBe(
      'Public records request under the Texas Public Information Act: The all-employee email sent on or about January 16, 2026',
    );
    expect(body).toContain("under the Texas Public Information Act (Tex. Gov't Code §§ 552.221(a), (d); 552.301(b), (d)):");
    expect(body).toContain("Please respond within 10 business days, as required by Tex. Gov't Code §§ 552.221(a), (d); 552.301(b), (d).");
    expect(body).toContain('please identify the specific legal provision that you rely on for each withholding');
    expect(body).not.toContain('U.S.C.');
    expectNoHoles(body);
  });

  test('a calendar-day state (California) says 10 calendar days', () => {
    const { body } = state('US-CA', 'City of Los Angeles');
    expect(body).toContain('California Public Records Act (Cal. Gov');
    expect(body).toContain("Please respond within 10 calendar days, as required by Cal. Gov't Code § 7922.535.");
  });

  test('the District of Columbia: 15 business days under D.C. Code § 2-532', () => {
    const { body } = state('US-DC', 'Metropolitan Police Department');
    expect(body).toContain('under the District of Columbia Freedom of Information Act (D.C. Code § 2-532(c), (d)):');
    expect(body).toContain('Please respond within 15 business days, as required by D.C. Code § 2-532(c), (d).');
  });

  test('a no-fixed-period state with statute words (Wisconsin) quotes them and names no number of days', () => {
    const { body } = state('US-WI', 'City of Milwaukee');
    expect(body).toContain(
      'The Wisconsin Public Records Law sets no fixed number of days for a response; its standard is “as soon as practicable and without delay” (Wis. Stat. § 19.35(4)(a)).',
    );
    expect(body).not.toMatch(/within \d+/);
  });

  test('a no-fixed-period state without statute words (Florida) asks for a prompt response and quotes nothing', () => {
    const { body } = state('US-FL', 'City of Miami');
    expect(body).toContain(
      'sets no fixed number of days for a response (Fla. Stat. § 119.07(1)); I ask that you respond as promptly as possible.',
    );
    expect(body).not.toMatch(/within \d+/);
    expect(body).not.toContain('“');
  });

  test('a request type with its own period (Illinois commercial) cites it and its period', () => {
    const { body } = state('US-IL', 'City of Chicago', { requestType: 'commercial' });
    expect(body).toContain('This request is of the kind described as “Commercial request” (5 ILCS 140/3.1).');
    expect(body).toContain('Please respond within 21 business days, as required by 5 ILCS 140/3.1.');
  });

  test('a period counted from the acknowledgment says so (Wyoming)', () => {
    expect(state('US-WY', 'City of Cheyenne').body).toContain(
      'Please respond within 30 calendar days of acknowledging receipt of this request, as required by Wyo. Stat. § 16-4-202(b), (c).',
    );
  });

  test('fee waiver and expedited requests are asked for without a federal citation, only when requested', () => {
    const asked = state('US-TX', 'City of Houston', {
      feeWaiver: { requested: true, justification: 'The records are of public interest.' },
      expedited: { requested: true, justification: 'A council vote is scheduled next week.' },
      feeLimit: 0,
    }).body;
    expect(asked).toContain('I ask that you waive any fees, for the following reasons:\n\nThe records are of public interest.');
    expect(asked).toContain('If you do not waive the fees, please tell me before incurring any fees.');
    expect(asked).toContain('as quickly as possible, for the following reasons:\n\nA council vote is scheduled next week.');
    expect(asked).not.toContain('U.S.C.');
    const notAsked = state('US-TX', 'City of Houston').body;
    expect(notAsked).not.toMatch(/waive|quickly/);
  });
});
