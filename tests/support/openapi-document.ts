import { buildApi } from '../../server/app';
import { loadConfig } from '../../server/config';
import { buildOpenApiDocument } from '../../server/http/openapi';

/**
 * The document /openapi.json serves, built from the same route table without a
 * database (the route table and schemas do not depend on one).
 */
export function openApiDocument(): OpenApiDocument {
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  return buildOpenApiDocument(buildApi(config), config.publicUrl) as OpenApiDocument;
}

export interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: unknown }> };
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

/**
 * Every schema object in the document that has the keyword `key`, with its JSON
 * pointer. Names under `properties` are field names, not keywords, so a field
 * called `pattern` is not mistaken for one.
 */
export function schemasWith(doc: unknown, key: string): Array<{ at: string; schema: Record<string, unknown> }> {
  const out: Array<{ at: string; schema: Record<string, unknown> }> = [];
  const walk = (node: unknown, at: string, namesOnly: boolean): void => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${at}/${i}`, false));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (!namesOnly && key in record) out.push({ at, schema: record });
      for (const [k, v] of Object.entries(record)) walk(v, `${at}/${k}`, !namesOnly && k === 'properties');
    }
  };
  walk(doc, '#', false);
  return out;
}
