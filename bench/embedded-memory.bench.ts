// Issue 9 benchmark: memory of an idle service on the embedded database, just
// after start, with the database opened the old way (baseline) and the current
// way, side by side. Each is started twice on its own temporary DATA_DIR: a
// first start (initdb and every migration) and a restart of the same
// directory. RSS is read after BENCH_IDLE_SECONDS of idling (jobs polling).
// Figures come from child processes run through tsx, which adds its own few
// tens of megabytes to both columns; `npm start` runs compiled code.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 5);
const MODES = ['baseline', 'current'] as const;
type Mode = (typeof MODES)[number];

interface Sample {
  readySeconds: number;
  rssMb: number;
  externalMb: number;
  heapMb: number;
}

const mb = (n: number) => Math.round(n / 1048576);

function ask<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off('message', on);
        resolve(m[key] as T);
      }
    };
    child.on('message', on);
    if (message) child.send(message);
  });
}

async function start(mode: Mode, dataDir: string): Promise<Sample> {
  const started = Date.now();
  const child = fork(path.join(__dirname, 'support/memory-server.ts'), {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      BENCH_MODE: mode,
      ADMIN_TOKEN: 'bench-operator-token-0123456789',
    },
    execArgv: ['--import', 'tsx'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const port = await Promise.race([
      ask<number>(child, '', 'port'),
      exited.then(() => {
        throw new Error(`${mode}: the service exited before listening`);
      }),
    ]);
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    if (!res.ok) throw new Error(`${mode}: /readyz answered ${res.status}`);
    const readySeconds = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const memory = await ask<NodeJS.MemoryUsage>(child, 'memory', 'memory');
    return { readySeconds, rssMb: mb(memory.rss), externalMb: mb(memory.external), heapMb: mb(memory.heapUsed) };
  } finally {
    child.send('stop');
    await exited;
  }
}

async function main(): Promise<void> {
  const results: Record<string, Record<Mode, Sample>> = { 'first start': {} as Record<Mode, Sample>, restart: {} as Record<Mode, Sample> };
  for (const mode of MODES) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `rt-bench-mem-${mode}-`));
    try {
      results['first start']![mode] = await start(mode, dataDir);
      results.restart![mode] = await start(mode, dataDir);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log(`Idle embedded service, RSS after ${IDLE_SECONDS} s (MB; external = WebAssembly memory and buffers)`);
  console.log('                 baseline (128 MB shared buffers, initdb in process)   current (16 MB, initdb in a child)');
  for (const [when, r] of Object.entries(results)) {
    const cell = (s: Sample) =>
      `RSS ${String(s.rssMb).padStart(4)}  external ${String(s.externalMb).padStart(4)}  heap ${String(s.heapMb).padStart(3)}  ready ${s.readySeconds.toFixed(1)} s`;
    console.log(
      `${when.padEnd(12)}     ${cell(r.baseline).padEnd(54)}${cell(r.current)}   (${((r.current.rssMb / r.baseline.rssMb) * 100).toFixed(0)}% of baseline)`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
