import pg from 'pg';
import type { Database, Db } from '../db/database';
import type { Logger } from '../logger';
import { AUTH_CHANGED_CHANNEL, type AuthCache } from './auth-cache';

/**
 * Call inside the transaction that revokes a token or changes a user: other
 * processes hear it when the transaction commits. Then call cache.clear()
 * after the commit for this process.
 */
export async function announceAuthChange(db: Db): Promise<void> {
  await db.raw('select pg_notify(?, ?)', [AUTH_CHANGED_CHANNEL, '']);
}

/** Clears the cache whenever any process announces an auth change. Returns a stop function. */
export async function listenForAuthChanges(
  database: Database,
  url: string | undefined,
  cache: AuthCache,
  logger: Logger,
): Promise<() => Promise<void>> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(AUTH_CHANGED_CHANNEL, () => cache.clear());
    return () => unlisten();
  }
  if (!url) throw new Error('a Postgres URL is needed to listen for auth changes');
  let client: pg.Client | undefined;
  let stopped = false;
  const reconnectSoon = () => {
    if (!stopped) setTimeout(() => connect().catch(reconnectSoon), 1000).unref();
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', () => cache.clear());
    c.on('error', (err) => {
      logger.warn({ err }, 'auth change listener lost its connection; reconnecting');
      cache.clear();
      reconnectSoon();
    });
    await c.connect();
    await c.query(`listen ${AUTH_CHANGED_CHANNEL}`);
    cache.clear(); // changes may have been missed while disconnected
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
