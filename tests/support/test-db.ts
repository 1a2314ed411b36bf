import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/database';
import { ENV_PG_TEMPLATE, ENV_PGLITE_DUMP, databaseUrl, serverUrl } from './test-env';

export interface TestDatabase extends Database {
  /** Connection URL of the server database, undefined on PGlite. */
  url: string | undefined;
}

/** A fresh, migrated database for one test file; close() removes it. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const base = serverUrl();
  if (base) {
    const template = process.env[ENV_PG_TEMPLATE];
    if (!template) throw new Error('global set-up did not create the template database');
    const name = `rt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await withAdmin(base, (c) => c.query(`create database ${name} template ${template}`));
    const url = databaseUrl(base, name);
    const db = await openDatabase({ url, poolMax: 5 });
    return {
      ...db,
      url,
      close: async () => {
        await db.close();
        await withAdmin(base, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const dumpFile = process.env[ENV_PGLITE_DUMP];
  if (!dumpFile) throw new Error('global set-up did not create the PGlite dump');
  const db = await openDatabase({ pgliteDump: new Blob([fs.readFileSync(dumpFile)]) });
  return { ...db, url: undefined };
}

/**
 * An empty database on the test server, with no schema at all, for tests of
 * processes that create it themselves; drop() removes it. Undefined on PGlite.
 */
export async function createEmptyServerDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = serverUrl();
  if (!base) return undefined;
  const name = `rt_empty_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(base, (c) => c.query(`create database ${name}`));
  return {
    url: databaseUrl(base, name),
    drop: () => withAdmin(base, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
