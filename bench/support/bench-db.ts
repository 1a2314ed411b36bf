import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/database';
import { migrateLatest } from '../../server/db/migrate';

export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(database: string): string {
  const u = new URL(BENCH_SERVER_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database on the Postgres server; drop() removes it. */
export async function createBenchDatabase(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const db = await openDatabase({ url: urlFor(name), poolMax: 2 });
  try {
    await migrateLatest(db.knex);
  } finally {
    await db.close();
  }
  return { name, url: urlFor(name), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export async function openBenchDatabase(url: string, poolMax = 10): Promise<Database> {
  return openDatabase({ url, poolMax });
}
