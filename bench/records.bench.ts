// Issue 13 benchmark, on a Postgres server: export every request of a
// newsroom as CSV and XLSX over HTTP (time, rows, bytes, peak RSS), and build
// the litigation bundle of one request with many events and attachments.
// Targets (issue 13): a 1,000,000-request export under 200 MB peak memory.
// Sizes default to what runs in a few minutes on a small machine:
//   BENCH_REQUESTS=100000 BENCH_EVENTS=5000 BENCH_ATTACHMENTS=200 BENCH_ATTACHMENT_KB=64
// The PDF attachments are real PDFs (four pages, one a noise image of about
// BENCH_ATTACHMENT_KB) that the exhibit appends; every tenth attachment from
// the second on is one cut in half, which gets a separator saying so; every
// fourth is an .eml.
// Each download is measured twice: against the app in this process (under
// `node --expose-gc --import tsx bench/records.bench.ts` each starts from a
// collected heap; the RSS includes the downloading client and the seeding
// before it), and against the service as it is deployed, compiled (the bench
// runs the build into dist/) in a process of its own, whose RSS is read from
// /proc: its peak (VmHWM, reset before each download) is the figure the
// 200 MB target is about.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  type PDFName,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from 'pdf-lib';
import { createApp } from '../server/app';
import { insertAttachment } from '../server/attachments/attachment-store';
import { loadConfig } from '../server/config';
import { insertChains, type SealedEvent } from '../server/events/event-store';
import { CURRENT_HASH_VERSION, eventHash, GENESIS_HASH, type HashedEventFields } from '../server/events/hash-chain';
import { createRuntime } from '../server/runtime';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';
import { seedMonitoring } from './support/seed-monitoring';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 200);
const ATTACHMENT_KB = Number(process.env.BENCH_ATTACHMENT_KB ?? 64);
const TOKEN = 'rt_bench-monitoring-token-0000000000000000000000';
/** BENCH_PARTS=csv,xlsx,deadlines,bundle (default: all) runs only those parts. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'csv,xlsx,deadlines,bundle').split(',').map((p) => p.trim()));
const part = (name: string) => PARTS.has(name);

/** A four-page PDF whose first page shows a grey noise image of about `kb` KB (incompressible, like a scan). */
async function scannedPdf(kb: number, n: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const side = Math.max(16, Math.floor(Math.sqrt(kb * 1024)));
  const image = pdf.context.register(
    pdf.context.stream(randomBytes(side * side), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    }),
  );
  for (let p = 1; p <= 4; p += 1) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`Agency document ${n}, page ${p} of 4`, { x: 72, y: 720, size: 14, font });
    if (p === 1) {
      const name: PDFName = page.node.newXObject('Scan', image);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(400, 0, 0, 400, 106, 200), drawObject(name), popGraphicsState());
    }
  }
  return Buffer.from(await pdf.save());
}

interface Measured<T> {
  seconds: number;
  result: T;
  /** RSS and V8 heap in use, in MB: just before (after a full GC when run with --expose-gc) and the peak while fn ran. */
  rss: { before: number; peak: number };
  heap: { before: number; peak: number };
}

/** Peak RSS and heap over the life of fn, sampled every 20 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  global.gc?.();
  const mb = (n: number) => n / 2 ** 20;
  const start = process.memoryUsage();
  const rss = { before: mb(start.rss), peak: mb(start.rss) };
  const heap = { before: mb(start.heapUsed), peak: mb(start.heapUsed) };
  const sample = () => {
    const m = process.memoryUsage();
    rss.peak = Math.max(rss.peak, mb(m.rss));
    heap.peak = Math.max(heap.peak, mb(m.heapUsed));
  };
  const timer = setInterval(sample, 20);
  const t = performance.now();
  const result = await fn();
  clearInterval(timer);
  sample();
  return { seconds: (performance.now() - t) / 1000, result, rss, heap };
}

const memory = (m: Measured<unknown>) =>
  `peak RSS ${m.rss.peak.toFixed(0)} MB (${m.rss.before.toFixed(0)} MB before, +${(m.rss.peak - m.rss.before).toFixed(0)}), ` +
  `peak heap ${m.heap.peak.toFixed(0)} MB (${m.heap.before.toFixed(0)} MB before, +${(m.heap.peak - m.heap.before).toFixed(0)})`;

interface ServerProcess {
  port: number;
  /** RSS now and its peak since the last resetPeak, in MB (from /proc/<pid>/status). */
  rss(): { now: number; peak: number };
  resetPeak(): void;
  stop(): Promise<void>;
}

