import fs from 'node:fs';
import path from 'node:path';

import { getJurisdiction, listJurisdictions } from '../../../server/deadlines';
import { validateRuleFile } from '../../../server/deadlines/rules';

const RULES_DIR = path.join(__dirname, '../../../server/deadlines/rules');
const CSV_PATH = path.join(RULES_DIR, 'sources/state-deadlines.csv');

function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

const csvRows = readCsv(fs.readFileSync(CSV_PATH, 'utf8'));
const fileCode = (csvCode: string) => (csvCode === 'US' ? 'US' : `US-${csvCode}`);

describe('rule files', () => {
  const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.json'));

  test('there are 52 files: US, 50 states and DC', () => {
    // The CSV's codes, kept here too: the list of jurisdictions must not depend on the data file alone.
    const expected = (
      'US AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
      'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'
    )
      .split(' ')
      .map(fileCode);
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...expected].sort());
    expect(
      listJurisdictions()
        .map((j) => j.code)
        .sort(),
    ).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
  });

  test.each(files)('%s validates against the schema', (file) => {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(RULES_DIR, file), 'utf8'));
    const rules = validateRuleFile(raw);
    expect(`${rules.code}.json`).toBe(file);
    for (const version of rules.versions) {
      expect(version.sources.length).toBeGreaterThan(0);
      expect(version.notes.length).toBeGreaterThan(0);
    }
  });

  test('a broken rule file is rejected', () => {
    const good = JSON.parse(fs.readFileSync(path.join(RULES_DIR, 'US.json'), 'utf8')) as { versions: Record<string, unknown>[] };
    const noPeriod = structuredClone(good);
    (noPeriod.versions[0] as Record<string, unknown>)['response'] = { dayType: 'business', citation: 'x', description: 'y' };
    expect(() => validateRuleFile(noPeriod)).toThrow(/exactly one of days, months or years/);
    const badZone = structuredClone(good);
    (badZone.versions[0] as Record<string, unknown>)['defaultTimezone'] = 'America/Gotham';
    expect(() => validateRuleFile(badZone)).toThrow(/IANA/);
    const unordered = structuredClone(good);
    unordered.versions.push({ ...(good.versions[0] as Record<string, unknown>), effectiveFrom: '2020-01-01' });
    expect(() => validateRuleFile(unordered)).toThrow(/ascending/);
  });

  describe('agree with the reference CSV', () => {
    test('every CSV code has a file', () => {
      expect(csvRows).toHaveLength(52);
      for (const row of csvRows) expect(getJurisdiction(fileCode(row['jurisdiction_code'] ?? ''))).toBeDefined();
    });

    test.each(csvRows.map((r) => [r['jurisdiction_code'] ?? '', r] as const))(
      '%s: period, citation and source copied from the CSV',
      (_code, row) => {
        const rules = getJurisdiction(fileCode(row['jurisdiction_code'] ?? ''));
        const version = rules?.versions[rules.versions.length - 1];
        if (!version) throw new Error('missing rule');
        expect(version.citation).toBe(row['statute']);
        expect(version.sources.some((s) => s.source === row['source'] && s.citation === row['statute'])).toBe(true);
        expect(version.notes.some((n) => n.includes(row['notes'] ?? '\u0000'))).toBe(true);
        if (row['no_fixed_deadline'] === 'true') {
          expect('noFixedPeriod' in version.response).toBe(true);
        } else {
          expect(version.response).toMatchObject({ days: Number(row['response_days']), dayType: row['day_type'] });
        }
        if (row['extension_days'] && version.extension?.days !== undefined) {
          expect(version.extension.days).toBe(Number(row['extension_days']));
        }
      },
    );
  });
});
