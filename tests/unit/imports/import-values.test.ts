import { findHeaderRow, guessMapping } from '../../../server/imports/import-mapping';
import { planRows } from '../../../server/imports/import-plan';
import {
  inferDateOrder,
  parseDisposition,
  parseJurisdiction,
  parseMethod,
  parseSheetDate,
  parseTags,
} from '../../../server/imports/import-values';
import { sniffSpreadsheet, SpreadsheetError } from '../../../server/imports/spreadsheet';

const ok = (date: string) => ({ ok: true, date });

describe('spreadsheet dates', () => {
  test.each([
    ['07/03/2025', 'mdy', '2025-07-03'],
    ['07/03/2025', 'dmy', '2025-03-07'],
    ['7/3/25', 'mdy', '2025-07-03'],
    ['2025-07-03', 'mdy', '2025-07-03'],
    ['2025/7/3', 'dmy', '2025-07-03'],
    ['2025-07-03 14:30', 'mdy', '2025-07-03'],
    ['July 3, 2025', 'mdy', '2025-07-03'],
    ['Jul 3rd 2025', 'mdy', '2025-07-03'],
    ['3 July 2025', 'mdy', '2025-07-03'],
    ['3-Jul-25', 'mdy', '2025-07-03'],
    ['Sept. 30, 2025', 'mdy', '2025-09-30'],
    ['45841', 'mdy', '2025-07-03'],
  ] as const)('%s (%s) is %s', (text, order, date) => {
    expect(parseSheetDate(text, order)).toEqual(ok(date));
  });

  test('an Excel serial number and a date cell read as their day', () => {
    expect(parseSheetDate(45841, 'mdy')).toEqual(ok('2025-07-03'));
    expect(parseSheetDate({ date: '2025-02-05' }, 'dmy')).toEqual(ok('2025-02-05'));
  });

  test.each(['02/30/2025', '13/13/2025', 'soon', 'July 2025', '', '2025-13-01'])('%s is refused with a reason', (text) => {
    const r = parseSheetDate(text === '' ? null : text, 'mdy');
    expect(r.ok).toBe(false);
  });

  test('the order of a file’s dates is read from a day above 12, and both ways is a conflict', () => {
    expect(inferDateOrder(['07/03/2025', '31/01/2025'])).toBe('dmy');
    expect(inferDateOrder(['07/03/2025', '01/31/2025'])).toBe('mdy');
    expect(inferDateOrder(['07/03/2025', '2025-01-31'])).toBeUndefined();
    expect(inferDateOrder(['31/01/2025', '01/31/2025'])).toBe('conflict');
  });
});

describe('words', () => {
  test.each([
    ['Full grant', { kind: 'released', partial: false }],
    ['Granted', { kind: 'released', partial: false }],
    ['Fulfilled', { kind: 'released', partial: false }],
    ['Partial grant/partial denial', { kind: 'released', partial: true }],
    ['Granted in part', { kind: 'released', partial: true }],
    ['No records', { kind: 'no_records' }],
    ['No responsive records', { kind: 'no_records' }],
    ['Request withdrawn', { kind: 'withdrawn' }],
    ['Denied', { kind: 'denied' }],
    ['Full denial', { kind: 'denied' }],
    ['Pending', { kind: 'open' }],
    ['', { kind: 'open' }],
  ])('disposition %s', (word, d) => {
    expect(parseDisposition(word)).toEqual(d);
  });

  test('an unknown disposition is undefined, so the row reports it', () => {
    expect(parseDisposition('Lost in the mail')).toBeUndefined();
  });

  test('methods, jurisdictions and tags', () => {
    expect(['E-mail', 'online portal', 'USPS', 'Faxed', 'hand delivered', 'Phone call', 'carrier pigeon'].map(parseMethod)).toEqual([
      'email',
      'portal',
      'mail',
      'fax',
      'in_person',
      'phone',
      undefined,
    ]);
    expect(['US-MN', 'mn', 'Minnesota', 'Federal', 'FOIA', 'Narnia'].map(parseJurisdiction)).toEqual([
      'US-MN',
      'US-MN',
      'US-MN',
      'US',
      'US',
      undefined,
    ]);
    expect(parseTags('police; budget | police, ice')).toEqual(['police', 'budget', 'ice']);
  });
});

