import MailComposer from 'nodemailer/lib/mail-composer';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { domainKey, fakeDns, signed } from '../support/sender-dns';
import { bearer, createNewsroom, OPERATOR_TOKEN, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Mail each newsroom can see (issue 12): its own inbound address, and a
// message that matches several requests offered for filing into several.

const SECRET = 'inbound-secret-for-tests-0123';
let app: TestApp;
let a: Newsroom;
let b: Newsroom;
let iceA: string;

beforeAll(async () => {
  app = await startTestApp({ INBOUND_SECRET: SECRET, INBOUND_ADDRESS: 'records@newsroom.example.org' });
  a = await createNewsroom(app);
  b = await createNewsroom(app);
  iceA = await addAgency(app, a, AGENCIES.ice);
  // The same agency's domain in two newsrooms: the sender alone cannot tell whose mail it is.
  await addAgency(app, b, AGENCIES.ice);
});
afterAll(async () => {
  await app.close();
});

const compose = (m: { from: string; to: string; cc?: string; subject: string; text: string }) =>
  new MailComposer({ ...m, date: new Date() }).compile().build();
const deliver = (raw: Buffer) =>
  app.http.post('/v1/inbound/email').set('Authorization', `Bearer ${SECRET}`).set('Content-Type', 'message/rfc822').send(raw);
const unmatched = async (token: string) =>
  (await app.http.get('/v1/inbound/unmatched').set(bearer(token)).expect(200)).body.items as Array<{
    id: string;
    subject: string;
    candidates: Array<{ requestId: string; title: string | null; matchedBy: string }>;
  }>;

async function sent(room: Newsroom, agency: string, title: string, trackingNumber?: string) {
  const { id } = await draft(app, room, agency, { title });
  const res = await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'email', ...(trackingNumber ? { trackingNumber } : {}) })
    .expect(200);
  return { id, replyAddress: res.body.submission.replyAddress as string };
}

describe('each newsroom’s own inbound address', () => {
  it('when mail to a newsroom’s address matches no request, then it waits in that newsroom’s inbox only', async () => {
    const org = await app.http.get('/v1/organization').set(bearer(a.tokens.reporter)).expect(200);
    const address = org.body.inboundAddress as string;
    expect(address).toBe(`records+n${a.orgId.replace(/-/g, '')}@newsroom.example.org`);
    const res = await deliver(await compose({ from: 'foia@ice.example.gov', to: address, subject: 'A new matter', text: 'Hello.' }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('unmatched');
    expect((await unmatched(a.tokens.editor)).map((m) => m.subject)).toContain('A new matter');
    expect((await unmatched(b.tokens.editor)).map((m) => m.subject)).not.toContain('A new matter');
    expect((await unmatched(OPERATOR_TOKEN)).map((m) => m.subject)).not.toContain('A new matter');
  });

  it('when the address names no newsroom, then the mail waits for the operator', async () => {
    const stranger = `records+n${'0'.repeat(32)}@newsroom.example.org`;
    expect((await deliver(await compose({ from: 'foia@ice.example.gov', to: stranger, subject: 'Nobody’s', text: 'x' }))).status).toBe(201);
    expect((await unmatched(OPERATOR_TOKEN)).map((m) => m.subject)).toContain('Nobody’s');
  });
});

describe('a message matching several requests', () => {
  it('when a reply goes to two requests’ reply addresses, then it is offered for both and can be filed into both', async () => {
    const one = await sent(a, iceA, 'Batch one');
    const two = await sent(a, iceA, 'Batch two');
    const res = await deliver(
      await compose({
        from: 'foia@ice.example.gov',
        to: one.replyAddress,
        cc: two.replyAddress,
        subject: 'Both of your requests',
        text: 'x',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('unmatched');
    const parked = (await unmatched(a.tokens.editor)).find((m) => m.id === res.body.inboundId)!;
    expect(parked.candidates).toEqual(
      expect.arrayContaining([
        { requestId: one.id, title: 'Batch one', matchedBy: 'reply_address' },
        { requestId: two.id, title: 'Batch two', matchedBy: 'reply_address' },
      ]),
    );
    expect(parked.candidates).toHaveLength(2);

    const both = await app.http
      .post(`/v1/inbound/unmatched/${parked.id}/assign`)
      .set(bearer(a.tokens.editor))
      .send({ requestIds: [one.id, two.id] })
      .expect(201);
    expect(both.body.filed.map((o: { requestId: string }) => o.requestId)).toEqual([one.id, two.id]);
    for (const id of [one.id, two.id]) {
      const events = await app.http.get(`/v1/requests/${id}/events`).set(bearer(a.tokens.counsel)).expect(200);
      expect(events.body.items.filter((e: { type: string }) => e.type === 'correspondence')).toHaveLength(1);
    }
    expect((await unmatched(a.tokens.editor)).map((m) => m.id)).not.toContain(parked.id);
    await app.http.post(`/v1/inbound/unmatched/${parked.id}/assign`).set(bearer(a.tokens.editor)).send({ requestId: one.id }).expect(409);
  });

  it('when the subject carries a tracking number two of the agency’s requests share, then both are offered', async () => {
    const one = await sent(a, iceA, 'Shared number one', '2026-ICFO-777');
    const two = await sent(a, iceA, 'Shared number two', '2026-ICFO-777');
    const key = domainKey('ice.example.gov');
    app.deps.dnsResolver = fakeDns(key.records);
    const res = await deliver(
      await signed(
        await compose({ from: 'foia@ice.example.gov', to: 'records@newsroom.example.org', subject: 'Re: 2026-ICFO-777', text: 'x' }),
        key,
      ),
    );
    app.deps.dnsResolver = fakeDns();
    expect(res.body.status).toBe('unmatched');
    const parked = (await unmatched(a.tokens.editor)).find((m) => m.id === res.body.inboundId)!;
    expect(parked.candidates.map((c) => c.requestId).sort()).toEqual([one.id, two.id].sort());
    // Another newsroom is offered none of them.
    expect((await unmatched(b.tokens.editor)).find((m) => m.id === res.body.inboundId)).toBeUndefined();
  });

  it('when the filing names both one request and several, then a 400 names the field', async () => {
    const res = await deliver(
      await compose({
        from: 'x@elsewhere.example',
        to: `records+n${a.orgId.replace(/-/g, '')}@newsroom.example.org`,
        subject: 'Both ways',
        text: 'x',
      }),
    );
    const bad = await app.http
      .post(`/v1/inbound/unmatched/${res.body.inboundId}/assign`)
      .set(bearer(a.tokens.editor))
      .send({ requestId: iceA, requestIds: [iceA] })
      .expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('requestIds');
  });
});
