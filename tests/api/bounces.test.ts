import MailComposer from 'nodemailer/lib/mail-composer';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Delivery that tells the truth (issue 12): a bounce (RFC 3464) arriving by
// the inbound route fails the letter as a permanent SMTP refusal does; an
// out-of-office answer is filed as correspondence and marked as automatic.

const SECRET = 'inbound-secret-for-tests-0123';
let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;
let ice: string;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({
    SMTP_URL: sink.url,
    INBOUND_SECRET: SECRET,
    INBOUND_ADDRESS: 'records@newsroom.example.org',
    JOBS_POLL_SECONDS: '0.5',
  });
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});

const deliver = (raw: Buffer | string) =>
  app.http.post('/v1/inbound/email').set('Authorization', `Bearer ${SECRET}`).set('Content-Type', 'message/rfc822').send(raw);

async function sentLetter(title: string) {
  const { id } = await draft(app, room, ice, { title });
  const res = await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
  const letter = () => app.db.knex('mail_messages').where({ request_id: id, purpose: 'request' }).first();
  expect(await eventually(async () => (await letter()).status === 'sent', 20000)).toBe(true);
  return { id, messageId: (await letter()).message_id as string, replyAddress: res.body.submission.replyAddress as string };
}

/** A delivery status notification as MTAs write them, returning the original's headers. */
function dsn(original: string, action: string, status: string, diagnostic: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.ice.example.gov>',
    'To: records@newsroom.example.org',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <dsn.${Math.random().toString(36).slice(2)}@mx.ice.example.gov>`,
    'Date: Mon, 2 Feb 2026 10:00:00 -0500',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain',
    '',
    'I could not deliver your message.',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.ice.example.gov',
    '',
    'Final-Recipient: rfc822; foia@ice.example.gov',
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    '--B',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Records Desk <records@newsroom.example.org>',
    'To: foia@ice.example.gov',
    `Message-ID: ${original}`,
    'Subject: Public records request',
    '--B--',
    '',
  ].join('\r\n');
}

describe('bounces and automatic answers', () => {
  it('when the agency’s server bounces the letter, then the letter is undelivered with its reason and the assignee is told', async () => {
    const req = await sentLetter('Bounced letter');
    const res = await deliver(dsn(req.messageId, 'failed', '5.1.1', '550 5.1.1 <foia@ice.example.gov>: mailbox unknown')).expect(201);
    expect(res.body).toMatchObject({ status: 'bounced', requestId: req.id });

    const letter = await app.db.knex('mail_messages').where({ request_id: req.id, purpose: 'request' }).first();
    expect(letter.status).toBe('failed');
    expect(letter.last_error).toMatch(/foia@ice\.example\.gov: 5\.1\.1 smtp; 550 5\.1\.1 .*mailbox unknown/);
    const events = (await app.http.get(`/v1/requests/${req.id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    expect(events.map((e: { type: string }) => e.type)).toContain('delivery_failed');
    expect(events.map((e: { type: string }) => e.type)).not.toContain('correspondence');
    const request = await app.http.get(`/v1/requests/${req.id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(request.body.submission.delivery).toMatchObject({ status: 'failed', letterUndelivered: true });
    const notice = await app.db
      .knex('mail_messages')
      .where({ request_id: req.id, purpose: 'notification' })
      .where('subject', 'like', 'Not delivered%');
    expect(notice).toHaveLength(1);
    expect(notice[0].text_body).toContain('mailbox unknown');

    // The same bounce again (a provider's retry) changes nothing more.
    await deliver(dsn(req.messageId, 'failed', '5.1.1', '550 5.1.1 mailbox unknown')).expect(201);
    expect(await app.db.knex('request_events').where({ request_id: req.id, type: 'delivery_failed' })).toHaveLength(1);
  });

  it('when a notice only says delivery is delayed, then the letter stays sent', async () => {
    const req = await sentLetter('Delayed letter');
    const res = await deliver(dsn(req.messageId, 'delayed', '4.4.1', '421 try again later')).expect(201);
    expect(res.body.status).not.toBe('bounced');
    expect((await app.db.knex('mail_messages').where({ request_id: req.id, purpose: 'request' }).first()).status).toBe('sent');
  });

  it('when an out-of-office answer arrives, then it is filed as correspondence marked automatic and moves nothing', async () => {
    const req = await sentLetter('Out of office');
    const raw = await new MailComposer({
      from: 'foia@ice.example.gov',
      to: req.replyAddress,
      subject: 'Automatic reply: Public records request',
      text: 'I am out of the office until Monday.',
      date: new Date(),
    })
      .compile()
      .build();
    expect((await deliver(raw).expect(201)).body.status).toBe('matched');
    const events = (await app.http.get(`/v1/requests/${req.id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    expect(events.find((e: { type: string }) => e.type === 'correspondence').data.autoSubmitted).toBe('auto-replied');
    const request = await app.http.get(`/v1/requests/${req.id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(request.body.status).toBe('submitted');
  });
});
