import { loadConfig } from '../../server/config';
import { JobQueue, type QueueSpec } from '../../server/jobs/job-queue';
import { createLogger } from '../../server/logger';
import { JOB_SCHEMA } from '../../migrations/20261125000200_job_queue';
import { openTestDatabase, type TestDatabase } from '../support/test-db';

// pg-boss 10 gives a whole fetched batch the expiry of one job: if the
// handlers of a batch together outlast it, pg-boss fails and retries every
// job of the batch while the handlers are still running. Each job must only
// ever be judged by its own expiry.

const QUEUE = 'expiry-probe';
const EXPIRE_SECONDS = 3;
const JOB_MS = 2000; // well inside one job's expiry

let db: TestDatabase;
let queue: JobQueue | undefined;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await queue?.stop();
  await db.close();
});

/** A JobQueue with one queue and no workers (JOBS=false): only the test moves its jobs. */
async function queueWithoutWorkers(spec: QueueSpec): Promise<JobQueue> {
  const config = loadConfig({
    DATA_DIR: '/tmp/rt-job-queue-unused',
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
  });
  return JobQueue.start(db, config, createLogger('silent'), [spec]);
}

describe('job queue', () => {
  it('when every job of a full load takes most of its expiry, then each runs once and completes, none is retried', async () => {
    const config = loadConfig({
      DATA_DIR: '/tmp/rt-job-queue-unused',
      LOG_LEVEL: 'silent',
      JOBS_POLL_SECONDS: '0.5',
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    });
    queue = await JobQueue.start(db, config, createLogger('silent'), [
      { name: QUEUE, retryLimit: 3, retryDelay: 0, retryBackoff: false, expireInSeconds: EXPIRE_SECONDS },
    ]);
    const concurrency = 2;
    const ids: string[] = [];
    for (let i = 0; i < concurrency * 2; i += 1) ids.push((await queue.enqueue(db.knex, QUEUE, { n: i }))!);
    const runs = new Map<string, number>();
    await queue.work<{ n: number }>(
      QUEUE,
      async (job) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, JOB_MS));
      },
      concurrency,
    );

    const states = async () =>
      await db.knex(`${JOB_SCHEMA}.job`).where({ name: QUEUE }).select<Array<{ id: string; state: string }>>('id', 'state');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(await states()).every((j) => j.state === 'completed')) await new Promise((r) => setTimeout(r, 250));
    // Long enough for a wrongly failed job to be fetched again.
    await new Promise((r) => setTimeout(r, 1500));

    expect((await states()).map((j) => j.state)).toEqual(ids.map(() => 'completed'));
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
  });

  it('when a queue is created after the migrations, then its jobs are fetched in order from an index, not by sorting every waiting job', async () => {
    const FETCHED = 'fetch-order-probe';
    const probe = await queueWithoutWorkers({ name: FETCHED, retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 });
    try {
      const jobs = await probe.enqueueStatement(
        db.knex,
        'probe_jobs',
        FETCHED,
        Array.from({ length: 2000 }, (_, n) => ({ n })),
      );
      await db.knex.raw(`with ${jobs.sql} select 1`, jobs.bindings);
      const partition = (await db.knex(`${JOB_SCHEMA}.queue`).where({ name: FETCHED }).first('partition_name')).partition_name as string;
      const indexes = await db.knex('pg_indexes').where({ schemaname: JOB_SCHEMA, tablename: partition }).pluck('indexdef');
      expect(
        indexes.filter((d: string) => d.includes('(name, priority DESC, created_on, id)') && d.includes("WHERE (state < 'active'")),
      ).toHaveLength(1);

      // pg-boss's own fetch (plans.js fetchNextJob), as it sends it for one job.
      await db.knex.raw(`analyze ${JOB_SCHEMA}.${partition}`);
      const plan = await db.knex.raw(
        `explain (format json) select id from ${JOB_SCHEMA}.job
          where name = ? and state < 'active' and start_after < now()
          order by priority desc, created_on, id limit 1 for update skip locked`,
        [FETCHED],
      );
      const text = JSON.stringify(plan.rows[0]);
      expect(text).toContain('"Node Type":"Index Scan"');
      expect(text).toContain('_name_priority_created_on_id_idx');
      expect(text).not.toContain('"Node Type":"Sort"');
    } finally {
      await probe.stop();
    }
  });

  it('when jobs are enqueued as a part of another statement, then they are written with the queue’s policy exactly when that statement is', async () => {
    const PART = 'statement-part-probe';
    const probe = await queueWithoutWorkers({ name: PART, retryLimit: 4, retryDelay: 7, retryBackoff: true, expireInSeconds: 90 });
    const jobs = () =>
      db
        .knex(`${JOB_SCHEMA}.job`)
        .where({ name: PART })
        .orderByRaw("data->>'n'")
        .select(
          'data',
          'state',
          'retry_limit',
          'retry_delay',
          'retry_backoff',
          db.knex.raw('extract(epoch from expire_in)::int as expire'),
        );
    try {
      const part = await probe.enqueueStatement(db.knex, 'probe_jobs', PART, [{ n: 1 }, { n: 2 }]);
      // A statement that fails after its parts ran writes none of them.
      await expect(
        db.knex.raw(`with ${part.sql} select statement_guard(false, 'the rest of the statement failed')`, part.bindings),
      ).rejects.toMatchObject({ code: '40001' });
      expect(await jobs()).toEqual([]);

      await db.knex.raw(`with ${part.sql} select 1`, part.bindings);
      const policy = { state: 'created', retry_limit: 4, retry_delay: 7, retry_backoff: true, expire: 90 };
      expect(await jobs()).toEqual([
        { data: { n: 1 }, ...policy },
        { data: { n: 2 }, ...policy },
      ]);
    } finally {
      await probe.stop();
    }
  });
});
