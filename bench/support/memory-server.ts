// Child process of embedded-memory.bench.ts: the service as server/main.ts
// starts it on the embedded database, with the database opened either the way
// it was before (BENCH_MODE=baseline: Postgres's default 128 MB of shared
// buffers, initdb in this process) or the way it is now (BENCH_MODE=current).
import path from 'node:path';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase, type OpenDatabaseOptions } from '../../server/db/database';
import { migrateLatest } from '../../server/db/migrate';
import { createRuntime } from '../../server/runtime';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const baseline: Partial<OpenDatabaseOptions> = { pgliteSettings: { shared_buffers: '128MB' }, pgliteInitInChild: false };
  const db = await openDatabase({
    pgliteDir: path.join(config.dataDir, 'pgdata'),
    ...(process.env.BENCH_MODE === 'baseline' ? baseline : {}),
  });
  await migrateLatest(db.knex);
  const runtime = await createRuntime({ config, db });
  const server = createApp(runtime.deps).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  process.send!({ port: (server.address() as { port: number }).port });
  process.on('message', async (m) => {
    if (m === 'memory') process.send!({ memory: process.memoryUsage() });
    if (m === 'stop') {
      server.close();
      await runtime.stop();
      await db.close();
      process.exit(0);
    }
  });
}

void main();
