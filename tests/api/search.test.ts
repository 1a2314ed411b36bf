import MailComposer from 'nodemailer/lib/mail-composer';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Search finds what users type: exemption citations and reasons in a denial's
// data, a tracking number given at submit, clarification questions and
// answers, correspondence subjects and inbound mail, attachment file names;
// and only in the caller's newsroom.

const SECRET = 'inbound-secret-for-search-0123';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let app: TestApp;
let room: Newsroom;
let other: Newsroom;
const ids: Record<string, string> = {};

const log = (room: Newsroom, id: string, body: object) =>
  app.http.post(`/v1/requests/${id}/events`).set(bearer(room.tokens.reporter)).send(body).expect(201);
async function filed(r: Newsroom, agency: string, title: string, submit: object = {}): Promise<string> {
  const { id } = await draft(app, r, agency, { title });
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(r.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00', ...submit })
    .expect(200);
  return id;
}

beforeAll(async () => {
  app = await startTestApp({ INBOUND_SECRET: SECRET, INBOUND_ADDRESS: 'records@newsroom.example.org' });
  app.setNow(new Date('2026-03-02T15:00:00Z'));
  room = await createNewsroom(app, 'Search Desk');
  other = await createNewsroom(app, 'Other Search Desk');
  const ice = await addAgency(app, room, AGENCIES.ice);
  const theirIce = await addAgency(app, other, AGENCIES.ice);

  ids.denied = await filed(room, ice, 'Denied request');
  await log(room, ids.denied, {
    type: 'denied',
    occurredAt: '2026-02-02',
    data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)', reason: 'Would disclose law enforcement techniques and procedures.' }] },
  });
  // Every token of 552(b)(7)(E) is here too, but not that citation.
  ids.decoy = await filed(room, ice, 'Other exemptions');
  await log(room, ids.decoy, {
    type: 'denied',
    occurredAt: '2026-02-02',
    data: {
      exemptions: [
        { citation: '5 U.S.C. § 552(b)(5)' },
        { citation: '5 U.S.C. § 552(b)(7)(C)', reason: 'Names of employees, see item e.' },
      ],
    },
  });

  ids.tracked = await filed(room, ice, 'Tracked at submit', { trackingNumber: '2026-ICFO-31337' });

  ids.clarified = await filed(room, ice, 'Clarified request');
  await log(room, ids.clarified, {
    type: 'clarification_requested',
    occurredAt: '2026-01-20',
    data: { question: 'Does the request cover the Bloomington field office?' },
  });
  await log(room, ids.clarified, {
    type: 'clarification_provided',
    occurredAt: '2026-01-21',
    data: { answer: 'Yes, include the Bloomington detention logs.' },
  });

  ids.letter = await filed(room, ice, 'Phoned request');
  await log(room, ids.letter, {
    type: 'correspondence',
    occurredAt: '2026-01-22',
    data: { direction: 'in', channel: 'letter', subject: 'Interim release schedule' },
  });
  const upload = await app.http
    .post(`/v1/requests/${ids.letter}/attachments`)
    .set(bearer(room.tokens.reporter))
    .attach('file', PDF, { filename: 'ICE_interim_release_March.pdf', contentType: 'application/pdf' })
    .expect(201);
  await log(room, ids.letter, {
    type: 'records_released',
    occurredAt: '2026-01-23',
    data: { final: false },
    attachmentIds: [upload.body.id],
  });

  // Inbound mail to the request's reply address.
  const { id: emailed } = await draft(app, room, ice, { title: 'Emailed request' });
  const sent = await app.http
    .post(`/v1/requests/${emailed}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'email' })
    .expect(200);
  ids.emailed = emailed;
  const raw = new MailComposer({
    from: 'FOIA Office <foia@ice.example.gov>',
    to: sent.body.submission.replyAddress,
    subject: 'Processing of your request',
    text: 'Your request has been placed in the complex processing queue behind the Whipple building records.',
    date: new Date(),
  })
    .compile()
    .build();
  await app.http
    .post('/v1/inbound/email')
    .set('Authorization', `Bearer ${SECRET}`)
    .set('Content-Type', 'message/rfc822')
    .send(await raw)
    .expect(201);

  // Another newsroom's request with the same words.
  ids.theirs = await filed(other, theirIce, 'Their denial', { trackingNumber: '2026-ICFO-31337' });
  await log(other, ids.theirs, {
    type: 'denied',
    occurredAt: '2026-02-02',
    data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)', reason: 'law enforcement techniques' }] },
  });
});
afterAll(() => app.close());

async function found(
  q: string,
  as: Newsroom = room,
): Promise<Array<{ requestId: string; kind: string; eventType: string | null; snippet: string }>> {
  return (await app.http.get('/v1/search').query({ q }).set(bearer(as.tokens.counsel)).expect(200)).body.items;
}
const requestsFound = async (q: string, as: Newsroom = room) => [...new Set((await found(q, as)).map((h) => h.requestId))].sort();

it('when searching an exemption citation exactly as written, then the denial citing it is found and one citing other subsections is not', async () => {
  expect(await requestsFound('552(b)(7)(E)')).toEqual([ids.denied]);
  expect(await requestsFound('(b)(7)(E)')).toEqual([ids.denied]);
  const hit = (await found('552(b)(7)(E)'))[0]!;
  expect(hit).toMatchObject({ kind: 'event', eventType: 'denied' });
  expect(hit.snippet.replace(/\[\[|\]\]/g, '')).toContain('§ 552(b)(7)(E');
});

it('when searching an exemption reason, then the denial is found', async () => {
  expect(await requestsFound('law enforcement techniques')).toEqual([ids.denied]);
});

it('when searching a tracking number given at submit, then the request is found', async () => {
  expect(await requestsFound('2026-ICFO-31337')).toEqual([ids.tracked]);
});

it('when searching words of a clarification question or answer, then the request is found', async () => {
  expect(await requestsFound('Bloomington field office')).toEqual([ids.clarified]);
  expect(await requestsFound('detention logs')).toEqual([ids.clarified]);
});

it('when searching a correspondence subject, an inbound mail body or an attachment file name, then the request is found', async () => {
  expect(await requestsFound('interim release schedule')).toEqual([ids.letter]);
  expect(await requestsFound('Whipple building')).toEqual([ids.emailed]);
  expect(await requestsFound('Processing of your request')).toContain(ids.emailed);
  expect(await requestsFound('ICE_interim_release_March.pdf')).toEqual([ids.letter]);
  expect(await requestsFound('interim release March')).toEqual([ids.letter]);
});

it('when another newsroom has the same text, then it is not found, and that newsroom finds only its own', async () => {
  expect(await requestsFound('552(b)(7)(E)', other)).toEqual([ids.theirs]);
  expect(await requestsFound('2026-ICFO-31337', other)).toEqual([ids.theirs]);
  expect(await requestsFound('Bloomington', other)).toEqual([]);
});
