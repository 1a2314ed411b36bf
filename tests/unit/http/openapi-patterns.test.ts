import { IsoInstant } from '../../../server/http/schemas';
import { openApiDocument, schemasWith } from '../../support/openapi-document';

const doc = openApiDocument();
const patterns = schemasWith(doc, 'pattern').map(({ at, schema }) => ({ at, pattern: schema.pattern, example: schema.example }));

// JSON Schema patterns are ECMA-262 regular expressions without flags; validators compile them with `u`.
const compile = (p: string) => new RegExp(p, 'u');

describe('OpenAPI patterns', () => {
  it('when the document is walked, then it has patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(10);
  });

  it('when each pattern is read, then it is a string that compiles as a Unicode ECMA-262 regular expression', () => {
    const bad = patterns.filter(({ pattern }) => {
      if (typeof pattern !== 'string') return true;
      try {
        compile(pattern);
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });

  it('when a pattern is anchored at its end, then nothing follows the anchor (no leaked /flags)', () => {
    // An unescaped `$` outside a character class followed by more text can never match.
    const leaked = patterns.filter(({ pattern }) => /(?<!\\)\$(?!$)/.test(String(pattern).replace(/\[(?:\\.|[^\]\\])*\]/g, '')));
    expect(leaked).toEqual([]);
  });

  it('when a patterned field carries an example, then the example matches its own pattern', () => {
    const withExample = patterns.filter((p) => typeof p.example === 'string');
    expect(withExample.length).toBeGreaterThan(0);
    expect(withExample.filter((p) => !compile(String(p.pattern)).test(String(p.example)))).toEqual([]);
  });

  describe('timestamps (submittedAt, receivedAt, expiresAt)', () => {
    const fields = ['submittedAt', 'receivedAt', 'expiresAt'];
    const timestampPatterns = schemasWith(doc, 'properties').flatMap(({ at, schema }) =>
      fields.flatMap((field) => {
        const prop = (schema.properties as Record<string, Record<string, unknown>>)[field];
        return prop && typeof prop.pattern === 'string' ? [{ at: `${at}/properties/${field}`, pattern: compile(prop.pattern) }] : [];
      }),
    );

    // What the server accepts, with letter case, precision and offset forms it allows.
    const valid = [
      '2026-01-16T10:00:00-05:00', // README's submit example
      '2026-01-16T15:30:00-06:00', // the schema's own example
      '2026-01-16T15:30:00Z',
      '2026-01-16t15:30:00z',
      '2026-01-16T15:30Z',
      '2026-01-16T15:30:00.123456789+01:00',
      '2026-01-16T15:30:00-0600',
    ];
    const garbage = [
      'yesterday',
      '',
      '2026-01-16',
      '2026-01-16T10:00:00',
      '2026-01-16 10:00:00-05:00',
      '2026-01-16T10:00:00-05:00/i',
      '2026-01-16T10:00:00-05:00 ',
      ' 2026-01-16T10:00:00Z',
      '2026-01-16T10:00:00.1234567890Z',
      '16/01/2026T10:00Z',
      '2026-01-16T10:00:00+5',
    ];

    it('when the document is read, then every one of these request fields has a pattern', () => {
      expect(new Set(timestampPatterns.map((t) => t.at.split('/').pop()))).toEqual(new Set(fields));
    });

    it.each(valid)('when %s is given, then every timestamp pattern accepts it, as the server does', (value) => {
      expect(IsoInstant.safeParse(value).success).toBe(true);
      expect(timestampPatterns.filter((t) => !t.pattern.test(value)).map((t) => t.at)).toEqual([]);
    });

    it.each(garbage)('when %j is given, then every timestamp pattern rejects it, as the server does', (value) => {
      expect(IsoInstant.safeParse(value).success).toBe(false);
      expect(timestampPatterns.filter((t) => t.pattern.test(value)).map((t) => t.at)).toEqual([]);
    });
  });
});
