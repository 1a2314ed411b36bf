import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../server/db/database';
import { migrateLatest } from '../../server/db/migrate';
import { ENV_PG_TEMPLATE, ENV_PGLITE_DUMP, databaseUrl, serverUrl } from './test-env';

// Migrate once per run; every test file then starts from a copy: a PGlite
// dump it loads in about a second, or a Postgres database cloned from a template.
export default async function globalSetup(): Promise<void> {
  const url = serverUrl();
  if (url) {
    const template = `rt_test_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${template}`);
    } finally {
      await admin.end();
    }
    const db = await openDatabase({ url: databaseUrl(url, template), poolMax: 1 });
    try {
      await migrateLatest(db.knex);
    } finally {
      await db.close();
    }
    process.env[ENV_PG_TEMPLATE] = template;
    return;
  }

  const db = await openDatabase({});
  try {
    await migrateLatest(db.knex);
    const dump = await db.pglite!.dumpDataDir('none');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rt-test-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env[ENV_PGLITE_DUMP] = file;
  } finally {
    await db.close();
  }
}
