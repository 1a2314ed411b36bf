import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ENV_PG_TEMPLATE, ENV_PGLITE_DUMP, serverUrl } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const dump = process.env[ENV_PGLITE_DUMP];
  if (dump) fs.rmSync(path.dirname(dump), { recursive: true, force: true });

  const url = serverUrl();
  const template = process.env[ENV_PG_TEMPLATE];
  if (url && template) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${template} with (force)`);
    } finally {
      await admin.end();
    }
  }
}
