import { describe, expect, it } from 'vitest';
import { EVENT_FORMS, eventBody, occurredAt, parseExemptions } from './event-forms';

const common = { date: '2026-01-23', time: '', summary: '', body: '', attachmentIds: [] };

describe('eventBody', () => {
  it('sends an extension with the days as a number and nothing the reporter left empty', () => {
    const body = eventBody(
      'extension_claimed',
      { days: '10', newDueDate: '', reason: ' unusual circumstances ' },
      common,
      'America/New_York',
    );
    expect(body).toEqual({ type: 'extension_claimed', occurredAt: '2026-01-23', data: { days: 10, reason: 'unusual circumstances' } });
  });

  it('turns the exemption lines of a denial into citations with reasons', () => {
    const body = eventBody('denied', { exemptions: '5 U.S.C. § 552(b)(7)(E): techniques\n5 U.S.C. § 552(b)(6)' }, common, 'UTC');
    expect(body.data).toEqual({
      exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)', reason: 'techniques' }, { citation: '5 U.S.C. § 552(b)(6)' }],
    });
  });

  it('a denial without exemptions still sends the list the schema requires', () => {
    expect(eventBody('denied', {}, common, 'UTC').data).toEqual({ exemptions: [] });
  });

  it('records checkboxes as booleans', () => {
    expect(eventBody('records_released', { final: true, pages: '120' }, common, 'UTC').data).toEqual({ final: true, pages: 120 });
    expect(eventBody('expedited_decided', {}, common, 'UTC').data).toEqual({ granted: false });
  });

  it('carries the summary, body and attachments when given', () => {
    const body = eventBody('note', {}, { ...common, summary: 'Called', body: 'Spoke to the clerk', attachmentIds: ['a'] }, 'UTC');
    expect(body).toMatchObject({ summary: 'Called', body: 'Spoke to the clerk', attachmentIds: ['a'], data: {} });
  });

  it('every form field belongs to its type (no field of another type leaks in)', () => {
    for (const [type, form] of Object.entries(EVENT_FORMS)) {
      const names = form.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      expect(type).toMatch(/^[a-z_]+$/);
    }
  });
});

it('occurredAt with a time is that wall time in the agency zone', () => {
  expect(occurredAt('2026-01-23', '14:05', 'America/Chicago')).toBe('2026-01-23T14:05:00-06:00');
  expect(occurredAt('2026-01-23', '', 'America/Chicago')).toBe('2026-01-23');
});

it('parseExemptions skips blank lines', () => {
  expect(parseExemptions('\n  \nGov’t Code § 552.101\n')).toEqual([{ citation: 'Gov’t Code § 552.101' }]);
});
