import { runReminderSweep } from '../../server/monitoring/reminder-sweep';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;
let ice: string;
let minneapolis: string;

const FAST_JOBS = {
  JOBS_POLL_SECONDS: '0.5',
  MAIL_RETRY_DELAY_SECONDS: '1',
  MAIL_TIMEOUT_SECONDS: '2',
  JOBS_MAINTENANCE_SECONDS: '1',
  INBOUND_ADDRESS: 'records@newsroom.example.org',
  MAIL_FROM: 'Star Tribune Records Desk <desk@newsroom.example.org>',
};

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({ ...FAST_JOBS, SMTP_URL: sink.url, MAIL_MAX_ATTEMPTS: '3' });
  room = await createNewsroom(app, 'Star Tribune');
  ice = await addAgency(app, room, AGENCIES.ice);
  minneapolis = await addAgency(app, room, AGENCIES.minneapolis);
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});
beforeEach(() => {
  sink.mode = 'accept';
  sink.refuseRecipients.clear();
});

const submit = (id: string, body: object, key?: string) => {
  const req = app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter));
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

describe('submitting by email', () => {
  it('when the reporter changes the subject at submission, then the agency reads that subject and the filing seals it', async () => {
    const agency = await addAgency(app, room, {
      ...AGENCIES.ice,
      name: 'ICE FOIA (subject desk)',
      recordsEmail: 'foia-subject@ice.example.gov',
    });
    const { id, body } = await draft(app, room, agency);
    // The default subject is formal: the law and the records sought, never the internal title.
    expect((body.letter as { subject: string }).subject).toMatch(/^Freedom of Information Act request under 5 U\.S\.C\. § 552: /);
    expect((body.letter as { subject: string }).subject).not.toContain(body.title as string);
    const subject = 'FOIA request: the all-employee email of January 16, 2026';
    const res = await submit(id, { method: 'email', subject }).expect(200);
    expect(res.body.letter).toMatchObject({ subject, subjectEdited: true });

    const ofRequest = () => sink.to('foia-subject@ice.example.gov');
    expect(await eventually(() => ofRequest().length === 1)).toBe(true);
    expect(ofRequest()[0]!.parsed.subject).toBe(subject);
    const submitted = await app.db.knex('request_events').where({ request_id: id, type: 'submitted' }).first();
    expect(submitted.data.letter).toMatchObject({ subject, subjectEdited: true });
    expect((await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200)).body).toMatchObject({
      valid: true,
      request: { valid: true, filing: 'matches', differs: [] },
    });
  });

  it('when a draft is submitted, then the agency gets the letter once with a Message-ID and a per-request reply address', async () => {
    const { id, body } = await draft(app, room, ice);
    const res = await submit(id, { method: 'email' }).expect(200);
    expect(res.body.status).toBe('submitted');
    expect(res.body.submission).toMatchObject({ method: 'email', delivery: { status: 'queued' } });
    const replyAddress: string = res.body.submission.replyAddress;
    expect(replyAddress).toMatch(/^records\+[0-9a-f]{24}@newsroom\.example\.org$/);

    expect(await eventually(() => sink.to(AGENCIES.ice.recordsEmail).length > 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would have time to arrive
    const mails = sink.to(AGENCIES.ice.recordsEmail);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.parsed;
    expect(mail.subject).toBe((body.letter as { subject: string }).subject);
    expect(mail.text?.trim()).toBe((body.letter as { body: string }).body.trim());
    expect(mail.replyTo?.value[0]?.address).toBe(replyAddress);
    expect(mail.from?.value[0]).toMatchObject({ address: 'desk@newsroom.example.org', name: expect.stringContaining('reporter') });
    expect(mail.headers.get('x-records-request-id')).toBe(id);
    expect(mail.messageId).toMatch(/^<rt\.[0-9a-f-]{36}@newsroom\.example\.org>$/);

    const events = await app.db.knex('request_events').where({ request_id: id }).orderBy('seq');
    expect(events.map((e: { type: string }) => e.type)).toEqual(['submitted']);
    expect(events[0].data.messageId).toBe(mail.messageId);

    expect(
      await eventually(async () => {
        const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel));
        return read.body.submission.delivery.status === 'sent';
      }),
    ).toBe(true);
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).expect(200);
    const response = read.body.deadlines.find((d: { kind: string }) => d.kind === 'response');
    expect(response).toMatchObject({ statutory: true, status: 'open' });
    expect(response.basis).toContain('552');

    // The .eml sent is the one kept.
    const eml = await app.db.knex('attachments').where({ request_id: id, content_type: 'message/rfc822' }).first();
    expect(eml).toBeDefined();
    expect((await app.deps.files.read(eml.sha256)).toString()).toContain(mail.messageId!);
  });

  it('when a submitted request is submitted again, then 409 and nothing more is sent', async () => {
    const { id } = await draft(app, room, minneapolis);
    await submit(id, { method: 'email' }).expect(200);
    const res = await submit(id, { method: 'email' }).expect(409);
    expect(res.body.detail).toMatch(/already submitted/);
    expect(await eventually(() => sink.to(AGENCIES.minneapolis.recordsEmail).length >= 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.to(AGENCIES.minneapolis.recordsEmail).filter((m) => m.parsed.headers.get('x-records-request-id') === id)).toHaveLength(1);
  });

  it('when the same Idempotency-Key is sent twice, then one email goes out and the answer is replayed', async () => {
    const { id } = await draft(app, room, ice);
    const first = await submit(id, { method: 'email' }, `submit-${id}`).expect(200);
    const second = await submit(id, { method: 'email' }, `submit-${id}`).expect(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await eventually(() => sink.received.some((m) => m.parsed.headers.get('x-records-request-id') === id))).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === id)).toHaveLength(1);
    const reused = await submit(id, { method: 'portal' }, `submit-${id}`).expect(422);
    expect(reused.body.detail).toMatch(/different request/);
  });

  it('when create is retried with the same Idempotency-Key, then one request exists', async () => {
    const body = { agencyId: ice, title: 'Idempotent draft', recordsSought: 'Records.' };
    const a = await app.http
      .post('/v1/requests')
      .set(bearer(room.tokens.reporter))
      .set('Idempotency-Key', 'create-once-1')
      .send(body)
      .expect(201);
    const b = await app.http
      .post('/v1/requests')
      .set(bearer(room.tokens.reporter))
      .set('Idempotency-Key', 'create-once-1')
      .send(body)
      .expect(201);
    expect(b.body.id).toBe(a.body.id);
    const rows = await app.db.knex('requests').where({ title: 'Idempotent draft' });
    expect(rows).toHaveLength(1);
  });

  it('when SMTP refuses for a while, then the queued mail is delivered once it accepts again', async () => {
    sink.mode = 'reject';
    const { id } = await draft(app, room, ice, { title: 'Sent after an outage' });
    await submit(id, { method: 'email' }).expect(200);
    expect(await eventually(() => sink.dataStarted > 0 && sink.mode === 'reject', 5000)).toBe(true);
    expect(
      await eventually(async () => {
        const attempts = await app.db
          .knex('mail_attempts as a')
          .join('mail_messages as m', 'm.id', 'a.mail_id')
          .where('m.request_id', id)
          .where('a.outcome', 'failed');
        return attempts.length >= 1;
      }),
    ).toBe(true);
    sink.mode = 'accept';
    expect(await eventually(() => sink.received.some((m) => m.parsed.headers.get('x-records-request-id') === id), 20000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === id)).toHaveLength(1);
    const attempts = await app.db
      .knex('mail_attempts as a')
      .join('mail_messages as m', 'm.id', 'a.mail_id')
      .where('m.request_id', id)
      .orderBy('a.attempt')
      .select('a.outcome');
    expect(attempts.map((a: { outcome: string }) => a.outcome).slice(-1)).toEqual(['sent']);
    expect(attempts.some((a: { outcome: string }) => a.outcome === 'failed')).toBe(true);
  });

  it('when the agency refuses the recipient for good, then the request shows the failure at once, history records it and the assignee is told', async () => {
    const dead = await addAgency(app, room, { ...AGENCIES.ice, name: 'Agency with a dead inbox', recordsEmail: 'nobody@dead.example.gov' });
    sink.refuseRecipients.add('nobody@dead.example.gov');
    const { id } = await draft(app, room, dead, { title: 'Never delivered' });
    await submit(id, { method: 'email' }).expect(200);
    expect(
      await eventually(async () => {
        const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel));
        return read.body.submission.delivery.status === 'failed';
      }, 30000),
    ).toBe(true);
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(read.body.submission.delivery.error).toMatch(/550|mailbox/i);
    const events = await app.db.knex('request_events').where({ request_id: id }).orderBy('seq').select('type');
    expect(events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'delivery_failed']);
    const attempts = await app.db
      .knex('mail_attempts as a')
      .join('mail_messages as m', 'm.id', 'a.mail_id')
      .where('m.request_id', id)
      .where('m.purpose', 'request');
    // A 550 at RCPT is permanent: no retry, whatever MAIL_MAX_ATTEMPTS allows.
    expect(attempts).toHaveLength(1);
    const reporterEmail = (await app.db.knex('users').where({ id: room.userIds.reporter }).first()).email;
    expect(await eventually(() => sink.to(reporterEmail).some((m) => m.parsed.subject === 'Not delivered: Never delivered'))).toBe(true);
  });
});

