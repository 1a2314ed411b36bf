import MailComposer from 'nodemailer/lib/mail-composer';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { domainKey, fakeDns, signed } from '../support/sender-dns';
import { exhibitText } from '../support/exhibit-text';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// The sender's verdict (issue 12) stored with each inbound message and shown
// on its event, in the history JSON and in the PDF exhibit. The agency's key
// and DNS answers are the test's own.

const SECRET = 'inbound-secret-for-tests-0123';
const key = domainKey('ice.example.gov');
let app: TestApp;
let room: Newsroom;
let ice: string;

beforeAll(async () => {
  app = await startTestApp({ INBOUND_SECRET: SECRET, INBOUND_ADDRESS: 'records@newsroom.example.org' });
  app.deps.dnsResolver = fakeDns(key.records);
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(async () => {
  await app.close();
});

const compose = (m: { from: string; to: string; subject: string; text: string }) =>
  new MailComposer({ ...m, date: new Date() }).compile().build();
const deliver = (raw: Buffer) =>
  app.http.post('/v1/inbound/email').set('Authorization', `Bearer ${SECRET}`).set('Content-Type', 'message/rfc822').send(raw);

async function emailed(title: string) {
  const { id } = await draft(app, room, ice, { title });
  const res = await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
  return { id, replyAddress: res.body.submission.replyAddress as string };
}

describe('the sender’s verdict on filed mail', () => {
  it('when the agency signs its reply, then the event, the history and the exhibit say it was verified by DKIM', async () => {
    const req = await emailed('Signed reply');
    const raw = await signed(
      await compose({ from: 'foia@ice.example.gov', to: req.replyAddress, subject: 'Interim release', text: 'x' }),
      key,
    );
    expect((await deliver(raw).expect(201)).body.status).toBe('matched');

    const events = (await app.http.get(`/v1/requests/${req.id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    const mail = events.find((e: { type: string }) => e.type === 'correspondence');
    expect(mail.summary).toMatch(/\(sender verified by DKIM for ice\.example\.gov\)$/);
    expect(mail.data.senderAuth).toMatchObject({
      verified: true,
      fromDomain: 'ice.example.gov',
      dkim: [{ domain: 'ice.example.gov', result: 'pass', aligned: true }],
      dmarc: { result: 'pass', policy: 'reject' },
    });
    const history = (await app.http.get(`/v1/requests/${req.id}/history`).set(bearer(room.tokens.counsel)).expect(200)).body;
    expect(JSON.stringify(history)).toContain('sender verified by DKIM for ice.example.gov');
    expect(await exhibitText(app, room.tokens.counsel, req.id)).toContain('sender verified by DKIM for ice.example.gov');
    // Stored with the message itself too.
    const row = await app.db.knex('mail_messages').where({ request_id: req.id, direction: 'inbound' }).first();
    expect(row.sender_auth).toMatchObject({ verified: true });
  });

  it('when a reply to the request’s own address is unsigned, then it is filed and marked not verified', async () => {
    const req = await emailed('Unsigned reply');
    expect(
      (await deliver(await compose({ from: 'foia@ice.example.gov', to: req.replyAddress, subject: 'Hi', text: 'x' })).expect(201)).body
        .status,
    ).toBe('matched');
    const events = (await app.http.get(`/v1/requests/${req.id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    const mail = events.find((e: { type: string }) => e.type === 'correspondence');
    expect(mail.summary).toMatch(/\(sender not verified \(DMARC fails for ice\.example\.gov\)\)$/);
    expect(mail.data.senderAuth.verified).toBe(false);
    expect(await exhibitText(app, room.tokens.counsel, req.id)).toContain('sender not verified');
  });

  it('when a parked message is filed by hand, then it keeps the verdict it arrived with', async () => {
    const req = await emailed('Filed by hand');
    const raw = await signed(
      await compose({ from: 'foia@ice.example.gov', to: 'records@newsroom.example.org', subject: 'No route', text: 'x' }),
      key,
    );
    const parked = await deliver(raw).expect(201);
    expect(parked.body.status).toBe('unmatched');
    // The key is gone from DNS since: the stored verdict, not a new look-up, is what counts.
    app.deps.dnsResolver = fakeDns();
    try {
      await app.http
        .post(`/v1/inbound/unmatched/${parked.body.inboundId}/assign`)
        .set(bearer(room.tokens.editor))
        .send({ requestId: req.id })
        .expect(201);
    } finally {
      app.deps.dnsResolver = fakeDns(key.records);
    }
    const events = (await app.http.get(`/v1/requests/${req.id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    expect(events.find((e: { type: string }) => e.type === 'correspondence').data.senderAuth.verified).toBe(true);
  });
});
