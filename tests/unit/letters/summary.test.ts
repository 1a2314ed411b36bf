import { SUMMARY_MAX, summarizeRecords } from '../../../server/letters';
import { RECORDS_SOUGHT } from './worked-example';

// The records sought, shortened for a letter's subject line.
describe('summarizeRecords', () => {
  test('a short text is kept whole, without its closing period', () => {
    expect(summarizeRecords('The distribution list of the email.')).toBe('The distribution list of the email');
  });

  test('a numbered list ends at the first item’s last clause that fits, a date kept whole', () => {
    expect(summarizeRecords(RECORDS_SOUGHT)).toBe('The all-employee email sent on or about January 16, 2026');
  });

  test('list lines are joined as a list, their markers dropped', () => {
    expect(summarizeRecords('- Contracts with Acme\n- Invoices from Acme\n\n(c) Emails about Acme')).toBe(
      'Contracts with Acme; Invoices from Acme; Emails about Acme',
    );
  });

  test('without a clause that fits, the text is cut at a word with an ellipsis', () => {
    const long = `All ${'records of the city council meetings about the stadium '.repeat(3)}`;
    const got = summarizeRecords(long);
    expect(got.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(got.endsWith('…')).toBe(true);
    expect(long.startsWith(got.slice(0, -1))).toBe(true);
    expect(got.slice(0, -1).endsWith(' ')).toBe(false);
  });

  test('an abbreviation’s full stop before a lower-case word is not a sentence end', () => {
    expect(
      summarizeRecords('Contracts, invoices and change orders between the city and Acme Corp. for the stadium project and its garage'),
    ).toBe('Contracts, invoices and change orders between the city and Acme Corp. for the…');
  });

  test('line breaks and control characters never reach the subject', () => {
    expect(summarizeRecords('Emails\r\nBcc: victim@example.org\u0007')).toBe('Emails; Bcc: victim@example.org');
  });
});
