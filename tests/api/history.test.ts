import { PDFParse } from 'pdf-parse';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;
let requestId: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Star Tribune');
  const minneapolis = await addAgency(app, room, { ...AGENCIES.minneapolis, recordsEmail: 'records@minneapolis.example.gov' });
  const ice = await addAgency(app, room, AGENCIES.ice);
  requestId = (await draft(app, room, ice)).id;
  await draft(app, room, minneapolis, {
    title: 'Separation ordinance training',
    recordsSought: 'Training slides on the separation ordinance.',
  });
  await app.http
    .post(`/v1/requests/${requestId}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00', trackingNumber: '2026-ICFO-31337' })
    .expect(200);
  const log = (body: object) => app.http.post(`/v1/requests/${requestId}/events`).set(bearer(room.tokens.reporter)).send(body).expect(201);
  await log({
    type: 'acknowledged',
    occurredAt: '2026-01-21T09:00:00-05:00',
    data: { trackingNumber: '2026-ICFO-31337' },
    summary: 'Acknowledgment letter received',
  });
  await log({
    type: 'correspondence',
    occurredAt: '2026-02-20T14:00:00-05:00',
    data: { direction: 'out', channel: 'phone' },
    summary: 'Called the FOIA office about the overdue response',
    body: 'They said the records are with the Enforcement and Removal Operations office.',
  });
  await log({
    type: 'denied',
    occurredAt: '2026-02-24T16:00:00-05:00',
    data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)', reason: 'law enforcement techniques' }] },
    summary: 'Denial letter',
  });
});
afterAll(() => app.close());

describe('history for counsel', () => {
  it('when the JSON history is read, then it holds the letter as sent, every event with hashes, deadlines met or missed, and a valid chain', async () => {
    const res = await app.http.get(`/v1/requests/${requestId}/history`).set(bearer(room.tokens.counsel)).expect(200);
    const h = res.body;
    expect(h.organization.name).toBe('Star Tribune');
    expect(h.law).toMatchObject({ jurisdiction: 'US', lawName: expect.stringMatching(/Freedom of Information/) });
    expect(h.letter).toMatchObject({ sent: true, bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(h.events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'acknowledged', 'correspondence', 'denied']);
    expect(h.events[0].data.letter.bodySha256).toBe(h.letter.bodySha256);
    expect(h.events.every((e: { hash: string }) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(h.events[3].backdated).toBe(true);
    // Due Tue 17 Feb; denied Tue 24 Feb: 18, 19, 20, 23, 24 are five business days late.
    const response = h.deadlines.find((d: { kind: string }) => d.kind === 'response');
    expect(response).toMatchObject({ dueDate: '2026-02-17', met: false, satisfiedOn: '2026-02-24', businessDaysLate: 5 });
    // 90 calendar days after 24 Feb is Mon 25 May (Memorial Day); a requester's window is not rolled forward, so the safe date stands.
    expect(h.deadlines.find((d: { kind: string }) => d.kind === 'appeal')).toMatchObject({ dueDate: '2026-05-25' });
    expect(h.chain).toMatchObject({ valid: true, events: 4, firstBrokenSeq: null, headHash: h.events[3].hash });
  });

  it('when the PDF exhibit is asked for, then it opens and its text carries the timeline, the lateness and the final hash', async () => {
    const res = await app.http
      .get(`/v1/requests/${requestId}/history?format=pdf`)
      .set(bearer(room.tokens.counsel))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text } = await parser.getText();
    await parser.destroy();
    const flat = text.replace(/\s+/g, ' ');
    const json = (await app.http.get(`/v1/requests/${requestId}/history`).set(bearer(room.tokens.counsel)).expect(200)).body;
    for (const marker of ['Acknowledgment letter received', 'Called the FOIA office', 'Denial letter', '552(b)(7)(E)'])
      expect(flat).toContain(marker);
    expect(flat.indexOf('Acknowledgment letter received')).toBeLessThan(flat.indexOf('Denial letter'));
    expect(flat).toMatch(/missed by 5 business days/);
    expect(flat.replace(/ /g, '')).toContain(json.chain.headHash);
    expect(flat).toMatch(/Page 1 of \d+/);
  });

  it('when another newsroom asks for the history or its verification, then 404', async () => {
    const other = await createNewsroom(app);
    await app.http.get(`/v1/requests/${requestId}/history`).set(bearer(other.tokens.counsel)).expect(404);
    await app.http.get(`/v1/requests/${requestId}/history?format=pdf`).set(bearer(other.tokens.counsel)).expect(404);
    await app.http.get(`/v1/requests/${requestId}/history/verify`).set(bearer(other.tokens.counsel)).expect(404);
  });
});

describe('search', () => {
  it('when searching words of a letter, an event or a title, then the newsroom’s matches come back with snippets', async () => {
    const byEvent = await app.http.get('/v1/search?q=Enforcement Removal Operations').set(bearer(room.tokens.counsel)).expect(200);
    expect(byEvent.body.items[0]).toMatchObject({ kind: 'event', requestId, eventType: 'correspondence' });
    expect(byEvent.body.items[0].snippet).toContain('[[');
    const byTitle = await app.http.get('/v1/search?q="separation ordinance"').set(bearer(room.tokens.counsel)).expect(200);
    expect(byTitle.body.items.map((h: { kind: string; requestTitle: string }) => h.requestTitle)).toContain(
      'Separation ordinance training',
    );
    const other = await createNewsroom(app);
    const none = await app.http.get('/v1/search?q=ordinance').set(bearer(other.tokens.counsel)).expect(200);
    expect(none.body.items).toEqual([]);
    await app.http.get('/v1/search?q=').set(bearer(room.tokens.counsel)).expect(400);
  });
});
