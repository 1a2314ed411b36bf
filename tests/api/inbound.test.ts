import fc from 'fast-check';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { type DomainKey, domainKey, fakeDns, signed } from '../support/sender-dns';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, OPERATOR_TOKEN, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

const SECRET = 'inbound-secret-for-tests-0123';
let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;
let ice: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({
    SMTP_URL: sink.url,
    INBOUND_SECRET: SECRET,
    INBOUND_ADDRESS: 'records@newsroom.example.org',
    JOBS_POLL_SECONDS: '0.5',
    INBOUND_MAX_BYTES: String(256 * 1024),
  });
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});

async function compose(m: {
  from: string;
  to: string;
  subject: string;
  text: string;
  inReplyTo?: string;
  messageId?: string;
  attachments?: Array<{ filename: string; content: Buffer }>;
}): Promise<Buffer> {
  return new MailComposer({ ...m, date: new Date() }).compile().build();
}

const signAs = async (key: DomainKey, m: Parameters<typeof compose>[0]) => signed(await compose(m), key);

const deliver = (raw: Buffer | string, secret = SECRET, type = 'message/rfc822') =>
  app.http.post('/v1/inbound/email').set('Authorization', `Bearer ${secret}`).set('Content-Type', type).send(raw);

async function emailedRequest(title: string, trackingNumber?: string): Promise<{ id: string; replyAddress: string; messageId: string }> {
  const { id } = await draft(app, room, ice, { title });
  const res = await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'email', ...(trackingNumber ? { trackingNumber } : {}) })
    .expect(200);
  const sent = await app.db.knex('mail_messages').where({ request_id: id, purpose: 'request' }).first();
  return { id, replyAddress: res.body.submission.replyAddress, messageId: sent.message_id };
}

/** The "agency replied" email queued for the assignee, in the same transaction that filed the reply. */
async function notificationText(requestId: string): Promise<string> {
  const row = await app.db
    .knex('mail_messages')
    .where({ request_id: requestId, purpose: 'notification' })
    .orderBy('created_at', 'desc')
    .first('text_body');
  return row.text_body as string;
}

