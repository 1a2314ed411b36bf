import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';
import { runReminderSweep } from '../../server/monitoring/reminder-sweep';
import { runDigests } from '../../server/monitoring/digest';
import { processPendingFollowUps } from '../../server/monitoring/follow-up-worker';

// A federal request received Monday 10 August 2026 is due Tuesday 8 September
// (20 working days; Monday 7 September is Labor Day). With the default lead of
// two business days its reminders fall on Thursday 3 September (Friday 4 is one
// day before, Monday 7 a holiday), on Tuesday 8, and, overdue, on Wednesday 9,
// each at 08:00 in the agency's zone (New York).

let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;
let ice: string;
let reporterEmail: string;

const at = (iso: string) => app.setNow(new Date(iso));
const sweep = (opts = {}) => runReminderSweep(app.deps, opts);

async function filed(receivedAt: string, title: string, assignee?: string): Promise<string> {
  at(receivedAt);
  const { id } = await draft(app, room, ice, { title, ...(assignee ? { assigneeId: assignee } : {}) });
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: receivedAt })
    .expect(200);
  return id;
}

const mailsTo = (address: string, subjectPart: string) => sink.to(address).filter((m) => (m.parsed.subject ?? '').includes(subjectPart));

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({ SMTP_URL: sink.url, JOBS_POLL_SECONDS: '0.5' });
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
  reporterEmail = (await app.db.knex('users').where({ id: room.userIds.reporter }).first()).email;
});
afterAll(async () => {
  app.setNow(undefined);
  await app.close();
  await sink.stop();
});

