import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AGENCIES, ICE_EMAIL_REQUEST } from '../support/fixtures';
import { ChildServer } from '../support/child-server';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { openTestDatabase, type TestDatabase } from '../support/test-db';

// The real service in child processes, killed with SIGKILL at the worst
// moments, then restarted on the same database: the agency must get exactly
// one copy of the letter.

const ADMIN = 'crash-test-operator-token-0123';
let sink: SmtpSink;
let dataDir: string;
let db: TestDatabase | undefined;
let baseEnv: Record<string, string>;
const children: ChildServer[] = [];

beforeAll(async () => {
  sink = await new SmtpSink().start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-crash-'));
  // On a server the children share a fresh database; on PGlite, a data directory.
  if (process.env.TEST_DATABASE_URL) db = await openTestDatabase();
  const url = db?.url;
  if (db) await db.knex.destroy();
  baseEnv = {
    ADMIN_TOKEN: ADMIN,
    DATA_DIR: dataDir,
    SMTP_URL: sink.url,
    JOBS_MAINTENANCE_SECONDS: '1',
    MAIL_RETRY_DELAY_SECONDS: '0',
    ...(url ? { DATABASE_URL: url } : {}),
  };
});
afterAll(async () => {
  for (const c of children) await c.kill();
  await sink.stop();
  if (db) await db.close().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<ChildServer> {
  const child = await ChildServer.start({ ...baseEnv, ...env });
  children.push(child);
  return child;
}

async function newsroomWithDraft(server: ChildServer, name: string): Promise<{ token: string; requestId: string }> {
  const org = await server.call('POST', '/v1/organizations', ADMIN, { name });
  const user = await server.call('POST', `/v1/organizations/${org.body.id}/users`, ADMIN, {
    email: `rep@${name.toLowerCase().replace(/\W/g, '')}.example.org`,
    name: 'Rita Reporter',
    role: 'reporter',
  });
  const token = user.body.token as string;
  const agency = await server.call('POST', '/v1/agencies', token, AGENCIES.ice);
  const request = await server.call('POST', '/v1/requests', token, { ...ICE_EMAIL_REQUEST, agencyId: agency.body.id });
  expect(request.status).toBe(201);
  return { token, requestId: request.body.id as string };
}

const copiesOf = (requestId: string) => sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === requestId).length;

describe('outbox across a crash', () => {
  it('when the process dies after the submit commits and before any send, then the restarted worker sends exactly one', async () => {
    sink.mode = 'accept';
    // The worker looks for jobs at start and then only once a minute: the
    // job committed by the submit is still waiting when the process is killed.
    const first = await start({ JOBS_POLL_SECONDS: '60' });
    const { token, requestId } = await newsroomWithDraft(first, 'Crash Before Send');
    const submitted = await first.call('POST', `/v1/requests/${requestId}/submit`, token, { method: 'email' });
    expect(submitted.status).toBe(200);
    await first.kill();
    expect(copiesOf(requestId)).toBe(0);

    const second = await start({ JOBS_POLL_SECONDS: '0.5' });
    expect(await eventually(() => copiesOf(requestId) === 1, 30000)).toBe(true);
    await new Promise((r) => setTimeout(r, 3000));
    expect(copiesOf(requestId)).toBe(1);
    const read = await second.call('GET', `/v1/requests/${requestId}`, token);
    expect((read.body.submission as { delivery: { status: string } }).delivery.status).toBe('sent');
    await second.stop();
  });

  it('when the process dies in the middle of the SMTP conversation, then after restart the message is delivered exactly once', async () => {
    sink.mode = 'hold';
    const startedBefore = sink.dataStarted;
    const first = await start({ JOBS_POLL_SECONDS: '0.5', MAIL_TIMEOUT_SECONDS: '3' });
    const { token, requestId } = await newsroomWithDraft(first, 'Crash During Send');
    expect((await first.call('POST', `/v1/requests/${requestId}/submit`, token, { method: 'email' })).status).toBe(200);
    // The message is on the wire and the server has not answered: kill now.
    expect(await eventually(() => sink.dataStarted > startedBefore, 20000, 20)).toBe(true);
    await first.kill();
    sink.mode = 'accept';
    expect(copiesOf(requestId)).toBe(0);

    // The dead attempt's job expires (4 × the 3 s timeout) and is retried by the new process.
    const second = await start({ JOBS_POLL_SECONDS: '0.5', MAIL_TIMEOUT_SECONDS: '3' });
    expect(await eventually(() => copiesOf(requestId) === 1, 45000)).toBe(true);
    await new Promise((r) => setTimeout(r, 3000));
    expect(copiesOf(requestId)).toBe(1);
    const read = await second.call('GET', `/v1/requests/${requestId}`, token);
    expect((read.body.submission as { delivery: { status: string } }).delivery.status).toBe('sent');
    await second.stop();
  });

  it('when the process dies during the last attempt, then after restart the mail is settled as failed, not left sending', async () => {
    sink.mode = 'hold';
    const startedBefore = sink.dataStarted;
    const env = { JOBS_POLL_SECONDS: '0.5', MAIL_TIMEOUT_SECONDS: '3', MAIL_MAX_ATTEMPTS: '1' };
    const first = await start(env);
    const { token, requestId } = await newsroomWithDraft(first, 'Crash On Last Try');
    expect((await first.call('POST', `/v1/requests/${requestId}/submit`, token, { method: 'email' })).status).toBe(200);
    expect(await eventually(() => sink.dataStarted > startedBefore, 20000, 20)).toBe(true);
    await first.kill();

    // No retry is left: the job expires (4 × 3 s) and its dead-letter copy settles the mail.
    const second = await start(env);
    const delivery = async () =>
      (
        (await second.call('GET', `/v1/requests/${requestId}`, token)).body.submission as {
          delivery: { status: string; letterUndelivered: boolean };
        }
      ).delivery;
    expect(await eventually(async () => (await delivery()).status === 'failed', 45000, 500)).toBe(true);
    expect((await delivery()).letterUndelivered).toBe(true);
    const events = (await second.call('GET', `/v1/requests/${requestId}/events`, token)).body.items as Array<{
      type: string;
      summary: string;
    }>;
    expect(events.map((e) => e.type)).toEqual(['submitted', 'delivery_failed']);
    expect(events[1]!.summary).toContain('after 1 attempts');
    expect(copiesOf(requestId)).toBe(0);
    await second.stop();
  });
});
