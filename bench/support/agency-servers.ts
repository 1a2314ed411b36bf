// Child process of agency-get.bench.ts: the real app and a bare Express
// handler, sharing one knex pool, so the only difference is our stack.
import express from 'express';
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

  const bare = express();
  bare.get('/agencies/:id', async (req, res) => {
    const row = await db.knex('agencies').where({ id: req.params.id }).first();
    res.json(row);
  });

  const a = app.listen(0, '127.0.0.1');
  const b = bare.listen(0, '127.0.0.1');
  await Promise.all([a, b].map((s) => new Promise((r) => s.once('listening', r))));
  const port = (s: typeof a) => (s.address() as { port: number }).port;
  process.send!({ appPort: port(a), barePort: port(b) });
  process.on('message', async (m) => {
    if (m === 'stop') {
      a.close();
      b.close();
      await runtime.stop();
      await db.close();
      process.exit(0);
    }
  });
}

void main();