describe('reminders', () => {
  it('when days pass across a weekend and a holiday, then the before, due and overdue reminders come on the right local dates, once each', async () => {
    const id = await filed('2026-08-10T10:00:00-04:00', 'Labor Day deadline');
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(read.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate).toBe('2026-09-08');

    const timeline: Array<[string, number]> = [
      ['2026-09-02T16:00:00Z', 0], // Wed
      ['2026-09-03T11:59:00Z', 0], // Thu 07:59 New York: before the reminder hour
      ['2026-09-03T12:01:00Z', 1], // Thu 08:01: two business days before
      ['2026-09-03T18:00:00Z', 0], // again the same day
      ['2026-09-04T13:00:00Z', 0], // Fri
      ['2026-09-05T13:00:00Z', 0], // Sat
      ['2026-09-07T13:00:00Z', 0], // Labor Day
      ['2026-09-08T12:30:00Z', 1], // Tue: due today
      ['2026-09-08T20:00:00Z', 0],
      ['2026-09-09T12:30:00Z', 1], // Wed: first business day overdue
      ['2026-09-10T12:30:00Z', 0],
      ['2026-09-21T12:30:00Z', 0],
    ];
    let before = 0;
    for (const [when, expected] of timeline) {
      at(when);
      await sweep();
      const logged = (await app.db.knex('reminder_log').where({ request_id: id })).length;
      expect({ when, sent: logged - before }).toEqual({ when, sent: expected });
      before = logged;
    }
    const log = await app.db.knex('reminder_log').where({ request_id: id }).orderBy('sent_at').select('reminder_kind', 'due_date');
    expect(log.map((l: { reminder_kind: string }) => l.reminder_kind)).toEqual(['before', 'due', 'overdue']);

    expect(await eventually(() => mailsTo(reporterEmail, 'Labor Day deadline').length === 3)).toBe(true);
    // Concurrent mail workers may deliver in any order; the reminder_log above holds the order.
    const subjects = mailsTo(reporterEmail, 'Labor Day deadline')
      .map((m) => m.parsed.subject)
      .sort();
    expect(subjects).toEqual([
      'Due 2026-09-08: Labor Day deadline',
      'Due today: Labor Day deadline',
      'Overdue since 2026-09-08: Labor Day deadline',
    ]);
    const overdueMail = mailsTo(reporterEmail, 'Overdue since')[0]!.parsed.text ?? '';
    expect(overdueMail).toMatch(/follow-up letter citing the missed date is being prepared; review and send it/);
    // The link opens the web app's request page, not the JSON API.
    expect(overdueMail).toContain(`${app.deps.config.publicUrl}/requests/${id}\n`);
    expect(overdueMail).not.toContain('/v1/requests/');

    const pending = await app.http.get(`/v1/requests/${id}/follow-ups`).set(bearer(room.tokens.counsel)).expect(200);
    expect(pending.body.items).toMatchObject([{ missedDueDate: '2026-09-08', status: 'pending', body: null }]);
    expect(await processPendingFollowUps(app.deps)).toBeGreaterThanOrEqual(1);
    const followUps = await app.http.get(`/v1/requests/${id}/follow-ups`).set(bearer(room.tokens.counsel)).expect(200);
    expect(followUps.body.items).toHaveLength(1);
    expect(followUps.body.items[0]).toMatchObject({ missedDueDate: '2026-09-08', status: 'drafted' });
    expect(followUps.body.items[0].body).toMatch(/September 8, 2026|2026-09-08/);
    expect(followUps.body.items[0].body).toContain('552');
  });

  it('when an extension moves the deadline, then fresh reminders come for the new date', async () => {
    const id = await filed('2026-08-10T10:00:00-04:00', 'Extended deadline');
    at('2026-09-03T12:30:00Z');
    await sweep();
    expect(await app.db.knex('reminder_log').where({ request_id: id })).toHaveLength(1);
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'extension_claimed', occurredAt: '2026-09-03T08:00:00-04:00', data: { days: 10 } })
      .expect(201);
    // 10 working days after Tue 8 Sep: 9–11 (3), 14–18 (8), 21–22 (10) → Tue 22 Sep; before-reminder Fri 18.
    at('2026-09-08T12:30:00Z');
    await sweep();
    expect(await app.db.knex('reminder_log').where({ request_id: id })).toHaveLength(1);
    at('2026-09-18T12:30:00Z');
    await sweep();
    at('2026-09-22T12:30:00Z');
    await sweep();
    const log = await app.db
      .knex('reminder_log')
      .where({ request_id: id })
      .orderBy('sent_at')
      .select('reminder_kind', app.db.knex.raw('due_date::text as due_date'));
    expect(log).toEqual([
      { reminder_kind: 'before', due_date: '2026-09-08' },
      { reminder_kind: 'before', due_date: '2026-09-22' },
      { reminder_kind: 'due', due_date: '2026-09-22' },
    ]);
  });

  it('when a sweep stops after its first batch or two sweeps run at once, then every reminder goes out exactly once', async () => {
    const desk = await createNewsroom(app);
    const agency = await addAgency(app, desk, AGENCIES.ice);
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      at('2026-08-10T10:00:00-04:00');
      const { id } = await draft(app, desk, agency, {
        title: `Batch ${i}`,
        assigneeId: i % 2 ? desk.userIds.editor : desk.userIds.reporter,
      });
      await app.http
        .post(`/v1/requests/${id}/submit`)
        .set(bearer(desk.tokens.reporter))
        .send({ method: 'portal', submittedAt: '2026-08-10T10:00:00-04:00' })
        .expect(200);
      ids.push(id);
    }
    at('2026-09-03T12:30:00Z');
    const partial = await sweep({ batchSize: 2, maxBatches: 1 });
    expect(partial.deadlines).toBe(2);
    const [a, b] = await Promise.all([sweep({ batchSize: 2 }), sweep({ batchSize: 2 })]);
    expect(partial.reminders + a.reminders + b.reminders).toBe(7);
    const log = await app.db.knex('reminder_log').whereIn('request_id', ids);
    expect(log).toHaveLength(7);
    expect(new Set(log.map((l: { request_id: string }) => l.request_id)).size).toBe(7);
    expect((await sweep()).reminders).toBe(0);
  });
});

