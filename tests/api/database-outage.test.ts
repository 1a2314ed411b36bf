import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildServer } from '../support/child-server';
import { AGENCIES } from '../support/fixtures';
import { PrivatePostgres } from '../support/private-postgres';
import { eventually } from '../support/smtp-sink';

// The real service in its own process on a Postgres cluster of its own, which
// the test stops like a crash (pg_ctl stop -m immediate) while calls are under
// way and then starts again. Whatever the test database of the run, this one
// is always a private server: stopping the shared one would break every other
// test. Waits are generous and bounded: two shared cores may be busy.

jest.setTimeout(300_000);

const ADMIN = 'outage-test-operator-token-0123';
let cluster: PrivatePostgres | undefined;
let server: ChildServer | undefined;
let dataDir: string | undefined;

interface Answer {
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  body: Record<string, unknown>;
  /** Whether the call was sent after the cluster had fully stopped. */
  afterStop: boolean;
}

beforeAll(async () => {
  cluster = await PrivatePostgres.create();
  await cluster.start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-outage-'));
  server = await ChildServer.start(
    { ADMIN_TOKEN: ADMIN, DATABASE_URL: cluster.url, DATA_DIR: dataDir, JOBS_POLL_SECONDS: '1', DATABASE_POOL_MAX: '4' },
    180_000,
  );
});

afterAll(async () => {
  await server?.kill();
  await cluster?.destroy();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, path: string, token: string, body?: unknown): Promise<Omit<Answer, 'afterStop'>> {
  const res = await fetch(server!.url(path), {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { unparsed: text };
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), contentType: res.headers.get('content-type'), body: parsed };
}

async function newsroom(name: string): Promise<string> {
  const org = await call('POST', '/v1/organizations', ADMIN, { name });
  expect(org.status).toBe(201);
  const user = await call('POST', `/v1/organizations/${org.body.id}/users`, ADMIN, {
    email: `editor@${name.toLowerCase().replace(/\W/g, '')}.example.org`,
    name: 'Eda Editor',
    role: 'editor',
  });
  expect(user.status).toBe(201);
  return user.body.token as string;
}

describe('the service as main.ts starts it', () => {
  it('when a URL is over 16 KB, then it answers a 431 problem+json (the parser hook is wired in)', async () => {
    const res = await fetch(server!.url(`/v1/agencies?q=${'z'.repeat(17 * 1024)}`));
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 431 });
  });
});

describe('a Postgres outage while the service runs', () => {
  it('answers every call with 503 and Retry-After while the database is down, and serves again once it is back, without a restart', async () => {
    const token = await newsroom('Outage Gazette');
    // A token nobody has used yet: its lookup needs the database, so the outage must not make it a 401.
    const unusedToken = await newsroom('Outage Courier');
    const agency = await call('POST', '/v1/agencies', token, AGENCIES.minneapolis);
    expect(agency.status).toBe(201);
    const agencyId = agency.body.id as string;

    // Traffic from four clients at once until told to stop, each call tagged with whether it left after the stop.
    const answers: Answer[] = [];
    let stopped = false;
    let traffic = true;
    const client = async (n: number) => {
      for (let i = 0; traffic && i < 2000; i += 1) {
        const afterStop = stopped;
        const answer =
          i % 3 === 0
            ? await call('GET', '/v1/agencies', token)
            : i % 3 === 1
              ? await call('GET', `/v1/agencies/${agencyId}`, token)
              : await call('POST', '/v1/agencies', token, { ...AGENCIES.minneapolis, name: `Agency ${n}-${i}` });
        answers.push({ ...answer, afterStop });
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const clients = [0, 1, 2, 3].map(client);

    expect(await eventually(() => answers.length >= 20, 60_000)).toBe(true);
    await cluster!.stopImmediately();
    stopped = true;
    const stoppedAt = Date.now();
    // Enough calls, over a few seconds, to meet every kind of failure: pooled connections cut, new ones refused,
    // the job workers' polls and the auth listener's reconnects failing beside them.
    expect(await eventually(() => answers.filter((a) => a.afterStop).length >= 60 && Date.now() - stoppedAt >= 4000, 120_000)).toBe(true);
    traffic = false;
    await Promise.all(clients);

    const brief = (a: Answer) => ({ status: a.status, type: a.body.type, afterStop: a.afterStop });
    // Calls in flight when the server went may still have finished; none may be anything but a success or a 503.
    expect(answers.filter((a) => ![200, 201, 503].includes(a.status)).map(brief)).toEqual([]);
    expect(answers.filter((a) => a.afterStop && a.status !== 503).map(brief)).toEqual([]);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.retryAfter).toBe('5');
      expect(a.contentType).toMatch(/^application\/problem\+json/);
      expect(a.body).toMatchObject({ status: 503, type: 'urn:records-tracker:problem:database-unavailable' });
    }

    const unknownCaller = await call('GET', '/v1/agencies', unusedToken);
    expect(unknownCaller.status).toBe(503);
    expect(unknownCaller.retryAfter).toBe('5');
    const ready = await fetch(server!.url('/readyz'));
    expect(ready.status).toBe(503);

    await cluster!.start();
    // The pool and the listeners find the server again on their own; the process is the same one.
    expect(await eventually(async () => (await call('GET', '/v1/agencies', token)).status === 200, 120_000, 250)).toBe(true);
    expect(server!.exited).toBe(false);
    expect((await call('GET', `/v1/agencies/${agencyId}`, token)).status).toBe(200);
    expect((await call('GET', '/v1/agencies', unusedToken)).status).toBe(200);
    const created = await call('POST', '/v1/agencies', token, { ...AGENCIES.minneapolis, name: 'After the outage' });
    expect(created.status).toBe(201);
    expect((await fetch(server!.url('/readyz'))).status).toBe(200);

    // The outage was the operator's to see as warnings in the JSON log, not as faults in the code.
    const raw = server!.log.flatMap((chunk) => chunk.split('\n')).filter((line) => line.trim() !== '');
    const entries = raw.flatMap((line) => {
      try {
        return [JSON.parse(line) as { level: number; msg: string; res?: { statusCode: number } }];
      } catch {
        return [];
      }
    });
    expect(entries.filter((e) => e.msg === 'unhandled error')).toEqual([]);
    expect(entries.filter((e) => e.level >= 50).map((e) => e.msg)).toEqual([]);
    const logged503 = entries.filter((e) => e.res?.statusCode === 503);
    expect(logged503.length).toBeGreaterThan(0);
    expect(logged503.every((e) => e.level === 40)).toBe(true);
    // The driver's own complaints (each failed connection attempt) are log entries too, not plain text with stacks.
    expect(raw.filter((line) => !line.startsWith('{') && /connect/i.test(line))).toEqual([]);
    expect(entries.some((e) => e.msg.startsWith('Acquire connection error'))).toBe(true);
  });
});
