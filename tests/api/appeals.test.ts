import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Appeals (issue 12): drafted from the law's template, edited, sent by email
// to the agency's appeal address or recorded as filed elsewhere.

let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;
let ice: string;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({ SMTP_URL: sink.url, INBOUND_ADDRESS: 'records@newsroom.example.org', JOBS_POLL_SECONDS: '0.5' });
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
  await app.http.patch(`/v1/agencies/${ice}`).set(bearer(room.tokens.editor)).send({ appealEmail: 'appeals@ice.example.gov' }).expect(200);
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});

async function denied(title: string, method = 'email'): Promise<string> {
  const { id } = await draft(app, room, ice, { title });
  await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method }).expect(200);
  await app.http
    .post(`/v1/requests/${id}/events`)
    .set(bearer(room.tokens.reporter))
    .send({ type: 'denied', occurredAt: new Date().toISOString(), data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)' }] } })
    .expect(201);
  return id;
}

const appeal = (id: string, body: object, key?: string) => {
  const req = app.http.post(`/v1/requests/${id}/appeal`).set(bearer(room.tokens.reporter));
  if (key) req.set('Idempotency-Key', key);
  return req.send(body);
};

describe('appeals', () => {
  it('when the reporter drafts, edits and sends an appeal, then the agency’s appeal address gets the edited letter once and the appeal clock starts', async () => {
    const id = await denied('Appeal by email');
    const drafted = await appeal(id, { action: 'draft' }).expect(200);
    expect(drafted.body.request).toBeNull();
    expect(drafted.body.draft.body.length).toBeGreaterThan(100);
    expect(drafted.body.draft.body).toMatch(/appeal/i);

    const edited = `${drafted.body.draft.body}\n\nP.S. We also ask for a Vaughn index.`;
    const body = { action: 'send', subject: 'FOIA appeal: the all-employee email of January 16, 2026', body: edited };
    const sent = await appeal(id, body, `appeal-${id}`).expect(200);
    expect(sent.body.draft).toBeNull();
    expect(sent.body.request.status).toBe('appealed');
    // A retried call answers the same and sends nothing more.
    await appeal(id, body, `appeal-${id}`).expect(200);

    const ofAppeal = () => sink.to('appeals@ice.example.gov').filter((m) => m.parsed.subject === body.subject);
    expect(await eventually(() => ofAppeal().length === 1, 20000)).toBe(true);
    expect(ofAppeal()[0]!.parsed.text).toContain('P.S. We also ask for a Vaughn index.');
    await new Promise((r) => setTimeout(r, 1000));
    expect(ofAppeal()).toHaveLength(1);

    const events = (await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    const filed = events.filter((e: { type: string }) => e.type === 'appeal_filed');
    expect(filed).toHaveLength(1);
    expect(filed[0].data).toEqual({ method: 'email', filedWith: 'appeals@ice.example.gov' });
    const deadlines = (await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).expect(200)).body.deadlines as Array<{
      kind: string;
    }>;
    expect(deadlines.map((d) => d.kind).join(' ')).toMatch(/appeal_decision/);
  });

  it('when the appeal was filed through a portal, then it is recorded with its time and nothing is emailed', async () => {
    const id = await denied('Appeal by portal', 'portal');
    const before = sink.received.length;
    const res = await appeal(id, {
      action: 'record',
      method: 'portal',
      filedAt: '2026-02-10T10:00:00-05:00',
      filedWith: 'FOIA appeals portal',
    }).expect(200);
    expect(res.body.request.status).toBe('appealed');
    const events = (await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    const filed = events.find((e: { type: string }) => e.type === 'appeal_filed');
    expect(filed.data).toEqual({ method: 'portal', filedWith: 'FOIA appeals portal' });
    expect(new Date(filed.occurredAt).toISOString()).toBe('2026-02-10T15:00:00.000Z');
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.received.length).toBe(before);
  });

  it('when the request is not decided, or the input is wrong, then it is refused naming why', async () => {
    const { id } = await draft(app, room, ice, { title: 'Not decided' });
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'portal' }).expect(200);
    await appeal(id, { action: 'send' }).expect(409);
    const bad = await appeal(id, { action: 'record', method: 'carrier pigeon' }).expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('method');
    await appeal(id, { action: 'send', colour: 'red' }).expect(400);
  });
});
