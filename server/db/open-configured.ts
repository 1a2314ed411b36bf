import path from 'node:path';
import type { Config } from '../config';
import { lockDataDir } from './data-dir-lock';
import { openDatabase, type Database, type DriverLog } from './database';
import { migrateLatest, migrateLatestExclusively } from './migrate';

/** Opens the database the configuration names and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config, driverLog?: DriverLog): Promise<Database & { migrationsApplied: string[] }> {
  let release: (() => void) | undefined;
  if (!config.databaseUrl) release = await lockDataDir(config.dataDir);
  try {
    const db = await openDatabase({
      url: config.databaseUrl,
      pgliteDir: path.join(config.dataDir, 'pgdata'),
      poolMax: config.databasePoolMax,
      preparedStatements: config.databasePreparedStatements,
      ...(driverLog ? { driverLog } : {}),
    });
    const migrationsApplied = config.databaseUrl
      ? await migrateLatestExclusively(db.knex, config.databaseUrl)
      : await migrateLatest(db.knex);
    return {
      ...db,
      migrationsApplied,
      close: async () => {
        try {
          await db.close();
        } finally {
          release?.();
        }
      },
    };
  } catch (err) {
    release?.();
    throw err;
  }
}
