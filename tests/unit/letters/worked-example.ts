import type { LetterContext } from '../../../server/letters';

/**
 * The worked example of shared/DESIGN.md: the all-employee email a city sent on
 * the Friday before Martin Luther King Jr. Day weekend (about 16 January 2026)
 * on tracking and reporting federal immigration-enforcement activity.
 * Addresses are example.org / example.gov only.
 */
export const RECORDS_SOUGHT = [
  '1. The all-employee email sent on or about January 16, 2026, telling employees how to track and report federal immigration-enforcement activity and to share information with community groups.',
  '2. The distribution list of that email.',
  '3. Drafts of the email and records of its review and approval.',
  '4. Training materials for employees on the city’s separation ordinance.',
  '5. Reports to the Mayor and City Council about federal immigration-enforcement activity.',
].join('\n');

export const REQUESTER = {
  name: 'Jordan Reporter',
  outlet: 'Example Daily News',
  email: 'jordan.reporter@example.org',
  phone: '612-555-0100',
  address: '100 Newsroom Way\nMinneapolis, MN 55401',
};

export function context(
  overrides: {
    jurisdiction?: string;
    agencyName?: string;
    request?: Partial<LetterContext['request']>;
    agency?: Partial<LetterContext['agency']>;
    followUp?: LetterContext['followUp'];
    appeal?: LetterContext['appeal'];
    today?: string;
  } = {},
): LetterContext {
  const ctx: LetterContext = {
    today: overrides.today ?? '2026-01-20',
    request: {
      title: 'All-employee email on federal immigration enforcement, January 2026',
      recordsSought: RECORDS_SOUGHT,
      dateRangeStart: '2026-01-01',
      dateRangeEnd: '2026-01-31',
      format: 'electronic copies (PDF or native format) by email',
      feeLimit: 50,
      feeWaiver: null,
      expedited: null,
      requestType: 'standard',
      requester: { ...REQUESTER },
      trackingNumber: null,
      submittedOn: null,
      ...overrides.request,
    },
    agency: {
      name: overrides.agencyName ?? 'City of Minneapolis',
      jurisdiction: overrides.jurisdiction ?? 'US-MN',
      mailingAddress: '350 South Fifth Street\nMinneapolis, MN 55415',
      recordsEmail: 'records@minneapolis.example.gov',
      ...overrides.agency,
    },
  };
  if (overrides.followUp !== undefined) ctx.followUp = overrides.followUp;
  if (overrides.appeal !== undefined) ctx.appeal = overrides.appeal;
  return ctx;
}

export const ICE = {
  jurisdiction: 'US',
  agencyName: 'U.S. Immigration and Customs Enforcement',
  agency: {
    mailingAddress: 'Freedom of Information Act Office\n500 12th Street SW, Stop 5009\nWashington, DC 20536',
    recordsEmail: 'foia@ice.example.gov',
  },
};

/** Fails the test unless `body` holds no trace of a missing value. */
export function expectNoHoles(body: string): void {
  expect(body).not.toMatch(/undefined|null|\[object Object\]|NaN|\{\{|\}\}/);
  expect(body).not.toMatch(/\n{3,}/);
  expect(body).not.toMatch(/[ \t]+\n/);
}
