import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import {
  detectedColumns,
  headerFromProblem,
  IMPORT_FIELD_SPECS,
  type ImportIssue,
  issuesByCell,
  issueText,
  mappingJson,
  mappingOf,
  requiredMissing,
  rowOutcome,
  sharedColumns,
  unplacedProblem,
  uploadProblems,
} from './import-plan';

const issue = (field: string | null, column: string | null, message = 'bad'): ImportIssue => ({ row: 5, field, column, message });

describe('the import page’s fields', () => {
  it('offers exactly the fields the server’s import fills, in its order', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../../server/imports/import-mapping.ts'), 'utf8');
    const list = /IMPORT_FIELDS = \[([\s\S]*?)\] as const/.exec(source)?.[1] ?? '';
    const serverFields = [...list.matchAll(/'([a-zA-Z]+)'/g)].map((m) => m[1]);
    expect(serverFields.length).toBeGreaterThan(10);
    expect(IMPORT_FIELD_SPECS.map((s) => s.field)).toEqual(serverFields);
    expect(IMPORT_FIELD_SPECS.filter((s) => s.required).map((s) => s.field)).toEqual(['agencyName', 'title', 'filedOn']);
  });
});

describe('the mapping', () => {
  const imp = {
    columns: ['Agency', null, 'Subject', 'Date filed', 'Agency', ''],
    mapping: { agencyName: 'Agency', filedOn: 'Date filed', notes: 'Gone column' },
  };

  it('shows each detected header once, and the dry run’s mapping as the form’s choice (a column the file lacks is not chosen)', () => {
    expect(detectedColumns(imp)).toEqual(['Agency', 'Subject', 'Date filed']);
    const m = mappingOf(imp);
    expect(m).toMatchObject({ agencyName: 'Agency', filedOn: 'Date filed', title: null, notes: null });
    expect(Object.keys(m)).toHaveLength(IMPORT_FIELD_SPECS.length);
  });

  it('sends only the chosen fields', () => {
    const m = { ...mappingOf(imp), title: 'Subject' };
    expect(JSON.parse(mappingJson(m))).toEqual({ agencyName: 'Agency', title: 'Subject', filedOn: 'Date filed' });
  });

  it('names the required fields left out; records sought stands in for a title and an agency email for its name', () => {
    const m = mappingOf(imp);
    expect(Object.keys(requiredMissing(m))).toEqual(['title']);
    expect(requiredMissing({ ...m, recordsSought: 'Subject' })).toEqual({});
    expect(Object.keys(requiredMissing({ ...m, agencyName: null, title: 'Subject' }))).toEqual(['agencyName']);
    expect(requiredMissing({ ...m, agencyName: null, agencyEmail: 'Agency', title: 'Subject' })).toEqual({});
    expect(Object.keys(requiredMissing({ ...m, filedOn: null, title: 'Subject' }))).toEqual(['filedOn']);
  });

  it('flags one column chosen for two fields, beside both', () => {
    const m = { ...mappingOf(imp), title: 'Subject', recordsSought: 'Subject' };
    expect(sharedColumns(m)).toEqual({
      title: '“Subject” is also chosen for Records sought.',
      recordsSought: '“Subject” is also chosen for Title.',
    });
    expect(sharedColumns(mappingOf(imp))).toEqual({});
  });
});

describe('the preview', () => {
  it('puts each issue beside the cell of its field, naming the spreadsheet’s column', () => {
    const grouped = issuesByCell([
      issue('filedOn', 'Date filed', 'not a date'),
      issue('agencyJurisdiction', 'State'),
      issue('releasedOn', 'Released'),
      issue('trackingNumber', 'Tracking #'),
      issue(null, null, 'row is empty'),
    ]);
    expect(grouped.filedOn.map(issueText)).toEqual(['Date filed: not a date']);
    expect(grouped.agency.map((i) => i.column)).toEqual(['State']);
    expect(grouped.events.map((i) => i.column)).toEqual(['Released']);
    expect(grouped.other.map(issueText)).toEqual(['Tracking #: bad', 'row is empty']);
    expect(grouped.title).toEqual([]);
    // Without a column (the field is not mapped) the field is named in words.
    expect(issueText(issue('filedOn', null, 'is required'))).toBe('Filed on: is required');
  });

  it('says what each row will do, and did', () => {
    expect(rowOutcome({ action: 'create' }, false)).toBe('Will be created');
    expect(rowOutcome({ action: 'create', requestId: 'x' }, true)).toBe('Created');
    expect(rowOutcome({ action: 'skip', reason: 'duplicate', duplicateOf: { row: 5 } }, false)).toBe('Skipped: duplicate (repeats row 5)');
    expect(rowOutcome({ action: 'skip', reason: 'duplicate', duplicateOf: { requestId: 'r' } }, false)).toBe(
      'Skipped: duplicate (already in the tracker)',
    );
    expect(rowOutcome({ action: 'skip', reason: 'invalid' }, false)).toBe('Skipped: needs fixing');
  });
});

describe('problems from the API', () => {
  const problem = (status: number, errors?: Array<{ field: string; message: string }>, detail = 'detail') =>
    new ApiError(status, {
      type: 'about:blank',
      title: 'Bad',
      status,
      detail,
      ...(errors ? { errors: errors.map((e) => ({ in: 'body' as const, ...e })) } : {}),
    });

  it('shows field problems beside their field, and a wrong kind of file beside the file', () => {
    const err = problem(400, [
      { field: 'mapping.filedOn', message: 'Must be the text of a column header.' },
      { field: 'dateOrder', message: 'The file has both orders.' },
    ]);
    expect(uploadProblems(err)).toEqual({
      'mapping.filedOn': 'Must be the text of a column header.',
      dateOrder: 'The file has both orders.',
    });
    expect(uploadProblems(problem(415, undefined, 'Not a CSV or XLSX file.'))).toEqual({ file: 'Not a CSV or XLSX file.' });
    expect(uploadProblems(problem(413, undefined, 'Too large.'))).toEqual({ file: 'Too large.' });
    expect(uploadProblems(new Error('network'))).toEqual({});
  });

  it('reads the header row from a dry run refused for a missing column, so the columns step can open with the guess', () => {
    const refused = new ApiError(400, {
      type: 'urn:records-tracker:problem:validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ in: 'body', field: 'mapping.title', message: 'Map the title (or the records sought) to a column.' }],
      headerRow: 2,
      columns: ['Agency', null, 'Headline'],
      suggestedMapping: { agencyName: 'Agency', bogus: 3 },
    } as never);
    expect(headerFromProblem(refused)).toEqual({ headerRow: 2, columns: ['Agency', null, 'Headline'], mapping: { agencyName: 'Agency' } });
    expect(headerFromProblem(problem(400, [{ field: 'file', message: 'Empty.' }]))).toBeNull();
    expect(headerFromProblem(new Error('x'))).toBeNull();
  });

  it('leaves for the alert only what no field shows', () => {
    const placedAll = problem(400, [{ field: 'file', message: 'Empty.' }]);
    expect(unplacedProblem(placedAll, uploadProblems(placedAll))).toBeNull();
    const mixed = problem(400, [
      { field: 'file', message: 'Empty.' },
      { field: 'something', message: 'Else.' },
    ]);
    const rest = unplacedProblem(mixed, { file: 'Empty.' }) as ApiError;
    expect(rest.problem.errors?.map((e) => e.field)).toEqual(['something']);
    const server = problem(500);
    expect(unplacedProblem(server, uploadProblems(server))).toBe(server);
    expect(unplacedProblem(null, {})).toBeNull();
  });
});
