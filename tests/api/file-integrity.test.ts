import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createLogger } from '../../server/logger';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { exhibitText } from '../support/exhibit-text';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

// A stored file is named by its SHA-256; these tests change the bytes behind
// the name, as someone with access to DATA_DIR could, and check that every
// reader of the file notices: verification, the download and the exhibit.

let app: TestApp;
let room: Newsroom;
let requestId: string;
let pdf: { id: string; sha256: string; filename: string };
let eml: { id: string; sha256: string; filename: string };
const logLines: Array<Record<string, unknown>> = [];

const RELEASE = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Responsive records, first partial release, 12 pages\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  // Only errors are kept: the alert is one, request logs are not.
  const logger = createLogger('error', { write: (line: string) => void logLines.push(JSON.parse(line)) });
  app = await startTestApp({}, { logger });
  room = await createNewsroom(app);
  const ice = await addAgency(app, room, AGENCIES.ice);
  requestId = (await draft(app, room, ice)).id;
  // Sent by email, so the request carries the raw .eml of the letter.
  await app.http.post(`/v1/requests/${requestId}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
  const up = await app.http
    .post(`/v1/requests/${requestId}/attachments`)
    .set(bearer(room.tokens.reporter))
    .attach('file', RELEASE, { filename: 'partial release.pdf', contentType: 'application/pdf' })
    .expect(201);
  await app.http
    .post(`/v1/requests/${requestId}/events`)
    .set(bearer(room.tokens.reporter))
    .send({
      type: 'records_released',
      occurredAt: new Date().toISOString(),
      data: { final: false, pages: 12 },
      attachmentIds: [up.body.id],
    })
    .expect(201);
  const listed = (await app.http.get(`/v1/requests/${requestId}/attachments`).set(bearer(room.tokens.counsel)).expect(200)).body
    .items as Array<{
    id: string;
    sha256: string;
    filename: string;
    contentType: string;
  }>;
  pdf = listed.find((a) => a.id === up.body.id)!;
  eml = listed.find((a) => a.contentType === 'message/rfc822')!;
  expect(eml.filename).toMatch(/\.eml$/);
});
afterAll(() => app.close());

const verify = async () =>
  (await app.http.get(`/v1/requests/${requestId}/history/verify`).set(bearer(room.tokens.counsel)).expect(200)).body;

const download = (id: string) =>
  app.http.get(`/v1/requests/${requestId}/attachments/${id}`).set(bearer(room.tokens.counsel)).buffer(true).parse(binaryBody);

/** Runs fn with the stored file of `sha256` tampered by `tamper`, then puts the original bytes back. */
async function withTampered(sha256: string, tamper: (file: string, original: Buffer) => void, fn: () => Promise<void>): Promise<void> {
  const file = app.deps.files.pathOf(sha256);
  const original = fs.readFileSync(file);
  tamper(file, original);
  try {
    await fn();
  } finally {
    fs.writeFileSync(file, original);
  }
}

const FORGERIES: Array<[string, (original: Buffer) => Buffer | null]> = [
  ['other bytes of the same length', (o) => Buffer.from(o.toString('latin1').replace('12 pages', '99 pages'), 'latin1')],
  ['shorter bytes', (o) => o.subarray(0, 20)],
  ['nothing (the file is deleted)', () => null],
];

describe('stored files checked against their hash', () => {
  it('when nothing is tampered with, then verify checks every file and the download carries the hash as its tag', async () => {
    const v = await verify();
    expect(v).toMatchObject({ valid: true, eventsValid: true, firstBrokenSeq: null, files: { valid: true, checked: 2, failed: [] } });
    const res = await download(pdf.id).expect(200);
    expect(res.headers.etag).toBe(`"${pdf.sha256}"`);
    expect(Buffer.compare(res.body as Buffer, RELEASE)).toBe(0);
  });

  it.each(FORGERIES)(
    'when the stored PDF is replaced with %s, then verify, the download and the exhibit all say the file failed',
    async (_, forge) => {
      const forged = forge(RELEASE);
      await withTampered(
        pdf.sha256,
        (file, original) => {
          expect(Buffer.compare(original, RELEASE)).toBe(0);
          if (forged) fs.writeFileSync(file, forged);
          else fs.rmSync(file);
        },
        async () => {
          const v = await verify();
          // The events are intact, yet the verdict is not valid.
          expect(v).toMatchObject({ valid: false, eventsValid: true, firstBrokenSeq: null, files: { valid: false, checked: 2 } });
          expect(v.files.failed).toEqual([
            {
              attachmentId: pdf.id,
              filename: 'partial release.pdf',
              eventSeq: 2,
              expectedSha256: pdf.sha256,
              status: forged ? 'altered' : 'missing',
              actualSha256: forged ? sha(forged) : null,
              actualSize: forged ? forged.length : null,
            },
          ]);

          const before = logLines.length;
          const res = await download(pdf.id);
          expect(res.status).toBe(409);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.headers['content-disposition']).toBeUndefined();
          expect(res.headers.etag).not.toBe(`"${pdf.sha256}"`);
          const problem = JSON.parse((res.body as Buffer).toString());
          expect(problem).toMatchObject({
            type: 'urn:records-tracker:problem:file-integrity',
            status: 409,
            attachmentId: pdf.id,
            expectedSha256: pdf.sha256,
            actualSha256: forged ? sha(forged) : null,
          });
          if (forged) expect((res.body as Buffer).includes(forged)).toBe(false);
          const alert = logLines.slice(before).find((l) => l.msg === 'stored file failed its integrity check');
          expect(alert).toMatchObject({
            level: 50,
            sha256: pdf.sha256,
            requestId,
            attachmentId: pdf.id,
            status: forged ? 'altered' : 'missing',
          });
          // The HTTP request id, to find the call in the access log.
          expect((alert?.req as { id?: unknown } | undefined)?.id).toEqual(expect.any(String));

          const json = (await app.http.get(`/v1/requests/${requestId}/history`).set(bearer(room.tokens.counsel)).expect(200)).body;
          expect(json.chain).toEqual(v);
          const text = await exhibitText(app, room.tokens.counsel, requestId);
          expect(text).toMatch(/1 of 2 files FAILED (their|its) integrity check/i);
          expect(text).toContain(
            forged ? 'FAILED INTEGRITY CHECK: the stored bytes hash to' : 'FAILED INTEGRITY CHECK: the stored file is missing',
          );
          expect(text.replace(/ /g, '')).toContain(pdf.sha256);
          if (forged) expect(text.replace(/ /g, '')).toContain(sha(forged));
          // Its separator page says it is not appended, and why.
          expect(text).toContain(
            forged ? 'NOT APPENDED: the stored file FAILED ITS INTEGRITY CHECK' : 'NOT APPENDED: the stored file is missing',
          );
          // And the certification warns whoever is about to sign it.
          expect(text).toMatch(
            /CAUTION: the verification printed at the start of this exhibit did not pass: 1 of 2 files failed (its|their) integrity check/,
          );
        },
      );
      // Put back, the file verifies and downloads again.
      expect((await verify()).valid).toBe(true);
      expect((await download(pdf.id).expect(200)).headers.etag).toBe(`"${pdf.sha256}"`);
    },
  );

  it('when the raw .eml of the letter is altered, then verify names it and its download is refused', async () => {
    await withTampered(
      eml.sha256,
      (file, original) => fs.writeFileSync(file, Buffer.from(original.toString('latin1').replace(/foia@ice/g, 'evil@ice'), 'latin1')),
      async () => {
        const v = await verify();
        expect(v).toMatchObject({ valid: false, eventsValid: true, files: { valid: false, checked: 2 } });
        expect(v.files.failed).toEqual([expect.objectContaining({ attachmentId: eml.id, filename: eml.filename, status: 'altered' })]);
        expect(v.files.failed[0].actualSha256).not.toBe(eml.sha256);
        const res = await download(eml.id);
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(await exhibitText(app, room.tokens.counsel, requestId)).toContain(eml.filename);
      },
    );
  });

  it('when the file is replaced while it is being served, then the last chunk is withheld and the client never gets a whole forged file', async () => {
    // Large enough that the first chunks leave before the swap.
    const big = Buffer.concat([RELEASE, Buffer.alloc(8 * 1024 * 1024, 0x20)]);
    const opened = await app.deps.files.openChecked(
      await app.db.knex.transaction(async (trx) => (await app.deps.files.put(trx, big)).sha256),
    );
    expect(opened.check.status).toBe('ok');
    const file = app.deps.files.pathOf(sha(big));
    const chunks: Buffer[] = [];
    const stream = opened.stream!;
    let error: Error | undefined;
    await new Promise<void>((resolve) => {
      stream.once('data', (c: Buffer) => {
        chunks.push(c);
        // Written in place (same inode), unlike the store's own atomic rename.
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.from('FORGED'), 0, 6, big.length - 6);
        fs.closeSync(fd);
        stream.on('data', (d: Buffer) => chunks.push(d));
      });
      stream.on('error', (err) => {
        error = err;
        resolve();
      });
      stream.on('end', resolve);
    });
    expect(error?.name).toBe('FileIntegrityError');
    expect(Buffer.concat(chunks).length).toBeLessThan(big.length);
  });
});

describe('stored files read whole (the outbox sending a letter, a parked email filed by hand)', () => {
  it('when the stored bytes were altered, then reading them fails instead of handing out the forged bytes', async () => {
    const bytes = Buffer.from('From: a@example.org\r\nSubject: kept\r\n\r\nthe letter as queued\r\n');
    const stored = await app.db.knex.transaction(async (trx) => (await app.deps.files.put(trx, bytes)).sha256);
    expect((await app.deps.files.read(stored)).equals(bytes)).toBe(true);

    fs.writeFileSync(app.deps.files.pathOf(stored), Buffer.from('From: a@example.org\r\nSubject: forged\r\n\r\nother words\r\n'));
    const error = await app.deps.files.read(stored).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(error?.name).toBe('FileIntegrityError');
    expect(error?.message).toContain(stored);
  });
});
