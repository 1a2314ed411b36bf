import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { listJurisdictions } from '../../../server/deadlines';
import { defaultTemplateDir, LetterError, listLetterTemplates, loadLetterTemplates, requestTemplateFor } from '../../../server/letters';
import { selectRequestTemplate } from '../../../server/letters/registry';

const SHIPPED = defaultTemplateDir();

describe('the shipped templates', () => {
  test('are found at templates/letters in the repository', () => {
    expect(SHIPPED).toBe(path.resolve(__dirname, '../../../templates/letters'));
  });

  test('list with their metadata', () => {
    const list = listLetterTemplates();
    expect(list.map((t) => t.id)).toEqual([
      'appeal',
      'federal-foia',
      'follow-up',
      'minnesota-data-subject',
      'minnesota-public-data',
      'state-general',
    ]);
    expect(list.find((t) => t.id === 'federal-foia')).toMatchObject({
      purpose: 'request',
      jurisdictions: ['US'],
      requestTypes: 'any',
      requires: [],
    });
    expect(list.find((t) => t.id === 'minnesota-data-subject')).toMatchObject({
      purpose: 'request',
      jurisdictions: ['US-MN'],
      requestTypes: ['data_subject'],
    });
    expect(list.find((t) => t.id === 'follow-up')).toMatchObject({
      purpose: 'follow_up',
      jurisdictions: 'any',
      requires: ['followUp', 'request.submittedOn'],
    });
    expect(list.find((t) => t.id === 'appeal')).toMatchObject({ purpose: 'appeal', requires: ['appeal'] });
    for (const t of list) expect(t.description.length).toBeGreaterThan(20);
  });

  test('the list is a copy: changing it changes nothing', () => {
    const first = listLetterTemplates();
    (first[1]!.jurisdictions as string[]).push('US-TX');
    expect(listLetterTemplates()[1]?.jurisdictions).toEqual(['US']);
  });

  test('requestTemplateFor follows the issue', () => {
    expect(requestTemplateFor('US', 'standard')).toBe('federal-foia');
    expect(requestTemplateFor('US', 'expedited')).toBe('federal-foia');
    expect(requestTemplateFor('US-MN', 'standard')).toBe('minnesota-public-data');
    expect(requestTemplateFor('US-MN', 'data_subject')).toBe('minnesota-data-subject');
    const states = listJurisdictions().filter((j) => j.code !== 'US' && j.code !== 'US-MN');
    for (const j of states) for (const type of j.requestTypes) expect(requestTemplateFor(j.code, type)).toBe('state-general');
  });
});

describe('loading a template directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letters-'));
    for (const name of fs.readdirSync(SHIPPED)) fs.copyFileSync(path.join(SHIPPED, name), path.join(dir, name));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const template = (front: string, body = 'Body {{request.title}}\n') => `---\n${front}\n---\n${body}`;
  const FRONT = [
    'id: extra',
    'name: Extra',
    'purpose: request',
    'description: A test template.',
    'jurisdictions: US-CA',
    'requestTypes: any',
    'subject: Extra: {{request.title}}',
  ];
  const front = (replace: Record<string, string | null>) =>
    FRONT.map((line) => {
      const key = line.slice(0, line.indexOf(':'));
      return key in replace ? replace[key] : line;
    })
      .filter((line): line is string => line !== null)
      .join('\n');
  const loadError = (): LetterError => {
    try {
      loadLetterTemplates(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(LetterError);
      expect((error as LetterError).kind).toBe('template_file');
      return error as LetterError;
    }
    throw new Error('expected the directory to be rejected');
  };

  test('a copy of the shipped directory loads', () => {
    expect([...loadLetterTemplates(dir).templates.keys()]).toHaveLength(6);
  });

  test('a new file is picked up without a code change, and the more specific template wins', () => {
    write('extra.hbs', template(front({})));
    const registry = loadLetterTemplates(dir);
    expect(selectRequestTemplate(registry.templates.values(), 'US-CA', 'standard').best?.info.id).toBe('extra');
    expect(selectRequestTemplate(registry.templates.values(), 'US-TX', 'standard').best?.info.id).toBe('state-general');
  });

  test.each([
    ['a missing subject', front({ subject: null }), /subject/],
    ['an unknown key', `${front({})}\ncolour: red`, /colour/],
    ['a bad purpose', front({ purpose: 'purpose: letter' }), /purpose/],
    ['an id that differs from the file name', front({ id: 'id: other' }), /must match the file name/],
    ['a jurisdiction without a rule file', front({ jurisdictions: 'jurisdictions: US-ZZ' }), /no rule file for US-ZZ/],
    [
      'a request type the jurisdiction lacks',
      front({ requestTypes: 'requestTypes: data_subject' }),
      /"data_subject" is not a request type of US-CA/,
    ],
    ['an unknown requires entry', `${front({})}\nrequires: followUp, coffee`, /coffee/],
    ['a duplicate key', `${front({})}\nname: Again`, /"name" appears twice/],
  ])('rejects %s', (_label, frontMatter, message) => {
    write('extra.hbs', template(frontMatter));
    expect(loadError().message).toMatch(message);
  });

  test('rejects a file without a closing front-matter line, an empty body, a helper that does not exist, a syntax error', () => {
    write('extra.hbs', `---\n${front({})}\n`);
    expect(loadError().message).toMatch(/no closing "---"/);
    write('extra.hbs', template(front({}), '\n  \n'));
    expect(loadError().message).toMatch(/body is empty/);
    write('extra.hbs', template(front({}), '{{#repeat 3}}x{{/repeat}}\n'));
    expect(loadError().message).toMatch(/body does not compile/);
    write('extra.hbs', template(front({}), '{{#if request.title}}unclosed\n'));
    expect(loadError().message).toMatch(/body does not compile/);
  });

  test('rejects two templates that tie for a jurisdiction', () => {
    write('extra.hbs', template(front({})));
    write('extra-two.hbs', template(front({ id: 'id: extra-two' })));
    expect(loadError().message).toMatch(/extra, extra-two tie for US-CA/);
  });

  test('rejects a set that leaves a jurisdiction without a request template', () => {
    fs.rmSync(path.join(dir, 'state-general.hbs'));
    expect(loadError().message).toMatch(/no request template .* serves US-AK request type standard/);
  });

  test('a misspelt field fails at render time instead of printing nothing (strict mode)', () => {
    write('extra.hbs', template(front({}), 'Dear {{agency.nmae}}\n'));
    const registry = loadLetterTemplates(dir);
    const extra = registry.templates.get('extra');
    expect(() => extra?.body({ agency: { name: 'x' } })).toThrow(/nmae/);
  });
});
