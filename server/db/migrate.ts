import type { Knex } from 'knex';
import pg from 'pg';
import { migrations } from '../../migrations/all';

const source: Knex.MigrationSource<{ name: string; module: Knex.Migration }> = {
  getMigrations: async () => [...migrations],
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m.module,
};

export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource: source })) as [number, string[]];
  return applied;
}

/**
 * migrateLatest for processes that may start together on one Postgres server
 * (API processes and workers deployed at once). knex's lock row refuses a
 * second migrator (MigrationLocked) instead of making it wait, so the loser
 * would exit. A session advisory lock, on a connection of its own, queues them
 * instead; each finds the schema as the one before left it.
 */
export async function migrateLatestExclusively(knex: Knex, url: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  // A lost lock connection only lets the next process in early; knex's own lock still guards the schema.
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock(hashtext('records-tracker migrations'))");
    return await migrateLatest(knex);
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
  }
}

export async function migrateRollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource: source }, true);
}