describe('digest', () => {
  it('when the digest hour comes, then editors get exactly the overdue and this week’s deadlines, once a day', async () => {
    const desk = await createNewsroom(app, 'Digest Desk');
    await app.http
      .patch('/v1/organization/settings')
      .set(bearer(desk.tokens.admin))
      .send({ timezone: 'America/Chicago', digestHour: 7 })
      .expect(200);
    const agency = await addAgency(app, desk, AGENCIES.ice);
    const file = async (receivedAt: string, title: string) => {
      at(receivedAt);
      const { id } = await draft(app, desk, agency, { title });
      await app.http
        .post(`/v1/requests/${id}/submit`)
        .set(bearer(desk.tokens.reporter))
        .send({ method: 'portal', submittedAt: receivedAt })
        .expect(200);
      return id;
    };
    await file('2026-08-03T10:00:00-04:00', 'Overdue A'); // due Mon 31 Aug
    await file('2026-08-10T10:00:00-04:00', 'Due today B'); // due Tue 8 Sep
    await file('2026-08-14T10:00:00-04:00', 'This week C'); // due Mon 14 Sep
    await file('2026-08-24T10:00:00-04:00', 'Later D'); // due Tue 22 Sep
    const met = await file('2026-08-10T10:00:00-04:00', 'Answered E');
    at('2026-08-20T15:00:00Z');
    await app.http
      .post(`/v1/requests/${met}/events`)
      .set(bearer(desk.tokens.reporter))
      .send({ type: 'records_released', occurredAt: '2026-08-20', data: { final: true } })
      .expect(201);

    const editorEmail = (await app.db.knex('users').where({ id: desk.userIds.editor }).first()).email;
    at('2026-09-08T11:59:00Z'); // 06:59 in Chicago
    await runDigests(app.deps);
    at('2026-09-08T12:05:00Z'); // 07:05
    await runDigests(app.deps);
    at('2026-09-08T20:00:00Z');
    await runDigests(app.deps);
    expect(
      await eventually(() => sink.to(editorEmail).some((m) => (m.parsed.subject ?? '').startsWith('Records digest for 2026-09-08'))),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    const digests = sink.to(editorEmail).filter((m) => (m.parsed.subject ?? '').startsWith('Records digest'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.parsed.subject).toBe('Records digest for 2026-09-08: 1 overdue, 2 due this week');
    const text = digests[0]!.parsed.text ?? '';
    expect(text).toContain('Overdue A');
    expect(text).toContain('Due today B');
    expect(text).toContain('This week C');
    expect(text).not.toContain('Later D');
    expect(text).not.toContain('Answered E');
    expect(text).toMatch(new RegExp(`${app.deps.config.publicUrl}/requests/[0-9a-f-]{36}\n`));
    expect(text).not.toContain('/v1/requests/');
    const reporterEmailOfDesk = (await app.db.knex('users').where({ id: desk.userIds.reporter }).first()).email;
    expect(sink.to(reporterEmailOfDesk).filter((m) => (m.parsed.subject ?? '').startsWith('Records digest'))).toHaveLength(0);
  });
});

describe('follow-up sent by hand', () => {
  it('when the newsroom keeps automatic follow-ups off, then the assignee sends the draft; counsel cannot and another newsroom cannot see it', async () => {
    const desk = await createNewsroom(app, 'Manual Desk');
    const agency = await addAgency(app, desk, { ...AGENCIES.ice, recordsEmail: 'foia-manual@ice.example.gov' });
    at('2026-08-10T10:00:00-04:00');
    const { id } = await draft(app, desk, agency, { title: 'Manual follow-up' });
    await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(desk.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-08-10T10:00:00-04:00' })
      .expect(200);
    at('2026-09-09T12:30:00Z');
    await sweep();
    await processPendingFollowUps(app.deps);
    const drafted = (await app.http.get(`/v1/requests/${id}/follow-ups`).set(bearer(desk.tokens.counsel)).expect(200)).body.items[0];
    expect(drafted).toMatchObject({ status: 'drafted', missedDueDate: '2026-09-08' });
    expect(sink.to('foia-manual@ice.example.gov')).toHaveLength(0);

    const send = (token: string, requestId = id) =>
      app.http.post(`/v1/requests/${requestId}/follow-ups/${drafted.id}/send`).set(bearer(token)).send({});
    await send(desk.tokens.counsel).expect(403);
    await send(room.tokens.reporter).expect(404);
    const other = await draft(app, desk, agency, { title: 'Another request' });
    await send(desk.tokens.reporter, other.id).expect(404);
    const sent = await send(desk.tokens.reporter).expect(200);
    expect(sent.body).toMatchObject({ id: drafted.id, status: 'sent' });
    expect(await eventually(() => sink.to('foia-manual@ice.example.gov').length === 1)).toBe(true);
    const followUp = sink.to('foia-manual@ice.example.gov')[0]!.parsed;
    expect(followUp.subject).toBe(drafted.subject);
    // It follows up on the request as the agency filed it, not on the newsroom's title.
    expect(drafted.subject).toMatch(/^Follow-up: Freedom of Information Act request under 5 U\.S\.C\. § 552: /);
    expect(drafted.subject).not.toContain('Manual follow-up');
    // The requester's copy, once, with the text as sent.
    const copyOf = () => sink.received.filter((m) => m.parsed.headers.get('x-records-copy-of') === followUp.messageId);
    expect(await eventually(() => copyOf().length === 1)).toBe(true);
    expect(copyOf()[0]!.parsed).toMatchObject({ subject: `Copy: ${drafted.subject}`, text: followUp.text });
    const events = await app.http.get(`/v1/requests/${id}/events`).set(bearer(desk.tokens.counsel)).expect(200);
    expect(events.body.items.map((e: { type: string; actor: { id: string } }) => [e.type, e.actor.id])).toEqual([
      ['submitted', desk.userIds.reporter],
      ['correspondence', desk.userIds.reporter],
    ]);
    await send(desk.tokens.reporter).expect(409);
  });
});

describe('follow-up edited before it is sent', () => {
  it('when the reporter edits the draft’s subject and text, then the agency gets them as edited, and a sent one cannot be edited', async () => {
    const desk = await createNewsroom(app, 'Editing Desk');
    const agency = await addAgency(app, desk, { ...AGENCIES.ice, recordsEmail: 'foia-edit@ice.example.gov' });
    at('2026-08-10T10:00:00-04:00');
    const { id } = await draft(app, desk, agency, { title: 'Edited follow-up' });
    await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(desk.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-08-10T10:00:00-04:00' })
      .expect(200);
    at('2026-09-09T12:30:00Z');
    await sweep();
    await processPendingFollowUps(app.deps);
    const drafted = (await app.http.get(`/v1/requests/${id}/follow-ups`).set(bearer(desk.tokens.counsel)).expect(200)).body.items[0];
    const edit = (token: string, body: object) =>
      app.http.patch(`/v1/requests/${id}/follow-ups/${drafted.id}`).set(bearer(token)).send(body);

    await edit(desk.tokens.counsel, { subject: 'x' }).expect(403);
    const bad = await edit(desk.tokens.reporter, { subject: 'two\nlines' }).expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('subject');
    const subject = 'Records request 2026-ICFO-1: the response was due 8 September';
    const text = `${drafted.body}\n\nWe are glad to narrow the request if that helps.`;
    const edited = await edit(desk.tokens.reporter, { subject, body: text }).expect(200);
    expect(edited.body).toMatchObject({ id: drafted.id, status: 'drafted', subject, body: text });

    await app.http.post(`/v1/requests/${id}/follow-ups/${drafted.id}/send`).set(bearer(desk.tokens.reporter)).send({}).expect(200);
    expect(await eventually(() => sink.to('foia-edit@ice.example.gov').length === 1)).toBe(true);
    const got = sink.to('foia-edit@ice.example.gov')[0]!.parsed;
    expect(got.subject).toBe(subject);
    expect(got.text).toContain('We are glad to narrow the request if that helps.');
    await edit(desk.tokens.reporter, { subject: 'Too late' }).expect(409);
  });
});

describe('automatic follow-up', () => {
  it('when the newsroom turns it on, then the drafted follow-up is emailed to the agency and logged', async () => {
    const desk = await createNewsroom(app, 'Auto Desk');
    await app.http.patch('/v1/organization/settings').set(bearer(desk.tokens.admin)).send({ autoFollowUp: true }).expect(200);
    const agency = await addAgency(app, desk, { ...AGENCIES.ice, recordsEmail: 'foia-auto@ice.example.gov' });
    at('2026-08-10T10:00:00-04:00');
    const { id } = await draft(app, desk, agency, { title: 'Auto follow-up' });
    await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(desk.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-08-10T10:00:00-04:00' })
      .expect(200);
    at('2026-09-09T12:30:00Z');
    await sweep();
    await processPendingFollowUps(app.deps);
    expect(await eventually(() => sink.to('foia-auto@ice.example.gov').some((m) => (m.parsed.text ?? '').includes('2026')))).toBe(true);
    const events = await app.http.get(`/v1/requests/${id}/events`).set(bearer(desk.tokens.counsel)).expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['submitted', 'correspondence']);
    const followUps = await app.http.get(`/v1/requests/${id}/follow-ups`).set(bearer(desk.tokens.counsel)).expect(200);
    expect(followUps.body.items[0].status).toBe('sent');
    await app.http
      .post(`/v1/requests/${id}/follow-ups/${followUps.body.items[0].id}/send`)
      .set(bearer(desk.tokens.reporter))
      .send({})
      .expect(409);
  });

  it('when an answer or an extension is logged after the deadline was found missed, then the waiting follow-up is dropped, not sent', async () => {
    const desk = await createNewsroom(app, 'Stale Desk');
    await app.http.patch('/v1/organization/settings').set(bearer(desk.tokens.admin)).send({ autoFollowUp: true }).expect(200);
    const agency = await addAgency(app, desk, { ...AGENCIES.ice, recordsEmail: 'foia-stale@ice.example.gov' });
    const file = async (title: string) => {
      at('2026-08-10T10:00:00-04:00');
      const { id } = await draft(app, desk, agency, { title });
      await app.http
        .post(`/v1/requests/${id}/submit`)
        .set(bearer(desk.tokens.reporter))
        .send({ method: 'portal', submittedAt: '2026-08-10T10:00:00-04:00' })
        .expect(200);
      return id;
    };
    const answered = await file('Answered before the due date'); // due Tue 8 Sep
    const extended = await file('Extended before the due date');
    at('2026-09-09T12:30:00Z');
    await sweep();
    const pending = await app.db.knex('follow_ups').whereIn('request_id', [answered, extended]).where({ status: 'pending' });
    expect(pending).toHaveLength(2);
    // Learned only now: the agency answered on Friday, and had claimed an extension.
    const log = (id: string, body: object) =>
      app.http.post(`/v1/requests/${id}/events`).set(bearer(desk.tokens.reporter)).send(body).expect(201);
    await log(answered, { type: 'records_released', occurredAt: '2026-09-04', data: { final: true } });
    await log(extended, { type: 'extension_claimed', occurredAt: '2026-09-04', data: { days: 10 } });

    await processPendingFollowUps(app.deps);
    const mailed = await app.db.knex('mail_messages').whereIn('request_id', [answered, extended]).where({ purpose: 'follow_up' });
    expect(mailed).toHaveLength(0);
    for (const id of [answered, extended]) {
      const events = await app.http.get(`/v1/requests/${id}/events`).set(bearer(desk.tokens.counsel)).expect(200);
      expect(events.body.items.map((e: { type: string }) => e.type)).not.toContain('correspondence');
      const followUps = await app.http.get(`/v1/requests/${id}/follow-ups`).set(bearer(desk.tokens.counsel)).expect(200);
      expect(followUps.body.items).toEqual([]);
    }
  });
});
