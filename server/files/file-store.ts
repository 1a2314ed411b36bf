import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Knex } from 'knex';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

/** What the bytes stored under a hash turned out to be when read back. */
export type FileCheck =
  | { status: 'ok'; sha256: string; size: number }
  | { status: 'altered'; sha256: string; actualSha256: string; actualSize: number }
  | { status: 'missing'; sha256: string };

/** Stored bytes that do not match their name: changed while served, or when read whole. */
export class FileIntegrityError extends Error {
  override readonly name = 'FileIntegrityError';
  constructor(
    readonly sha256: string,
    readonly actualSha256: string,
  ) {
    super(`stored file ${sha256} no longer matches its hash: its bytes hash to ${actualSha256}`);
  }
}

const READ_CHUNK = 1024 * 1024;

/**
 * The one integrity check: hashes what the open file holds now, from its
 * start, and compares it with the name it is stored under. Positional reads
 * leave the handle ready to be streamed from the start again.
 */
async function checkOpen(handle: FileHandle, sha256: string): Promise<FileCheck> {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(READ_CHUNK);
  let size = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buf, 0, buf.length, size);
    if (bytesRead === 0) break;
    hash.update(buf.subarray(0, bytesRead));
    size += bytesRead;
  }
  const actualSha256 = hash.digest('hex');
  return actualSha256 === sha256 ? { status: 'ok', sha256, size } : { status: 'altered', sha256, actualSha256, actualSize: size };
}

/**
 * Passes the bytes through while hashing them again and holds back the last
 * chunk until the hash is known: a file rewritten in place after its check
 * ends the stream with an error before the client has every byte, so no
 * download of forged bytes is ever complete.
 */
class HoldBackUntilHashed extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | null = null;

  constructor(private readonly sha256: string) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    const out = this.held;
    this.held = chunk;
    if (out) this.push(out);
    done();
  }

  override _flush(done: TransformCallback): void {
    const actual = this.hash.digest('hex');
    if (actual !== this.sha256) return done(new FileIntegrityError(this.sha256, actual));
    if (this.held) this.push(this.held);
    done();
  }
}

/**
 * Files are stored once by their SHA-256 under DATA_DIR/files/ab/cd/<hash>:
 * the same bytes attached twice take the space once, and a file's name is its
 * integrity check. Rows in `files` record which hashes exist.
 */
export class FileStore {
  readonly root: string;
  /** Directories made (or found) already, so a new file costs no mkdir (2% of a submit's CPU here). At most 65,536. */
  private readonly dirs = new Set<string>();

  /**
   * Files up to this size (a letter's .eml, most replies) are written and
   * read with synchronous calls. Each asynchronous call is a hand-off to
   * libuv's thread pool and a wake-up back, and a write is five of them
   * (mkdir, open, write, close, rename): on the 2-core machine of
   * bench/send-requests.bench.ts the hand-offs of a submit's two .eml writes
   * took 11% of the server's CPU, far more than the system calls themselves,
   * which take microseconds for a small file on a local disk. Larger files
   * (uploads, exhibits) keep the thread pool, so none blocks the event loop
   * for long. FILE_SYNC_MAX_BYTES=0 for network storage.
   */
  private readonly syncMaxBytes: number;

  constructor(dataDir: string, opts: { syncMaxBytes: number }) {
    this.root = path.join(dataDir, 'files');
    this.syncMaxBytes = opts.syncMaxBytes;
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Writes the bytes (atomically, via a temp file) unless already present; records the hash. */
  async put(db: Db, bytes: Buffer): Promise<{ sha256: string; size: number }> {
    return (await this.putMany(db, [bytes]))[0]!;
  }

  /** put for several files, their hashes recorded in one statement; the results in the order given. */
  async putMany(db: Db, files: Buffer[]): Promise<Array<{ sha256: string; size: number }>> {
    const stored = await this.writeMany(files);
    if (stored.length > 0) await this.recordStatement(db, stored);
    return stored;
  }

  /**
   * The first half of putMany: the bytes on disk, not yet recorded. The
   * caller must run recordStatement in the transaction that uses them (a file
   * on disk that no row names is only space, never a broken reference).
   */
  async writeMany(files: Buffer[]): Promise<Array<{ sha256: string; size: number }>> {
    const stored: Array<{ sha256: string; size: number }> = [];
    for (const bytes of files) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = this.pathOf(sha256);
      if (!fs.existsSync(target)) await this.write(target, bytes);
      stored.push({ sha256, size: bytes.length });
    }
    return stored;
  }

