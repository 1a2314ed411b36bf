import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenApiDocument } from './openapi-document';

const ROOT = 'https://records-tracker.example.org/openapi.json';

/** Refs inside the document point at `#/components/schemas/X`; a standalone JSON Schema needs them absolute. */
function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `${ROOT}#/$defs/${v.slice('#/components/schemas/'.length)}`
        : absoluteRefs(v),
    ]),
  );
}

/**
 * A JSON Schema 2020-12 validator (what OpenAPI 3.1 schemas are) over the
 * document's component schemas, asserting formats as a strict client would.
 */
export function openApiValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
  });
  addFormats(ajv);
  // OpenAPI's own keywords, known so strict mode stays on for typos. Ajv's
  // discriminator support refuses `mapping`; the oneOf it annotates is checked all the same.
  ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
  ajv.addSchema({ $id: ROOT, $defs: absoluteRefs(doc.components.schemas) as Record<string, object> });
  const cache = new Map<string, ValidateFunction>();
  return {
    /** A validator for the JSON body of `method path`, or undefined when it has none. */
    requestBody(method: string, path: string): ValidateFunction | undefined {
      const key = `${method} ${path}`;
      if (!cache.has(key)) {
        const schema = doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;
        if (!schema) return undefined;
        cache.set(key, ajv.compile(absoluteRefs(schema) as object));
      }
      return cache.get(key);
    },
    component(name: string): ValidateFunction {
      return ajv.getSchema(`${ROOT}#/$defs/${name}`)!;
    },
  };
}
