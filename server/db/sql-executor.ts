import { preparesStatements, type Db } from './database';
import { isStalePlan } from '../errors/pg-errors';
import { renewStatements, statementName } from './prepared';

export interface SqlResult {
  rows: Array<Record<string, unknown>>;
  rowCount?: number | null;
}

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
}

interface PgliteLike {
  exec(sql: string): Promise<Array<{ rows: Array<Record<string, unknown>>; affectedRows?: number }>>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; affectedRows?: number }>;
  dumpDataDir?: unknown;
}

interface PgClientLike {
  query(
    sql: string | { name: string; text: string; values: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
}

const isPglite = (c: unknown): c is PgliteLike =>
  typeof c === 'object' && c !== null && typeof (c as PgliteLike).exec === 'function' && 'dumpDataDir' in c;

/**
 * Raw SQL with $1-style parameters on the connection a knex handle owns: the
 * pool's next connection, or a transaction's own connection. pg-boss runs
 * through this, so its queries queue behind ours on PGlite's single
 * connection and a job can be enqueued inside our transaction. Multi-statement
 * SQL without parameters (pg-boss's schema plans) needs PGlite's exec.
 */
export function sqlExecutor(db: Db): SqlExecutor {
  return {
    async executeSql(text, values) {
      const connection: unknown = await db.client.acquireConnection();
      try {
        if (isPglite(connection)) {
          if (!values || values.length === 0) {
            const results = await connection.exec(text);
            const last = results[results.length - 1];
            return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? null };
          }
          const result = await connection.query(text, values);
          return { rows: result.rows, rowCount: result.affectedRows ?? null };
        }
        // pg-boss's statements are a fixed set (its fetch, send and completion
        // run for every job), so each is prepared by name like our hot ones.
        // Only parameterized ones: the rest are its multi-statement plans.
        const client = connection as PgClientLike;
        if (!values || values.length === 0 || !preparesStatements(db)) return await client.query(text, values);
        return await client.query({ name: statementName('pgboss', text), text, values }).catch((err: unknown) => {
          if (isStalePlan(err)) renewStatements();
          throw err;
        });
      } finally {
        await db.client.releaseConnection(connection);
      }
    },
  };
}
