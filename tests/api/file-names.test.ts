import MailComposer from 'nodemailer/lib/mail-composer';
import { cleanFilename } from '../../server/attachments/content-type';
import { wellFormedString } from '../../server/util/well-formed';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

const SECRET = 'inbound-secret-for-file-names-0123';
let app: TestApp;
let room: Newsroom;
let ice: string;

const TEXT = Buffer.from('Plain text records.\n');
// Nothing a person reads as part of a name: C0, DEL, C1, and the bidi
// controls that make `\u202Etxt.exe` display as `exe.txt`.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

beforeAll(async () => {
  app = await startTestApp({ INBOUND_SECRET: SECRET, INBOUND_ADDRESS: 'records@newsroom.example.org' });
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

async function newRequest(title: string, method: 'portal' | 'email' = 'portal') {
  const { id } = await draft(app, room, ice, { title });
  const res = await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send(method === 'portal' ? { method, submittedAt: '2026-01-16T10:00:00-05:00' } : { method })
    .expect(200);
  return { id, replyAddress: res.body.submission?.replyAddress as string | undefined };
}

const upload = (requestId: string, filename: string) =>
  app.http
    .post(`/v1/requests/${requestId}/attachments`)
    .set(bearer(room.tokens.reporter))
    .attach('file', TEXT, { filename, contentType: 'text/plain' });

/** A multipart body written by hand, for parameter forms supertest does not produce. */
function rawUpload(requestId: string, disposition: string) {
  const body = Buffer.concat([
    Buffer.from(`--zzz\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: text/plain\r\n\r\n`, 'latin1'),
    TEXT,
    Buffer.from('\r\n--zzz--\r\n'),
  ]);
  return app.http
    .post(`/v1/requests/${requestId}/attachments`)
    .set(bearer(room.tokens.reporter))
    .set('Content-Type', 'multipart/form-data; boundary=zzz')
    .send(body);
}

async function storedNames(requestId: string) {
  const rows = await app.db.knex('attachments').where({ request_id: requestId }).orderBy('created_at').select('filename');
  return rows.map((r: { filename: string }) => r.filename);
}

async function listedNames(requestId: string) {
  const res = await app.http.get(`/v1/requests/${requestId}/attachments`).set(bearer(room.tokens.counsel)).expect(200);
  return (res.body.items as Array<{ filename: string; contentType: string }>)
    .filter((a) => a.contentType !== 'message/rfc822')
    .map((a) => a.filename);
}

describe('file names of uploads', () => {
  it('when names in Latin and Chinese script are uploaded, then they are stored, listed and chained as sent', async () => {
    const { id } = await newRequest('Non-ASCII upload names');
    const names = ['Résumé-Müller.txt', '报告.txt'];
    const ids: string[] = [];
    for (const name of names) {
      const res = await upload(id, name).expect(201);
      expect(res.body.filename).toBe(name);
      ids.push(res.body.id);
    }
    expect(await storedNames(id)).toEqual(names);
    expect(await listedNames(id)).toEqual(names);
    const event = await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'note', occurredAt: '2026-01-20', data: {}, attachmentIds: ids })
      .expect(201);
    expect(event.body.event.attachments.map((a: { filename: string }) => a.filename)).toEqual(names);
    const row = await app.db.knex('request_events').where({ id: event.body.event.id }).first('attachments');
    expect((row.attachments as Array<{ filename: string }>).map((a) => a.filename)).toEqual(names);
    const verify = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('when the name carries a bidi override or C1 controls, then they are stripped before it is stored', async () => {
    const { id } = await newRequest('Control characters in upload names');
    const override = await upload(id, '\u202Eexe.txt').expect(201);
    expect(override.body.filename).toBe('exe.txt');
    const c1 = await upload(id, 'minutes\u0085\u009b2026\u0080.txt').expect(201);
    expect(c1.body.filename).toBe('minutes2026.txt');
    const isolates = await upload(id, '\u2066budget\u2069\u200f\u061c.txt').expect(201);
    expect(isolates.body.filename).toBe('budget.txt');
    for (const name of [...(await storedNames(id)), ...(await listedNames(id))]) expect(name).not.toMatch(INVISIBLE);
  });

  it('when the name is sent as RFC 5987 filename*, then the UTF-8 it encodes is the name', async () => {
    const { id } = await newRequest('RFC 5987 upload names');
    const res = await rawUpload(id, `filename="fallback.txt"; filename*=UTF-8''%E6%8A%A5%E5%91%8A-R%C3%A9sum%C3%A9.txt`).expect(201);
    expect(res.body.filename).toBe('报告-Résumé.txt');
    const hidden = await rawUpload(id, `filename*=UTF-8''%E2%80%AEfdp.exe`).expect(201);
    expect(hidden.body.filename).toBe('fdp.exe');
    expect(await storedNames(id)).toEqual(['报告-Résumé.txt', 'fdp.exe']);
  });

  it('when the download is asked for, then its Content-Disposition carries the UTF-8 name', async () => {
    const { id } = await newRequest('Download name');
    const res = await upload(id, 'Résumé-Müller.txt').expect(201);
    const file = await app.http.get(`/v1/requests/${id}/attachments/${res.body.id}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Résumé-Müller.txt')}`);
  });
});

describe('file names of agency email attachments', () => {
  const deliver = (raw: Buffer) =>
    app.http.post('/v1/inbound/email').set('Authorization', `Bearer ${SECRET}`).set('Content-Type', 'message/rfc822').send(raw);

  it('when attachment names are RFC 2231 encoded, then they are decoded, cleaned and chained as the upload would be', async () => {
    const req = await newRequest('Inbound attachment names', 'email');
    // nodemailer writes a non-ASCII name as RFC 2231 `filename*0*=utf-8''…`.
    const composed = await new MailComposer({
      from: 'FOIA Office <foia@ice.example.gov>',
      to: req.replyAddress,
      subject: 'Re: your request',
      text: 'Records attached.',
      date: new Date(),
      attachments: [
        { filename: 'Résumé-Müller.txt', content: TEXT },
        { filename: '报告.txt', content: TEXT },
      ],
    })
      .compile()
      .build();
    expect(composed.toString('latin1')).toMatch(/filename\*0\*=utf-8''R%C3%A9sum/);
    // And one written by hand, RFC 5987 style, with a bidi override and a C1 control inside.
    const raw = Buffer.from(
      composed
        .toString('latin1')
        .replace(
          /\r\n--([^\r\n]+)--\r\n$/,
          (_m, boundary: string) =>
            `\r\n--${boundary}\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename*=UTF-8''%E2%80%AEtxt%C2%85.exe\r\n\r\n${TEXT.toString()}\r\n--${boundary}--\r\n`,
        ),
      'latin1',
    );
    expect(raw.length).toBeGreaterThan(composed.length);
    const res = await deliver(raw).expect(201);
    expect(res.body).toMatchObject({ status: 'matched', requestId: req.id });
    const names = ['Résumé-Müller.txt', '报告.txt', 'txt.exe'];
    const events = await app.http.get(`/v1/requests/${req.id}/events`).set(bearer(room.tokens.counsel)).expect(200);
    const mail = (events.body.items as Array<{ type: string; attachments: Array<{ filename: string; contentType: string }> }>).find(
      (e) => e.type === 'correspondence',
    )!;
    expect(mail.attachments.filter((a) => a.contentType !== 'message/rfc822').map((a) => a.filename)).toEqual(names);
    // Filed in one transaction, so they share a creation time and list in no set order.
    expect((await listedNames(req.id)).sort()).toEqual([...names].sort());
    for (const name of await storedNames(req.id)) expect(name).not.toMatch(INVISIBLE);
  });
});

describe('cleanFilename', () => {
  it('keeps the last path segment, composes accents and never ends on half a surrogate pair', () => {
    expect(cleanFilename('C:\\Users\\me\\..\\Re\u0301sume\u0301.txt')).toBe('Résumé.txt');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('..')).toBe('file');
    expect(cleanFilename('\u202E\u0085')).toBe('file');
    const long = cleanFilename(`${'a'.repeat(199)}😀.txt`);
    expect(wellFormedString(long)).toBe(long);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(cleanFilename('a\ud800b.txt')).toBe('a\ufffdb.txt');
  });
});
