import type { Stack } from './stack';
import { OPERATOR_TOKEN } from './stack';

export type Role = 'admin' | 'editor' | 'reporter' | 'counsel';

export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The API token issued with the user, for seeding through the API (the browser signs in by email). */
  token: string;
}

export interface Newsroom {
  orgId: string;
  name: string;
  people: Record<Role, Person>;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** One call to the service's API with a bearer token (the operator's ADMIN_TOKEN or a user's token). */
export async function call(stack: Stack, token: string, method: string, p: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${stack.baseUrl}${p}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Like `call`, but throws with the problem the API answered unless the status is `expected`. */
export async function must(
  stack: Stack,
  token: string,
  method: string,
  p: string,
  body: unknown,
  expected: number,
): Promise<Record<string, unknown>> {
  const res = await call(stack, token, method, p, body);
  if (res.status !== expected) throw new Error(`${method} ${p} answered ${res.status}, not ${expected}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A newsroom with one person per role, created as the operator would (ADMIN_TOKEN). */
export async function seedNewsroom(stack: Stack, name: string): Promise<Newsroom> {
  const org = await must(stack, OPERATOR_TOKEN, 'POST', '/v1/organizations', { name }, 201);
  const orgId = org.id as string;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const people = {} as Record<Role, Person>;
  const names: Record<Role, string> = { admin: 'Ada Admin', editor: 'Eddie Editor', reporter: 'Rita Reporter', counsel: 'Cass Counsel' };
  for (const role of ['admin', 'editor', 'reporter', 'counsel'] as const) {
    const email = `${role}@${slug}.example.org`;
    const user = await must(stack, OPERATOR_TOKEN, 'POST', `/v1/organizations/${orgId}/users`, { email, name: names[role], role }, 201);
    people[role] = { id: user.id as string, email, name: names[role], role, token: user.token as string };
  }
  return { orgId, name, people };
}

/** Adds an agency through the API (as the newsroom's editor); returns its id. */
export async function seedAgency(stack: Stack, room: Newsroom, agency: object): Promise<string> {
  const body = await must(stack, room.people.editor.token, 'POST', '/v1/agencies', agency, 201);
  return body.id as string;
}
