import { openApiDocument } from '../../support/openapi-document';
import { openApiValidator } from '../../support/openapi-validator';
import { matchPath, readmeCurlExamples } from '../../support/readme-examples';

const doc = openApiDocument();
const validator = openApiValidator(doc);
const examples = readmeCurlExamples();

describe('README request examples against /openapi.json', () => {
  it('when README.md is read, then its JSON request bodies are found, the filed-elsewhere submit among them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.some((e) => e.url.endsWith('/submit') && (e.body as { method?: string }).method !== 'email')).toBe(true);
    // Bodies that span lines inside their quotes are read whole.
    expect(examples.find((e) => e.url === '/v1/agencies')?.body).toMatchObject({
      name: 'City of Minneapolis',
      timezone: 'America/Chicago',
    });
    expect(examples.find((e) => e.url === '/v1/deadlines/calculate')?.body).toMatchObject({ events: [{ type: 'extension_claimed' }] });
  });

  it.each(examples.map((e) => [`line ${e.line}: ${e.method.toUpperCase()} ${e.url}`, e]))(
    '%s: the body is valid for its operation',
    (_name, example) => {
      const template = matchPath(example.url, Object.keys(doc.paths));
      expect({ url: example.url, template }).toEqual({ url: example.url, template: expect.any(String) });
      const validate = validator.requestBody(example.method, template!);
      expect(validate).toBeDefined();
      validate!(example.body);
      expect(validate!.errors ?? []).toEqual([]);
    },
  );

  it('when a body breaks its schema, then the same check rejects it (the check can fail)', () => {
    const validate = validator.requestBody('post', '/v1/requests/{id}/submit')!;
    expect(validate({ method: 'web_portal' })).toBe(false);
    expect(validate({ method: 'portal', submittedAt: '16 January' })).toBe(false);
    expect(validate({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })).toBe(true);
  });
});
