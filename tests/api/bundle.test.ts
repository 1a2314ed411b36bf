import { createHash, createPublicKey, verify } from 'node:crypto';
import JSZip from 'jszip';
import MailComposer from 'nodemailer/lib/mail-composer';
import { pdfPages } from '../support/exhibit-text';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

// jszip comes with exceljs; it reads the bundles back here, nothing in the server uses it.
const SECRET = 'inbound-secret-for-tests-0123';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let app: TestApp;
let room: Newsroom;
let other: Newsroom;
let requestId: string;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function unzip(body: unknown): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(body as Buffer);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

beforeAll(async () => {
  app = await startTestApp({ INBOUND_SECRET: SECRET, INBOUND_ADDRESS: 'records@newsroom.example.org' });
  room = await createNewsroom(app, 'Star Tribune');
  other = await createNewsroom(app, 'Pioneer Press');
  const ice = await addAgency(app, room, AGENCIES.ice);
  requestId = (await draft(app, room, ice)).id;
  const submitted = await app.http
    .post(`/v1/requests/${requestId}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'email' })
    .expect(200);
  const upload = await app.http
    .post(`/v1/requests/${requestId}/attachments`)
    .set(bearer(room.tokens.reporter))
    .attach('file', PDF, { filename: 'denial letter: final.pdf', contentType: 'application/pdf' })
    .expect(201);
  await app.http
    .post(`/v1/requests/${requestId}/events`)
    .set(bearer(room.tokens.reporter))
    .send({
      type: 'denied',
      occurredAt: new Date().toISOString(),
      data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)' }] },
      attachmentIds: [upload.body.id],
    })
    .expect(201);
  const raw = await new MailComposer({
    from: 'foia@ice.example.gov',
    to: submitted.body.submission.replyAddress,
    subject: 'Your FOIA request',
    text: 'Please see the attached acknowledgment.',
    attachments: [{ filename: 'ack.pdf', content: PDF }],
    date: new Date(),
  })
    .compile()
    .build();
  await app.http
    .post('/v1/inbound/email')
    .set('Authorization', `Bearer ${SECRET}`)
    .set('Content-Type', 'message/rfc822')
    .send(raw)
    .expect(201);
});
afterAll(() => app.close());

describe('litigation bundle', () => {
  it('when a request’s bundle is downloaded, then every file the manifest lists is in the ZIP with the SHA-256 and size it states', async () => {
    await app.http.patch('/v1/organization/settings').set(bearer(room.tokens.admin)).send({ batesPrefix: 'STRIB' }).expect(200);
    const res = await app.http
      .get(`/v1/requests/${requestId}/bundle?exhibit=C&batesStart=100`)
      .set(bearer(room.tokens.counsel))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await unzip(res.body);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ format: 'records-tracker.bundle', v: 1 });
    const listed = manifest.requests[0].files as Array<{ path: string; sha256: string; size: number; role: string }>;
    // Every file but the manifest itself is listed, and each one matches.
    expect(listed.map((f) => f.path).sort()).toEqual([...files.keys()].filter((p) => p !== 'manifest.json').sort());
    for (const f of listed) {
      expect({ path: f.path, sha256: sha256(files.get(f.path)!), size: files.get(f.path)!.length }).toEqual({
        path: f.path,
        sha256: f.sha256,
        size: f.size,
      });
    }
    const roles = listed.map((f) => f.role);
    expect(roles).toEqual(expect.arrayContaining(['readme', 'history', 'exhibit', 'email_in', 'email_out', 'attachment']));
    expect(listed.find((f) => f.role === 'email_out')!.path).toMatch(/^email\/out\/\d+-request-.*\.eml$/);
    expect(listed.find((f) => f.role === 'email_in')!.path).toMatch(/^email\/in\/\d+-agency-email-.*\.eml$/);
    // The upload kept its bytes; its name lost only what a file system would refuse.
    const upload = listed.find((f) => f.path.endsWith('-denial letter_ final.pdf'))!;
    expect(files.get(upload.path)!.equals(PDF)).toBe(true);
    expect(files.get('exhibit.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(files.get('README.txt')!.toString()).toMatch(/sha256sum[\s\S]*shasum -a 256[\s\S]*certutil -hashfile[\s\S]*Get-FileHash/);

    // The chain head and the signed checkpoint agree with the history in the bundle, and the signature checks with the key it names.
    const history = JSON.parse(files.get('history.json')!.toString('utf8'));
    const { chain, checkpoint } = manifest.requests[0];
    expect(chain).toMatchObject({ valid: true, events: history.events.length, headHash: history.events.at(-1).hash });
    expect(checkpoint).toMatchObject({ requestId, events: chain.events, headHash: chain.headHash, reason: 'bundle' });
    const key = (await app.http.get('/.well-known/records-tracker-checkpoint-key').expect(200)).text;
    expect(checkpoint.publicKeyPem).toBe(key);
    expect(verify(null, Buffer.from(checkpoint.message, 'utf8'), createPublicKey(key), Buffer.from(checkpoint.signature, 'base64'))).toBe(
      true,
    );
    expect(manifest.requests[0].problems).toEqual([]);

    // The exhibit is labelled and numbered as asked, and the manifest says how far its numbers run.
    const pages = await pdfPages(files.get('exhibit.pdf')!);
    const exhibit = manifest.requests[0].exhibit;
    expect(exhibit).toEqual({
      label: 'C',
      pages: pages.length,
      firstBates: 'STRIB-000100',
      lastBates: `STRIB-${String(99 + pages.length).padStart(6, '0')}`,
    });
    expect(pages[0]).toContain('Exhibit C');
    expect(pages.at(-1)).toMatch(new RegExp(`Exhibit C ${exhibit.lastBates}$`));
    // Neither PDF (one uploaded, one from the agency's email) is a document pdf-lib can read: each gets a separator saying so.
    expect(pages.filter((t) => t.includes('COULD NOT BE APPENDED'))).toHaveLength(2);
    expect(pages.at(-1)).toContain('Certification of records');
  });

  it('when the bundle is asked for with a malformed exhibit parameter, then 400 names it before anything streams', async () => {
    const res = await app.http.get(`/v1/requests/${requestId}/bundle?batesStart=abc`).set(bearer(room.tokens.counsel)).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['batesStart']);
  });

  it('when a stored file has gone missing, then the bundle still streams, leaves it out and lists it under problems', async () => {
    const { id } = await draft(app, room, await addAgency(app, room, AGENCIES.texas), { title: 'Missing file' });
    const gone = Buffer.from('bytes that will vanish');
    const upload = await app.http
      .post(`/v1/requests/${id}/attachments`)
      .set(bearer(room.tokens.reporter))
      .attach('file', gone, { filename: 'gone.txt', contentType: 'text/plain' })
      .expect(201);
    await import('node:fs').then((fs) => fs.rmSync(app.deps.files.pathOf(sha256(gone))));
    const res = await app.http.get(`/v1/requests/${id}/bundle`).set(bearer(room.tokens.counsel)).buffer(true).parse(binaryBody).expect(200);
    const files = await unzip(res.body);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.requests[0].problems).toEqual([
      { attachmentId: upload.body.id, filename: 'gone.txt', expectedSha256: sha256(gone), status: 'missing' },
    ]);
    expect([...files.keys()].some((p) => p.includes('gone.txt'))).toBe(false);
  });

  it('when a batch’s bundle is downloaded, then each request of the group has its own folder and manifest entry', async () => {
    const a = await addAgency(app, room, AGENCIES.minneapolis);
    const b = await addAgency(app, room, AGENCIES.saintPaul);
    const batch = await app.http
      .post('/v1/requests/batch')
      .set(bearer(room.tokens.reporter))
      .send({ title: 'Batch', recordsSought: 'The all-employee email of 16 January 2026.', agencyIds: [a, b] })
      .expect(201);
    const res = await app.http
      .get(`/v1/request-groups/${batch.body.groupId}/bundle?exhibit=A`)
      .set(bearer(room.tokens.counsel))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const files = await unzip(res.body);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    const ids = batch.body.items.map((r: { id: string }) => r.id);
    expect(manifest.requests.map((r: { requestId: string }) => r.requestId).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(files.has(`request-${id}/history.json`)).toBe(true);
    for (const r of manifest.requests) for (const f of r.files) expect(sha256(files.get(f.path)!)).toBe(f.sha256);
    // One production: the second exhibit is B and its numbers run on from the first's.
    const [first, second] = manifest.requests.map((r: { exhibit: { label: string; pages: number; firstBates: string } }) => r.exhibit);
    expect(first).toMatchObject({ label: 'A', firstBates: 'STRIB-000001' });
    expect(second).toMatchObject({ label: 'B', firstBates: `STRIB-${String(first.pages + 1).padStart(6, '0')}` });
    const secondPages = await pdfPages(files.get(`request-${manifest.requests[1].requestId}/exhibit.pdf`)!);
    expect(secondPages[0]).toContain(`Exhibit B ${second.firstBates}`);
    await app.http.get(`/v1/request-groups/${batch.body.groupId}/bundle`).set(bearer(other.tokens.counsel)).expect(404);
  });

  it('when another newsroom asks for the bundle, then it is a 404', async () => {
    await app.http.get(`/v1/requests/${requestId}/bundle`).set(bearer(other.tokens.counsel)).expect(404);
  });
});
