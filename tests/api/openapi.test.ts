import { validate } from '@readme/openapi-parser';
import { currentOpenApiDocument } from '../../scripts/openapi-types';
import { startTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('OpenAPI document', () => {
  it('when served, then it is a valid OpenAPI 3.1 document by a real validator', async () => {
    const res = await app.http.get('/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(res.body));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('when generated, then every mounted /v1 route is documented with its schemas', async () => {
    const res = await app.http.get('/openapi.json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    expect(paths['/v1/agencies']?.post?.requestBody).toBeDefined();
    expect(paths['/v1/agencies/{id}']?.get?.responses['404']).toBeDefined();
    expect(res.body.components.schemas.AgencyCreate.additionalProperties).toBe(false);
    expect(res.body.components.schemas.AgencyCreate.required).toEqual(expect.arrayContaining(['name', 'jurisdiction', 'level']));
    expect(Object.keys(paths).every((p) => p.startsWith('/v1/'))).toBe(true);
  });

  it('when served, then it is the document the offline checks and the committed types are built from', async () => {
    const res = await app.http.get('/openapi.json').expect(200);
    const built = currentOpenApiDocument() as { servers: unknown };
    expect({ ...res.body, servers: built.servers }).toEqual(built);
  });

  it('when /docs is opened, then it renders an HTML page for the document', async () => {
    const res = await app.http.get('/docs/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('swagger-ui');
  });
});
