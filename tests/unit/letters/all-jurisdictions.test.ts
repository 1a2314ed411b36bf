import { getJurisdiction, listJurisdictions, ruleFor } from '../../../server/deadlines';
import { hasFixedPeriod } from '../../../server/deadlines/rule-types';
import { renderLetter, requestTemplateFor } from '../../../server/letters';
import { context, expectNoHoles } from './worked-example';

const TODAY = '2026-01-20';
const ALL = listJurisdictions();

function periodText(days: number, dayType: 'business' | 'calendar', federal: boolean): string {
  const unit = dayType === 'business' ? (federal ? 'working' : 'business') : 'calendar';
  return `${days} ${unit} day${days === 1 ? '' : 's'}`;
}

test('every rule file is covered', () => {
  expect(ALL.length).toBeGreaterThanOrEqual(52);
});

describe.each(ALL.map((j) => [j.code, j] as const))('%s', (code, summary) => {
  const version = ruleFor(code, TODAY);

  test('its request template renders and cites the rule version', () => {
    const id = requestTemplateFor(code, 'standard');
    const { templateId, subject, body } = renderLetter(
      id,
      context({ jurisdiction: code, agencyName: `Records office of ${summary.name}` }),
    );
    expect(templateId).toBe(id);
    expect(subject).not.toMatch(/\n/);
    // A formal subject: the law and the records sought; the internal title is in neither subject nor body.
    const title = context().request.title;
    expect(`${subject}\n${body}`).not.toContain(title);
    expect(subject).toMatch(/: The all-employee email sent on or about January 16, 2026$/);
    if (id === 'state-general') expect(subject).toBe(`Public records request under the ${summary.lawName}: ${subject.split(': ').at(-1)}`);
    expectNoHoles(body);
    const response = version.response;
    const responseCitation = hasFixedPeriod(response) ? response.citation : response.noFixedPeriod.citation;
    expect(body).toContain(responseCitation);
    if (id === 'state-general') {
      // The state letter names the law and the version's citation string.
      expect(body).toContain(`under the ${summary.lawName} (${summary.citation})`);
    } else if (code === 'US') {
      expect(id).toBe('federal-foia');
      expect(body).toContain('5 U.S.C. § 552');
    } else {
      expect(code).toBe('US-MN');
      expect(id).toBe('minnesota-public-data');
      expect(body).toContain('Minn. Stat. § 13.03');
    }
    if (hasFixedPeriod(response) && response.days !== undefined && response.dayType !== undefined) {
      expect(body).toContain(`within ${periodText(response.days, response.dayType, code === 'US')}`);
    } else {
      expect(body).toContain('no fixed number of days');
      expect(body).not.toMatch(/within \d+/);
      if (!hasFixedPeriod(response) && response.noFixedPeriod.statuteWords)
        expect(body).toContain(`“${response.noFixedPeriod.statuteWords}”`);
    }
  });

  const types = Object.keys(getJurisdiction(code)?.versions.at(-1)?.requestTypes ?? {});
  if (types.length > 0) {
    test.each(types)('request type %s renders with its own citation and period', (type) => {
      const rt = version.requestTypes[type];
      if (!rt) throw new Error(type);
      const expedited = type === 'expedited' ? { requested: true, justification: 'Urgency to inform the public.' } : null;
      const { body } = renderLetter(
        requestTemplateFor(code, type),
        context({ jurisdiction: code, request: { requestType: type, expedited } }),
      );
      expectNoHoles(body);
      expect(body).toContain(rt.citation);
      const response = rt.response ?? version.response;
      if (hasFixedPeriod(response) && response.days !== undefined && response.dayType !== undefined) {
        expect(body).toContain(response.citation);
        expect(body).toContain(`within ${periodText(response.days, response.dayType, code === 'US')}`);
      } else {
        expect(body).toContain('no fixed number of days');
      }
    });
  }

  test('follow-up and appeal render for it', () => {
    const followUp = renderLetter(
      'follow-up',
      context({
        jurisdiction: code,
        request: { submittedOn: '2026-01-16' },
        followUp: { dueDate: '2026-02-17', basis: 'test basis', businessDaysLate: 2 },
      }),
    );
    expectNoHoles(followUp.body);
    expect(followUp.body).toContain(`under the ${summary.lawName}`);
    expect(followUp.body).toMatch(
      /February 17, 2026:? (as a reasonable date by which to expect a response )?\(test basis\)\. That date passed 2 (business|working) days ago\./,
    );
    const appeal = renderLetter(
      'appeal',
      context({
        jurisdiction: code,
        appeal: { deniedOn: '2026-03-02', exemptions: [{ citation: 'Exemption A' }], appealDueDate: '2026-06-01' },
      }),
    );
    expectNoHoles(appeal.body);
    expect(appeal.body).toContain('- Exemption A\n');
    const window = version.appeal?.window;
    if (window) expect(appeal.body).toContain(`Under ${window.citation}, review of a denial may be sought`);
    else expect(appeal.body).not.toContain('review of a denial may be sought');
    const decision = version.appeal?.decision;
    if (decision) expect(appeal.body).toContain(`Under ${decision.citation}, an appeal is to be decided within`);
  });
});
