import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '../..');

/** The real service in its own process (server/main.ts through tsx), for crash and restart tests. */
export class ChildServer {
  private constructor(
    readonly process: ChildProcess,
    readonly port: number,
    readonly log: string[],
  ) {}

  static async start(env: Record<string, string>, timeoutMs = 60000): Promise<ChildServer> {
    // CHILD_NODE_ARGS lets a benchmark profile the child (e.g. --cpu-prof).
    const extra = process.env.CHILD_NODE_ARGS ? process.env.CHILD_NODE_ARGS.split(' ') : [];
    const child = spawn(process.execPath, [...extra, '--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A child left running would keep the test run from ever exiting.
        child.kill('SIGKILL');
        reject(new Error(`child did not start:\n${log.join('')}`));
      }, timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`child exited with ${code}:\n${log.join('')}`));
      });
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        log.push(line);
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number };
          if (entry.msg === 'records tracker listening' && entry.port) {
            clearTimeout(timer);
            resolve(entry.port);
          }
        } catch {
          // not a log line
        }
      });
    });
    return new ChildServer(child, port, log);
  }

  url(p: string): string {
    return `http://127.0.0.1:${this.port}${p}`;
  }

  async call(method: string, p: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(this.url(p), {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** SIGKILL: no shutdown hooks, no graceful stop, like a power cut. */
  get exited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}
