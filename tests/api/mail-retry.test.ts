import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Outgoing mail is retried the way an MTA retries: temporary failures back off
// for a day (MAIL_GIVE_UP_HOURS), permanent refusals end delivery at once. The
// app's clock is simulated; the real delays are cut to a second so each try
// comes quickly while the simulated clock says how long delivery has taken.

let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;
let reporterEmail: string;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({
    SMTP_URL: sink.url,
    JOBS_POLL_SECONDS: '0.5',
    JOBS_MAINTENANCE_SECONDS: '1',
    MAIL_TIMEOUT_SECONDS: '2',
    MAIL_RETRY_DELAY_SECONDS: '1',
    MAIL_RETRY_MAX_DELAY_SECONDS: '1',
  });
  room = await createNewsroom(app, 'Retry Herald');
  reporterEmail = (await app.db.knex('users').where({ id: room.userIds.reporter }).first()).email as string;
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});
afterEach(() => app.setNow(undefined));

const T0 = Date.parse('2026-01-16T15:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const submit = (id: string) => app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' });
const copies = (id: string) => sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === id).length;
const toReporter = (subject: string) => sink.to(reporterEmail).filter((m) => m.parsed.subject === subject).length;

async function letterAttempts(requestId: string): Promise<string[]> {
  const rows = await app.db
    .knex('mail_attempts as a')
    .join('mail_messages as m', 'm.id', 'a.mail_id')
    .where({ 'm.request_id': requestId, 'm.purpose': 'request' })
    .orderBy('a.attempt')
    .select('a.outcome');
  return rows.map((r: { outcome: string }) => r.outcome);
}
const failedAttempts = async (requestId: string) => (await letterAttempts(requestId)).filter((o) => o === 'failed').length;

async function delivery(requestId: string): Promise<{ status: string; error: string | null }> {
  return (await app.http.get(`/v1/requests/${requestId}`).set(bearer(room.tokens.counsel)).expect(200)).body.submission.delivery;
}

async function agencyAt(name: string, recordsEmail: string): Promise<string> {
  return addAgency(app, room, { ...AGENCIES.ice, name, recordsEmail });
}

