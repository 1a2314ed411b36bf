// Issue 4 benchmark: create and submit 10,000 requests by email on a Postgres
// server, against a loopback SMTP server. Prints create and submit rates, the
// time until the outbox is empty, and the messages received (must equal the
// requests, with no duplicates). First, the SQL statements one call of each
// kind sends (counted at the driver; see support/statement-counts.ts) beside
// the counts before issue 15's work and its targets. Run twice, on a fresh
// database each: one app process that serves the API and sends the mail (what
// `npm start` runs), then the layout README's "Several processes on one
// Postgres" describes, an API process (JOBS=false) beside a worker process,
// which puts the second core to work. BENCH_TOPOLOGIES=one or =split runs one
// of them. BENCH_POOL_MAX sets each process's pool (20); BENCH_DATABASE_URL
// another Postgres server or socket.
import { countStatements, printCounts } from './support/statement-counts';
import { ChildServer } from '../tests/support/child-server';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';
import { startCountingSink } from './support/count-sink';
import { JOB_SCHEMA } from '../migrations/20261125000200_job_queue';
import { MAIL_QUEUE } from '../server/mail/mail-service';

const N = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const ADMIN = 'bench-operator-token-0123456789';
const AGENCY_EMAIL = 'foia@ice.example.gov';

async function pool<T>(count: number, clients: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count; i = next++) out[i] = await task(i);
    }),
  );
  return out;
}

// Counted the same way on the code before issue 15 (main at 059e1ed); the issue's own figures were 16, 7 and 13.
const BEFORE: Record<string, number> = {
  'create a request': 6,
  'submit by email': 18,
  'plain event append (note)': 6,
  'deadline-moving append (acknowledged)': 14,
  'deadline-moving append (extension_claimed)': 14,
  'GET /v1/agencies/{id}': 1,
  // Counted at 6846a14 (each with 4 begin/commit more), before the claim became one statement and the sent try's bookkeeping lost its transaction.
  'deliver the letter (outbox job)': 6,
  'deliver the requester’s copy (outbox job)': 5,
};
const TARGETS: Record<string, number> = {
  'submit by email': 8,
  'plain event append (note)': 4,
  'deadline-moving append (acknowledged)': 7,
  'deadline-moving append (extension_claimed)': 7,
  'GET /v1/agencies/{id}': 1,
};

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (n: PlanNode): string[] => [
  `${n['Node Type']}${n['Index Name'] ? ` on ${n['Index Name']}` : ''}`,
  ...(n.Plans ?? []).flatMap(nodesOf),
];

type Topology = 'one' | 'split';

const TOPOLOGY_LABEL: Record<Topology, string> = {
  one: `one app process (API + ${process.env.BENCH_MAIL_CONCURRENCY ?? 8} mail workers)`,
  split: `an API process (JOBS=false) and a worker process (${process.env.BENCH_MAIL_CONCURRENCY ?? 8} mail workers)`,
};

async function main(): Promise<void> {
  console.log('SQL statements per call (at the driver, response reads included, begin/commit apart):');
  const countsMet = printCounts(await countStatements(), BEFORE, TARGETS, process.env.BENCH_VERBOSE === '1');
  if (!countsMet) process.exitCode = 1;
  const topologies = (process.env.BENCH_TOPOLOGIES ?? 'one,split').split(',') as Topology[];
  for (const topology of topologies) {
    if (!(topology in TOPOLOGY_LABEL)) throw new Error(`BENCH_TOPOLOGIES: unknown ${topology}`);
    console.log(`\n== ${TOPOLOGY_LABEL[topology]}`);
    await run(topology);
  }
}