/** The service as deployed: compiled into dist/ (npm run build) and started as its own process. */
async function startCompiledServer(env: Record<string, string>): Promise<ServerProcess> {
  const root = path.join(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', JOBS: 'false', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the compiled server exited (${code}) before listening`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = (() => {
        try {
          return JSON.parse(line) as { msg?: string; port?: number };
        } catch {
          return {};
        }
      })();
      if (entry.msg === 'records tracker listening' && entry.port) resolve(entry.port);
    });
  });
  const status = () => fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return {
    port,
    rss: () => {
      const text = status();
      return { now: kb(text, 'VmRSS') / 1024, peak: kb(text, 'VmHWM') / 1024 };
    },
    // Writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current one.
    resetPeak: () => fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5'),
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** A download against the compiled server: seconds, its RSS before and its peak while it ran. */
async function measuredOn<T>(
  server: ServerProcess,
  fn: () => Promise<T>,
): Promise<{ seconds: number; result: T; before: number; peak: number }> {
  server.resetPeak();
  const before = server.rss().now;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rss().now);
  }, 20);
  const t = performance.now();
  const result = await fn();
  clearInterval(timer);
  peak = Math.max(peak, server.rss().peak);
  return { seconds: (performance.now() - t) / 1000, result, before, peak };
}

