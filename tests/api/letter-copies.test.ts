import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// The requester's copy of each letter as sent (issue 12), through the outbox,
// to a real SMTP peer on loopback: a message of its own, sent once, with the
// letter's body, while the letter itself asks the agency to reply to the
// request's tracked address.

let sink: SmtpSink;
let app: TestApp;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({
    SMTP_URL: sink.url,
    INBOUND_ADDRESS: 'records@newsroom.example.org',
    MAIL_FROM: 'Records Desk <desk@newsroom.example.org>',
    JOBS_POLL_SECONDS: '0.5',
  });
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});
beforeEach(() => {
  sink.refuseRecipients.clear();
});

const emailOf = async (room: Newsroom, role: 'reporter' | 'editor') =>
  ((await app.db.knex('users').where({ id: room.userIds[role] }).first('email')) as { email: string }).email;

const copiesOf = (messageId: string) => sink.received.filter((m) => m.parsed.headers.get('x-records-copy-of') === messageId);

async function newsroom(recordsEmail: string) {
  const room = await createNewsroom(app);
  const ice = await addAgency(app, room, { ...AGENCIES.ice, recordsEmail });
  return { room, ice };
}

describe('the requester’s copy of a letter', () => {
  it('when a letter is emailed, then the agency gets it with the tracked Reply-To and the requester one copy of it, with the same body', async () => {
    const { room, ice } = await newsroom('foia-copy@ice.example.gov');
    const reporterEmail = await emailOf(room, 'reporter');
    const { id } = await draft(app, room, ice);
    const filed = await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
    const replyAddress = filed.body.submission.replyAddress as string;

    expect(await eventually(() => sink.to('foia-copy@ice.example.gov').length === 1, 20000)).toBe(true);
    const letter = sink.to('foia-copy@ice.example.gov')[0]!;
    // The agency is asked to answer at the request's own address, so its reply files itself.
    expect(letter.parsed.replyTo?.value.map((a) => a.address)).toEqual([replyAddress]);
    expect(letter.parsed.subject).toBe(filed.body.letter.subject);

    const messageId = letter.parsed.messageId!;
    expect(await eventually(() => copiesOf(messageId).length === 1, 20000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would have time to arrive
    const copies = copiesOf(messageId);
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    expect(copy.envelopeTo).toEqual([reporterEmail]);
    expect(copy.parsed.subject).toBe(`Copy: ${filed.body.letter.subject}`);
    expect(copy.parsed.text).toBe(letter.parsed.text);
    expect(copy.parsed.attachments).toEqual(letter.parsed.attachments);
    expect(copy.parsed.headers.get('x-records-sent-to')).toBe('foia-copy@ice.example.gov');
    // Not a second letter: no tracked Reply-To (a reply to one's own copy must not be filed as the agency's), its own Message-ID.
    expect(copy.parsed.replyTo).toBeUndefined();
    expect(copy.parsed.headers.get('x-records-request-id')).toBeUndefined();
    expect(copy.parsed.messageId).not.toBe(messageId);
    expect(sink.to('foia-copy@ice.example.gov')).toHaveLength(1);

    // The request's record holds the letter, not the copy.
    const kept = await app.db.knex('attachments').where({ request_id: id, content_type: 'message/rfc822' });
    expect(kept).toHaveLength(1);
    const rows = await app.db.knex('mail_messages').where({ request_id: id }).orderBy('created_at').select('purpose', 'status');
    expect(await eventually(async () => (await app.db.knex('mail_messages').where({ request_id: id, status: 'sent' })).length === 2)).toBe(
      true,
    );
    expect(rows.map((r: { purpose: string }) => r.purpose).sort()).toEqual(['letter_copy', 'request']);
  });

  it('when the appeal is sent as edited, then the copy carries the edited text', async () => {
    const { room, ice } = await newsroom('foia-appeal-copy@ice.example.gov');
    const reporterEmail = await emailOf(room, 'reporter');
    const { id } = await draft(app, room, ice);
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'portal' }).expect(200);
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'denied', occurredAt: new Date().toISOString(), data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(5)' }] } })
      .expect(201);
    const drafted = await app.http
      .post(`/v1/requests/${id}/appeal`)
      .set(bearer(room.tokens.reporter))
      .send({ action: 'draft' })
      .expect(200);
    const body = `${drafted.body.draft.body}\nWe ask for a Vaughn index.\n`;
    await app.http
      .post(`/v1/requests/${id}/appeal`)
      .set(bearer(room.tokens.reporter))
      .send({ action: 'send', subject: drafted.body.draft.subject, body })
      .expect(200);

    expect(await eventually(() => sink.to('foia-appeal-copy@ice.example.gov').length === 1, 20000)).toBe(true);
    const sent = sink.to('foia-appeal-copy@ice.example.gov')[0]!;
    expect(await eventually(() => copiesOf(sent.parsed.messageId!).length === 1, 20000)).toBe(true);
    const copy = copiesOf(sent.parsed.messageId!)[0]!;
    expect(copy.envelopeTo).toEqual([reporterEmail]);
    expect(copy.parsed.subject).toBe(`Copy: ${drafted.body.draft.subject}`);
    expect(copy.parsed.text).toContain('We ask for a Vaughn index.');
    expect(copy.parsed.text).toBe(sent.parsed.text);
  });

  it('when the letter names no requester email, then the copy goes to the assignee', async () => {
    const { room, ice } = await newsroom('foia-assignee@ice.example.gov');
    const editorEmail = await emailOf(room, 'editor');
    const { id } = await draft(app, room, ice, {
      requester: { name: 'Jane Doe', outlet: 'Example Tribune' },
      assigneeId: room.userIds.editor,
    });
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
    expect(await eventually(() => sink.to('foia-assignee@ice.example.gov').length === 1, 20000)).toBe(true);
    const messageId = sink.to('foia-assignee@ice.example.gov')[0]!.parsed.messageId!;
    expect(await eventually(() => copiesOf(messageId).length === 1, 20000)).toBe(true);
    expect(copiesOf(messageId)[0]!.envelopeTo).toEqual([editorEmail]);
  });

  it('when the newsroom turns copies off, then only the agency gets the letter', async () => {
    const { room, ice } = await newsroom('foia-nocopy@ice.example.gov');
    const org = await app.http.get('/v1/organization').set(bearer(room.tokens.admin)).expect(200);
    expect(org.body.settings.copyLettersToRequester).toBe(true);
    await app.http.patch('/v1/organization/settings').set(bearer(room.tokens.admin)).send({ copyLettersToRequester: false }).expect(200);
    const { id } = await draft(app, room, ice);
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
    expect(await eventually(() => sink.to('foia-nocopy@ice.example.gov').length === 1, 20000)).toBe(true);
    const messageId = sink.to('foia-nocopy@ice.example.gov')[0]!.parsed.messageId!;
    await new Promise((r) => setTimeout(r, 1500));
    expect(copiesOf(messageId)).toHaveLength(0);
    expect(await app.db.knex('mail_messages').where({ request_id: id, purpose: 'letter_copy' })).toHaveLength(0);
  });

  it('when the requester’s server refuses the copy for good, then the letter still counts as delivered and nothing is reported undelivered', async () => {
    const { room, ice } = await newsroom('foia-refused-copy@ice.example.gov');
    const reporterEmail = await emailOf(room, 'reporter');
    sink.refuseRecipients.add(reporterEmail.toLowerCase());
    const { id } = await draft(app, room, ice);
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
    expect(
      await eventually(async () => {
        const copy = await app.db.knex('mail_messages').where({ request_id: id, purpose: 'letter_copy' }).first('status');
        return copy?.status === 'failed';
      }, 20000),
    ).toBe(true);
    expect(
      await eventually(async () => {
        const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter));
        return read.body.submission.delivery.status === 'sent';
      }, 20000),
    ).toBe(true);
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(read.body.submission.delivery).toMatchObject({ status: 'sent', error: null, letterUndelivered: false });
    const events = await app.db.knex('request_events').where({ request_id: id }).pluck('type');
    expect(events).toEqual(['submitted']);
  });
});
