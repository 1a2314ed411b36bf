// Issue 6 benchmark: on a Postgres server seeded with 1,000,000 requests across
// 100 newsrooms and 5,000 agencies: GET /v1/deadlines for a 7-day window and
// GET /v1/dashboard for one newsroom under autocannon (p50, p99), the query
// plans that explain them, and one full reminder sweep over all open
// deadlines. Targets: p99 < 50 ms for both queries; the sweep < 60 s.
import autocannon from 'autocannon';
import { DateTime } from 'luxon';
import { loadConfig } from '../server/config';
import { dashboard, listDeadlines } from '../server/monitoring/deadline-queries';
import { processPendingFollowUps } from '../server/monitoring/follow-up-worker';
import { runReminderSweep } from '../server/monitoring/reminder-sweep';
import { REQUESTER_WINDOWS_SQL } from '../server/request-deadlines/requester-windows';
import { createRuntime } from '../server/runtime';
import { ChildServer } from '../tests/support/child-server';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';
import { seedMonitoring } from './support/seed-monitoring';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 100);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TODAY = process.env.BENCH_TODAY ?? DateTime.utc().toISODate()!;

async function load(url: string, token: string, connections: number) {
  const r = await autocannon({ url, headers: { Authorization: `Bearer ${token}` }, connections, duration: SECONDS });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r;
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase('rt_bench_monitor');
  const db = await openBenchDatabase(bench.url, 10);
  try {
    console.log(`seeding ${REQUESTS.toLocaleString()} requests, ${ORGS} newsrooms, ${AGENCIES} agencies (today ${TODAY})…`);
    const seeded = await seedMonitoring(db, { orgs: ORGS, agencies: AGENCIES, requests: REQUESTS, today: TODAY });
    console.log(
      `seeded in ${seeded.seconds.toFixed(0)} s: ${seeded.requests.toLocaleString()} requests, ${seeded.deadlines.toLocaleString()} deadlines, ${seeded.openDeadlines.toLocaleString()} open`,
    );
    const orgId = ((await db.knex('api_tokens').first('organization_id')) as { organization_id: string }).organization_id;

    // Query plans, captured from the code's own queries.
    const captured: Array<{ sql: string; bindings: unknown[] }> = [];
    const listen = (q: { sql: string; bindings: unknown[] }) => captured.push({ sql: q.sql, bindings: q.bindings });
    db.knex.on('query', listen);
    const now = new Date(`${TODAY}T15:00:00Z`);
    const to = DateTime.fromISO(TODAY).plus({ days: 6 }).toISODate()!;
    await listDeadlines(db.knex, orgId, { from: TODAY, to, status: 'open', limit: 50 }, now);
    const listSql = captured.at(-1)!;
    await dashboard(db.knex, orgId, now);
    db.knex.removeListener('query', listen);
    const explain = async (title: string, q: { sql: string; bindings: unknown[] }) => {
      const plan = await db.knex.raw(`explain (analyze, buffers, costs off) ${q.sql.replace(/\$(\d+)/g, '?')}`, q.bindings as never);
      console.log(`\n-- plan: ${title}\n${(plan.rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n')}`);
    };
    await explain('GET /v1/deadlines (7-day window)', listSql);
    for (const q of captured.slice(1)) await explain('GET /v1/dashboard', q);

    // Before issue 15: status counts over every request of the newsroom, and the
    // deadline counts without the index that carries each row's zone. Run in a
    // transaction that drops that index and is rolled back.
    const horizon = DateTime.fromJSDate(now, { zone: 'Etc/GMT-14' }).plus({ days: 6 }).toISODate()!;
    const OLD_STATUS = 'select status, count(*) as count from requests where organization_id = ? group by status';
    const OLD_COUNTS = `select count(*) filter (where d.status = 'open' and d.due_date < l.today and d.kind not in ${REQUESTER_WINDOWS_SQL}) as overdue,
        count(*) filter (where d.due_date >= l.today and d.due_date <= l.today + 6) as due_in_7
        from deadlines d cross join lateral (select (?::timestamptz at time zone d.timezone)::date as today) l
       where d.organization_id = ? and d.status = 'open' and d.due_date <= ?::date`;
    const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 200);
    const timeIt = async (run: () => Promise<unknown>) => {
      for (let i = 0; i < 10; i += 1) await run();
      const t = performance.now();
      for (let i = 0; i < ROUNDS; i += 1) await run();
      return (performance.now() - t) / ROUNDS;
    };
    const newMs = await timeIt(() => dashboard(db.knex, orgId, now));
    let oldMs = 0;
    await db.knex
      .transaction(async (trx) => {
        await trx.raw('drop index deadlines_org_open_zone');
        for (const [title, sql, bindings] of [
          ['old status counts (every request of the newsroom)', OLD_STATUS, [orgId]],
          ['old overdue / due-in-7 counts (no zone in the index)', OLD_COUNTS, [now, orgId, horizon]],
        ] as const) {
          const plan = await trx.raw(`explain (analyze, buffers, costs off) ${sql}`, bindings as never);
          console.log(
            `\n-- plan before issue 15: ${title}\n${(plan.rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n')}`,
          );
        }
        // The old dashboard: the same calls with the old two queries in place of the new ones.
        oldMs = await timeIt(() =>
          Promise.all([
            trx.raw(OLD_STATUS, [orgId]),
            trx.raw(OLD_COUNTS, [now, orgId, horizon]),
            listDeadlines(trx, orgId, { status: 'open', limit: 10 }, now),
            trx('requests').where({ organization_id: orgId, letter_undelivered: true }).count({ count: '*' }),
          ]),
        );
        throw new Error('rollback');
      })
      .catch((err: unknown) => {
        if (!(err instanceof Error) || err.message !== 'rollback') throw err;
      });
    const perOrg = Math.round(seeded.requests / ORGS).toLocaleString();
    console.log(
      `\ndashboard database time, one newsroom of ~${perOrg} requests, mean of ${ROUNDS} in-process calls: ${newMs.toFixed(2)} ms (before issue 15: ${oldMs.toFixed(2)} ms, same data)`,
    );

    const server = await ChildServer.start({
      DATABASE_URL: bench.url,
      DATABASE_POOL_MAX: '10',
      ADMIN_TOKEN: 'bench-operator-token-000000',
      DATA_DIR: `/tmp/${bench.name}`,
      JOBS: 'false',
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const deadlinesUrl = `${base}/v1/deadlines?from=${TODAY}&to=${to}`;
      const first = await fetch(deadlinesUrl, { headers: { Authorization: `Bearer ${seeded.token}` } });
      const body = (await first.json()) as { items: unknown[] };
      console.log(`\nGET /v1/deadlines returns ${body.items.length} items per page`);
      // On two cores the load generator, the app and Postgres share the CPU, so
      // latency at high concurrency is mostly queueing; print two levels.
      await load(deadlinesUrl, seeded.token, 4); // warm-up
      for (const connections of [4, 10]) {
        const a = await load(deadlinesUrl, seeded.token, connections);
        const b = await load(`${base}/v1/dashboard`, seeded.token, connections);
        console.log(`${connections} connections:`);
        console.log(
          `  GET /v1/deadlines (7-day window): p50 ${a.latency.p50} ms, p99 ${a.latency.p99} ms, ${a.requests.average.toFixed(0)} req/s (target p99 < 50 ms)`,
        );
        console.log(
          `  GET /v1/dashboard:                 p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms, ${b.requests.average.toFixed(0)} req/s (target p99 < 50 ms)`,
        );
      }
    } finally {
      await server.stop();
    }

    const config = loadConfig({ DATABASE_URL: bench.url, DATA_DIR: `/tmp/${bench.name}`, LOG_LEVEL: 'warn', JOBS: 'false' });
    const runtime = await createRuntime({ config, db, clock: () => now });
    try {
      let t = performance.now();
      const sweep = await runReminderSweep(runtime.deps);
      const sweepSeconds = (performance.now() - t) / 1000;
      console.log(
        `\nfull reminder sweep: ${sweepSeconds.toFixed(1)} s (target < 60 s): ${sweep.deadlines.toLocaleString()} deadlines due a reminder in ${sweep.batches} batches, ` +
          `${sweep.reminders.toLocaleString()} reminders in ${sweep.emails} emails, ${sweep.followUps.toLocaleString()} follow-ups to write`,
      );
      t = performance.now();
      const again = await runReminderSweep(runtime.deps);
      console.log(
        `second sweep right after: ${((performance.now() - t) / 1000).toFixed(2)} s, ${again.reminders} reminders (nothing twice)`,
      );
      t = performance.now();
      // The worker writes follow-ups in the background; time a slice of the backlog for its rate.
      const written = await processPendingFollowUps(runtime.deps, 50, 5000);
      const secs = (performance.now() - t) / 1000;
      console.log(`follow-up letters written by the worker: ${written} in ${secs.toFixed(1)} s (${(written / secs).toFixed(0)}/s)`);
    } finally {
      await runtime.stop();
    }
  } finally {
    await db.close();
    if (!process.env.BENCH_KEEP) await bench.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
