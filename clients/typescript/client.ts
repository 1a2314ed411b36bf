import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, paths } from './schema';

/**
 * Every call is typed from /openapi.json: paths, parameters, bodies and answers.
 * Typed for JSON answers: lists that also answer CSV or XLSX (`format=csv`)
 * are downloads, fetched as bytes rather than through this client.
 */
export type ApiClient = Client<paths, 'application/json'>;

/**
 * A client of the public API. Scripts pass `Authorization: Bearer <token>`;
 * the web app will pass its session's CSRF header instead.
 */
export function createApiClient(baseUrl: string, headers: Record<string, string> = {}): ApiClient {
  return createClient<paths, 'application/json'>({ baseUrl, headers });
}
