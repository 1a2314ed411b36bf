import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// PGlite is one process's database: a second process opening the same
// directory corrupts it and loses acknowledged writes. A pid file cannot tell
// a live holder from a reused pid, and a rewritten one lets a second process
// in. The lock is a listening Unix socket instead: the kernel keeps it
// answering exactly as long as the holding process lives, and it works across
// containers that share the volume (they share the kernel).
//
// A holder publishes its socket at LOCK_NAME only once it is listening, by
// hard-linking a socket it bound under a unique name (link() fails if the
// name exists). So a connection refused at LOCK_NAME always means the holder
// is gone, never that it is still starting, and the stale file may be taken
// away. The removal renames the file aside and checks it is the very file
// that refused, so two processes taking over one stale lock at once cannot
// remove each other's live one.

export const LOCK_NAME = 'pglite.lock';
/** Written by earlier versions; it means nothing now and is removed once the lock is held. */
const OLD_PID_FILE = 'pglite.pid';
/** sun_path holds 108 bytes on Linux (104 on macOS and the BSDs), the terminating NUL included. */
const MAX_SOCKET_PATH = process.platform === 'linux' ? 107 : 103;
/**
 * How long a prober waits for a live holder to say who it is. The refusal does
 * not depend on it: the kernel accepts the connection even while the holder's
 * event loop is busy (opening its database, say), and then the message says
 * "another process".
 */
const IDENTIFY_MS = 3000;
/** Random bytes in the name a socket is bound under before it is published. */
const BOUND_NAME_BYTES = 12;

export class DataDirLockedError extends Error {}

type Holder = { pid: number; hostname: string; since: string };

/**
 * Where the lock socket for a data directory lives: in the directory itself,
 * or, when that path is too long for a Unix socket, under the system temp
 * directory keyed by a hash of the directory's real path (which then guards
 * only processes that share that temp directory: one host, one container).
 */
export function lockSocketDir(realDir: string): string {
  const longest = path.join(realDir, `${LOCK_NAME}.${'f'.repeat(2 * BOUND_NAME_BYTES)}`);
  if (Buffer.byteLength(longest) <= MAX_SOCKET_PATH) return realDir;
  const key = crypto.createHash('sha256').update(realDir).digest('hex').slice(0, 32);
  return path.join(os.tmpdir(), `records-tracker-${key}`);
}

/**
 * Takes the lock on a data directory or throws DataDirLockedError naming it.
 * The lock lasts until the returned release runs or the process ends (a
 * SIGKILL included); release is synchronous so it can run at exit.
 */
export async function lockDataDir(dir: string): Promise<() => void> {
  fs.mkdirSync(dir, { recursive: true });
  const realDir = fs.realpathSync(dir);
  const socketDir = lockSocketDir(realDir);
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(socketDir, LOCK_NAME);
  const since = new Date().toISOString();
  const identity = `${JSON.stringify({ pid: process.pid, hostname: os.hostname(), since } satisfies Holder)}\n`;

  const server = net.createServer((conn) => {
    conn.on('error', () => undefined);
    conn.end(identity);
  });
  // The lock must not keep a finished process alive; it lasts while the process does.
  server.unref();
  const bound = path.join(socketDir, `${LOCK_NAME}.${crypto.randomBytes(BOUND_NAME_BYTES).toString('hex')}`);
  await listen(server, bound);
  try {
    const ino = fs.lstatSync(bound).ino;
    await publish(bound, lockPath, realDir);
    fs.rmSync(bound, { force: true });
    fs.rmSync(path.join(realDir, OLD_PID_FILE), { force: true });

    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.removeListener('exit', release);
      // Only our own socket: after a takeover of a lock we no longer hold, the file is someone else's.
      if (inodeOf(lockPath) === ino) fs.rmSync(lockPath, { force: true });
      server.close();
    };
    // A process that exits without closing the database leaves no stale file behind.
    process.on('exit', release);
    return release;
  } catch (err) {
    fs.rmSync(bound, { force: true });
    server.close();
    throw err;
  }
}

function listen(server: net.Server, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}

function inodeOf(file: string): number | undefined {
  try {
    return fs.lstatSync(file).ino;
  } catch {
    return undefined;
  }
}

async function publish(bound: string, lockPath: string, realDir: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      fs.linkSync(bound, lockPath);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const before = inodeOf(lockPath);
    if (before === undefined) continue;
    const probe = await probeHolder(lockPath);
    if (probe.state === 'alive') {
      const who = probe.holder
        ? `process ${probe.holder.pid} on ${probe.holder.hostname} (since ${probe.holder.since})`
        : 'another process';
      throw new DataDirLockedError(`the embedded database in ${realDir} is in use by ${who}; stop it first or set DATABASE_URL`);
    }
    if (probe.state === 'gone') continue;
    if (inodeOf(lockPath) !== before) continue;
    removeStale(lockPath, before);
  }
  throw new DataDirLockedError(`could not take the lock ${lockPath}: other processes keep taking and leaving it; try again`);
}

/** Takes the stale socket away, or puts back what it took if that was someone else's fresh one. */
function removeStale(lockPath: string, staleIno: number): void {
  const aside = `${lockPath}.stale-${crypto.randomBytes(6).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (inodeOf(aside) !== staleIno) {
    try {
      fs.linkSync(aside, lockPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  fs.rmSync(aside, { force: true });
}

type Probe = { state: 'alive'; holder?: Holder } | { state: 'stale' } | { state: 'gone' };

/** Connects to a lock socket: answered means a live holder; refused means its process is gone. */
function probeHolder(lockPath: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(lockPath);
    let connected = false;
    let text = '';
    const done = (probe: Probe) => {
      clearTimeout(timer);
      conn.destroy();
      resolve(probe);
    };
    const alive = () => {
      try {
        done({ state: 'alive', holder: JSON.parse(text) as Holder });
      } catch {
        done({ state: 'alive' });
      }
    };
    // A holder whose event loop is busy has still accepted the connection: it is alive.
    const timer = setTimeout(() => (connected ? alive() : done({ state: 'alive' })), IDENTIFY_MS);
    conn.setEncoding('utf8');
    conn.on('connect', () => {
      connected = true;
    });
    conn.on('data', (chunk: string) => {
      text += chunk;
    });
    conn.on('end', alive);
    conn.on('error', (err: NodeJS.ErrnoException) => {
      if (connected) return alive();
      if (err.code === 'ECONNREFUSED') return done({ state: 'stale' });
      if (err.code === 'ENOENT') return done({ state: 'gone' });
      clearTimeout(timer);
      conn.destroy();
      reject(err);
    });
  });
}