async function eventsOf(id: string) {
  return (await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items as Array<{
    type: string;
    data: Record<string, unknown>;
    attachments: Array<{ filename: string; contentType: string }>;
  }>;
}

describe('agency email coming in', () => {
  it('when the agency replies to the request’s reply address, then it is filed with its attachments and the assignee is told', async () => {
    const req = await emailedRequest('Reply address route');
    const raw = await compose({
      from: 'FOIA Office <foia@ice.example.gov>',
      to: req.replyAddress,
      subject: 'Re: your request',
      text: 'We received your request; estimated fee is $25.',
      attachments: [
        { filename: 'acknowledgment.pdf', content: PDF },
        { filename: 'invoice.pdf.exe', content: EXE },
      ],
    });
    const res = await deliver(raw).expect(201);
    expect(res.body).toMatchObject({ status: 'matched', requestId: req.id, matchedBy: 'reply_address' });
    const events = await eventsOf(req.id);
    const mail = events.find((e) => e.type === 'correspondence')!;
    expect(mail.data).toMatchObject({ direction: 'in', channel: 'email', from: 'foia@ice.example.gov', matchedBy: 'reply_address' });
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['message/rfc822', 'application/pdf']);
    expect(mail.data.refusedAttachments).toEqual([{ filename: 'invoice.pdf.exe', reason: expect.stringMatching(/not accepted/) }]);
    const reporter = await app.db.knex('users').where({ id: room.userIds.reporter }).first();
    expect(await eventually(() => sink.to(reporter.email).some((m) => m.parsed.subject === 'Agency replied: Reply address route'))).toBe(
      true,
    );
  });

  it('when the reply only carries In-Reply-To, then it is matched by the Message-ID we sent', async () => {
    const req = await emailedRequest('In-Reply-To route');
    const res = await deliver(
      await compose({
        from: 'foia@ice.example.gov',
        to: 'records@newsroom.example.org',
        subject: 'Re: request',
        text: 'Acknowledged.',
        inReplyTo: req.messageId,
      }),
    ).expect(201);
    expect(res.body).toMatchObject({ status: 'matched', requestId: req.id, matchedBy: 'in_reply_to' });
    const text = await notificationText(req.id);
    expect(text).toContain('matched by the In-Reply-To header of the letter we sent');
    expect(text).not.toMatch(/reply_to|in reply to\)/);
  });

  it('when only the tracking number is in the subject, then it matches if the sender is the agency’s domain, authenticated', async () => {
    const key = domainKey('ice.example.gov');
    app.deps.dnsResolver = fakeDns(key.records);
    const req = await emailedRequest('Tracking route', '2026-ICFO-77731');
    const stranger = await deliver(
      await compose({
        from: 'someone@elsewhere.example.com',
        to: 'records@newsroom.example.org',
        subject: 'About 2026-ICFO-77731',
        text: 'hi',
      }),
    ).expect(201);
    expect(stranger.body.status).toBe('unmatched');
    const fromAgency = await compose({
      from: 'processing@ice.example.gov',
      to: 'records@newsroom.example.org',
      subject: 'FOIA 2026-ICFO-77731: interim release',
      text: 'Attached.',
    });
    // The agency's From without its signature could be anyone's: it waits, saying why.
    const forged = await deliver(fromAgency).expect(201);
    expect(forged.body.status).toBe('unmatched');
    const inbox = await app.http.get('/v1/inbound/unmatched').set(bearer(room.tokens.editor)).expect(200);
    expect(inbox.body.items.find((m: { id: string }) => m.id === forged.body.inboundId).reason).toMatch(
      /tracking number.*sender not verified/,
    );
    const agency = await deliver(
      await signed(Buffer.from(fromAgency.toString().replace(/Message-ID: <[^>]+>/i, 'Message-ID: <signed-77731@ice.example.gov>')), key),
    ).expect(201);
    expect(agency.body).toMatchObject({ status: 'matched', requestId: req.id, matchedBy: 'tracking_number' });
    app.deps.dnsResolver = fakeDns();
  });

  it('when nothing matches, then it waits in the unmatched inbox until an editor files it', async () => {
    const req = await emailedRequest('Manual route');
    const res = await deliver(
      await compose({
        from: 'clerk@ice.example.gov',
        to: 'records@newsroom.example.org',
        subject: 'Your records',
        text: 'See attached.',
        attachments: [{ filename: 'records.pdf', content: PDF }],
      }),
    ).expect(201);
    expect(res.body.status).toBe('unmatched');
    const inbox = await app.http.get('/v1/inbound/unmatched').set(bearer(room.tokens.editor)).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(res.body.inboundId);
    await app.http.get('/v1/inbound/unmatched').set(bearer(room.tokens.reporter)).expect(403);
    const filed = await app.http
      .post(`/v1/inbound/unmatched/${res.body.inboundId}/assign`)
      .set(bearer(room.tokens.editor))
      .send({ requestId: req.id })
      .expect(201);
    expect(filed.body).toMatchObject({ status: 'matched', requestId: req.id, matchedBy: 'manual' });
    const text = await notificationText(req.id);
    expect(text).toContain('filed by hand from the unmatched inbox');
    expect(text).not.toContain('matched by manual');
    const events = await eventsOf(req.id);
    expect(events.filter((e) => e.type === 'correspondence')).toHaveLength(1);
    await app.http
      .post(`/v1/inbound/unmatched/${res.body.inboundId}/assign`)
      .set(bearer(room.tokens.editor))
      .send({ requestId: req.id })
      .expect(409);
    const after = await app.http.get('/v1/inbound/unmatched').set(bearer(room.tokens.editor)).expect(200);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.inboundId);
  });

  it('when the same message is delivered twice, then it is filed once', async () => {
    const req = await emailedRequest('Duplicate delivery');
    const raw = await compose({
      from: 'foia@ice.example.gov',
      to: req.replyAddress,
      subject: 'Re',
      text: 'Once.',
      messageId: '<dup-1@ice.example.gov>',
    });
    await deliver(raw).expect(201);
    const again = await deliver(raw).expect(200);
    expect(again.body.status).toBe('duplicate');
    expect((await eventsOf(req.id)).filter((e) => e.type === 'correspondence')).toHaveLength(1);
  });

  it('when the secret is wrong or missing, or the type is not a message, then 401 or 415 and nothing is stored', async () => {
    const raw = await compose({ from: 'x@ice.example.gov', to: 'records@newsroom.example.org', subject: 's', text: 't' });
    await deliver(raw, 'wrong-secret-wrong-secret').expect(401);
    await app.http.post('/v1/inbound/email').set('Content-Type', 'message/rfc822').send(raw).expect(401);
    await app.http
      .post('/v1/inbound/email')
      .set('Authorization', `Bearer ${room.tokens.admin}`)
      .set('Content-Type', 'message/rfc822')
      .send(raw)
      .expect(401);
    await deliver('{"a":1}', SECRET, 'application/json').expect(415);
  });

  it('when the message is huge or not an email, then a clear 4xx and nothing half-stored', async () => {
    const count = async () =>
      Number((await app.db.knex('inbound_messages').count<{ count: number }[]>('* as count'))[0]!.count) +
      Number((await app.db.knex('request_events').count<{ count: number }[]>('* as count'))[0]!.count);
    const before = await count();
    await deliver(Buffer.concat([Buffer.from('From: a@b.example\r\nSubject: big\r\n\r\n'), Buffer.alloc(300 * 1024, 65)])).expect(413);
    const notMail = await deliver('just some words without headers').expect(400);
    expect(notMail.body.detail).toMatch(/RFC 822/);
    const noFrom = await deliver('Subject: hello\r\nTo: records@newsroom.example.org\r\n\r\nbody').expect(400);
    expect(noFrom.body.detail).toMatch(/From/);
    expect(await count()).toBe(before);
  });

  it('when malformed MIME of every shape arrives, then every answer is 2xx or 4xx, never 5xx', async () => {
    const valid = (
      await compose({
        from: 'foia@ice.example.gov',
        to: 'records@newsroom.example.org',
        subject: 'Mixed',
        text: 'Body',
        attachments: [{ filename: 'a.pdf', content: PDF }],
      })
    ).toString('latin1');
    const mutated = fc
      .tuple(fc.nat(valid.length), fc.nat(200), fc.string({ maxLength: 40 }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    const headerish = fc
      .array(
        fc.tuple(
          fc.constantFrom('From', 'To', 'Content-Type', 'Content-Transfer-Encoding', 'Subject', 'MIME-Version', 'X'),
          fc.string({ maxLength: 60 }),
        ),
        { maxLength: 8 },
      )
      .chain((headers) =>
        fc.string({ maxLength: 300 }).map((body) => `${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`),
      );
    const boundaries = fc.constantFrom(
      'From: a@ice.example.gov\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nunterminated',
      'From: a@ice.example.gov\r\nContent-Type: multipart/mixed\r\n\r\n--\r\n--\r\n',
      'From: a@ice.example.gov\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!not base64!!!!',
      'From: =?utf-8?B?####?= <a@ice.example.gov>\r\nSubject: =?x-unknown?Q?=ZZ?=\r\n\r\nb',
      `From: a@ice.example.gov\r\nContent-Type: multipart/mixed; boundary="${'b'.repeat(500)}"\r\n\r\n`,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, headerish, boundaries, fc.string({ maxLength: 200 })), async (raw) => {
        const res = await deliver(Buffer.from(raw, 'latin1'));
        if (res.status >= 500) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  });

  it('when the Date header is a minute or two ahead of our clock, then the email is filed as arriving now, never after it was recorded', async () => {
    const req = await emailedRequest('Fast sender clock');
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    app.setNow(now);
    try {
      for (const [ahead, label] of [
        [120_000, 'fast clock'],
        [7_200_000, 'far ahead'],
      ] as const) {
        const raw = await new MailComposer({
          from: 'foia@ice.example.gov',
          to: req.replyAddress,
          subject: `Re: ${label}`,
          text: 'Update.',
          date: new Date(now.getTime() + ahead),
        })
          .compile()
          .build();
        await deliver(raw).expect(201);
      }
      const events = (await app.http.get(`/v1/requests/${req.id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body
        .items as Array<{ type: string; occurredAt: string; recordedAt: string }>;
      const filed = events.filter((e) => e.type === 'correspondence');
      expect(filed).toHaveLength(2);
      for (const e of filed)
        expect({ occurredAt: Date.parse(e.occurredAt), recordedAt: Date.parse(e.recordedAt) }).toEqual({
          occurredAt: now.getTime(),
          recordedAt: now.getTime(),
        });
    } finally {
      app.setNow(undefined);
    }
  });

  it('when the operator routes mail no newsroom could be picked for, then that newsroom’s editors see it', async () => {
    await createNewsroom(app); // two newsrooms now: an unknown sender cannot be attributed
    const res = await deliver(
      await compose({
        from: 'press@unknown-agency.example.gov',
        to: 'records@newsroom.example.org',
        subject: 'Hello',
        text: 'Who is this for?',
      }),
    ).expect(201);
    const editorView = await app.http.get('/v1/inbound/unmatched').set(bearer(room.tokens.editor)).expect(200);
    expect(editorView.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.inboundId);
    const operatorView = await app.http.get('/v1/inbound/unmatched').set(bearer(OPERATOR_TOKEN)).expect(200);
    expect(operatorView.body.items.map((i: { id: string }) => i.id)).toContain(res.body.inboundId);
    await app.http
      .post(`/v1/inbound/unmatched/${res.body.inboundId}/organization`)
      .set(bearer(OPERATOR_TOKEN))
      .send({ organizationId: room.orgId })
      .expect(204);
    const routed = await app.http.get('/v1/inbound/unmatched').set(bearer(room.tokens.editor)).expect(200);
    expect(routed.body.items.map((i: { id: string }) => i.id)).toContain(res.body.inboundId);
  });
});

describe('what inbound matching must not do', () => {
  async function notificationOf(requestId: string): Promise<string> {
    const row = await app.db
      .knex('mail_messages')
      .where({ request_id: requestId, direction: 'outbound', purpose: 'notification' })
      .first('message_id');
    return (row as { message_id: string }).message_id;
  }

  it('when someone replies to a notification we sent the assignee (or an auto-reply answers it), then it is not filed as agency correspondence', async () => {
    const req = await emailedRequest('Notification reply route');
    await deliver(
      await compose({ from: 'foia@ice.example.gov', to: req.replyAddress, subject: 'Re: your request', text: 'Received.' }),
    ).expect(201);
    const notification = await notificationOf(req.id);
    const reporter = await app.db.knex('users').where({ id: room.userIds.reporter }).first();
    const human = await deliver(
      await compose({
        from: reporter.email,
        to: 'records@newsroom.example.org',
        subject: 'Re: Agency replied',
        text: 'Thanks!',
        inReplyTo: notification,
      }),
    ).expect(201);
    expect(human.body.status).toBe('unmatched');
    const auto = await new MailComposer({
      from: reporter.email,
      to: 'records@newsroom.example.org',
      subject: 'Automatic reply: Agency replied',
      text: 'I am out of the office.',
      inReplyTo: notification,
      references: [notification],
      headers: { 'Auto-Submitted': 'auto-replied' },
      date: new Date(),
    })
      .compile()
      .build();
    expect((await deliver(auto).expect(201)).body.status).toBe('unmatched');
    expect((await eventsOf(req.id)).filter((e) => e.type === 'correspondence')).toHaveLength(1);
  });

  it('when an agency auto-acknowledges our letter, then it is still filed, marked as automatic', async () => {
    const req = await emailedRequest('Agency auto-acknowledgment');
    const raw = await new MailComposer({
      from: 'foia@ice.example.gov',
      to: 'records@newsroom.example.org',
      subject: 'Automatic reply: FOIA request',
      text: 'Your request was received.',
      inReplyTo: req.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
      date: new Date(),
    })
      .compile()
      .build();
    const res = await deliver(raw).expect(201);
    expect(res.body).toMatchObject({ status: 'matched', requestId: req.id, matchedBy: 'in_reply_to' });
    const filed = (await eventsOf(req.id)).find((e) => e.type === 'correspondence')!;
    expect(filed.data.autoSubmitted).toBe('auto-replied');
  });

  it('when a tracking number is only part of a longer one in the subject, then it does not match; the whole number does', async () => {
    const short = await emailedRequest('Short tracking number', 'TN-4321');
    const long = await emailedRequest('Long tracking number', 'TN-43210');
    // Signed by the agency's domain: the tracking-number route files only an authenticated sender.
    const key = domainKey('ice.example.gov');
    app.deps.dnsResolver = fakeDns(key.records);
    const toLong = await deliver(
      await signAs(key, {
        from: 'processing@ice.example.gov',
        to: 'records@newsroom.example.org',
        subject: 'Re: TN-43210 interim release',
        text: 'x',
      }),
    ).expect(201);
    expect(toLong.body).toMatchObject({ status: 'matched', requestId: long.id, matchedBy: 'tracking_number' });
    for (const subject of ['Re: TN-43219', 'Re: XTN-4321', 'Re: TN-4321a']) {
      const res = await deliver(
        await signAs(key, { from: 'processing@ice.example.gov', to: 'records@newsroom.example.org', subject, text: 'x' }),
      ).expect(201);
      expect([subject, res.body.status]).toEqual([subject, 'unmatched']);
    }
    const toShort = await deliver(
      await signAs(key, {
        from: 'processing@ice.example.gov',
        to: 'records@newsroom.example.org',
        subject: 'FOIA (TN-4321): final',
        text: 'x',
      }),
    ).expect(201);
    expect(toShort.body).toMatchObject({ status: 'matched', requestId: short.id, matchedBy: 'tracking_number' });
    app.deps.dnsResolver = fakeDns();
  });

  it('when a long subject is cut in the middle of an emoji, then the message is filed and the chain still verifies', async () => {
    const req = await emailedRequest('Emoji subject');
    // 'x' + 600 emoji: the 1,000-unit subject limit falls inside one; without the 'x', the 500-unit summary limit does.
    for (const subject of [`x${'😀'.repeat(600)}`, '😀'.repeat(600)]) {
      const res = await deliver(await compose({ from: 'foia@ice.example.gov', to: req.replyAddress, subject, text: 'Body 😀' })).expect(
        201,
      );
      expect(res.body.status).toBe('matched');
    }
    const events = await eventsOf(req.id);
    for (const e of events) expect((e as { summary?: string }).summary ?? '').not.toMatch(/\uFFFD/);
    const verdict = await app.http.get(`/v1/requests/${req.id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(verdict.body).toMatchObject({ valid: true, firstBrokenSeq: null });
  });
});
