import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import type { Config } from '../config';
import type { Database, Db } from '../db/database';
import { sqlExecutor } from '../db/sql-executor';
import type { StatementPrefix } from '../db/statement-prefix';
import { isDatabaseUnavailable } from '../errors/pg-errors';
import type { Logger } from '../logger';
import { JOB_SCHEMA } from '../../migrations/20261125000200_job_queue';

export type Job<T> = PgBoss.JobWithMetadata<T>;

export interface QueueSpec {
  name: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** Where pg-boss copies a job that failed for good, including one whose process died on its last try. */
  deadLetter?: string;
}

/**
 * pg-boss on our own database handle: on PGlite its queries wait their turn on
 * the one connection, and `enqueue` inside a transaction commits the job with
 * the row that needs it, or neither.
 */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  static async start(db: Database, config: Config, logger: Logger, queues: QueueSpec[]): Promise<JobQueue> {
    const boss = new PgBoss({
      db: sqlExecutor(db.knex) as PgBoss.Db,
      schema: JOB_SCHEMA,
      migrate: true,
      // Only worker processes supervise (expire dead jobs) and run schedules.
      supervise: config.jobs,
      schedule: config.jobs,
      maintenanceIntervalSeconds: config.jobsMaintenanceSeconds,
    });
    // While the database is out of reach every poll fails the same way; the queue resumes by itself.
    boss.on('error', (err: unknown) => {
      if (isDatabaseUnavailable(err)) logger.warn({ err: err instanceof Error ? err.message : err }, 'job queue: database unavailable');
      else logger.error({ err }, 'job queue error');
    });
    await boss.start();
    for (const q of queues) {
      const options = {
        name: q.name,
        retryLimit: q.retryLimit,
        retryDelay: q.retryDelay,
        retryBackoff: q.retryBackoff,
        expireInSeconds: q.expireInSeconds,
        ...(q.deadLetter ? { deadLetter: q.deadLetter } : {}),
      };
      await ensureQueue(boss, q.name, options);
    }
    return new JobQueue(boss, config, logger);
  }

  /** Enqueues on `db`: pass the transaction whose commit must carry the job. */
  async enqueue<T extends object>(db: Db, queue: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(queue, data, { ...options, db: sqlExecutor(db) as PgBoss.Db });
  }

  /**
   * Jobs of one queue (each with the queue's policy) as a part of a statement
   * another store runs (see db/statement-prefix.ts): the jobs are inserted by
   * that statement or not at all. The SQL is pg-boss's own: its `insert` is
   * called with an executor that keeps the statement instead of running it,
   * so the job table is still written only by pg-boss's SQL. A pg-boss whose
   * insert no longer fits in a CTE, or writes other values, fails
   * tests/api/job-queue.test.ts. `name` is the part's name in the statement.
   */
  async enqueueStatement<T extends object>(db: Db, name: string, queue: string, data: T[]): Promise<StatementPrefix> {
    let kept: { text: string; values: unknown[] } | undefined;
    const keep: PgBoss.Db = {
      async executeSql(text: string, values: unknown[]) {
        kept = { text, values };
        return { rows: [] };
      },
    };
    await this.boss.insert(data.map((d) => ({ name: queue, data: d })) as PgBoss.JobInsert[], { db: keep });
    if (!kept) throw new Error('pg-boss inserted jobs without a statement');
    return { sql: `${name} as (?)`, bindings: [db.raw(...positional(kept.text, kept.values))], results: {} };
  }

  /**
   * Runs `handler` for the jobs of `queue`, up to `concurrency` at a time. A
   * throw fails that job alone (pg-boss retries it by the queue's policy).
   *
   * Each of the `concurrency` workers fetches one job at a time: pg-boss 10
   * holds a fetched batch to ONE job's expiry, so a batch whose jobs run one
   * after another could outlast it; pg-boss would then fail and retry jobs
   * whose handlers are still running (a mail still "sending" sent twice).
   * With one job per fetch, a job is only ever judged by its own expiry.
   */
  async work<T extends object>(queue: string, handler: (job: Job<T>) => Promise<void>, concurrency = 1): Promise<void> {
    if (!this.config.jobs) return;
    for (let i = 0; i < concurrency; i += 1) {
      let workerId: string | undefined;
      workerId = await this.boss.work<T>(
        queue,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.config.jobsPollSeconds },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await handler(job);
            } catch (err) {
              const message = err instanceof Error ? err.message : String(err);
              this.logger.warn({ err: message, queue, jobId: job.id, retryCount: job.retryCount }, 'job attempt failed');
              await this.boss.fail(queue, job.id, { message });
            }
          }
          // pg-boss waits a polling interval after every fetch; one that found
          // a job may have left more waiting, so look again at once.
          if (jobs.length > 0 && workerId) this.boss.notifyWorker(workerId);
        },
      );
    }
  }

  /** Enqueues `queue` on a cron schedule; pg-boss makes one job per tick however many processes run. */
  async schedule(queue: string, cron: string): Promise<void> {
    if (!this.config.jobs) return;
    await this.boss.schedule(queue, cron, {}, { tz: 'UTC', singletonKey: queue });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  }
}

/**
 * Creates or updates a queue. Processes starting together on a fresh database
 * race here: the loser's create fails (it exists now) or Postgres aborts it as
 * a deadlock victim (40P01) while the winner's create has yet to commit. Both
 * settle on a second look, once the winner is done.
 */
async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * pg-boss's `$n` parameters as knex's `?` bindings, in the order they occur,
 * so its statement can sit inside one of ours (whose own bindings number
 * before it). A `?` of its own would be read as a binding: refused.
 */
function positional(text: string, values: unknown[]): [string, Knex.RawBinding[]] {
  if (/[?]/.test(text)) throw new Error('pg-boss statement holds a "?", which knex would take for a binding');
  const bindings: Knex.RawBinding[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= values.length) throw new Error(`pg-boss statement names $${n} of ${values.length} values`);
    // pg reads undefined as null; knex refuses an undefined binding.
    bindings.push((values[i] ?? null) as Knex.RawBinding);
    return '?';
  });
  return [sql, bindings];
}
