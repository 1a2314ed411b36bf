import fs from 'node:fs';
import { renderTypes, TYPES_PATH } from '../../../scripts/openapi-types';

describe('TypeScript types of the OpenAPI document', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await renderTypes();
  });

  it('when generated with openapi-typescript, then the document compiles to paths and component types', () => {
    expect(generated).toContain('export interface paths');
    expect(generated).toContain('"/v1/requests/{id}/events"');
    expect(generated).toMatch(/DeniedEventCreate: \{/);
  });

  it('when compared with the committed clients/typescript/schema.d.ts, then it is current (run `npm run openapi:types` after changing a schema)', () => {
    expect(fs.existsSync(TYPES_PATH)).toBe(true);
    expect(fs.readFileSync(TYPES_PATH, 'utf8') === generated).toBe(true);
  });
});
