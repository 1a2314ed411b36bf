// Child process of agency-get.bench.ts: the real app and a bare Express
// handler, sharing one knex pool, so the only difference is our stack.
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { requestId } from '../../server/http/request-id';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createRuntime } from '../../server/runtime';
import { openBenchDatabase } from './bench-db';

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
  const runtime = await createRuntime({ config, db });
  const app = createApp(runtime.deps);

  // The bare handler, then the same with each layer of the app's stack added
  // in turn, so the bench can price each layer.
  const bareWith = (layers: express.RequestHandler[]) => {
    const server = express();
    server.disable('x-powered-by');
    for (const layer of layers) server.use(layer);
    server.get('/agencies/:id', async (req, res) => {
      const row = await db.knex('agencies').where({ id: req.params.id }).first();
      res.json(row);
    });
    return server;
  };
  const logging = pinoHttp({ logger: runtime.deps.logger, genReqId: requestId, customLogLevel: () => 'debug' });
  const bare = bareWith([]);
  const logged = bareWith([logging]);
  const headed = bareWith([logging, helmet()]);

  const servers = [app, bare, logged, headed].map((s) => s.listen(0, '127.0.0.1'));
  await Promise.all(servers.map((s) => new Promise((r) => s.once('listening', r))));
  const port = (s: (typeof servers)[number]) => (s.address() as { port: number }).port;
  const [a, b, l, h] = servers as [(typeof servers)[number], (typeof servers)[number], (typeof servers)[number], (typeof servers)[number]];
  process.send!({ appPort: port(a), barePort: port(b), loggedPort: port(l), headedPort: port(h) });
  process.on('message', async (m) => {
    if (m === 'stop') {
      for (const s of servers) s.close();
      await runtime.stop();
      await db.close();
      process.exit(0);
    }
  });
}

void main();
