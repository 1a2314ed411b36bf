import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildServer } from '../support/child-server';
import { AGENCIES } from '../support/fixtures';

// The embedded database belongs to one process. Real service processes on one
// DATA_DIR, as two containers sharing a volume would run them: the second is
// refused while the first lives, whatever an old pid file says; a killed
// first never blocks the next; and no acknowledged write is lost on the way.

const ADMIN = 'lock-test-operator-token-0123';
// Each test starts real service processes, on two cores shared with other work.
const SLOW = 180000;
let dataDir: string;
let env: Record<string, string>;
const children: ChildServer[] = [];
let token = '';
/** Agencies whose creation answered 201: each must be readable after every restart. */
const acknowledged: { id: string; name: string }[] = [];

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-lock-'));
  // Children get only this environment, so they use PGlite whatever the test run uses.
  env = { ADMIN_TOKEN: ADMIN, DATA_DIR: dataDir, JOBS: 'false' };
});
afterAll(async () => {
  for (const c of children) await c.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ChildServer> {
  const child = await ChildServer.start(env);
  children.push(child);
  return child;
}

/** Starting must fail; the refused process's log is returned. */
async function refusedStart(): Promise<string> {
  try {
    children.push(await ChildServer.start(env));
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('a second process started on a DATA_DIR that is in use');
}

/** A pid that was a process a moment ago and is not one now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid!;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

const writePidFile = (pid: number) => fs.writeFileSync(path.join(dataDir, 'pglite.pid'), String(pid));

async function writeAgencies(server: ChildServer, label: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const name = `${label} agency ${i}`;
    const res = await server.call('POST', '/v1/agencies', token, { ...AGENCIES.texas, name });
    expect(res.status).toBe(201);
    acknowledged.push({ id: res.body.id as string, name });
  }
}

async function expectAllAcknowledged(server: ChildServer): Promise<void> {
  const missing: string[] = [];
  for (const { id, name } of acknowledged) {
    const res = await server.call('GET', `/v1/agencies/${id}`, token);
    if (res.status !== 200 || res.body.name !== name) missing.push(name);
  }
  expect(missing).toEqual([]);
}

describe('one process per DATA_DIR', () => {
  it(
    'refuses a second process while the first runs, even when the pid file names a dead process',
    async () => {
      const first = await start();
      const org = await first.call('POST', '/v1/organizations', ADMIN, { name: 'Lock Desk' });
      const user = await first.call('POST', `/v1/organizations/${org.body.id}/users`, ADMIN, {
        email: 'rep@lockdesk.example.org',
        name: 'Rita Reporter',
        role: 'reporter',
      });
      token = user.body.token as string;
      await writeAgencies(first, 'before', 5);

      writePidFile(await deadPid());
      const log = await refusedStart();
      expect(log).toContain(`the embedded database in ${fs.realpathSync(dataDir)} is in use by process ${first.process.pid}`);

      // The first process is unharmed and still takes writes.
      await writeAgencies(first, 'after refusal', 5);
      await first.kill();
    },
    SLOW,
  );

  it(
    'starts after the holder was SIGKILLed, one of two racing processes only, with every acknowledged write there',
    async () => {
      // The kill left its lock socket behind: a stale lock, not a held one.
      expect(fs.lstatSync(path.join(dataDir, 'pglite.lock')).isSocket()).toBe(true);
      const racing = await Promise.allSettled([ChildServer.start(env), ChildServer.start(env)]);
      const started = racing.filter((r): r is PromiseFulfilledResult<ChildServer> => r.status === 'fulfilled').map((r) => r.value);
      children.push(...started);
      expect(started).toHaveLength(1);
      const refused = racing.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      // The winner may be too busy starting to say who it is; the refusal does not wait for that.
      expect(String(refused?.reason)).toContain(`the embedded database in ${fs.realpathSync(dataDir)} is in use by`);
      const second = started[0]!;
      await expectAllAcknowledged(second);
      await writeAgencies(second, 'second', 5);
      await second.stop();
      // A graceful stop releases the lock.
      expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
    },
    SLOW,
  );

  it(
    'is not blocked by a pid file naming an unrelated live process',
    async () => {
      writePidFile(process.pid);
      const third = await start();
      await expectAllAcknowledged(third);
      expect(acknowledged).toHaveLength(15);
      await third.stop();
    },
    SLOW,
  );
});
