import type { Db } from '../db/database';

export interface OrganizationRecord {
  id: string;
  name: string;
  createdAt: Date;
}

interface Row {
  id: string;
  name: string;
  created_at: Date;
}

const toRecord = (r: Row): OrganizationRecord => ({ id: r.id, name: r.name, createdAt: r.created_at });

export async function insertOrganization(db: Db, name: string): Promise<OrganizationRecord> {
  const [row] = await db('organizations').insert({ name }).returning<Row[]>(['id', 'name', 'created_at']);
  return toRecord(row as Row);
}

export async function findOrganization(db: Db, id: string): Promise<OrganizationRecord | undefined> {
  const row = await db('organizations').where({ id }).first<Row | undefined>('id', 'name', 'created_at');
  return row ? toRecord(row) : undefined;
}

export async function listOrganizations(db: Db): Promise<OrganizationRecord[]> {
  const rows = await db('organizations').orderBy('created_at').select<Row[]>('id', 'name', 'created_at');
  return rows.map(toRecord);
}

/** The oldest organization with this exact name (the demo finds the newsroom it made before). */
export async function findOrganizationByName(db: Db, name: string): Promise<OrganizationRecord | undefined> {
  const row = await db('organizations').where({ name }).orderBy('created_at').first<Row | undefined>('id', 'name', 'created_at');
  return row ? toRecord(row) : undefined;
}

/** The stored settings JSON, as written; `forUpdate` locks the row until the caller's transaction ends. */
export async function findStoredSettings(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<unknown> {
  const query = db('organizations').where({ id });
  if (opts.forUpdate) query.forUpdate();
  const row = await query.first<{ settings: unknown } | undefined>('settings');
  return row?.settings;
}

export async function storeSettings(db: Db, id: string, settings: object, now: Date): Promise<void> {
  await db('organizations')
    .where({ id })
    .update({ settings: JSON.stringify(settings), updated_at: now });
}

/** Every newsroom with its stored settings JSON, for jobs that run per newsroom. */
export async function listOrganizationsWithSettings(db: Db): Promise<Array<{ id: string; name: string; settings: unknown }>> {
  return db('organizations').select<Array<{ id: string; name: string; settings: unknown }>>('id', 'name', 'settings');
}
