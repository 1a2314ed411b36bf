import PgBoss from 'pg-boss';
import type { Config } from '../config';
import type { Database, Db } from '../db/database';
import { sqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';
import { JOB_SCHEMA } from '../../migrations/20261125000200_job_queue';

export type Job<T> = PgBoss.JobWithMetadata<T>;

export interface QueueSpec {
  name: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
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
    boss.on('error', (err: unknown) => logger.error({ err }, 'job queue error'));
    await boss.start();
    for (const q of queues) {
      const options = { name: q.name, retryLimit: q.retryLimit, retryDelay: q.retryDelay, retryBackoff: q.retryBackoff, expireInSeconds: q.expireInSeconds };
      if (await boss.getQueue(q.name)) await boss.updateQueue(q.name, options);
      else {
        try {
          await boss.createQueue(q.name, options);
        } catch (err) {
          // Another process created it between our look and our create.
          if (!(await boss.getQueue(q.name))) throw err;
        }
      }
    }
    return new JobQueue(boss, config, logger);
  }

  /** Enqueues on `db`: pass the transaction whose commit must carry the job. */
  async enqueue<T extends object>(db: Db, queue: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(queue, data, { ...options, db: sqlExecutor(db) as PgBoss.Db });
  }

  /** Runs `handler` for each job of `queue`, one at a time; a throw fails the attempt and pg-boss retries. */
  async work<T extends object>(queue: string, handler: (job: Job<T>) => Promise<void>): Promise<void> {
    if (!this.config.jobs) return;
    await this.boss.work<T>(
      queue,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.config.jobsPollSeconds },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job);
          } catch (err) {
            this.logger.warn({ err, queue, jobId: job.id, retryCount: job.retryCount }, 'job attempt failed');
            throw err;
          }
        }
      },
    );
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  }
}
