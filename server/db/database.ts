import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  knex: Knex;
  kind: DatabaseKind;
  /** The embedded instance, for what knex cannot do (multi-statement exec, dumps). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type Db = Knex | Knex.Transaction;

const DATE_OID = 1082;
const INT8_OID = 20;

// Both drivers return `date` columns as the plain 'YYYY-MM-DD' text: a deadline
// is a date in the agency's zone, and a JS Date at the server's midnight would
// silently shift it. bigint and count(*) come back as numbers on both drivers
// (PGlite already does; pg would give strings), so stores see one shape.
const parseDate = (value: string): string => value;
const parseInt8 = (value: string): number => Number(value);

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return parseDate;
    if (oid === INT8_OID) return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface OpenDatabaseOptions {
  /** Postgres server URL; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** Directory for the embedded database (ignored with a URL). Undefined: in memory. */
  pgliteDir?: string | undefined;
  /** A dump of a PGlite data directory to start from (tests load a migrated template). */
  pgliteDump?: Blob | undefined;
  poolMax?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolMax ?? 10);
  return openPglite(options);
}

function openPostgres(url: string, poolMax: number): Database {
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: url, types: pgTypes } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax },
  });
  return { knex, kind: 'postgres', close: () => knex.destroy() };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const dir = options.pgliteDir;
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const pglite = new PGlite({
    ...(dir ? { dataDir: dir } : {}),
    ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
    parsers: { [pgliteTypes.DATE]: parseDate, [pgliteTypes.INT8]: parseInt8 },
  });
  await pglite.waitReady;
  // knex-pglite ships no typing for a caller-provided instance, hence the cast.
  const knex = knexFactory({
    client: ClientPgLite as unknown as typeof Knex.Client,
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
  return {
    knex,
    kind: 'pglite',
    pglite,
    close: async () => {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
