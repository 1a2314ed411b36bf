import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, paths } from './schema';

/** Every call is typed from /openapi.json: paths, parameters, bodies and answers. */
export type ApiClient = Client<paths>;

/**
 * A client of the public API. Scripts pass `Authorization: Bearer <token>`;
 * the web app will pass its session's CSRF header instead.
 */
export function createApiClient(baseUrl: string, headers: Record<string, string> = {}): ApiClient {
  return createClient<paths>({ baseUrl, headers });
}