  /**
   * The statement that records written files (the second half of putMany),
   * unrun: a caller that writes rows naming them may run it as a part of its
   * own statement (mail-service.ts), since `files` rows are written only here.
   */
  recordStatement(db: Db, stored: ReadonlyArray<{ sha256: string; size: number }>): Knex.Raw {
    return db
      .raw(
        `insert into files (sha256, size) values ${stored.map(() => '(?, ?)').join(', ')} on conflict (sha256) do nothing`,
        stored.flatMap((f) => [f.sha256, f.size]),
      )
      .options(prepared('insert_files'));
  }

  /** Atomically, via a temp file in the same directory. */
  private async write(target: string, bytes: Buffer): Promise<void> {
    const dir = path.dirname(target);
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const sync = this.isSmall(bytes.length);
    const mkdir = async () => void (sync ? fs.mkdirSync(dir, { recursive: true }) : await fs.promises.mkdir(dir, { recursive: true }));
    const writeTmp = async () =>
      sync ? fs.writeFileSync(tmp, bytes, { flag: 'wx' }) : await fs.promises.writeFile(tmp, bytes, { flag: 'wx' });
    if (!this.dirs.has(dir)) {
      await mkdir();
      this.dirs.add(dir);
    }
    try {
      await writeTmp();
    } catch (err) {
      // The directory went away under us (removed by hand): make it again, once.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir();
      await writeTmp();
    }
    if (sync) fs.renameSync(tmp, target);
    else await fs.promises.rename(tmp, target);
  }

  private isSmall(size: number): boolean {
    return size > 0 && size <= this.syncMaxBytes;
  }

  /** Re-hashes the stored bytes of `sha256`: whether they are still the bytes of that name, or missing. */
  async check(sha256: string): Promise<FileCheck> {
    const handle = await this.openIfPresent(sha256);
    if (!handle) return { status: 'missing', sha256 };
    try {
      return await checkOpen(handle, sha256);
    } finally {
      await handle.close();
    }
  }

  /**
   * For serving a file: checks it, and only when it matches gives a stream of
   * the same open file (a file swapped in by rename afterwards is not what it
   * reads), re-hashed as it goes. The caller must consume or destroy the stream;
   * either closes the file.
   */
  async openChecked(sha256: string): Promise<{ check: FileCheck; stream: Readable | null }> {
    const handle = await this.openIfPresent(sha256);
    if (!handle) return { check: { status: 'missing', sha256 }, stream: null };
    let check: FileCheck;
    try {
      check = await checkOpen(handle, sha256);
    } catch (err) {
      await handle.close();
      throw err;
    }
    if (check.status !== 'ok') {
      await handle.close();
      return { check, stream: null };
    }
    // pipeline destroys the file stream (closing the file) when the guard is
    // destroyed, so a client that goes away leaves no file open; its own
    // errors reach whoever consumes the guard.
    const guard = new HoldBackUntilHashed(sha256);
    return { check, stream: pipeline(handle.createReadStream({ start: 0 }), guard, () => undefined) };
  }

  private async openIfPresent(sha256: string): Promise<FileHandle | null> {
    try {
      return await fs.promises.open(this.pathOf(sha256), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /**
   * The whole file, checked: bytes that no longer hash to their name are an
   * error rather than something to send to an agency or file into a history.
   */
  async read(sha256: string): Promise<Buffer> {
    const file = this.pathOf(sha256);
    const bytes = this.isSmall(fs.statSync(file).size) ? fs.readFileSync(file) : await fs.promises.readFile(file);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new FileIntegrityError(sha256, actual);
    return bytes;
  }
}
