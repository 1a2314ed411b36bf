import type { AuthCache } from './auth/auth-cache';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Logger } from './logger';

/** Wall clock, injectable so tests can move time. */
export type Clock = () => Date;

/** What request handlers and jobs need from the running process. */
export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  authCache: AuthCache;
}
