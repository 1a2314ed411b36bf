import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertAttachment } from '../../server/attachments/attachment-store';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

let app: TestApp;
let room: Newsroom;
let requestId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 1)]);

beforeAll(async () => {
  app = await startTestApp({ ATTACHMENT_MAX_BYTES: String(64 * 1024) });
  room = await createNewsroom(app);
  const ice = await addAgency(app, room, AGENCIES.ice);
  requestId = (await draft(app, room, ice)).id;
  await app.http
    .post(`/v1/requests/${requestId}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
    .expect(200);
});
afterAll(() => app.close());

const upload = (bytes: Buffer, filename: string, contentType: string, token = room.tokens.reporter) =>
  app.http.post(`/v1/requests/${requestId}/attachments`).set(bearer(token)).attach('file', bytes, { filename, contentType });

describe('attachments', () => {
  it('when a PDF is uploaded claiming to be a PNG, then it is stored by hash as a PDF and streams back byte for byte', async () => {
    const res = await upload(PDF, 'release letter.pdf', 'image/png').expect(201);
    expect(res.body).toMatchObject({ contentType: 'application/pdf', size: PDF.length, filename: 'release letter.pdf', eventId: null });
    expect(res.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const file = await app.http
      .get(`/v1/requests/${requestId}/attachments/${res.body.id}`)
      .set(bearer(room.tokens.counsel))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('release letter.pdf');
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
  });

  it('when the app asks to preview a PDF inline, then it is shown inline; a zip is still only a download', async () => {
    const pdf = await upload(PDF, 'release.pdf', 'application/pdf').expect(201);
    const shown = await app.http
      .get(`/v1/requests/${requestId}/attachments/${pdf.body.id}?disposition=inline`)
      .set(bearer(room.tokens.counsel))
      .expect(200);
    expect(shown.headers['content-disposition']).toMatch(/^inline; filename="release.pdf"/);
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    const plain = await app.http.get(`/v1/requests/${requestId}/attachments/${pdf.body.id}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(plain.headers['content-disposition']).toMatch(/^attachment;/);
    const zip = await upload(Buffer.from('504b0304140000000000', 'hex'), 'records.zip', 'application/zip').expect(201);
    const kept = await app.http
      .get(`/v1/requests/${requestId}/attachments/${zip.body.id}?disposition=inline`)
      .set(bearer(room.tokens.counsel))
      .expect(200);
    expect(kept.headers['content-disposition']).toMatch(/^attachment;/);
    await app.http
      .get(`/v1/requests/${requestId}/attachments/${zip.body.id}?disposition=show`)
      .set(bearer(room.tokens.counsel))
      .expect(400);
  });

  it('when an executable is uploaded as a PDF, then 415 and nothing is stored', async () => {
    const before = await app.db.knex('attachments').where({ request_id: requestId }).count<{ count: number }[]>('* as count');
    const res = await upload(ELF, 'report.pdf', 'application/pdf').expect(415);
    expect(res.body.detail).toMatch(/not accepted/);
    const after = await app.db.knex('attachments').where({ request_id: requestId }).count<{ count: number }[]>('* as count');
    expect(Number(after[0]!.count)).toBe(Number(before[0]!.count));
  });

  it('when HTML is uploaded, then it is kept as plain text so no browser renders it', async () => {
    const res = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'page.html', 'text/html').expect(201);
    expect(res.body.contentType).toBe('text/plain');
  });

  it('when the file is over the limit, then 413', async () => {
    await upload(Buffer.concat([PDF, Buffer.alloc(70 * 1024, 32)]), 'big.pdf', 'application/pdf').expect(413);
  });

  it('when the body is not multipart or has no file, then 400', async () => {
    await app.http.post(`/v1/requests/${requestId}/attachments`).set(bearer(room.tokens.reporter)).send({ file: 'x' }).expect(400);
    await app.http
      .post(`/v1/requests/${requestId}/attachments`)
      .set(bearer(room.tokens.reporter))
      .set('Content-Type', 'multipart/form-data; boundary=zzz')
      .send('--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nunterminated')
      .expect(400);
  });

  it('when a file is attached to an event, then the event carries its hash and it cannot be attached twice', async () => {
    const file = await upload(PDF, 'partial release.pdf', 'application/pdf').expect(201);
    const event = await app.http
      .post(`/v1/requests/${requestId}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'records_released', occurredAt: '2026-02-05', data: { final: false, pages: 12 }, attachmentIds: [file.body.id] })
      .expect(201);
    expect(event.body.event.attachments).toEqual([
      { sha256: file.body.sha256, filename: 'partial release.pdf', contentType: 'application/pdf', size: PDF.length },
    ]);
    const again = await app.http
      .post(`/v1/requests/${requestId}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'note', occurredAt: '2026-02-05', data: {}, attachmentIds: [file.body.id] })
      .expect(400);
    expect(again.body.errors[0].field).toBe('attachmentIds.0');
    const listed = await app.http.get(`/v1/requests/${requestId}/attachments`).set(bearer(room.tokens.counsel)).expect(200);
    expect(listed.body.items.find((a: { id: string }) => a.id === file.body.id).eventId).toBe(event.body.event.id);
  });

  it('when counsel uploads or another newsroom downloads, then 403 and 404', async () => {
    await upload(PDF, 'x.pdf', 'application/pdf', room.tokens.counsel).expect(403);
    const mine = await upload(PDF, 'y.pdf', 'application/pdf').expect(201);
    const other = await createNewsroom(app);
    await app.http.get(`/v1/requests/${requestId}/attachments/${mine.body.id}`).set(bearer(other.tokens.admin)).expect(404);
    await app.http.get(`/v1/requests/${requestId}/attachments`).set(bearer(other.tokens.admin)).expect(404);
  });

  // Stored directly: far larger than the upload limit of this app, so a
  // download cannot fit in the socket buffers before the client goes away.
  async function storedFile(bytes: Buffer, filename: string) {
    return app.db.knex.transaction(async (trx) => {
      const stored = await app.deps.files.put(trx, bytes);
      return insertAttachment(trx, {
        organizationId: room.orgId,
        requestId,
        sha256: stored.sha256,
        size: stored.size,
        contentType: 'application/pdf',
        filename,
        source: 'upload',
        createdBy: null,
      });
    });
  }

  it('when clients abort downloads of a large file midway, then the server closes the file each time', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(32 * 1024 * 1024, 7)]);
    const attachment = await storedFile(big, 'big release.pdf');
    const target = app.deps.files.pathOf(attachment.sha256);
    const openCopies = () =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`) === target;
        } catch {
          return false; // closed while we looked
        }
      }).length;
    const { port } = app.server.address() as AddressInfo;
    const abortAfterFirstChunk = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port, path: `/v1/requests/${requestId}/attachments/${attachment.id}`, headers: bearer(room.tokens.counsel) },
          (res) => {
            expect(res.statusCode).toBe(200);
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
      });
    for (let i = 0; i < 3; i += 1) await abortAfterFirstChunk();
    const deadline = Date.now() + 3000;
    while (openCopies() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(openCopies()).toBe(0);
  });

  it('when the stored bytes are missing, then the error is a problem without the file’s download headers', async () => {
    const gone = Buffer.concat([PDF, Buffer.from('bytes that will be lost')]);
    const attachment = await storedFile(gone, 'lost.pdf');
    fs.rmSync(app.deps.files.pathOf(attachment.sha256));
    const res = await app.http.get(`/v1/requests/${requestId}/attachments/${attachment.id}`).set(bearer(room.tokens.counsel));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    // Express tags any body it sends; the file's own tag must not be claimed.
    expect(res.headers.etag).not.toBe(`"${attachment.sha256}"`);
  });
});