async function run(topology: Topology): Promise<void> {
  const bench = await createBenchDatabase('rt_bench_send');
  const sink = await startCountingSink('X-Records-Request-Id');
  const env = {
    DATABASE_URL: bench.url,
    DATABASE_POOL_MAX: process.env.BENCH_POOL_MAX ?? '20',
    ADMIN_TOKEN: ADMIN,
    SMTP_URL: sink.url,
    // Shared, as README asks: the API process writes each letter's .eml, the worker reads it.
    DATA_DIR: `/tmp/${bench.name}`,
    LOG_LEVEL: 'info',
    JOBS_POLL_SECONDS: '0.5',
    MAIL_CONCURRENCY: process.env.BENCH_MAIL_CONCURRENCY ?? '8',
  };
  const [server, worker] = await Promise.all([
    ChildServer.start(topology === 'split' ? { ...env, JOBS: 'false' } : env),
    topology === 'split' ? ChildServer.start(env) : undefined,
  ]);
  try {
    const org = await server.call('POST', '/v1/organizations', ADMIN, { name: 'Bench newsroom' });
    const user = await server.call('POST', `/v1/organizations/${org.body.id}/users`, ADMIN, {
      email: 'bench@example.org',
      name: 'Bench Reporter',
      role: 'reporter',
    });
    const token = user.body.token as string;
    const agency = await server.call('POST', '/v1/agencies', token, {
      name: 'U.S. Immigration and Customs Enforcement',
      jurisdiction: 'US',
      level: 'federal',
      recordsEmail: AGENCY_EMAIL,
    });

    let t0 = performance.now();
    const ids = await pool(N, CLIENTS, async (i) => {
      const res = await server.call('POST', '/v1/requests', token, {
        agencyId: agency.body.id,
        title: `Bench request ${i}`,
        recordsSought: 'The all-employee email of January 16, 2026 and its drafts.',
      });
      if (res.status !== 201) throw new Error(`create ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    });
    const createSeconds = (performance.now() - t0) / 1000;

    t0 = performance.now();
    await pool(N, CLIENTS, async (i) => {
      const res = await server.call('POST', `/v1/requests/${ids[i]}/submit`, token, { method: 'email' });
      if (res.status !== 200) throw new Error(`submit ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    });
    const submitSeconds = (performance.now() - t0) / 1000;
    const sentDuringSubmits = sink.total();

    const db = await openBenchDatabase(bench.url, 1);
    // pg-boss's fetch with the backlog the submits left (read-only: no row lock). Before
    // job_fetch_order, a bitmap scan and a sort of every waiting job: 11 ms with 8,000 waiting.
    const plan = await db.knex.raw(
      `explain (analyze, format json) select id from ${JOB_SCHEMA}.job
        where name = ? and state < 'active' and start_after < now() order by priority desc, created_on, id limit 1`,
      [MAIL_QUEUE],
    );
    const top = (plan.rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>)[0]!;
    const [waiting] = await db
      .knex(`${JOB_SCHEMA}.job`)
      .where({ name: MAIL_QUEUE })
      .where('state', '<', 'active')
      .count<Array<{ n: string }>>('* as n');
    console.log(
      `job fetch with ${Number(waiting?.n ?? 0)} mail jobs waiting: ${top['Execution Time'].toFixed(3)} ms (${nodesOf(top.Plan).join(' > ')}; before: 11 ms with 8,000 waiting, a sort of all of them)`,
    );
    let pending = N;
    while (pending > 0) {
      const [row] = await db.knex('mail_messages').whereNot('status', 'sent').count<{ count: number }[]>('* as count');
      pending = Number(row?.count ?? 0);
      if (pending > 0) await new Promise((r) => setTimeout(r, 200));
      if ((performance.now() - t0) / 1000 > 1800) throw new Error(`outbox still holds ${pending} after 30 minutes`);
    }
    const drainSeconds = (performance.now() - t0) / 1000;
    const [failed] = await db.knex('mail_attempts').where('outcome', 'failed').count<{ count: number }[]>('* as count');
    await db.close();
    await new Promise((r) => setTimeout(r, 2000)); // let any duplicate arrive before counting

    console.log(`requests: ${N}, HTTP clients: ${CLIENTS}, Postgres server, ${TOPOLOGY_LABEL[topology]}`);
    console.log(`create:  ${(N / createSeconds).toFixed(0)} requests/s (${createSeconds.toFixed(1)} s; before issue 15: 379–386)`);
    console.log(
      `submit:  ${(N / submitSeconds).toFixed(0)} requests/s (${submitSeconds.toFixed(1)} s; each commits the event, the .eml, the job and the deadlines; before: 82–101, target ≥ 200)`,
    );
    // Each letter to the agency carries its request's id; the requester's copy
    // of it (a newsroom setting, on by default) goes through the same outbox.
    const letters = sink.byRecipient().get(AGENCY_EMAIL) ?? 0;
    const copies = sink.total() - letters;
    const received = [...sink.byHeader()].filter(([id]) => id !== '(none)');
    const once = letters === N && received.length === N && received.every(([, n]) => n === 1);
    console.log(
      `outbox empty ${drainSeconds.toFixed(1)} s after the first submit: ${(sink.total() / drainSeconds).toFixed(0)} messages/s end to end ` +
        `(${(letters / drainSeconds).toFixed(0)} letters/s and as many copies; before: 66–82 letters/s with no copies, target ≥ 150 messages/s)`,
    );
    const tail = sink.total() - sentDuringSubmits;
    console.log(
      `outbox while submits ran: ${sentDuringSubmits} messages (${(sentDuringSubmits / submitSeconds).toFixed(0)}/s); ` +
        `after them, alone: ${tail} in ${(drainSeconds - submitSeconds).toFixed(1)} s (${(tail / Math.max(drainSeconds - submitSeconds, 0.001)).toFixed(0)}/s)`,
    );
    console.log(
      `messages received: ${sink.total()} (${letters} letters to the agency, ${copies} copies to the requester), distinct request ids: ${received.length}, failed attempts: ${Number(failed?.count ?? 0)}`,
    );
    if (process.env.BENCH_DEBUG) console.log(server.log.slice(-5).join('\n'), server.log.length);
    console.log(once ? 'OK: every letter arrived exactly once' : 'MISMATCH: letters received differ from requests');
    if (!once) process.exitCode = 1;
  } finally {
    await Promise.all([server.stop(), worker?.stop()]);
    await sink.stop();
    await bench.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
