import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { AUTH_CACHE_TTL_MS } from '../../server/auth/auth-cache';
import { JOB_SCHEMA } from '../../migrations/20261125000200_job_queue';
import { SWEEP_QUEUE } from '../../server/jobs/workers';
import { ChildServer } from '../support/child-server';
import { AGENCIES, ICE_EMAIL_REQUEST } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { createEmptyServerDatabase } from '../support/test-db';
import { serverUrl } from '../support/test-env';

// The scale-out deployment: stateless API processes (JOBS=false) and job
// workers, all real server processes on ONE Postgres database. It needs a
// server, so it runs in the suite's Postgres pass (TEST_DATABASE_URL). The
// PGlite pass checks the other half of the story instead: the embedded
// database is one process's, and a second process on its data directory is
// refused. Running the four-process part on PGlite passes too would only
// repeat the Postgres pass against the same server, at four processes' cost.

const ADMIN = 'scale-out-operator-token-0123';
const MAIL_CONCURRENCY = 4;
const SUBMISSIONS = 200;

jest.setTimeout(240_000);

const children: ChildServer[] = [];
let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-scale-'));
});
afterAll(async () => {
  for (const c of children) await c.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<ChildServer> {
  const child = await ChildServer.start({ ADMIN_TOKEN: ADMIN, DATA_DIR: dataDir, ...env });
  children.push(child);
  return child;
}

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

if (!serverUrl()) {
  describe('the embedded database (no DATABASE_URL)', () => {
    it('when a second process starts on the same data directory, then it is refused and the first keeps serving', async () => {
      const first = await start({});
      await expect(start({})).rejects.toThrow(/child exited with 1/);
      expect((await fetch(first.url('/readyz'))).status).toBe(200);
      const org = await first.call('POST', '/v1/organizations', ADMIN, { name: 'Still Serving' });
      expect(org.status).toBe(201);
      await first.stop();
    });
  });
} else {
  describe('two API processes and two workers on one Postgres database', () => {
    let db: { url: string; drop: () => Promise<void> };
    let admin: pg.Client;
    // Each worker sends to its own sink, so the test can tell whose
    // connections are blocked before it kills one.
    let sinkA: SmtpSink;
    let sinkB: SmtpSink;
    let api: [ChildServer, ChildServer];
    let workerA: ChildServer;
    let workerB: ChildServer;
    let env: Record<string, string>;

    beforeAll(async () => {
      // Empty: the four processes, started at once, create the schema and the job queues between them.
      db = (await createEmptyServerDatabase())!;
      admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      [sinkA, sinkB] = await Promise.all([new SmtpSink().start(), new SmtpSink().start()]);
      env = {
        DATABASE_URL: db.url,
        // Workers: expire a dead process's jobs within seconds, retry at once.
        JOBS_MAINTENANCE_SECONDS: '1',
        JOBS_POLL_SECONDS: '0.5',
        MAIL_TIMEOUT_SECONDS: '3',
        MAIL_RETRY_DELAY_SECONDS: '0',
        MAIL_CONCURRENCY: String(MAIL_CONCURRENCY),
        DATABASE_POOL_MAX: '5',
      };
      let apiA: ChildServer;
      let apiB: ChildServer;
      [apiA, apiB, workerA, workerB] = await Promise.all([
        start({ ...env, JOBS: 'false' }),
        start({ ...env, JOBS: 'false' }),
        start({ ...env, SMTP_URL: sinkA.url }),
        start({ ...env, SMTP_URL: sinkB.url }),
      ]);
      api = [apiA, apiB];
      for (const c of [...api, workerA, workerB]) expect((await fetch(c.url('/readyz'))).status).toBe(200);
    });
    afterAll(async () => {
      for (const c of children) await c.kill();
      await admin?.end();
      await sinkA?.stop();
      await sinkB?.stop();
      await db?.drop();
    });

    const received = () => [...sinkA.received, ...sinkB.received];

    async function newsroom(name: string): Promise<{ orgId: string; adminToken: string; reporter: { id: string; token: string } }> {
      const org = await api[0].call('POST', '/v1/organizations', ADMIN, { name });
      expect(org.status).toBe(201);
      const slug = name.toLowerCase().replace(/\W/g, '');
      const user = async (role: string) => {
        const res = await api[1].call('POST', `/v1/organizations/${org.body.id}/users`, ADMIN, {
          email: `${role}@${slug}.example.org`,
          name: `${role} of ${name}`,
          role,
        });
        expect(res.status).toBe(201);
        return { id: res.body.id as string, token: res.body.token as string };
      };
      const a = await user('admin');
      await user('editor');
      return { orgId: org.body.id as string, adminToken: a.token, reporter: await user('reporter') };
    }

    it('when a token is revoked through one API process, then the other refuses it at once, also after its listening connection was cut', async () => {
      const room = await newsroom('Revocation Desk');
      const issue = async (name: string) => {
        const res = await api[0].call('POST', '/v1/me/tokens', room.reporter.token, { name });
        expect(res.status).toBe(201);
        return { id: res.body.id as string, token: res.body.token as string };
      };
      const revokeOn = async (server: ChildServer, t: { id: string }) => {
        expect(
          (
            await fetch(server.url(`/v1/me/tokens/${t.id}`), {
              method: 'DELETE',
              headers: { Authorization: `Bearer ${room.reporter.token}` },
            })
          ).status,
        ).toBe(204);
      };
      const statusOn = async (server: ChildServer, token: string) => (await server.call('GET', '/v1/me', token)).status;
      const tokens = [await issue('one'), await issue('two'), await issue('three')];
      // Both processes have seen and cached every token.
      for (const t of tokens) for (const s of api) expect(await statusOn(s, t.token)).toBe(200);

      // The other process forgets a revoked token when Postgres delivers the
      // NOTIFY of the revoking transaction, an instant after its commit (the
      // listening backend is woken to send it). The wait is bounded well below
      // the cache lifetime, so only the notification can make it pass.
      const refusedOn = (server: ChildServer, token: string) =>
        eventually(async () => (await statusOn(server, token)) === 401, AUTH_CACHE_TTL_MS / 5, 5);
      await revokeOn(api[0], tokens[0]!);
      expect(await refusedOn(api[1], tokens[0]!.token)).toBe(true);
      await revokeOn(api[1], tokens[1]!);
      expect(await refusedOn(api[0], tokens[1]!.token)).toBe(true);

      // Cut every listening connection, as a Postgres restart or a proxy would.
      const listeners = async () =>
        Number(
          (
            await admin.query(
              "select count(*) as n from pg_stat_activity where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()",
            )
          ).rows[0].n,
        );
      expect(await listeners()).toBe(4);
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()",
      );
      const noticed = (s: ChildServer) => s.log.join('\n').includes('auth change listener lost its connection');
      expect(await eventually(() => [...api, workerA, workerB].every(noticed), 10_000, 10)).toBe(true);
      // Used while the process cannot hear other processes, then revoked
      // elsewhere before it reconnects (a second later): it must not have
      // been cached meanwhile.
      expect(await statusOn(api[1], tokens[2]!.token)).toBe(200);
      await revokeOn(api[0], tokens[2]!);
      expect(await statusOn(api[1], tokens[2]!.token)).toBe(401);
      // Each process listens again, on one connection (a loss reported twice, as error and end, must not open two).
      expect(await eventually(async () => (await listeners()) === 4, 20_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await listeners()).toBe(4);

      // Listening again: a token cached after the reconnection is still forgotten when revoked elsewhere.
      const four = await issue('four');
      for (const s of api) expect(await statusOn(s, four.token)).toBe(200);
      await revokeOn(api[0], four);
      expect(await refusedOn(api[1], four.token)).toBe(true);
      expect(await statusOn(api[1], room.reporter.token)).toBe(200);
    });

    it(`when ${SUBMISSIONS} emailed submissions arrive through both API processes and one worker is SIGKILLed mid-batch, then each letter is sent exactly once`, async () => {
      const room = await newsroom('Mass Mailing Desk');
      const agency = await api[0].call('POST', '/v1/agencies', room.reporter.token, AGENCIES.ice);
      expect(agency.status).toBe(201);
      const ids: string[] = [];
      const submitting = pool(
        Array.from({ length: SUBMISSIONS }, (_, i) => i),
        8,
        async (i) => {
          const drafted = await api[i % 2]!.call('POST', '/v1/requests', room.reporter.token, {
            ...ICE_EMAIL_REQUEST,
            title: `Mass request ${i}`,
            agencyId: agency.body.id,
          });
          expect(drafted.status).toBe(201);
          const id = drafted.body.id as string;
          const submitted = await api[(i + 1) % 2]!.call('POST', `/v1/requests/${id}/submit`, room.reporter.token, { method: 'email' });
          expect(submitted.status).toBe(200);
          ids.push(id);
        },
      );
      // While submissions still arrive, kill worker A with every one of its
      // sends on the wire, unanswered: nothing it took on may be lost, and no
      // message it got a 250 for is left unrecorded (that one window, a
      // duplicate with the same Message-ID, is the crash tests' subject).
      let submittedAtKill = 0;
      const killing = (async () => {
        expect(await eventually(() => sinkA.received.length >= 10, 60_000, 10)).toBe(true);
        sinkA.mode = 'hold';
        expect(await eventually(() => sinkA.held >= MAIL_CONCURRENCY, 30_000, 10)).toBe(true);
        await workerA.kill();
        submittedAtKill = ids.length;
      })();
      await Promise.all([submitting, killing]);
      expect(submittedAtKill).toBeLessThan(SUBMISSIONS);
      const beforeKill = sinkA.received.length;

      const byRequest = () => {
        const counts = new Map<string, number>();
        for (const m of received()) {
          const id = m.parsed.headers.get('x-records-request-id') as string | undefined;
          if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        return counts;
      };
      // The killed worker's jobs expire (4 × MAIL_TIMEOUT_SECONDS) and worker B sends them.
      expect(await eventually(() => byRequest().size === SUBMISSIONS, 90_000, 200)).toBe(true);
      await new Promise((r) => setTimeout(r, 2000));
      const counts = byRequest();
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(counts.keys())).toEqual(new Set(ids));
      expect(sinkA.received.length).toBe(beforeKill);
      expect(sinkB.received.length).toBeGreaterThan(0);
      expect((await fetch(workerB.url('/readyz'))).status).toBe(200);
      const messageIds = received().map((m) => m.parsed.messageId);
      expect(new Set(messageIds).size).toBe(messageIds.length);

      const states = await admin.query(
        "select status, count(*)::int as n from mail_messages where purpose = 'request' and direction = 'outbound' group by status",
      );
      expect(states.rows).toEqual([{ status: 'sent', n: SUBMISSIONS }]);
    });

    it('when several sweeps run at once on two workers, then each reminder, follow-up and digest is made and sent once', async () => {
      sinkA.mode = 'accept';
      // Two workers again: a fresh one joins the survivor.
      workerA = await start({ ...env, SMTP_URL: sinkA.url });
      const room = await newsroom('Sweep Desk');
      const settings = await api[0].call('PATCH', '/v1/organization/settings', room.adminToken, {
        timezone: 'UTC',
        digestHour: 0,
        autoFollowUp: true,
      });
      expect(settings.status).toBe(200);
      const agency = await api[1].call('POST', '/v1/agencies', room.reporter.token, AGENCIES.ice);
      const drafted = await api[0].call('POST', '/v1/requests', room.reporter.token, {
        ...ICE_EMAIL_REQUEST,
        title: 'Long overdue',
        agencyId: agency.body.id,
      });
      const requestId = drafted.body.id as string;
      const longAgo = DateTime.utc().minus({ days: 90 }).toISO();
      const submitted = await api[1].call('POST', `/v1/requests/${requestId}/submit`, room.reporter.token, {
        method: 'portal',
        submittedAt: longAgo,
      });
      expect(submitted.status).toBe(200);

      const boss = new PgBoss({ connectionString: db.url!, schema: JOB_SCHEMA, supervise: false, schedule: false, migrate: false });
      boss.on('error', () => undefined);
      await boss.start();
      const sweeps = async (n: number) => {
        const jobIds = await Promise.all(Array.from({ length: n }, () => boss.send(SWEEP_QUEUE, {})));
        const done = async () =>
          Number(
            (await admin.query(`select count(*) as n from ${JOB_SCHEMA}.job where id = any($1::uuid[]) and state = 'completed'`, [jobIds]))
              .rows[0].n,
          ) === n;
        expect(await eventually(done, 60_000, 200)).toBe(true);
      };
      const mailOf = async () =>
        (
          await admin.query<{ purpose: string; status: string; message_id: string }>(
            `select purpose, status, message_id from mail_messages where organization_id = $1 and direction = 'outbound' order by purpose`,
            [room.orgId],
          )
        ).rows;
      try {
        await sweeps(4);
        const allSent = async () => (await mailOf()).every((m) => m.status === 'sent');
        expect(await eventually(allSent, 30_000, 200)).toBe(true);
        const mail = await mailOf();
        // One reminder to the assignee, one digest to the one editor, one automatic follow-up to the agency and its copy to the requester.
        expect(mail.map((m) => m.purpose)).toEqual(['digest', 'follow_up', 'letter_copy', 'reminder']);
        for (const m of mail) expect(received().filter((r) => r.parsed.messageId === m.message_id)).toHaveLength(1);
        const followUps = await admin.query('select status from follow_ups where request_id = $1', [requestId]);
        expect(followUps.rows).toHaveLength(1);
        const digests = await admin.query('select local_date from digest_log where organization_id = $1', [room.orgId]);
        expect(digests.rows).toHaveLength(1);

        // And later sweeps find nothing left to do.
        await sweeps(2);
        expect(await mailOf()).toHaveLength(4);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    });
  });
}
