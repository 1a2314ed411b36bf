// Names shared by the Jest global set-up (parent process) and test files
// (workers): the set-up exports them through the environment.
export const ENV_PGLITE_DUMP = 'RT_TEST_PGLITE_DUMP';
export const ENV_PG_TEMPLATE = 'RT_TEST_PG_TEMPLATE';

/** The Postgres server to test against, or undefined for PGlite. */
export function serverUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url.trim() !== '' ? url : undefined;
}

export function databaseUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}
