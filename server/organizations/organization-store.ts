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
