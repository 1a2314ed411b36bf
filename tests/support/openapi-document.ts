import { currentOpenApiDocument } from '../../scripts/openapi-types';

/** The document /openapi.json serves, built without a database. */
export function openApiDocument(): OpenApiDocument {
  return currentOpenApiDocument() as OpenApiDocument;
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
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, `${at}/${i}`, false);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (!namesOnly && key in record) out.push({ at, schema: record });
      for (const [k, v] of Object.entries(record)) walk(v, `${at}/${k}`, !namesOnly && k === 'properties');
    }
  };
  walk(doc, '#', false);
  return out;
}
