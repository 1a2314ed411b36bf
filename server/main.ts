import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { openConfiguredDatabase } from './db/open-configured';
import { answerClientErrors } from './http/client-errors';
import { createLogger } from './logger';
import { createRuntime } from './runtime';
import { startupNotices } from './startup-notices';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openConfiguredDatabase(config, logger);
  logger.info({ database: db.kind, migrationsApplied: db.migrationsApplied }, 'database ready');

  const runtime = await createRuntime({ config, db, logger });
  const app = createApp(runtime.deps);
  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ url: config.publicUrl, port, database: db.kind, jobs: config.jobs }, 'records tracker listening');
    for (const notice of startupNotices(config)) logger[notice.level](notice.msg);
  });
  answerClientErrors(server, logger);
  server.on('error', (err) => {
    logger.fatal({ err }, 'server failed');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('grace period over; closing remaining connections');
      server.closeAllConnections();
    }, config.shutdownGraceSeconds * 1000);
    force.unref();
    server.close(async () => {
      try {
        await runtime.stop();
        await db.close();
        logger.info('stopped');
        process.exit(0);
      } catch (err) {
        logger.error({ err }, 'error while closing the database');
        process.exit(1);
      }
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(`records tracker: ${err.message}`);
  } else {
    console.error('records tracker failed to start:', err);
  }
  process.exit(1);
});
