// npm run openapi:types: writes the TypeScript types of /openapi.json to
// clients/typescript/schema.d.ts, where typed scripts (and the coming web app) import them.
// A test fails while the committed file differs from what this writes.
import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPI3 } from 'openapi-typescript';
import { buildApi } from '../server/app';
import { loadConfig } from '../server/config';
import { buildOpenApiDocument } from '../server/http/openapi';

export const TYPES_PATH = path.join(__dirname, '../clients/typescript/schema.d.ts');

/**
 * The document /openapi.json serves, built from the same route table without a
 * database (routes and schemas do not depend on one). The server URL is fixed
 * so the output does not depend on PUBLIC_URL.
 */
export function currentOpenApiDocument(): object {
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  return buildOpenApiDocument(buildApi(config), config.publicUrl);
}

const HEADER = '// Generated from /openapi.json by `npm run openapi:types` (openapi-typescript). Do not edit.\n\n';

export async function renderTypes(doc: object = currentOpenApiDocument()): Promise<string> {
  // An ES module whose CommonJS build requires ES-only packages: load it as a module.
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  // A copy: the generator annotates the object it is given.
  return HEADER + astToString(await openapiTS(structuredClone(doc) as OpenAPI3, { alphabetize: false }));
}

if (require.main === module) {
  renderTypes()
    .then((types) => {
      fs.mkdirSync(path.dirname(TYPES_PATH), { recursive: true });
      fs.writeFileSync(TYPES_PATH, types);
      process.stdout.write(`wrote ${path.relative(process.cwd(), TYPES_PATH)}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