describe('filing again after the email failed for good', () => {
  afterEach(() => app.setNow(undefined));

  /** A new newsroom's request, emailed on Friday 16 January 2026 to an address that refuses it, once every attempt has failed. */
  async function bounced(newsroomName: string, deadAddress: string, title: string) {
    const newsroom = await createNewsroom(app, newsroomName);
    const as = (role: keyof Newsroom['tokens']) => bearer(newsroom.tokens[role]);
    const agency = (
      await app.http
        .post('/v1/agencies')
        .set(as('reporter'))
        .send({ ...AGENCIES.ice, recordsEmail: deadAddress })
        .expect(201)
    ).body.id as string;
    sink.refuseRecipients.add(deadAddress);
    const { id } = await draft(app, newsroom, agency, { title });
    app.setNow(new Date('2026-01-16T10:00:00-05:00'));
    const submitted = await app.http.post(`/v1/requests/${id}/submit`).set(as('reporter')).send({ method: 'email' }).expect(200);
    expect(
      await eventually(
        async () => (await app.http.get(`/v1/requests/${id}`).set(as('counsel'))).body.submission.delivery.letterUndelivered === true,
        30000,
      ),
    ).toBe(true);
    return { newsroom, as, agency, id, submitted };
  }

  it('when the letter never arrived, then its deadlines remind nobody; resent to a corrected address, they count from the new filing', async () => {
    const { newsroom, as, agency, id, submitted } = await bounced('Bounce Gazette', 'foia-old@ice.example.gov', 'Detention contracts');
    // Emailed Friday 16 January 2026: response due Tuesday 17 February.
    expect(submitted.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate).toBe('2026-02-17');

    const stored = await app.db.knex('deadlines').where({ request_id: id }).select('kind', 'next_reminder_on');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((d: { next_reminder_on: unknown }) => d.next_reminder_on === null)).toBe(true);
    const dash = await app.http.get('/v1/dashboard').set(as('editor')).expect(200);
    expect(dash.body.counts.undeliveredLetters).toBe(1);
    // The dashboard's count opens as a list of exactly those requests.
    const listed = await app.http.get('/v1/requests?undelivered=true').set(as('editor')).expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const others = await app.http.get('/v1/requests?undelivered=false').set(as('editor')).expect(200);
    expect(others.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const reporterEmail = (await app.db.knex('users').where({ id: newsroom.userIds.reporter }).first()).email as string;
    expect(await eventually(() => sink.to(reporterEmail).some((m) => m.parsed.subject === 'Not delivered: Detention contracts'))).toBe(
      true,
    );
    const told = sink.to(reporterEmail).find((m) => m.parsed.subject === 'Not delivered: Detention contracts')!.parsed.text!;
    expect(told).toContain(`/v1/requests/${id}/resubmit`);
    expect(told).toContain('send no reminders');

    // Changing the newsroom's lead days re-plans reminders, but not these.
    await app.http.patch('/v1/organization/settings').set(as('admin')).send({ reminderLeadDays: 3 }).expect(200);
    const replanned = await app.db.knex('deadlines').where({ request_id: id }).select('next_reminder_on');
    expect(replanned.every((d: { next_reminder_on: unknown }) => d.next_reminder_on === null)).toBe(true);

    // Weeks pass: no reminder, no overdue follow-up for a request the agency never got.
    app.setNow(new Date('2026-02-20T15:00:00Z'));
    await runReminderSweep(app.deps);
    expect(Number((await app.db.knex('reminder_log').where({ request_id: id }).count({ n: '*' }).first())!.n)).toBe(0);
    expect(Number((await app.db.knex('follow_ups').where({ request_id: id }).count({ n: '*' }).first())!.n)).toBe(0);

    // Only writers of the same newsroom may file again.
    await app.http.post(`/v1/requests/${id}/resubmit`).set(as('counsel')).send({ method: 'email' }).expect(403);
    await app.http.post(`/v1/requests/${id}/resubmit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(404);

    // The reporter corrects the address and resends on Monday 2 February: 20 working days later is Tuesday 3 March.
    await app.http.patch(`/v1/agencies/${agency}`).set(as('reporter')).send({ recordsEmail: 'foia@ice.example.gov' }).expect(200);
    app.setNow(new Date('2026-02-02T09:00:00-05:00'));
    const again = await app.http
      .post(`/v1/requests/${id}/resubmit`)
      .set(as('reporter'))
      .set('Idempotency-Key', `resend-${id}`)
      .send({ method: 'email' })
      .expect(200);
    expect(again.body.submission).toMatchObject({
      method: 'email',
      submittedAt: '2026-02-02T14:00:00.000Z',
      delivery: { status: 'queued', error: null, letterUndelivered: false },
    });
    expect(again.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate).toBe('2026-03-03');
    const replay = await app.http
      .post(`/v1/requests/${id}/resubmit`)
      .set(as('reporter'))
      .set('Idempotency-Key', `resend-${id}`)
      .send({ method: 'email' })
      .expect(200);
    expect(replay.body.updatedAt).toBe(again.body.updatedAt);

    const copies = () => sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === id);
    expect(await eventually(() => copies().length === 1, 20000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(copies()).toHaveLength(1);
    expect(copies()[0]!.envelopeTo).toEqual(['foia@ice.example.gov']);
    const rearmed = await app.db.knex('deadlines').where({ request_id: id, kind: 'response' }).first();
    expect(rearmed.next_reminder_on).not.toBeNull();

    const events = (await app.http.get(`/v1/requests/${id}/events`).set(as('counsel')).expect(200)).body.items as Array<{
      type: string;
      data: Record<string, unknown>;
    }>;
    expect(events.map((e) => e.type)).toEqual(['submitted', 'delivery_failed', 'submitted']);
    expect(events[2]!.data).toMatchObject({ method: 'email', resubmission: true, to: ['foia@ice.example.gov'] });
    // Both filings seal the same request; the latest is the one compared last.
    expect((await app.http.get(`/v1/requests/${id}/history/verify`).set(as('counsel')).expect(200)).body).toMatchObject({
      valid: true,
      request: { valid: true, filing: 'matches', sealedSeq: 3, differs: [] },
    });
    expect((await app.http.get('/v1/dashboard').set(as('editor')).expect(200)).body.counts.undeliveredLetters).toBe(0);

    // Delivered now: nothing to file again.
    const twice = await app.http.post(`/v1/requests/${id}/resubmit`).set(as('reporter')).send({ method: 'email' }).expect(409);
    expect(twice.headers['content-type']).toMatch(/problem\+json/);
  });

  it('when the email bounced and the reporter filed on the portal instead, then that filing is recorded and starts the clock', async () => {
    const { as, id } = await bounced('Portal Times', 'gone@ice.example.gov', 'Bounced then filed online');

    app.setNow(new Date('2026-02-03T12:00:00-05:00'));
    const early = await app.http
      .post(`/v1/requests/${id}/resubmit`)
      .set(as('reporter'))
      .send({ method: 'portal', submittedAt: '2026-01-15T12:00:00-05:00' })
      .expect(400);
    expect(early.body.errors[0].field).toBe('submittedAt');
    // A second filing files the letter as it was: its subject cannot change.
    const retitled = await app.http
      .post(`/v1/requests/${id}/resubmit`)
      .set(as('reporter'))
      .send({ method: 'portal', subject: 'Another subject' })
      .expect(400);
    expect(retitled.body.errors[0].field).toBe('subject');
    const filed = await app.http
      .post(`/v1/requests/${id}/resubmit`)
      .set(as('reporter'))
      .send({ method: 'portal', submittedAt: '2026-02-02T09:00:00-05:00', trackingNumber: '2026-ICFO-777' })
      .expect(200);
    expect(filed.body.submission).toMatchObject({
      method: 'portal',
      trackingNumber: '2026-ICFO-777',
      delivery: { status: null, letterUndelivered: false },
    });
    expect(filed.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate).toBe('2026-03-03');
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === id)).toHaveLength(0);
  });

  it('when a request was delivered, or is still a draft, then there is nothing to file again: 409', async () => {
    const { id } = await draft(app, room, ice);
    const a = await app.http.post(`/v1/requests/${id}/resubmit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(409);
    expect(a.body.detail).toMatch(/draft/);
    await submit(id, { method: 'portal' }).expect(200);
    const b = await app.http.post(`/v1/requests/${id}/resubmit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(409);
    expect(b.body.detail).toMatch(/undelivered/);
  });

  it('when the agency answered while the email was still being retried, then its final failure leaves the deadlines running', async () => {
    const newsroom = await createNewsroom(app, 'Answered Early');
    const as = (role: keyof Newsroom['tokens']) => bearer(newsroom.tokens[role]);
    const agency = (
      await app.http
        .post('/v1/agencies')
        .set(as('reporter'))
        .send({ ...AGENCIES.ice, recordsEmail: 'slow-bounce@ice.example.gov' })
        .expect(201)
    ).body.id as string;
    sink.refuseRecipients.add('slow-bounce@ice.example.gov');
    const { id } = await draft(app, newsroom, agency);
    await app.http.post(`/v1/requests/${id}/submit`).set(as('reporter')).send({ method: 'email' }).expect(200);
    // The agency phones to acknowledge before the last attempt has failed.
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(as('reporter'))
      .send({ type: 'acknowledged', occurredAt: new Date().toISOString(), data: {} })
      .expect(201);
    expect(
      await eventually(
        async () => (await app.http.get(`/v1/requests/${id}`).set(as('counsel'))).body.submission.delivery.status === 'failed',
        30000,
      ),
    ).toBe(true);
    const read = await app.http.get(`/v1/requests/${id}`).set(as('counsel')).expect(200);
    expect(read.body.submission.delivery.letterUndelivered).toBe(false);
    const armed = await app.db.knex('deadlines').where({ request_id: id, status: 'open' }).select('next_reminder_on');
    expect(armed.some((d: { next_reminder_on: unknown }) => d.next_reminder_on !== null)).toBe(true);
  });

  it('when the agency answers a request whose email bounced, then it evidently has it and reminders resume', async () => {
    const { as, id } = await bounced('Answered Anyway', 'bounce@ice.example.gov', 'Answered anyway');
    app.setNow(new Date('2026-01-21T09:00:00-05:00'));
    const ack = await app.http
      .post(`/v1/requests/${id}/events`)
      .set(as('reporter'))
      .send({ type: 'acknowledged', occurredAt: '2026-01-20T09:00:00-05:00', data: { trackingNumber: 'ACK-1' } })
      .expect(201);
    expect(ack.body.status).toBe('acknowledged');
    const read = await app.http.get(`/v1/requests/${id}`).set(as('counsel')).expect(200);
    expect(read.body.submission.delivery.letterUndelivered).toBe(false);
    const armed = await app.db.knex('deadlines').where({ request_id: id, status: 'open' }).select('next_reminder_on');
    expect(armed.some((d: { next_reminder_on: unknown }) => d.next_reminder_on !== null)).toBe(true);
    await app.http.post(`/v1/requests/${id}/resubmit`).set(as('reporter')).send({ method: 'email' }).expect(409);
  });
});

describe('submitting another way', () => {
  it('when filed through a portal last week, then no email is sent and deadlines count from that day', async () => {
    const { id } = await draft(app, room, ice, { title: 'Filed on the portal' });
    const res = await submit(id, { method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00', trackingNumber: '2026-ICFO-12345' }).expect(
      200,
    );
    expect(res.body.submission).toMatchObject({
      method: 'portal',
      trackingNumber: '2026-ICFO-12345',
      replyAddress: null,
      delivery: { status: null },
    });
    const response = res.body.deadlines.find((d: { kind: string }) => d.kind === 'response');
    expect(response.dueDate).toBe('2026-02-17');
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === id)).toHaveLength(0);
  });

  it('when email is asked with a past submittedAt, or a time in the future, then 400', async () => {
    const { id } = await draft(app, room, ice);
    const a = await submit(id, { method: 'email', submittedAt: '2026-01-16T10:00:00Z' }).expect(400);
    expect(a.body.errors[0].field).toBe('submittedAt');
    const b = await submit(id, { method: 'mail', submittedAt: '2999-01-01T00:00:00Z' }).expect(400);
    expect(b.body.errors[0].field).toBe('submittedAt');
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(read.body.status).toBe('draft');
  });

  it('when the agency has no records email, then email submission is 409', async () => {
    const noEmail = await addAgency(app, room, { ...AGENCIES.ice, name: 'Agency without email', recordsEmail: null });
    const { id } = await draft(app, room, noEmail);
    const res = await submit(id, { method: 'email' }).expect(409);
    expect(res.body.detail).toMatch(/no records email/);
  });
});
