import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MailRefusal, ParsedInbound } from './mail-parse';

// A small, hand-sized pool of parse threads (node:worker_threads): a
// multi-megabyte HTML email takes the parser seconds, which on the main thread
// would stall every other request, health probes included. Workers start on
// first use, are unref'd while idle (they never keep a CLI or a test alive) and
// end after a quiet spell; a thread that dies fails only the message it held.

type Result = ParsedInbound | MailRefusal;
type Reply = { result: Result } | { failed: string };

interface Job {
  raw: Buffer;
  resolve(result: Result): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idleTimer?: NodeJS.Timeout;
}

const IDLE_MS = 30_000;

function startWorker(): Worker {
  // From the sources (ts-jest, tsx) the worker is TypeScript, loaded through tsx (a
  // development dependency); the compiled build runs the parse-worker.js beside this file.
  if (path.extname(__filename) === '.ts') {
    return new Worker(path.join(__dirname, 'parse-worker.ts'), { execArgv: ['--require', require.resolve('tsx/cjs')] });
  }
  return new Worker(path.join(__dirname, 'parse-worker.js'));
}

/** Structured cloning turns a Buffer into a plain Uint8Array; the callers want Buffers. */
function revive(result: Result): Result {
  if ('refused' in result) return result;
  return {
    ...result,
    attachments: result.attachments.map((a) => {
      const bytes: Uint8Array = a.content;
      return { ...a, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    }),
  };
}

class ParsePool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private threads = 1;

  run(raw: Buffer, threads: number): Promise<Result> {
    this.threads = threads;
    return new Promise((resolve, reject) => {
      this.queue.push({ raw, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size >= this.threads) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      clearTimeout(slot.idleTimer);
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.raw);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), job: null };
    this.slots.add(slot);
    slot.worker.on('message', (reply: Reply) => {
      const job = slot.job;
      slot.job = null;
      this.idle(slot);
      if (job) {
        if ('failed' in reply) job.reject(new Error(`The mail parser failed: ${reply.failed}`));
        else job.resolve(revive(reply.result));
      }
      this.dispatch();
    });
    slot.worker.on('error', (err) => this.lost(slot, err));
    slot.worker.on('exit', (code) => this.lost(slot, new Error(`The mail parser thread exited (code ${code}).`)));
    return slot;
  }

  private idle(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      // Out of the set first, so no message is handed to a thread that is ending.
      this.slots.delete(slot);
      void slot.worker.terminate();
    }, IDLE_MS).unref();
  }

  private lost(slot: Slot, err: Error): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.idleTimer);
    slot.job?.reject(err);
    slot.job = null;
    this.dispatch();
  }
}

const pool = new ParsePool();

/** parseMail on one of at most `threads` worker threads; messages wait their turn when all are busy. */
export const parseInPool = (raw: Buffer, threads: number): Promise<Result> => pool.run(raw, threads);
