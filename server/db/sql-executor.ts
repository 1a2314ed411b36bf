import type { Db } from './database';

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
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
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
        return await (connection as PgClientLike).query(text, values);
      } finally {
        await db.client.releaseConnection(connection);
      }
    },
  };
}