describe('headers', () => {
  test('the header row is found under a title, a merged banner and a blank line, and its columns are guessed', () => {
    const rows = [
      ['FOIA log 2025', null, null],
      [null, null, null],
      ['Agency', 'Request', 'Date filed', 'Status', 'Tracking #'],
    ];
    const header = findHeaderRow(rows, undefined);
    expect(header?.index).toBe(2);
    expect(guessMapping(header!.headers)).toEqual({
      agencyName: 'Agency',
      title: 'Request',
      filedOn: 'Date filed',
      disposition: 'Status',
      trackingNumber: 'Tracking #',
    });
  });

  test('with a mapping, the header row is the first that holds every mapped header, whatever its case', () => {
    const rows = [
      ['who', 'what'],
      ['x', 'y'],
      ['WHO', 'WHAT', 'WHEN'],
    ];
    expect(findHeaderRow(rows, { agencyName: 'Who', title: 'What', filedOn: 'When' })?.index).toBe(2);
    expect(findHeaderRow(rows, { agencyName: 'Nope' })).toBeUndefined();
  });

  test('a longer header beginning with a known one is guessed', () => {
    expect(guessMapping(['Agency name (as filed)', 'Date acknowledged by agency'])).toEqual({
      agencyName: 'Agency name (as filed)',
      acknowledgedOn: 'Date acknowledged by agency',
    });
  });
});

describe('the plan of a row', () => {
  const ctx = {
    filename: 'log.csv',
    agencies: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        name: 'City of Minneapolis',
        recordsEmail: 'records@mpls.example.gov',
        jurisdiction: 'US-MN',
        timezone: 'America/Chicago',
      },
    ],
    users: [],
    dateOrder: 'mdy' as const,
    defaults: {},
    today: () => '2026-01-20',
  };
  const header = { index: 0, headers: ['Agency', 'Email', 'Title', 'Filed', 'Status', 'Released', 'Denied', 'Closed'] };
  const mapping = guessMapping(header.headers);
  const plan = (row: Array<string | null>) =>
    planRows([header.headers, row], header, { ...mapping, agencyEmail: 'Email', filedOn: 'Filed' }, ctx)[0]!;

  test('an agency is matched by its records email when the name differs', () => {
    const r = plan(['Mpls', 'RECORDS@mpls.example.gov', 'Budget', '2025-03-01', 'Pending', null, null, null]);
    expect(r.agency).toMatchObject({ match: 'existing', name: 'City of Minneapolis' });
  });

  test('a partial grant is a final release with an unspecified withholding', () => {
    const r = plan(['City of Minneapolis', null, 'Budget', '2025-03-01', 'Partial grant/partial denial', '2025-04-01', null, null]);
    expect(r.events.at(-1)).toMatchObject({
      type: 'records_released',
      on: '2025-04-01',
      data: { final: true, exemptions: [{ citation: 'Not stated in the spreadsheet' }] },
    });
  });

  test('an event before the filing, one in the future, and a disposition without a date are errors on their columns', () => {
    expect(plan(['City of Minneapolis', null, 'B', '2025-03-01', 'Denied', null, '2025-02-01', null]).errors).toEqual([
      expect.objectContaining({ column: 'Denied', message: expect.stringContaining('before the filing date') }),
    ]);
    expect(plan(['City of Minneapolis', null, 'B', '2025-03-01', 'Full grant', '2026-03-01', null, null]).errors).toEqual([
      expect.objectContaining({ column: 'Released', message: expect.stringContaining('future') }),
    ]);
    expect(plan(['City of Minneapolis', null, 'B', '2025-03-01', 'Request withdrawn', null, null, null]).errors).toEqual([
      expect.objectContaining({ column: 'Status', field: 'disposition', message: expect.stringContaining('needs a date') }),
    ]);
  });

  test('a new agency without a jurisdiction is an error naming the jurisdiction', () => {
    expect(plan(['Hennepin County', null, 'B', '2025-03-01', 'Pending', null, null, null]).errors).toEqual([
      expect.objectContaining({ field: 'agencyJurisdiction' }),
    ]);
  });
});

describe('file kinds', () => {
  test('CSV text and XLSX are told apart by their bytes; .xls and binaries are refused as unsupported', () => {
    expect(sniffSpreadsheet(Buffer.from('a,b\n1,2\n'))).toBe('csv');
    expect(sniffSpreadsheet(Buffer.from('504b0304', 'hex'))).toBe('xlsx');
    expect(() => sniffSpreadsheet(Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toThrow(SpreadsheetError);
    expect(() => sniffSpreadsheet(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toThrow(/neither CSV/);
  });
});
