import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { agencyPdf, encryptedPdf } from '../support/agency-pdfs';
import { exhibitPdf, pdfPages } from '../support/exhibit-text';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

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
      .parse(binaryBody)
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

describe('the exhibit for a filing', () => {
  let desk: Newsroom;
  let id: string;
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const upload = async (bytes: Buffer, filename: string) =>
    (
      await app.http
        .post(`/v1/requests/${id}/attachments`)
        .set(bearer(desk.tokens.reporter))
        .attach('file', bytes, { filename, contentType: 'application/pdf' })
        .expect(201)
    ).body as { id: string; sha256: string };
  const bates = (n: number) => `STRIB-${String(n).padStart(6, '0')}`;
  const headHash = async () =>
    (await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(desk.tokens.counsel)).expect(200)).body.headHash as string;

  beforeAll(async () => {
    desk = await createNewsroom(app, 'Star Tribune records desk');
    id = (await draft(app, desk, await addAgency(app, desk, AGENCIES.ice))).id;
    await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(desk.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
      .expect(200);
    await app.http.patch('/v1/organization/settings').set(bearer(desk.tokens.admin)).send({ batesPrefix: 'STRIB' }).expect(200);
  });

  it('when the exhibit is asked for with a label and a first number, then every page carries the label and its Bates number in sequence, and the last page is the certification with the head hash', async () => {
    const pages = await pdfPages(await exhibitPdf(app, desk.tokens.counsel, id, 'exhibit=A&batesStart=41'));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text).toContain('Exhibit A');
      expect(text).toContain(bates(41 + i));
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // The stamp is the last thing drawn on a page, so its number is the page's last one (the certification quotes others): in sequence, none skipped.
    const stamped = pages.map((t) => Number([...t.matchAll(/STRIB-(\d{6})/g)].at(-1)?.[1]));
    expect(stamped).toEqual(pages.map((_, i) => 41 + i));
    const cert = pages.at(-1)!;
    expect(cert).toContain('Certification of records');
    expect(cert).toContain(`Bates ${bates(41)} through ${bates(40 + pages.length)}`);
    expect(cert).toMatch(
      /is a true and complete record of the history of the public-records request described above, made and kept by Star Tribune records desk in the ordinary course/,
    );
    expect(cert.replace(/ /g, '')).toContain(await headHash());
    expect(cert).toMatch(/Name\s+Title or role\s+Date\s+Signature/);
  });

  it('when custodian and date are given and a checkpoint was signed, then the certification fills its lines and names the checkpoint', async () => {
    // The export before signed the head; this one finds it.
    const pages = await pdfPages(
      await exhibitPdf(
        app,
        desk.tokens.counsel,
        id,
        'custodianName=Dana%20Custodian&custodianRole=Records%20editor&certifiedOn=2026-03-02',
      ),
    );
    const cert = pages.at(-1)!;
    expect(cert).toMatch(/Name Dana Custodian Title or role Records editor Date 2026-03-02 Signature/);
    const head = await headHash();
    expect(cert).toMatch(
      /Latest signed checkpoint: signed \[[^\]]+\] with the newsroom's Ed25519 key [0-9a-f]{16}…, 1 event, head hash below; the record still holds it/,
    );
    // In the footer, as the chain's head, and as the checkpoint's.
    expect(cert.replace(/ /g, '').split(head).length - 1).toBe(3);
    // No label asked for: the Bates number alone, from 1.
    expect(pages[0]).toContain(bates(1));
    expect(pages[0]).not.toContain('Exhibit');
  });

  it('when the request has PDF attachments, then each follows the history after a separator with its name and SHA-256, stamped, and a damaged or encrypted one gets a separator saying it could not be appended', async () => {
    const before = await pdfPages(await exhibitPdf(app, desk.tokens.counsel, id));
    const release = await agencyPdf(3, 'ICE release');
    const stored = await upload(release, 'ICE release, part 1.pdf');
    expect(stored.sha256).toBe(sha(release));
    const after = await pdfPages(await exhibitPdf(app, desk.tokens.counsel, id, 'exhibit=B'));
    // The history is as long as before; the PDF adds a separator and its three pages before the certification.
    expect(after.length).toBe(before.length + 1 + 3);
    const separator = before.length - 1;
    expect(after[separator]).toContain('Appended document 1 of 1');
    expect(after[separator]).toContain('ICE release, part 1.pdf');
    expect(after[separator]).toContain('not attached to an event');
    expect(after[separator]!.replace(/ /g, '')).toContain(stored.sha256);
    expect(after[separator]).toContain(`The 3 pages that follow (${bates(separator + 2)} through ${bates(separator + 4)})`);
    for (let p = 1; p <= 3; p += 1) {
      const page = after[separator + p]!;
      expect(page).toContain(`ICE release page ${p} of 3`);
      expect(page).toContain('Exhibit B');
      expect(page).toContain(bates(separator + 1 + p));
    }
    expect(after.at(-1)).toContain('Certification of records');
    expect(after.at(-1)).toContain('the 1 agency document appended to it is a copy');

    const good = await agencyPdf(2, 'Second release');
    const damaged = await upload(good.subarray(0, good.length >> 1), 'damaged.pdf');
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(desk.tokens.reporter))
      .send({
        type: 'acknowledged',
        occurredAt: '2026-01-21T09:00:00-05:00',
        summary: 'Acknowledgment with a damaged scan',
        attachmentIds: [damaged.id],
      })
      .expect(201);
    const locked = await upload(await encryptedPdf('Protected release'), 'protected.pdf');
    const pages = await pdfPages(await exhibitPdf(app, desk.tokens.counsel, id, 'exhibit=B'));
    // History, then separator and 3 pages, then a separator each for the two that could not be appended, then the certification.
    const first = pages.findIndex((t) => t.includes('Appended document 1 of 3'));
    expect(pages.length).toBe(first + 4 + 1 + 1 + 1);
    const damagedPage = pages[first + 4]!;
    expect(damagedPage).toContain('Appended document 2 of 3');
    expect(damagedPage).toContain('File name damaged.pdf');
    expect(damagedPage).toContain('Event #2 Acknowledged, 2026-01-21: Acknowledgment with a damaged scan');
    expect(damagedPage).toMatch(/COULD NOT BE APPENDED: the file could not be read as a PDF \(.+\)/);
    expect(damagedPage.replace(/ /g, '')).toContain(damaged.sha256);
    const lockedPage = pages[first + 5]!;
    expect(lockedPage).toContain('File name protected.pdf');
    expect(lockedPage).toContain('COULD NOT BE APPENDED: the PDF is encrypted');
    expect(lockedPage.replace(/ /g, '')).toContain(locked.sha256);
    expect(pages.some((t) => t.includes('Protected release'))).toBe(false);
    expect(pages.at(-1)).toContain('(2 other PDFs could not be appended, as their separator pages say)');
    pages.forEach((text, i) => {
      expect(text).toContain(bates(1 + i));
    });
  });

  it('when a Bates prefix or exhibit parameter is malformed, then 400 names the field', async () => {
    const patch = (body: object) => app.http.patch('/v1/organization/settings').set(bearer(desk.tokens.admin)).send(body);
    for (const bad of ['has space', 'STRIB/2026', '-STRIB', 'STRIB-', 'A'.repeat(17), '', 42]) {
      const res = await patch({ batesPrefix: bad }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['batesPrefix']);
    }
    expect((await app.http.get('/v1/organization').set(bearer(desk.tokens.counsel)).expect(200)).body.settings.batesPrefix).toBe('STRIB');
    await app.http.patch('/v1/organization/settings').set(bearer(desk.tokens.editor)).send({ batesPrefix: 'X' }).expect(403);
    expect((await patch({ batesPrefix: 'CITY_DESK-2' }).expect(200)).body.batesPrefix).toBe('CITY_DESK-2');
    expect((await patch({ batesPrefix: null }).expect(200)).body.batesPrefix).toBeNull();
    await patch({ batesPrefix: 'STRIB' }).expect(200);

    const query = async (q: string) =>
      (await app.http.get(`/v1/requests/${id}/history?${q}`).set(bearer(desk.tokens.counsel)).expect(400)).body.errors.map(
        (e: { field: string }) => e.field,
      );
    expect(await query('format=pdf&exhibit=A%20B')).toEqual(['exhibit']);
    expect(await query('format=pdf&batesStart=0')).toEqual(['batesStart']);
    expect(await query('format=pdf&batesStart=1.5')).toEqual(['batesStart']);
    expect(await query('format=pdf&certifiedOn=2026-02-30')).toEqual(['certifiedOn']);
    expect(await query('format=json&exhibit=A')).toEqual(['exhibit']);
    expect(await query('exhibit=A')).toEqual(['exhibit']);
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
