// Issue 13 benchmark, on a Postgres server: export every request of a
// newsroom as CSV and XLSX over HTTP (time, rows, bytes, peak RSS), and build
// the litigation bundle of one request with many events and attachments.
// Targets (issue 13): a 1,000,000-request export under 200 MB peak memory.
// The PDF attachments are real PDFs (four pages, one a noise image of about
// BENCH_ATTACHMENT_KB) that the exhibit appends; every tenth attachment from
// the second on is one cut in half, which gets a separator saying so; every
// fourth is an .eml.
// Sizes default to what runs in a few minutes on a small machine:
//   BENCH_REQUESTS=100000 BENCH_EVENTS=5000 BENCH_ATTACHMENTS=200 BENCH_ATTACHMENT_KB=64
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
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
import { CURRENT_HASH_VERSION, eventHash, GENESIS_HASH, type HashedEventFields } from '../server/events/hash-chain';
import { createRuntime } from '../server/runtime';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';
import { seedMonitoring } from './support/seed-monitoring';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 200);
const ATTACHMENT_KB = Number(process.env.BENCH_ATTACHMENT_KB ?? 64);
const TOKEN = 'rt_bench-monitoring-token-0000000000000000000000';

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

/** Peak RSS over the life of fn, sampled every 20 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<{ seconds: number; peakRssMb: number; baseRssMb: number; result: T }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t = performance.now();
  const result = await fn();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds: (performance.now() - t) / 1000, peakRssMb: peak / 2 ** 20, baseRssMb: base / 2 ** 20, result };
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
  try {
    const seeded = await seedMonitoring(db, { orgs: 1, agencies: 50, requests: REQUESTS, today: new Date().toISOString().slice(0, 10) });
    console.log(`seeded ${seeded.requests.toLocaleString()} requests in ${seeded.seconds.toFixed(1)} s`);

    for (const format of ['csv', 'xlsx'] as const) {
      const m = await measured(() => download(port, `/v1/requests?format=${format}`));
      console.log(
        `export ${REQUESTS.toLocaleString()} requests as ${format}: ${m.seconds.toFixed(1)} s, ` +
          `${(m.result.bytes / 2 ** 20).toFixed(1)} MB${format === 'csv' ? `, ${m.result.lines.toLocaleString()} lines` : ''}, ` +
          `status ${m.result.status}, RSS ${m.baseRssMb.toFixed(0)} MB before, peak ${m.peakRssMb.toFixed(0)} MB ` +
          `(${(REQUESTS / m.seconds).toFixed(0)} rows/s)`,
      );
    }
    const d = await measured(() => download(port, '/v1/deadlines?status=all&format=csv'));
    console.log(
      `export deadlines as csv: ${d.seconds.toFixed(1)} s, ${d.result.lines.toLocaleString()} lines, peak RSS ${d.peakRssMb.toFixed(0)} MB`,
    );

    // One long request: EVENTS chained events (inserted directly, hashes computed here) and ATTACHMENTS stored files.
    const k = db.knex;
    const req = await k('requests as r')
      .whereNotNull('r.submitted_at')
      .whereNotExists(k('request_events as e').whereRaw('e.request_id = r.id'))
      .first('r.id', 'r.organization_id');
    const t = performance.now();
    let prev = GENESIS_HASH;
    const body = 'Spoke with the FOIA liaison about the search of the mailboxes. '.repeat(4);
    let batch: Array<Record<string, unknown>> = [];
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
      batch.push({
        id: e.id,
        organization_id: req.organization_id,
        request_id: req.id,
        seq,
        type: e.type,
        occurred_at: e.occurredAt,
        recorded_at: e.recordedAt,
        summary: e.summary,
        body: e.body,
        data: JSON.stringify(e.data),
        actor_kind: e.actorKind,
        actor_id: null,
        corrects_event_id: null,
        attachments: '[]',
        prev_hash: prev,
        hash,
      });
      prev = hash;
      if (batch.length === 500 || seq === EVENTS) {
        await k('request_events').insert(batch);
        batch = [];
      }
    }
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

    const x = await measured(() => download(port, `/v1/requests/${req.id}/history?format=pdf&exhibit=A`));
    console.log(
      `PDF exhibit of that request: ${x.seconds.toFixed(1)} s, ${(x.result.bytes / 2 ** 20).toFixed(1)} MB, status ${x.result.status}, ` +
        `RSS ${x.baseRssMb.toFixed(0)} MB before, peak ${x.peakRssMb.toFixed(0)} MB`,
    );
    const b = await measured(() => download(port, `/v1/requests/${req.id}/bundle`));
    console.log(
      `bundle of that request: ${b.seconds.toFixed(1)} s, ${(b.result.bytes / 2 ** 20).toFixed(1)} MB zip, status ${b.result.status}, ` +
        `RSS ${b.baseRssMb.toFixed(0)} MB before, peak ${b.peakRssMb.toFixed(0)} MB`,
    );
  } finally {
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
