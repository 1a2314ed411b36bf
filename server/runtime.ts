import { AuthCache } from './auth/auth-cache';
import { listenForAuthChanges } from './auth/auth-changes';
import type { Config } from './config';
import type { Database } from './db/database';
import type { AppDeps, Clock } from './deps';
import { createLogger, type Logger } from './logger';

export interface Runtime {
  deps: AppDeps;
  /** Stops background work; the caller closes the database afterwards. */
  stop(): Promise<void>;
}

/** Builds what handlers and jobs share, and starts the process's background listeners. */
export async function createRuntime(opts: { config: Config; db: Database; logger?: Logger; clock?: Clock }): Promise<Runtime> {
  const logger = opts.logger ?? createLogger(opts.config.logLevel);
  const authCache = new AuthCache();
  const stopListening = await listenForAuthChanges(opts.db, opts.config.databaseUrl, authCache, logger);
  const deps: AppDeps = { config: opts.config, db: opts.db, logger, clock: opts.clock ?? (() => new Date()), authCache };
  return {
    deps,
    stop: async () => {
      await stopListening();
    },
  };
}
