import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database';

/**
 * Files are stored once by their SHA-256 under DATA_DIR/files/ab/cd/<hash>:
 * the same bytes attached twice take the space once, and a file's name is its
 * integrity check. Rows in `files` record which hashes exist.
 */
export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Writes the bytes (atomically, via a temp file) unless already present; records the hash. */
  async put(db: Db, bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes, { flag: 'wx' });
      await fs.promises.rename(tmp, target);
    }
    await db.raw('insert into files (sha256, size) values (?, ?) on conflict (sha256) do nothing', [sha256, bytes.length]);
    return { sha256, size: bytes.length };
  }

  async read(sha256: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathOf(sha256));
  }

  /**
   * Opens the file before returning, so a missing one fails while the caller
   * can still answer with a plain error. The stream closes the file when it
   * ends or is destroyed; the caller must do one or the other.
   */
  async openStream(sha256: string): Promise<fs.ReadStream> {
    const handle = await fs.promises.open(this.pathOf(sha256), 'r');
    return handle.createReadStream();
  }
}