/** GETs a path and counts the answer's bytes and lines without keeping them. */
function download(port: number, path: string): Promise<{ status: number; bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
        let bytes = 0;
        let lines = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines += 1;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, lines }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase('rt_bench_records');
  const db = await openBenchDatabase(bench.url, 10);
  const config = loadConfig({ DATABASE_URL: bench.url, DATA_DIR: `/tmp/${bench.name}`, LOG_LEVEL: 'warn', JOBS: 'false' });
  const runtime = await createRuntime({ config, db });
  const server = createApp(runtime.deps).listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const port = (server.address() as AddressInfo).port;
  let stopCompiled: (() => Promise<void>) | undefined;
  try {
    const seeded = await seedMonitoring(db, { orgs: 1, agencies: 50, requests: REQUESTS, today: new Date().toISOString().slice(0, 10) });
    console.log(`seeded ${seeded.requests.toLocaleString()} requests in ${seeded.seconds.toFixed(1)} s`);

    const compiled = await startCompiledServer({ DATABASE_URL: bench.url, DATA_DIR: `/tmp/${bench.name}` });
    stopCompiled = compiled.stop;
    /** Runs one download here and on the compiled server, and prints both. */
    const both = async (label: string, urlPath: string, rowsOf: (r: { bytes: number; lines: number }) => number | undefined) => {
      const m = await measured(() => download(port, urlPath));
      const c = await measuredOn(compiled, () => download(compiled.port, urlPath));
      const rate = (rows: number | undefined, seconds: number) =>
        rows === undefined ? '' : ` (${Math.round(rows / seconds).toLocaleString()} rows/s)`;
      const rows = rowsOf(m.result);
      console.log(
        `${label}: status ${m.result.status}, ${(m.result.bytes / 2 ** 20).toFixed(1)} MB` +
          `${urlPath.includes('format=csv') ? `, ${m.result.lines.toLocaleString()} lines` : ''}\n` +
          `  in this process:      ${m.seconds.toFixed(1)} s${rate(rows, m.seconds)}; ${memory(m)}\n` +
          `  compiled server:      ${c.seconds.toFixed(1)} s${rate(rowsOf(c.result), c.seconds)}, status ${c.result.status}; ` +
          `peak RSS ${c.peak.toFixed(0)} MB (${c.before.toFixed(0)} MB before, +${(c.peak - c.before).toFixed(0)})`,
      );
    };

    for (const format of ['csv', 'xlsx'] as const) {
      if (!part(format)) continue;
      await both(
        `export ${REQUESTS.toLocaleString()} requests as ${format}${format === 'csv' ? ' (target: peak under 200 MB)' : ''}`,
        `/v1/requests?format=${format}`,
        () => REQUESTS,
      );
    }
    if (part('deadlines')) {
      await both('export every deadline as csv', '/v1/deadlines?status=all&format=csv', (r) => r.lines - 1);
    }
    if (!part('bundle')) return;

    // One long request: EVENTS chained events (hashes computed here) and ATTACHMENTS stored files.
    const k = db.knex;
    const req = await k('requests as r')
      .whereNotNull('r.submitted_at')
      .whereNotExists(k('request_events as e').whereRaw('e.request_id = r.id'))
      .first('r.id', 'r.organization_id');
    const t = performance.now();
    let prev = GENESIS_HASH;
    const body = 'Spoke with the FOIA liaison about the search of the mailboxes. '.repeat(4);
    const chain: SealedEvent[] = [];
    for (let seq = 1; seq <= EVENTS; seq += 1) {
      const e: HashedEventFields = {
        hashVersion: CURRENT_HASH_VERSION,
        id: randomUUID(),
        organizationId: req.organization_id,
        requestId: req.id,
        seq,
        type: seq === 1 ? 'submitted' : seq % 3 ? 'correspondence' : 'note',
        occurredAt: new Date(Date.UTC(2026, 0, 16) + seq * 60_000),
        recordedAt: new Date(Date.UTC(2026, 0, 16) + seq * 60_000),
        summary: `Entry ${seq}`,
        body,
        data: seq % 3 ? { direction: 'in', channel: 'email' } : {},
        actorKind: 'system',
        actorId: null,
        correctsEventId: null,
        attachments: [],
      };
      const hash = eventHash(prev, e);
      chain.push({ ...e, prevHash: prev, hash });
      prev = hash;
    }
    // Through the event store, so the chain head is written with the chain.
    await insertChains(k, chain);
    for (let i = 0; i < ATTACHMENTS; i += 1) {
      const eml = i % 4 === 0;
      let bytes = eml ? randomBytes(ATTACHMENT_KB * 1024) : await scannedPdf(ATTACHMENT_KB, i);
      if (!eml && i % 10 === 1) bytes = bytes.subarray(0, bytes.length >> 1);
      const stored = await runtime.deps.files.put(k, bytes);
      await insertAttachment(k, {
        organizationId: req.organization_id,
        requestId: req.id,
        sha256: stored.sha256,
        size: stored.size,
        contentType: eml ? 'message/rfc822' : 'application/pdf',
        filename: eml ? `agency-email-${i}.eml` : `document-${i}.pdf`,
        source: eml ? 'inbound_email' : 'upload',
      });
    }
    console.log(
      `seeded one request with ${EVENTS} events and ${ATTACHMENTS} attachments of ${ATTACHMENT_KB} KB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    await both(`PDF exhibit of that request (label A)`, `/v1/requests/${req.id}/history?format=pdf&exhibit=A`, () => undefined);
    await both(`bundle of that request (${EVENTS} events, ${ATTACHMENTS} attachments)`, `/v1/requests/${req.id}/bundle`, () => undefined);
  } finally {
    await stopCompiled?.();
    await new Promise<void>((r) => server.close(() => r()));
    await runtime.stop();
    await db.close();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
