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
  let retry: NodeJS.Timeout | undefined;
  const lost = (c: pg.Client, err?: unknown) => {
    // 'error' and 'end' may both come for one loss; only the current client reconnects.
    if (stopped || client !== c) return;
    client = undefined;
    cache.setListening(false);
    logger.warn({ err }, 'auth change listener lost its connection; reconnecting (auth is not cached meanwhile)');
    c.end().catch(() => undefined);
    scheduleReconnect();
  };
  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err: unknown) => {
        logger.warn({ err }, 'auth change listener could not reconnect; trying again');
        scheduleReconnect();
      });
    }, 1000);
    retry.unref();
  };
  const connect = async (): Promise<void> => {
    // keepAlive: a connection that died silently (no reset) is noticed, not trusted for ever.
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('notification', () => cache.clear());
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`listen ${AUTH_CHANGED_CHANNEL}`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    cache.setListening(true); // also clears what may have changed while deaf
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => undefined);
  };
}
