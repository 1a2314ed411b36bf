// Child process of agency-get.bench.ts. BENCH_SERVERS=app: the real app and
// a bare Express handler, sharing one knex pool, so the only difference is
// our stack. BENCH_SERVERS=layers: a bare handler again and the same with each
// layer of the app's stack added in turn, in a process of their own: every
// Express app in a process adds shapes that the same code in Node's HTTP
// internals must handle, so a process of six apps would price each one above
// what it costs alone.
import express from 'express';
import helmet from 'helmet';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { requestLogging } from '../../server/http/request-log';
import { requestId } from '../../server/http/request-id';
import { createLogger } from '../../server/logger';
import { createRuntime } from '../../server/runtime';
import { openBenchDatabase } from './bench-db';

export type AgencyServerPorts =
  | { appPort: number; barePort: number }
  /** pinoPort: bare + pino-http as the app used it before issue 15, for the price beside the new one. */
  | { barePort: number; pinoPort: number; loggedPort: number; headedPort: number };

/** Sent back for 'cpu': this process's CPU time so far, µs, so the bench can price a load run in CPU. */
export interface CpuReply {
  cpu: number;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DB_URL!;
  const poolMax = Number(process.env.BENCH_POOL_MAX ?? 10);
  const db = await openBenchDatabase(url, poolMax);
  const config = loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    DATABASE_POOL_MAX: String(poolMax),
    DATA_DIR: '/tmp/rt-bench',
  });
  const layers = process.env.BENCH_SERVERS === 'layers';
  const runtime = layers ? undefined : await createRuntime({ config, db });
  const logger = runtime?.deps.logger ?? createLogger(config.logLevel);

  const bareWith = (stack: (server: express.Express) => express.RequestHandler[]) => {
    const server = express();
    server.disable('x-powered-by');
    for (const layer of stack(server)) server.use(layer);
    server.get('/agencies/:id', async (req, res) => {
      const row = await db.knex('agencies').where({ id: req.params.id }).first();
      res.json(row);
    });
    return server;
  };
  const apps: Record<string, express.Express> = {};
  if (runtime) {
    apps.appPort = createApp(runtime.deps);
    apps.barePort = bareWith(() => []);
  } else {
    // Imported by a computed name so its global typings (req.id, req.log) stay out
    // of the build; the app itself no longer uses it.
    const pinoHttpModule = 'pino-http';
    const { pinoHttp } = (await import(pinoHttpModule)) as {
      pinoHttp: (opts: Record<string, unknown>) => express.RequestHandler;
    };
    apps.barePort = bareWith(() => []);
    apps.pinoPort = bareWith(() => [
      pinoHttp({
        logger,
        genReqId: requestId,
        customLogLevel: () => 'debug',
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      }),
    ]);
    apps.loggedPort = bareWith((s) => [requestLogging(s, logger)]);
    apps.headedPort = bareWith((s) => [requestLogging(s, logger), helmet()]);
  }
  const servers = Object.values(apps).map((s) => s.listen(0, '127.0.0.1'));
  await Promise.all(servers.map((s) => new Promise((r) => s.once('listening', r))));
  const ports = Object.fromEntries(Object.keys(apps).map((k, i) => [k, (servers[i]!.address() as { port: number }).port]));
  process.send!(ports as AgencyServerPorts);
  process.on('message', async (m) => {
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ cpu: user + system } satisfies CpuReply);
    }
    if (m === 'stop') {
      for (const s of servers) s.close();
      await runtime?.stop();
      await db.close();
      process.exit(0);
    }
  });
}

void main();
