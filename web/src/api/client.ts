import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../../clients/typescript/schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The session's CSRF token, sent on every write; the cookie alone never authorizes one. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API answers 401 to a signed-in page: the session ended elsewhere. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/v1/auth/')) onUnauthorized?.();
    return response;
  },
};

// Absolute, so the same client runs in the browser and under jsdom in tests.
const origin = typeof window !== 'undefined' && window.location?.origin ? window.location.origin : 'http://localhost';

/** The only way the app talks to the server: /v1, typed from /openapi.json. */
export const api = createClient<paths, 'application/json'>({ baseUrl: origin, credentials: 'same-origin' });
api.use(session);

/** An API answer that was not a success, with the problem+json the server sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** Messages by field name ("title", "requester.email"), for showing beside the field. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] ??= e.message;
    return out;
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function asProblem(status: number, error: unknown): Problem {
  if (error && typeof error === 'object' && 'title' in error) return error as Problem;
  return { type: 'about:blank', title: status >= 500 ? 'The server could not answer' : 'The request failed', status };
}

/** The answer's body, or an ApiError carrying the problem. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, asProblem(response.status, error));
  return data as T;
}

/** Field messages of an error, or none. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}
