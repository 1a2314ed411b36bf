import { LetterError, renderLetter, requestTemplateFor } from '../../../server/letters';
import type { LetterContext } from '../../../server/letters';
import { context, ICE } from './worked-example';

function letterError(fn: () => unknown): LetterError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LetterError);
    return error as LetterError;
  }
  throw new Error('expected a LetterError');
}

describe('LetterError for an unknown template or missing context', () => {
  test('unknown template', () => {
    const error = letterError(() => renderLetter('federal-foai', context(ICE)));
    expect(error).toMatchObject({ kind: 'unknown_template', field: 'templateId' });
    expect(error.message).toContain('"federal-foai"');
    expect(error.message).toContain('federal-foia');
  });

  test('follow-up without followUp names the missed deadline', () => {
    const error = letterError(() => renderLetter('follow-up', context({ request: { submittedOn: '2026-01-16' } })));
    expect(error).toMatchObject({ kind: 'invalid_context', field: 'followUp' });
    expect(error.message).toMatch(/followUp \(the missed due date and its basis\)/);
  });

  test('follow-up without the submission date', () => {
    expect(letterError(() => renderLetter('follow-up', context({ followUp: { dueDate: '2026-02-02', basis: 'x' } })))).toMatchObject({
      field: 'request.submittedOn',
    });
  });

  test('appeal without appeal context, or with a bad denial date or a blank exemption', () => {
    expect(letterError(() => renderLetter('appeal', context()))).toMatchObject({ field: 'appeal' });
    expect(letterError(() => renderLetter('appeal', context({ appeal: { deniedOn: '2026-02-30', exemptions: [] } })))).toMatchObject({
      field: 'appeal.deniedOn',
    });
    expect(
      letterError(() => renderLetter('appeal', context({ appeal: { deniedOn: '2026-02-10', exemptions: [{ citation: ' \u0007 ' }] } }))),
    ).toMatchObject({
      field: 'appeal.exemptions[0].citation',
    });
  });

  test('a template for another jurisdiction or request type', () => {
    expect(letterError(() => renderLetter('minnesota-public-data', context({ jurisdiction: 'US-TX' })))).toMatchObject({
      field: 'agency.jurisdiction',
    });
    expect(letterError(() => renderLetter('federal-foia', context()))).toMatchObject({ field: 'agency.jurisdiction' });
    expect(letterError(() => renderLetter('minnesota-public-data', context({ request: { requestType: 'data_subject' } })))).toMatchObject({
      field: 'request.requestType',
    });
    expect(letterError(() => renderLetter('minnesota-data-subject', context()))).toMatchObject({ field: 'request.requestType' });
  });

  test('unknown jurisdiction or request type, here and in requestTemplateFor', () => {
    expect(letterError(() => renderLetter('state-general', context({ jurisdiction: 'US-XX' })))).toMatchObject({
      field: 'agency.jurisdiction',
    });
    expect(
      letterError(() => renderLetter('state-general', context({ jurisdiction: 'US-TX', request: { requestType: 'data_subject' } }))),
    ).toMatchObject({ field: 'request.requestType' });
    expect(letterError(() => requestTemplateFor('US-XX', 'standard'))).toMatchObject({ field: 'agency.jurisdiction' });
    expect(letterError(() => requestTemplateFor('US-TX', 'data_subject')).message).toContain('expected one of standard');
  });

  test('dates outside the rule data, invalid dates, reversed range', () => {
    const before = letterError(() =>
      renderLetter('follow-up', context({ request: { submittedOn: '2023-06-01' }, followUp: { dueDate: '2023-07-01', basis: 'x' } })),
    );
    expect(before).toMatchObject({ field: 'request.submittedOn' });
    expect(before.message).toContain('2024-01-01');
    expect(letterError(() => renderLetter('state-general', context({ today: '20 January 2026' })))).toMatchObject({ field: 'today' });
    expect(
      letterError(() => renderLetter('state-general', context({ request: { dateRangeStart: '2026-02-01', dateRangeEnd: '2026-01-01' } }))),
    ).toMatchObject({ field: 'request.dateRangeEnd' });
  });

  test('required text, fee limit, and justifications the letter will not invent', () => {
    expect(letterError(() => renderLetter('state-general', context({ request: { recordsSought: ' \n\t ' } })))).toMatchObject({
      field: 'request.recordsSought',
    });
    expect(letterError(() => renderLetter('state-general', context({ request: { title: '' } })))).toMatchObject({ field: 'request.title' });
    expect(letterError(() => renderLetter('state-general', context({ request: { requester: { name: '\u0000\u202E' } } })))).toMatchObject({
      field: 'request.requester.name',
    });
    expect(letterError(() => renderLetter('state-general', context({ agency: { name: '' } })))).toMatchObject({ field: 'agency.name' });
    expect(letterError(() => renderLetter('state-general', context({ request: { feeLimit: -1 } })))).toMatchObject({
      field: 'request.feeLimit',
    });
    expect(letterError(() => renderLetter('federal-foia', context({ ...ICE, request: { feeWaiver: { requested: true } } })))).toMatchObject(
      { field: 'request.feeWaiver.justification' },
    );
    expect(
      letterError(() =>
        renderLetter('federal-foia', context({ ...ICE, request: { expedited: { requested: true, justification: '  ' } } })),
      ),
    ).toMatchObject({ field: 'request.expedited.justification' });
    expect(letterError(() => renderLetter('federal-foia', context({ ...ICE, request: { requestType: 'expedited' } })))).toMatchObject({
      field: 'request.expedited.justification',
    });
    // Not requested: no justification needed, and none printed.
    expect(
      renderLetter('federal-foia', context({ ...ICE, request: { feeWaiver: { requested: false, justification: 'unused text' } } })).body,
    ).not.toContain('unused text');
  });

  test('a context that is not an object', () => {
    expect(letterError(() => renderLetter('state-general', null as unknown as LetterContext))).toMatchObject({ field: 'context' });
    expect(letterError(() => renderLetter('state-general', { today: '2026-01-20' } as unknown as LetterContext))).toMatchObject({
      field: 'request',
    });
  });
});

