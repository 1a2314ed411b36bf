// Issue 14 fault benchmark. Each section is independent and sets up what it
// needs on its own database, servers and sinks; run them all, or name some:
//   npx tsx bench/fault.bench.ts                  # every section
//   npx tsx bench/fault.bench.ts mail-kill        # only the ones named
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import MailComposer from 'nodemailer/lib/mail-composer';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createRuntime } from '../server/runtime';
import { ChildServer } from '../tests/support/child-server';
import { PrivatePostgres } from '../tests/support/private-postgres';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';
import { startCountingSink } from './support/count-sink';

const ADMIN = 'bench-operator-token-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Messages sent versus received under SIGKILLs of the mail worker: an API
 * process (JOBS=false) takes 1,000 emailed submissions while a separate worker
 * process is killed 20 times mid-sending and restarted each time. Prints how
 * many the outbox recorded as sent, how many the SMTP server accepted, and the
 * duplicates (copies beyond the first of a request's letter). The promise is
 * per message: at most one duplicate (the same bytes, so the same Message-ID),
 * so a kill can duplicate at most the MAIL_CONCURRENCY messages in flight.
 * The kills come right after the server accepted a message, the worst moment.
 */
async function mailKill(): Promise<void> {
  const N = Number(process.env.BENCH_SENDS ?? 1000);
  const KILLS = Number(process.env.BENCH_KILLS ?? 20);
  const bench = await createBenchDatabase('rt_bench_fault_mail');
  const sink = await startCountingSink('X-Records-Request-Id');
  const common = {
    DATABASE_URL: bench.url,
    ADMIN_TOKEN: ADMIN,
    SMTP_URL: sink.url,
    DATA_DIR: `/tmp/${bench.name}`,
    // The start-up line ChildServer waits for is logged at info.
    LOG_LEVEL: 'info',
    JOBS_POLL_SECONDS: '0.5',
    JOBS_MAINTENANCE_SECONDS: '1',
    MAIL_TIMEOUT_SECONDS: '2',
    MAIL_RETRY_DELAY_SECONDS: '1',
    MAIL_CONCURRENCY: '8',
    // The sweep re-queues a message whose delivery job and dead-letter copy
    // both died with their workers (jobs/outbox-reconcile.ts); every minute
    // here, so a run does not wait for the default five.
    SWEEP_CRON: '* * * * *',
  };
  const api = await ChildServer.start({ ...common, JOBS: 'false' });
  let worker: ChildServer | undefined;
  const db = await openBenchDatabase(bench.url, 1);
  try {
    const org = await api.call('POST', '/v1/organizations', ADMIN, { name: 'Fault newsroom' });
    const user = await api.call('POST', `/v1/organizations/${org.body.id}/users`, ADMIN, {
      email: 'fault@example.org',
      name: 'Fault Reporter',
      role: 'reporter',
    });
    const token = user.body.token as string;
    const agency = await api.call('POST', '/v1/agencies', token, {
      name: 'U.S. Immigration and Customs Enforcement',
      jurisdiction: 'US',
      level: 'federal',
      recordsEmail: 'foia@ice.example.gov',
    });
    const ids: string[] = [];
    for (let i = 0; i < N; i += 1) {
      const res = await api.call('POST', '/v1/requests', token, {
        agencyId: agency.body.id,
        title: `Fault request ${i}`,
        recordsSought: 'The all-employee email of January 16, 2026 and its drafts.',
      });
      if (res.status !== 201) throw new Error(`create ${i}: ${res.status}`);
      ids.push(res.body.id as string);
    }

    const t0 = performance.now();
    const submitting = (async () => {
      for (const id of ids) {
        const res = await api.call('POST', `/v1/requests/${id}/submit`, token, { method: 'email' });
        if (res.status !== 200) throw new Error(`submit ${id}: ${res.status}`);
      }
    })();
    // Kill the worker whenever it has sent about N / (KILLS + 1) more messages, so the kills spread over the run.
    const step = Math.max(1, Math.floor(N / (KILLS + 1)));
    let kills = 0;
    worker = await ChildServer.start({ ...common, JOBS: 'true' });
    while (kills < KILLS) {
      const target = Math.min(N - 1, (kills + 1) * step);
      while (sink.total() < target) await sleep(5);
      await worker.kill();
      kills += 1;
      worker = await ChildServer.start({ ...common, JOBS: 'true' });
    }
    await submitting;
    let pending = N;
    while (pending > 0) {
      const [row] = await db
        .knex('mail_messages')
        .where({ purpose: 'request' })
        .whereNotIn('status', ['sent', 'failed'])
        .count<{ count: number }[]>('* as count');
      pending = Number(row?.count ?? 0);
      if (pending > 0) await sleep(500);
      if ((performance.now() - t0) / 1000 > 1800) throw new Error(`outbox still holds ${pending} after 30 minutes`);
    }
    await sleep(3000); // let any duplicate arrive before counting
    const [sent] = await db.knex('mail_messages').where({ purpose: 'request', status: 'sent' }).count<{ count: number }[]>('* as count');
    const [failed] = await db
      .knex('mail_messages')
      .where({ purpose: 'request', status: 'failed' })
      .count<{ count: number }[]>('* as count');
    const seconds = (performance.now() - t0) / 1000;
    const duplicates = sink.total() - sink.unique();
    console.log(`mail-kill: ${N} emailed submissions, ${kills} SIGKILLs of the mail worker, ${seconds.toFixed(1)} s`);
    console.log(
      `  recorded sent: ${Number(sent?.count ?? 0)}, failed: ${Number(failed?.count ?? 0)}; received by SMTP: ${sink.total()} (${sink.unique()} distinct); duplicates: ${duplicates}`,
    );
    const lost = N - sink.unique();
    const worst = sink.maxCopies();
    console.log(`  most copies of one message: ${worst}`);
    const ok = lost === 0 && worst <= 2 && duplicates <= kills * 8;
    console.log(ok ? '  OK: none lost, no message more than twice' : `  MISMATCH: ${lost} lost, up to ${worst} copies of one message`);
    if (!ok) process.exitCode = 1;
  } finally {
    await db.close();
    if (worker) await worker.kill();
    await api.stop();
    await sink.stop();
    await bench.drop();
  }
}

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

/**
 * Seconds to recover after a Postgres restart: the service in its own process
 * on a private Postgres cluster (never the shared server), probed every 50 ms
 * by an API call that reads the database. The cluster is stopped like a crash
 * (pg_ctl stop -m immediate), left down BENCH_OUTAGE_SECONDS (3), started
 * again, BENCH_RESTARTS (5) times; the figure is the time from the server
 * accepting connections again to the service's first 200, the service never
 * restarted. Answers other than 503 while it was down are counted (should be none).
 */
async function postgresRestart(): Promise<void> {
  const restarts = Number(process.env.BENCH_RESTARTS ?? 5);
  const outageMs = Number(process.env.BENCH_OUTAGE_SECONDS ?? 3) * 1000;
  const PROBE_MS = 50;
  const secs = (t: number) => (t / 1000).toFixed(2);
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const cluster = await PrivatePostgres.create();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-fault-'));
  let server: ChildServer | undefined;
  try {
    await cluster.start();
    // The start-up line ChildServer waits for is logged at info.
    server = await ChildServer.start({ ADMIN_TOKEN: ADMIN, DATABASE_URL: cluster.url, DATA_DIR: dataDir, LOG_LEVEL: 'info' }, 180_000);
    const org = await server.call('POST', '/v1/organizations', ADMIN, { name: 'Restart newsroom' });
    const user = await server.call('POST', `/v1/organizations/${org.body.id}/users`, ADMIN, {
      email: 'restart@example.org',
      name: 'Restart Editor',
      role: 'editor',
    });
    const token = user.body.token as string;
    const probe = async (): Promise<number> => {
      try {
        const res = await fetch(server!.url('/v1/agencies'), {
          headers: { Authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        return res.status;
      } catch {
        return 0; // no answer at all
      }
    };
    if ((await probe()) !== 200) throw new Error('postgres-restart: the service does not answer before the first restart');

    const recoveries: number[] = [];
    const outages: number[] = [];
    const wrong = new Map<number, number>();
    for (let i = 0; i < restarts; i += 1) {
      const stoppedAt = performance.now();
      await cluster.stopImmediately();
      const downUntil = performance.now() + outageMs;
      while (performance.now() < downUntil) {
        const status = await probe();
        if (status !== 503) wrong.set(status, (wrong.get(status) ?? 0) + 1);
        await sleep(PROBE_MS);
      }
      await cluster.start(); // returns once the server accepts connections
      const upAt = performance.now();
      let status = await probe();
      while (status !== 200 && performance.now() - upAt < 120_000) {
        if (status !== 503) wrong.set(status, (wrong.get(status) ?? 0) + 1);
        await sleep(PROBE_MS);
        status = await probe();
      }
      if (status !== 200) throw new Error(`postgres-restart: no 200 within two minutes of restart ${i + 1}`);
      recoveries.push(performance.now() - upAt);
      outages.push(performance.now() - stoppedAt);
    }
    console.log(`postgres-restart: ${restarts} restarts, each down ${secs(outageMs)} s, probed every ${PROBE_MS} ms`);
    console.log(`  recovery after the database accepts connections again: ${recoveries.map(secs).join(', ')} s`);
    console.log(`  median ${secs(median(recoveries))} s, worst ${secs(Math.max(...recoveries))} s`);
    console.log(`  whole outage seen by clients (stop to first 200): median ${secs(median(outages))} s`);
    const others = [...wrong].map(([s, n]) => `${n} × ${s || 'no answer'}`).join(', ');
    console.log(`  answers other than 503 while down: ${others || 'none'}; the service process was never restarted: ${!server.exited}`);
    if (wrong.size > 0 || server.exited) process.exitCode = 1;
  } finally {
    await server?.kill();
    await cluster.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const SECTIONS: Record<string, () => Promise<void>> = {
  'mail-kill': mailKill,
  'inbound-parse': inboundParse,
  'postgres-restart': postgresRestart,
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
