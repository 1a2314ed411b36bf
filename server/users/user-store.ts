import type { Role } from '../auth/caller';
import type { Db } from '../db/database';

export interface UserRecord {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: Date;
}

interface Row {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  created_at: Date;
}

const COLUMNS = ['id', 'organization_id', 'email', 'name', 'role', 'active', 'created_at'];

const toRecord = (r: Row): UserRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
  createdAt: r.created_at,
});

export async function insertUser(db: Db, u: { organizationId: string; email: string; name: string; role: Role }): Promise<UserRecord> {
  const [row] = await db('users')
    .insert({ organization_id: u.organizationId, email: u.email, name: u.name, role: u.role })
    .returning<Row[]>(COLUMNS);
  return toRecord(row as Row);
}

export async function findUser(db: Db, organizationId: string, id: string): Promise<UserRecord | undefined> {
  const row = await db('users').where({ id, organization_id: organizationId }).first<Row | undefined>(COLUMNS);
  return row ? toRecord(row) : undefined;
}

export async function listUsers(db: Db, organizationId: string): Promise<UserRecord[]> {
  const rows = await db('users')
    .where({ organization_id: organizationId })
    .orderBy([{ column: 'name' }, { column: 'id' }])
    .select<Row[]>(COLUMNS);
  return rows.map(toRecord);
}

export async function updateUser(
  db: Db,
  organizationId: string,
  id: string,
  patch: { name?: string | undefined; role?: Role | undefined; active?: boolean | undefined },
  now: Date,
): Promise<UserRecord | undefined> {
  const changes: Record<string, unknown> = { updated_at: now };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.role !== undefined) changes.role = patch.role;
  if (patch.active !== undefined) changes.active = patch.active;
  const [row] = await db('users').where({ id, organization_id: organizationId }).update(changes).returning<Row[]>(COLUMNS);
  return row ? toRecord(row) : undefined;
}

/** Active admins of an organization, locked so two demotions cannot race past the last one. */
export async function lockActiveAdminIds(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db('users')
    .where({ organization_id: organizationId, role: 'admin', active: true })
    .forUpdate()
    .select<Array<{ id: string }>>('id');
  return rows.map((r) => r.id);
}

/** Operator tools only: a user by id whatever the organization. */
export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db('users').where({ id }).first<Row | undefined>(COLUMNS);
  return row ? toRecord(row) : undefined;
}

/** The user's own reminder lead time in business days; null means the newsroom's default. */
export async function findReminderLeadDays(db: Db, organizationId: string, id: string): Promise<number | null> {
  const row = await db('users')
    .where({ id, organization_id: organizationId })
    .first<{ reminder_lead_days: number | null } | undefined>('reminder_lead_days');
  return row?.reminder_lead_days ?? null;
}

export async function setReminderLeadDays(db: Db, organizationId: string, id: string, days: number | null): Promise<void> {
  await db('users').where({ id, organization_id: organizationId }).update({ reminder_lead_days: days });
}

/** Email addresses and roles of the newsroom's active users in these roles. */
export async function listActiveWithRoles(db: Db, organizationId: string, roles: Role[]): Promise<Array<{ email: string; role: Role }>> {
  return db('users')
    .where({ organization_id: organizationId, active: true })
    .whereIn('role', roles)
    .select<Array<{ email: string; role: Role }>>('email', 'role');
}

/** Names of the newsroom's users with these ids (for a history that names who did what). */
export async function findUserNames(db: Db, organizationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db('users')
    .where({ organization_id: organizationId })
    .whereIn('id', ids)
    .select<Array<{ id: string; name: string }>>('id', 'name');
  return new Map(rows.map((u) => [u.id, u.name]));
}

/**
 * Sign-in only: the active users with this address in every organization (an
 * address may belong to several newsrooms), oldest first.
 */
export async function findActiveUsersByEmail(db: Db, email: string): Promise<UserRecord[]> {
  const rows = await db('users')
    .whereRaw('lower(email) = lower(?)', [email])
    .where({ active: true })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select<Row[]>(COLUMNS);
  return rows.map(toRecord);
}