describe('mail retried like an MTA', () => {
  it('when the SMTP server is down for 20 minutes, then the letter is delivered exactly once when it comes back', async () => {
    const ice = await agencyAt('ICE during an outage', 'foia-outage@ice.example.gov');
    const { id } = await draft(app, room, ice, { title: 'Sent after a 20-minute outage' });
    app.setNow(at(0));
    await sink.down();
    try {
      expect((await submit(id)).status).toBe(200);
      // Each failed try moves the simulated clock on three minutes: eight
      // tries span 21 minutes, beyond what six tries from 30 s doubling cover.
      for (let n = 1; n <= 8; n += 1) {
        expect(await eventually(async () => (await failedAttempts(id)) >= n, 15000)).toBe(true);
        app.setNow(at(n * 3));
      }
      expect((await delivery(id)).status).toBe('queued');
    } finally {
      await sink.up();
    }
    expect(await eventually(() => copies(id) === 1, 20000)).toBe(true);
    await sleep(2000); // a second copy would have time to arrive
    expect(copies(id)).toBe(1);
    expect(await eventually(async () => (await delivery(id)).status === 'sent')).toBe(true);
    expect((await letterAttempts(id)).slice(-1)).toEqual(['sent']);
    const events = await app.db.knex('request_events').where({ request_id: id }).orderBy('seq').select('type');
    expect(events.map((e: { type: string }) => e.type)).toEqual(['submitted']);
    // Under an hour: nobody was told the letter was late.
    expect(await app.db.knex('mail_messages').where({ request_id: id, purpose: 'notification' })).toHaveLength(0);
  });

  it('when the recipient is refused at RCPT or the message after DATA with a 5xx, then delivery fails at once without a retry', async () => {
    const rcpt = await agencyAt('Agency with a dead inbox', 'nobody@dead.example.gov');
    const data = await agencyAt('Agency that refuses the message', 'filter@strict.example.gov');
    sink.refuseRecipients.add('nobody@dead.example.gov');
    sink.refuseMessagesTo.add('filter@strict.example.gov');
    const refusedAtRcpt = (await draft(app, room, rcpt, { title: 'Refused at RCPT' })).id;
    const refusedAtData = (await draft(app, room, data, { title: 'Refused after DATA' })).id;
    expect((await submit(refusedAtRcpt)).status).toBe(200);
    expect((await submit(refusedAtData)).status).toBe(200);
    for (const [id, code] of [
      [refusedAtRcpt, '550'],
      [refusedAtData, '554'],
    ] as const) {
      expect(await eventually(async () => (await delivery(id)).status === 'failed')).toBe(true);
      expect((await delivery(id)).error).toContain(code);
    }
    await sleep(2500); // a retry would have time to start
    expect(await letterAttempts(refusedAtRcpt)).toEqual(['failed']);
    expect(await letterAttempts(refusedAtData)).toEqual(['failed']);
    expect(copies(refusedAtData)).toBe(0);
    for (const title of ['Refused at RCPT', 'Refused after DATA']) {
      expect(await eventually(() => toReporter(`Not delivered: ${title}`) === 1)).toBe(true);
      expect(toReporter(`Delivery delayed: ${title}`)).toBe(0);
    }
  });

  it('when delivery is still failing after an hour, then the assignee is told once; after a day it fails and they are told once more', async () => {
    const slow = await agencyAt('Agency with a busy inbox', 'foia-busy@slow.example.gov');
    sink.deferRecipients.add('foia-busy@slow.example.gov');
    const title = 'Delayed for a day';
    const { id } = await draft(app, room, slow, { title });
    app.setNow(at(0));
    expect((await submit(id)).status).toBe(200);
    expect(await eventually(async () => (await failedAttempts(id)) >= 1)).toBe(true);
    app.setNow(at(30));
    expect(await eventually(async () => (await failedAttempts(id)) >= 3)).toBe(true);
    expect(await app.db.knex('mail_messages').where({ request_id: id, purpose: 'notification' })).toHaveLength(0);

    // Past the first hour, and then hours more of failures: one notice.
    app.setNow(at(61));
    const before = await failedAttempts(id);
    expect(await eventually(async () => (await failedAttempts(id)) >= before + 2)).toBe(true);
    app.setNow(at(5 * 60));
    expect(await eventually(async () => (await failedAttempts(id)) >= before + 4)).toBe(true);
    expect(await eventually(() => toReporter(`Delivery delayed: ${title}`) === 1)).toBe(true);
    const notice = sink.to(reporterEmail).find((m) => m.parsed.subject === `Delivery delayed: ${title}`)!.parsed.text!;
    expect(notice).toContain('foia-busy@slow.example.gov');
    expect(notice).toContain('451');
    expect((await delivery(id)).status).toBe('queued');

    // A day after the first try, the next failure is the last.
    app.setNow(at(24 * 60 + 1));
    expect(await eventually(async () => (await delivery(id)).status === 'failed')).toBe(true);
    expect(await eventually(() => toReporter(`Not delivered: ${title}`) === 1)).toBe(true);
    await sleep(2000);
    expect(toReporter(`Not delivered: ${title}`)).toBe(1);
    expect(toReporter(`Delivery delayed: ${title}`)).toBe(1);
    const events = await app.db.knex('request_events').where({ request_id: id }).orderBy('seq').select('type');
    expect(events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'delivery_failed']);
    const attempts = await letterAttempts(id);
    expect(attempts.every((o) => o === 'failed')).toBe(true);
    const settled = attempts.length;
    await sleep(2000);
    expect(await letterAttempts(id)).toHaveLength(settled);
  });
});
