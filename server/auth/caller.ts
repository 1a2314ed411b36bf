export const ROLES = ['admin', 'editor', 'reporter', 'counsel'] as const;
export type Role = (typeof ROLES)[number];

/** How a user proved who they are: an API token (scripts) or a browser session (cookie). */
export interface Credential {
  kind: 'token' | 'session';
  /** The api_tokens or sessions row id. */
  id: string;
}

/** Who is calling: the operator (ADMIN_TOKEN) or a user of one organization. */
export type Caller =
  | { kind: 'operator' }
  | {
      kind: 'user';
      userId: string;
      organizationId: string;
      role: Role;
      email: string;
      name: string;
      credential: Credential;
    };

export type UserCaller = Extract<Caller, { kind: 'user' }>;

/** Roles that may create and change requests, agencies and events. */
export const WRITER_ROLES: ReadonlyArray<Role> = ['admin', 'editor', 'reporter'];
/** Every role of an organization may read everything in it. */
export const READER_ROLES: ReadonlyArray<Role> = ROLES;
