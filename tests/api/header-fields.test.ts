import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { composeRaw } from '../../server/mail/compose';
import { AGENCIES, addAgency, draft, ICE_EMAIL_REQUEST } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;
let ice: string;

const INJECTED = 'Jane Doe\r\nBcc: everyone@attacker.example';
const LINE_BREAK = /[\r\n]/;

beforeAll(async () => {
  app = await startTestApp({ INBOUND_ADDRESS: 'records@newsroom.example.org' });
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

const create = (body: object) =>
  app.http
    .post('/v1/requests')
    .set(bearer(room.tokens.reporter))
    .send({ ...ICE_EMAIL_REQUEST, agencyId: ice, ...body });
const patch = (id: string, body: object) => app.http.patch(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).send(body);

function fieldsOf(res: { status: number; body: { errors?: Array<{ field: string; message: string }> } }) {
  expect(res.status).toBe(400);
  return (res.body.errors ?? []).map((e) => e.field);
}

const requester = { name: 'Jane Doe', outlet: 'Example Tribune', email: 'jane@newsroom.example.org', phone: '555-0100' };

describe('line breaks in fields that end up in mail headers', () => {
  it.each([
    ['title', { title: 'Immigration email\r\nBcc: everyone@attacker.example' }],
    ['requester.name', { requester: { ...requester, name: INJECTED } }],
    ['requester.outlet', { requester: { ...requester, outlet: 'Tribune\nX-Spam: yes' } }],
    ['requester.email', { requester: { ...requester, email: 'jane@newsroom.example.org\r\nBcc: x@attacker.example' } }],
    ['requester.phone', { requester: { ...requester, phone: '555\r0100' } }],
    ['letter.subject', { letter: { subject: 'Records request\r\nBcc: everyone@attacker.example' } }],
  ])('when a draft is created with a CR or LF inside %s, then 400 names that field', async (field, body) => {
    const res = await create(body);
    expect(fieldsOf(res)).toEqual([field]);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('when a batch is created with a line break in the requester name, then 400 names it', async () => {
    const res = await app.http
      .post('/v1/requests/batch')
      .set(bearer(room.tokens.reporter))
      .send({ ...ICE_EMAIL_REQUEST, agencyIds: [ice], requester: { ...requester, name: INJECTED } });
    expect(fieldsOf(res)).toEqual(['requester.name']);
  });

  it.each([
    ['title', { title: 'A\nB' }],
    ['letter.subject', { letter: { subject: 'Records request\r\nBcc: everyone@attacker.example' } }],
    ['requester.name', { requester: { ...requester, name: INJECTED } }],
    ['requester.phone', { requester: { ...requester, phone: '555\n0100' } }],
  ])('when a draft is patched with a CR or LF inside %s, then 400 names it and nothing changes', async (field, body) => {
    const { id, body: before } = await draft(app, room, ice, { requester });
    expect(fieldsOf(await patch(id, body))).toEqual([field]);
    const after = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(after.body.letter).toEqual(before.letter);
    expect(after.body.requester).toEqual(before.requester);
    expect(after.body.title).toEqual(before.title);
  });

  it('when a line break only surrounds the value, then it is trimmed and accepted', async () => {
    const res = await create({ title: '\r\nImmigration email\r\n', requester: { ...requester, name: 'Jane Doe\n' } }).expect(201);
    expect(res.body.title).toBe('Immigration email');
    expect(res.body.requester.name).toBe('Jane Doe');
  });

  it('when a filing or an acknowledgment carries a tracking number with a line break, then 400 names it', async () => {
    const { id } = await draft(app, room, ice);
    const submit = await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00', trackingNumber: '2026-ICFO\r\n1' });
    expect(fieldsOf(submit)).toEqual(['trackingNumber']);
    const subject = await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00', subject: 'Records\nBcc: x@attacker.example' });
    expect(fieldsOf(subject)).toEqual(['subject']);
    await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
      .expect(200);
    const ack = await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'acknowledged', occurredAt: '2026-01-20', data: { trackingNumber: '2026-ICFO\n1' } });
    expect(ack.status).toBe(400);
    expect(ack.body.errors.map((e: { field: string }) => e.field).join(' ')).toMatch(/trackingNumber/);
  });

  it('when a user is named with a line break (the default requester name), then 400 names it', async () => {
    const created = await app.http
      .post(`/v1/organizations/${room.orgId}/users`)
      .set(bearer(room.tokens.admin))
      .send({ email: 'crlf@newsroom.example.org', name: INJECTED, role: 'reporter' });
    expect(fieldsOf(created)).toEqual(['name']);
    const patched = await app.http
      .patch(`/v1/organizations/${room.orgId}/users/${room.userIds.reporter}`)
      .set(bearer(room.tokens.admin))
      .send({ name: INJECTED });
    expect(fieldsOf(patched)).toEqual(['name']);
  });
});

describe('the composed mail', () => {
  async function headersOf(raw: Buffer) {
    const head = raw.toString('latin1').split('\r\n\r\n')[0]!;
    const mail = await simpleParser(raw);
    return { head, mail };
  }

  it('when user text with CR/LF reaches composeRaw, then no header value carries a line break, encoded or not', async () => {
    const raw = await composeRaw({
      fromName: INJECTED,
      fromAddress: 'records@newsroom.example.org',
      to: ['foia@ice.example.gov'],
      subject: 'Records\r\nBcc: everyone@attacker.example\nX-Extra: 1',
      text: 'Body lines\r\nstay as they are.',
      messageId: '<rt.test@newsroom.example.org>',
      date: new Date('2026-01-16T15:00:00Z'),
      headers: { 'X-Request-Title': 'A\r\nB' },
    });
    const { head, mail } = await headersOf(raw);
    expect(mail.subject).toBe('Records Bcc: everyone@attacker.example X-Extra: 1');
    expect(mail.from?.value[0]?.name).toBe('Jane Doe Bcc: everyone@attacker.example');
    expect(mail.headers.get('x-request-title')).toBe('A B');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-extra')).toBe(false);
    // Encoded words decode to the same text; none of them may hide a CR or LF.
    expect(head).not.toMatch(/=0[DA]|%0[DA]/i);
    const broken = [...mail.headers].filter(([, value]) => typeof value === 'string' && LINE_BREAK.test(value)).map(([name]) => name);
    expect(broken).toEqual([]);
    expect(mail.text).toContain('Body lines\nstay as they are.');
  });

  it('when a letter stored before this check carries CR/LF, then the sent message still has one-line headers', async () => {
    const { id } = await draft(app, room, ice, { requester });
    // Rows written before the schemas refused line breaks: fix nothing in place, but send clean headers.
    await app.db
      .knex('requests')
      .where({ id })
      .update({
        letter_subject: 'Records request\r\nBcc: everyone@attacker.example',
        requester: JSON.stringify({ ...requester, name: INJECTED }),
      });
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
    const sent = await app.db.knex('mail_messages').where({ request_id: id, purpose: 'request' }).first();
    expect(sent.subject).not.toMatch(LINE_BREAK);
    const { head, mail } = await headersOf(fs.readFileSync(app.deps.files.pathOf(sent.raw_sha256)));
    expect(mail.subject).toBe('Records request Bcc: everyone@attacker.example');
    expect(mail.from?.value[0]?.name).toBe('Jane Doe Bcc: everyone@attacker.example');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(head).not.toMatch(/=0[DA]|%0[DA]/i);
  });
});
