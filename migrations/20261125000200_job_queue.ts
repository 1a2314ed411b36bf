import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import { sqlExecutor } from '../server/db/sql-executor';

// pg-boss keeps its jobs in its own schema on the same database, so a job can
// be enqueued in the transaction of the row that needs it. Its plan carries
// its own BEGIN/COMMIT, hence no knex transaction around this migration.
export const config = { transaction: false };

export const JOB_SCHEMA = 'pgboss';

export async function up(knex: Knex): Promise<void> {
  const exists = await knex.raw(`select 1 from information_schema.schemata where schema_name = ?`, [JOB_SCHEMA]);
  if ((exists.rows as unknown[]).length > 0) return;
  await sqlExecutor(knex).executeSql(PgBoss.getConstructionPlans(JOB_SCHEMA));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`drop schema if exists ${JOB_SCHEMA} cascade`);
}
