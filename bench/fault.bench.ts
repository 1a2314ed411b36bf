// Issue 14 fault benchmark. Each section is independent and sets up what it
// needs on its own database; run them all, or name some:
//   npx tsx bench/fault.bench.ts                  # every section
//   npx tsx bench/fault.bench.ts inbound-parse    # only the ones named
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import MailComposer from 'nodemailer/lib/mail-composer';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createRuntime } from '../server/runtime';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';

const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`;

/**
 * Event-loop delay (p99, perf_hooks.monitorEventLoopDelay) of the serving
 * process while 50 large HTML emails (4.6 MB of HTML each) arrive at
 * POST /v1/inbound/email, four at a time: parsed on the main thread
 * (INBOUND_PARSE_THREADS=0, the behaviour before issue 14) and on the parse threads.
 */
async function inboundParse(): Promise<void> {
  const EMAILS = Number(process.env.BENCH_INBOUND_EMAILS ?? 50);
  const CONCURRENCY = 4;
  const SECRET = 'bench-inbound-secret-0123456789';
  const rows = Array.from(
    { length: 54_000 },
    (_, i) => `<tr><td>Record ${i + 1}</td><td><b>Released</b> in part under exemption (b)(${(i % 9) + 1})</td></tr>`,
  );
  const html = `<html><body><p>Dear requester, the records are listed below.</p><table>${rows.join('\n')}</table></body></html>`;
  const raws = await Promise.all(
    Array.from({ length: EMAILS + 1 }, (_, i) =>
      new MailComposer({
        from: 'FOIA Office <foia@agency.example.gov>',
        to: 'records@newsroom.example.org',
        subject: `Release log ${i}`,
        html,
        messageId: `<bench-${i}-${Date.now()}@agency.example.gov>`,
      })
        .compile()
        .build(),
    ),
  );
  console.log(
    `inbound-parse: ${EMAILS} emails of ${(raws[0]!.length / 1e6).toFixed(1)} MB (${(html.length / 1e6).toFixed(1)} MB of HTML), ${CONCURRENCY} at a time`,
  );

  const bench = await createBenchDatabase('rt_bench_fault_parse');
  const db = await openBenchDatabase(bench.url, 10);
  try {
    for (const [label, threads] of [
      ['before: main thread', '0'],
      ['after: parse threads', ''],
    ] as const) {
      const config = loadConfig({
        DATABASE_URL: bench.url,
        DATA_DIR: `/tmp/${bench.name}`,
        LOG_LEVEL: 'warn',
        JOBS: 'false',
        INBOUND_SECRET: SECRET,
        INBOUND_ADDRESS: 'records@newsroom.example.org',
        INBOUND_MAX_BYTES: String(16 * 1024 * 1024),
        INBOUND_PARSE_THREADS: threads,
      });
      const runtime = await createRuntime({ config, db });
      const server = createApp(runtime.deps).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/inbound/email`;
      const post = async (raw: Buffer) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'message/rfc822' },
          body: raw,
        });
        await res.text();
        return res.status;
      };
      try {
        // One message first, so starting a parse thread is not counted.
        await post(raws[EMAILS]!);
        const histogram = monitorEventLoopDelay({ resolution: 10 });
        const statuses: number[] = [];
        let next = 0;
        const started = performance.now();
        histogram.enable();
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < EMAILS) statuses.push(await post(raws[next++]!));
          }),
        );
        histogram.disable();
        const seconds = (performance.now() - started) / 1000;
        const accepted = statuses.filter((s) => s === 201 || s === 200).length;
        console.log(
          `  ${label.padEnd(22)} event-loop delay p99 ${ms(histogram.percentile(99))}, max ${ms(histogram.max)}, mean ${ms(histogram.mean)}; ` +
            `${accepted}/${EMAILS} accepted in ${seconds.toFixed(1)} s (threads: ${config.inboundParseThreads})`,
        );
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await runtime.stop();
      }
      // The next run sees every message as new.
      await db.knex('inbound_messages').del();
    }
  } finally {
    await db.close();
    if (!process.env.BENCH_KEEP) await bench.drop();
  }
}

const SECTIONS: Record<string, () => Promise<void>> = {
  'inbound-parse': inboundParse,
};

async function main(): Promise<void> {
  const named = process.argv.slice(2);
  const unknown = named.filter((n) => !(n in SECTIONS));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (named.length === 0 || named.includes(name)) await run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
