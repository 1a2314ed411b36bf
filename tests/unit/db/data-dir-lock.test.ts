import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DataDirLockedError, LOCK_NAME, lockDataDir, lockSocketDir } from '../../../server/db/data-dir-lock';

// The lock on real sockets in real directories. Across processes (a SIGKILLed
// holder, a rewritten pid file) it is tests/api/data-dir-lock.test.ts.
let root: string;
beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rt-lock-unit-')));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
function freshDir(): string {
  n += 1;
  return path.join(root, `d${n}`);
}

/** Leaves a socket file at `file` whose listener is gone, as a killed holder does. */
async function staleSocketAt(file: string): Promise<void> {
  const server = net.createServer();
  const bound = `${file}.tmp`;
  await new Promise<void>((resolve) => server.listen(bound, resolve));
  fs.linkSync(bound, file);
  await new Promise((resolve) => server.close(resolve));
}

describe('data directory lock', () => {
  it('when the lock is held, then a second taker is refused with the directory named, and after release it can be taken again', async () => {
    const dir = freshDir();
    const release = await lockDataDir(dir);
    expect(fs.lstatSync(path.join(dir, LOCK_NAME)).isSocket()).toBe(true);
    const second = lockDataDir(dir);
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(`the embedded database in ${dir} is in use by process ${process.pid} on ${os.hostname()}`);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_NAME))).toBe(false);
    (await lockDataDir(dir))();
  });

  it('when the socket left behind answers no one, then it is stale and taken over', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    await staleSocketAt(path.join(dir, LOCK_NAME));
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirLockedError);
    release();
  });

  it('when several take one stale lock at once, then exactly one holds it', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    await staleSocketAt(path.join(dir, LOCK_NAME));
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => lockDataDir(dir)));
    const held = results.filter((r): r is PromiseFulfilledResult<() => void> => r.status === 'fulfilled');
    expect(held).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DataDirLockedError);
    held[0]!.value();
  });

  it('when the directory path is too long for a socket, then the lock lives in the temp directory keyed by the real path, so another path to it is refused too', async () => {
    const long = path.join(root, 'x'.repeat(60), 'y'.repeat(60));
    const socketDir = lockSocketDir(long);
    expect(socketDir.startsWith(os.tmpdir())).toBe(true);
    expect(lockSocketDir(freshDir())).not.toBe(socketDir);

    const release = await lockDataDir(long);
    expect(fs.existsSync(path.join(long, LOCK_NAME))).toBe(false);
    expect(fs.lstatSync(path.join(socketDir, LOCK_NAME)).isSocket()).toBe(true);
    const alias = path.join(root, 'alias');
    fs.symlinkSync(long, alias);
    await expect(lockDataDir(alias)).rejects.toThrow(`the embedded database in ${long} is in use`);
    release();
    fs.rmSync(socketDir, { recursive: true, force: true });
  });

  it('when a pid file from an earlier version names this live process, then it does not block and is removed', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'pglite.pid'), String(process.pid));
    const release = await lockDataDir(dir);
    expect(fs.existsSync(path.join(dir, 'pglite.pid'))).toBe(false);
    release();
  });
});
