import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian installs each major version's server binaries under /usr/lib/postgresql/<major>/bin. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) throw new Error(`no Postgres server binaries under ${root} (install the postgresql package)`);
  return path.join(root, majors[0]!, 'bin');
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A Postgres cluster of its own (data directory, port, socket directory) for
 * tests and benchmarks that stop and restart the server: the shared server on
 * 5432 is never touched. Trust authentication on loopback only.
 *
 * initdb and postgres refuse to run as root, so as root the cluster belongs to
 * the `postgres` system user that Debian's package creates.
 */
export class PrivatePostgres {
  private running = false;
  private started = false;

  private constructor(
    private readonly bin: string,
    readonly dir: string,
    private portNumber: number,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const bin = binDir();
    const owner = process.getuid?.() === 0 ? await systemUser('postgres') : undefined;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-private-pg-'));
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
    const cluster = new PrivatePostgres(bin, dir, await freePort(), owner);
    try {
      // --no-sync: a throwaway cluster need not survive a power cut, and fsync is slow on a shared disk.
      await cluster.exec('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    return cluster;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  get port(): number {
    return this.portNumber;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /**
   * Starts the server and waits (up to two minutes) until it accepts connections.
   * On the first start a port another process took since it was picked is
   * traded for a new one; later starts keep the port clients already know.
   */
  async start(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.startOnce();
        this.started = true;
        return;
      } catch (err) {
        if (this.started || attempt >= 3 || !/could not (bind|create listen)/i.test(this.serverLog())) throw err;
        this.portNumber = await freePort();
      }
    }
  }

  private async startOnce(): Promise<void> {
    const options = [`-p ${this.port}`, `-k ${this.dir}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c max_connections=50'].join(
      ' ',
    );
    await this.exec('pg_ctl', ['start', '-D', this.dataDir, '-w', '-t', '120', '-l', path.join(this.dir, 'server.log'), '-o', options]);
    this.running = true;
  }

  /** Stops the server like a crash: every connection is cut at once, nothing is checkpointed. */
  async stopImmediately(): Promise<void> {
    await this.exec('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'immediate', '-w', '-t', '120']);
    this.running = false;
  }

  /** Stops the server if it runs and deletes the cluster; safe to call more than once. */
  async destroy(): Promise<void> {
    if (this.running || fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) {
      await this.stopImmediately().catch(() => undefined);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** The server's own log, for a failing test's message. */
  serverLog(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }

  private async exec(program: string, args: string[]): Promise<void> {
    await run(path.join(this.bin, program), args, {
      cwd: this.dir,
      env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' },
      ...(this.owner ?? {}),
      timeout: 180_000,
    });
  }
}

async function systemUser(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
