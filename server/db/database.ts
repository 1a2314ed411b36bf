import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { isStalePlan } from '../errors/pg-errors';
import { renewStatements, statementName } from './prepared';

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
  /**
   * Postgres settings for the embedded database. Default: EMBEDDED_SETTINGS.
   * Memory is the point: PGlite runs in this process's WebAssembly memory.
   */
  pgliteSettings?: Readonly<Record<string, string>>;
  /** Create a new data directory in a short-lived child process (default true); see initializeInChild. */
  pgliteInitInChild?: boolean;
  /** Where the Postgres driver's own warnings go (a connection lost, one that could not be made); default: the console. */
  driverLog?: DriverLog;
  /** Prepare the statements marked `prepareAs` by name on a Postgres server (default true); see db/prepared.ts. */
  preparedStatements?: boolean;
}

/** The part of a logger the driver's messages need (pino's Logger fits). */
export interface DriverLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * knex writes its warnings as plain text with a stack trace (one per failed
 * connection attempt while the server is down); as log entries they keep the
 * first line, which says what happened, and leave the JSON log readable.
 */
function knexLog(log: DriverLog): Knex.Config['log'] {
  const firstLine = (message: unknown) => String(message).split('\n')[0] ?? '';
  return {
    warn: (message: unknown) => log.warn({ component: 'database driver' }, firstLine(message)),
    error: (message: unknown) => log.error({ component: 'database driver' }, firstLine(message)),
    deprecate: (method: string, alternative: string) =>
      log.warn({ component: 'database driver' }, `${method} is deprecated; use ${alternative}`),
    debug: () => undefined,
  };
}

/**
 * Postgres's default 128 MB of shared buffers is allocated inside PGlite's
 * WebAssembly memory and grows it from 128 MB to about 190 MB, held for the
 * life of the process. A newsroom's database is tens of megabytes and the OS
 * page cache still sits beneath it, so 16 MB of buffers costs no speed here
 * (the test suite and the benches run on the same setting).
 */
export const EMBEDDED_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '16MB' };

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolMax ?? 10, options.driverLog, options.preparedStatements ?? true);
  return openPglite(options);
}

/** What knex hands a dialect's `_query`: the compiled SQL and the query's options (pg's query config). */
interface CompiledQuery {
  sql: string;
  options?: Record<string, unknown>;
}
interface Dialect {
  _query(connection: unknown, obj: CompiledQuery): Promise<unknown>;
}

/** Takes `prepareAs` (db/prepared.ts) out of a query's options; returns it. */
function takeLabel(obj: CompiledQuery): string | undefined {
  const label = obj.options?.prepareAs;
  if (label === undefined) return undefined;
  const { prepareAs: _, ...rest } = obj.options!;
  obj.options = rest;
  return typeof label === 'string' ? label : undefined;
}

// knex's own Postgres dialect (knex-pglite extends it the same way); knex ships no typing for it.
const PgDialect = require('knex/lib/dialects/postgres') as new (config: Knex.Config) => Dialect;

/** knex's config with the one key of ours: it is the dialect's state a transaction's client shares (knex copies `config`). */
type PgConfig = Knex.Config & { preparedStatements: boolean };

/** The pg dialect, preparing by name each statement marked `prepareAs` (see db/prepared.ts). */
class PreparingPgClient extends PgDialect {
  declare readonly config: PgConfig;

  override _query(connection: unknown, obj: CompiledQuery): Promise<unknown> {
    const label = takeLabel(obj);
    if (label && this.config.preparedStatements) obj.options = { ...obj.options, name: statementName(label, obj.sql) };
    return super._query(connection, obj).catch((err: unknown) => {
      if (isStalePlan(err)) renewStatements();
      throw err;
    });
  }
}

/** Whether statements on `db` are prepared by name (a Postgres server, DATABASE_PREPARED_STATEMENTS on). */
export function preparesStatements(db: Knex): boolean {
  return db.client instanceof PreparingPgClient && (db.client as PreparingPgClient).config.preparedStatements;
}

function openPostgres(url: string, poolMax: number, driverLog: DriverLog | undefined, preparedStatements: boolean): Database {
  const config: PgConfig = {
    client: PreparingPgClient as unknown as typeof Knex.Client,
    connection: { connectionString: url, types: pgTypes } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax },
    ...(driverLog ? { log: knexLog(driverLog) } : {}),
    preparedStatements,
  };
  const knex = knexFactory(config);
  return { knex, kind: 'postgres', close: () => knex.destroy() };
}

/** knex-pglite's dialect without `prepareAs`: PGlite runs every statement in this process, with nothing to prepare. */
class PgliteClient extends (ClientPgLite as unknown as new (config: Knex.Config) => Dialect) {
  override _query(connection: unknown, obj: CompiledQuery): Promise<unknown> {
    takeLabel(obj);
    return super._query(connection, obj);
  }
}

const run = promisify(execFile);

/**
 * Runs initdb for a new data directory in a child process that then exits.
 * Done in this process, initdb leaves about 450 MB behind that is never given
 * back (a second WebAssembly instance, its memory, an in-memory copy of the
 * new directory): a first start held about 850 MB where a restart held 350.
 */
async function initializeInChild(dir: string): Promise<void> {
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return;
  const script = `const { PGlite } = require(${JSON.stringify(require.resolve('@electric-sql/pglite'))});
    PGlite.create({ dataDir: process.argv[1] }).then((pg) => pg.close()).catch((err) => { console.error(err); process.exit(1); });`;
  await run(process.execPath, ['-e', script, dir], { env: { PATH: process.env.PATH ?? '' } });
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const dir = options.pgliteDir;
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (dir && !options.pgliteDump && options.pgliteInitInChild !== false) await initializeInChild(dir);
  const settings = Object.entries(options.pgliteSettings ?? EMBEDDED_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const pglite = new PGlite({
    ...(dir ? { dataDir: dir } : {}),
    ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
    parsers: { [pgliteTypes.DATE]: parseDate, [pgliteTypes.INT8]: parseInt8 },
    startParams: [...PGlite.defaultStartParams, ...settings],
  });
  await pglite.waitReady;
  // knex-pglite ships no typing for a caller-provided instance, hence the cast.
  const knex = knexFactory({
    client: PgliteClient as unknown as typeof Knex.Client,
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