describe('user text', () => {
  test('control and bidi characters are stripped; newlines kept only where a field may span lines', () => {
    const { subject, body } = renderLetter(
      'state-general',
      context({
        jurisdiction: 'US-TX',
        request: {
          title: 'Emails\r\nBcc: victim@example.org\u0007 about\u202E ICE',
          recordsSought: 'Line one\u0000\r\nLine two\u001b[31m\u2028Line three',
          requester: { name: 'Jordan\u0085 Reporter\u200F', address: 'Line A\u000B\r\nLine B' },
        },
      }),
    );
    // The subject is built from the records sought, on one line; the title (with its injected header) is not in it.
    expect(subject).toBe('Public records request under the Texas Public Information Act: Line one; Line two[31m; Line three');
    expect(body).toContain('\nLine one\nLine two[31m\nLine three\n');
    expect(body).toContain('\nJordan Reporter\n');
    expect(body).toContain('\nLine A\nLine B\n');
    expect(body).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u200F\u2028]/);
  });

  test('no HTML escaping, and template syntax in user text stays literal', () => {
    const { body } = renderLetter(
      'state-general',
      context({
        jurisdiction: 'US-TX',
        request: { recordsSought: 'Emails with "Smith & Jones" <smith@example.org> about {{agency.name}} and {{#each x}}' },
      }),
    );
    expect(body).toContain('Emails with "Smith & Jones" <smith@example.org> about {{agency.name}} and {{#each x}}');
    expect(body).not.toContain('&amp;');
  });

  test('fee limits are written as dollars', () => {
    const fee = (feeLimit: number) => renderLetter('state-general', context({ jurisdiction: 'US-TX', request: { feeLimit } })).body;
    expect(fee(1250)).toContain('fees above $1,250.');
    expect(fee(12.5)).toContain('fees above $12.50.');
    expect(fee(0)).toContain('Please tell me before incurring any fees.');
  });

  test('open-ended date ranges', () => {
    const range = (dateRangeStart: string | null, dateRangeEnd: string | null) =>
      renderLetter('state-general', context({ jurisdiction: 'US-TX', request: { dateRangeStart, dateRangeEnd } })).body;
    expect(range('2026-01-01', null)).toContain('records created, sent or received from January 1, 2026 through the date of your search.');
    expect(range(null, '2026-01-31')).toContain('records created, sent or received up to and including January 31, 2026.');
  });

  test('the letter is dated with the given day, not the clock', () => {
    expect(
      renderLetter('state-general', context({ jurisdiction: 'US-TX', today: '2027-12-31' })).body.startsWith('December 31, 2027\n'),
    ).toBe(true);
  });
});
