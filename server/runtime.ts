import { AuthCache } from './auth/auth-cache';
import { listenForAuthChanges } from './auth/auth-changes';
import type { Config } from './config';
import type { Database } from './db/database';
import type { AppDeps, Clock } from './deps';
import { FileStore } from './files/file-store';
import { JobQueue } from './jobs/job-queue';
import { queueSpecs, startWorkers } from './jobs/workers';
import { createLogger, type Logger } from './logger';
import { createMailTransport } from './mail/mail-transport';

export interface Runtime {
  deps: AppDeps;
  /** Stops workers and listeners; the caller closes the database afterwards. */
  stop(): Promise<void>;
}

/**
 * Builds what handlers and jobs share and starts the process's background
 * work: the auth-change listener, and job workers when JOBS is on.
 */
export async function createRuntime(opts: { config: Config; db: Database; logger?: Logger; clock?: Clock }): Promise<Runtime> {
  const { config, db } = opts;
  const logger = opts.logger ?? createLogger(config.logLevel);
  const authCache = new AuthCache();
  const stopListening = await listenForAuthChanges(db, config.databaseUrl, authCache, logger);
  const jobs = await JobQueue.start(db, config, logger, queueSpecs(config));
  const mailer = createMailTransport(config);
  const deps: AppDeps = {
    config,
    db,
    logger,
    clock: opts.clock ?? (() => new Date()),
    authCache,
    files: new FileStore(config.dataDir, { syncMaxBytes: config.fileSyncMaxBytes }),
    jobs,
    mailer,
  };
  const stopWorkers = config.jobs ? await startWorkers(deps) : async () => undefined;
  return {
    deps,
    stop: async () => {
      await stopWorkers();
      await jobs.stop();
      mailer.close();
      await stopListening();
    },
  };
}
