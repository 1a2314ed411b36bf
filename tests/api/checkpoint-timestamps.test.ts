import { createPublicKey, verify } from 'node:crypto';
import JSZip from 'jszip';
import { stampCheckpoints } from '../../server/checkpoints/checkpoint-timestamps';
import { CHECKPOINT_QUEUE } from '../../server/jobs/workers';
import { AGENCIES, addAgency, fileWithEvents } from '../support/fixtures';
import { type LocalTsa, opensslTsVerify, startOpensslTsa } from '../support/openssl-tsa';
import { bearer, createNewsroom, type Newsroom, startTestApp, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

// The authority is OpenSSL's own `openssl ts -reply` behind a small HTTP
// server (tests/support/openssl-tsa.ts), with a throwaway CA made per run.
let tsa: LocalTsa;
let app: TestApp;
let room: Newsroom;
let agency: string;

beforeAll(async () => {
  tsa = await startOpensslTsa();
  // The hourly round would race the tests' own; they run it when they mean to.
  app = await startTestApp({ TSA_URL: tsa.url, TSA_CA_FILE: tsa.caFile, CHECKPOINT_CRON: '0 3 1 1 *' });
  room = await createNewsroom(app, 'Star Tribune');
  agency = await addAgency(app, room, AGENCIES.ice);
});
afterAll(async () => {
  await app.close();
  await tsa.close();
});
beforeEach(() => {
  tsa.mode = 'ok';
});

const EVENTS = [{ type: 'acknowledged', occurredAt: '2026-01-21T09:00:00-05:00' }];
const filed = (title: string, r = room, a = agency) => fileWithEvents(app, r, a, '2026-01-16T10:00:00-05:00', title, EVENTS);

interface CheckpointJson {
  id: string;
  events: number;
  message: string;
  signature: string;
  timestamp: { token: string; genTime: string; serialNumber: string } | null;
}

const checkpointsOf = async (id: string, r = room): Promise<CheckpointJson[]> =>
  (await app.http.get(`/v1/checkpoints?requestId=${id}`).set(bearer(r.tokens.reporter)).expect(200)).body.items;
const exportHistory = (id: string, r = room) => app.http.get(`/v1/requests/${id}/history`).set(bearer(r.tokens.counsel)).expect(200);

async function bundleOf(id: string): Promise<Map<string, Buffer>> {
  const res = await app.http.get(`/v1/requests/${id}/bundle`).set(bearer(room.tokens.counsel)).buffer(true).parse(binaryBody).expect(200);
  const zip = await JSZip.loadAsync(res.body as Buffer);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}
const manifestOf = (files: Map<string, Buffer>) => JSON.parse(files.get('manifest.json')!.toString('utf8'));

/** A logger that keeps the warnings stampCheckpoints writes. */
function warnings() {
  const seen: Array<{ kind?: string; reason?: string }> = [];
  return { seen, logger: { warn: (obj: object) => seen.push(obj as { kind?: string; reason?: string }) } };
}
const stampNow = (orgId: string, config = app.deps.config) => {
  const w = warnings();
  return stampCheckpoints(app.db.knex, { config, logger: w.logger }, { organizationId: orgId }).then((r) => ({ ...r, warnings: w.seen }));
};

describe('RFC 3161 time-stamps of checkpoints', () => {
  it('when a bundle is made with the authority up, then checkpoint.tsr is in it and listed, and `openssl ts -verify` accepts it over the signed message', async () => {
    const id = await filed('Time-stamped in a bundle');
    const files = await bundleOf(id);
    const { checkpoint, files: listed } = manifestOf(files).requests[0];
    expect(checkpoint).toMatchObject({
      timestampFile: 'checkpoint.tsr',
      timestamp: { serialNumber: expect.stringMatching(/^[0-9a-f]+$/) },
    });
    const tsr = files.get('checkpoint.tsr');
    expect(tsr).toBeDefined();
    expect(Buffer.from(checkpoint.timestamp.token, 'base64').equals(tsr!)).toBe(true);
    expect(listed).toContainEqual(expect.objectContaining({ path: 'checkpoint.tsr', role: 'timestamp', size: tsr!.length }));

    expect(opensslTsVerify(checkpoint.message, tsr!, tsa.caFile)).toBe(true);
    // The token covers these bytes and no others, and only this CA vouches for it.
    expect(opensslTsVerify(checkpoint.message.replace('"events":2', '"events":1'), tsr!, tsa.caFile)).toBe(false);
    expect(opensslTsVerify(checkpoint.message, tsr!, tsa.otherCaFile)).toBe(false);
    // The Ed25519 signature is untouched by the time-stamp.
    expect(
      verify(null, Buffer.from(checkpoint.message), createPublicKey(checkpoint.publicKeyPem), Buffer.from(checkpoint.signature, 'base64')),
    ).toBe(true);

    const [listedCp] = await checkpointsOf(id);
    expect(listedCp!.timestamp).toEqual(checkpoint.timestamp);
    expect(Math.abs(Date.parse(listedCp!.timestamp!.genTime) - Date.now())).toBeLessThan(24 * 3600 * 1000);

    // A checkpoint that has its token is not asked for again.
    const before = tsa.queries;
    const again = manifestOf(await bundleOf(id)).requests[0].checkpoint;
    expect(tsa.queries).toBe(before);
    expect(again.timestamp).toEqual(checkpoint.timestamp);
  });

  it.each([
    ['nonce', /nonce/],
    ['imprint', /imprint/],
  ] as const)(
    'when the authority answers with a token whose %s is not the one asked for, then it is refused and nothing is stored',
    async (mode, reason) => {
      const other = await createNewsroom(app);
      const id = await filed(`Wrong ${mode}`, other, await addAgency(app, other, AGENCIES.ice));
      await exportHistory(id, other);
      tsa.mode = mode;
      const result = await stampNow(other.orgId);
      expect(result).toMatchObject({ stamped: 0, failed: 1 });
      expect(result.warnings).toEqual([expect.objectContaining({ kind: 'invalid', reason: expect.stringMatching(reason) })]);
      const [cp] = await checkpointsOf(id, other);
      expect(cp).toMatchObject({ events: 2, timestamp: null });
      // The same checkpoint is granted once the authority answers what was asked.
      tsa.mode = 'ok';
      expect(await stampNow(other.orgId)).toMatchObject({ stamped: 1, failed: 0 });
      const [stamped] = await checkpointsOf(id, other);
      expect(stamped!.id).toBe(cp!.id);
      expect(opensslTsVerify(stamped!.message, Buffer.from(stamped!.timestamp!.token, 'base64'), tsa.caFile)).toBe(true);
    },
  );

  it('when the authority answers status rejection, or its certificate is not under TSA_CA_FILE, then nothing is stored', async () => {
    const other = await createNewsroom(app);
    const id = await filed('Refused', other, await addAgency(app, other, AGENCIES.ice));
    await exportHistory(id, other);
    tsa.mode = 'reject';
    const rejected = await stampNow(other.orgId);
    expect(rejected.warnings).toEqual([expect.objectContaining({ kind: 'rejected', reason: expect.stringMatching(/rejection/) })]);
    tsa.mode = 'ok';
    const foreign = await stampNow(other.orgId, { ...app.deps.config, tsaCaFile: tsa.otherCaFile });
    expect(foreign.warnings).toEqual([expect.objectContaining({ kind: 'invalid', reason: expect.stringMatching(/TSA_CA_FILE/) })]);
    expect((await checkpointsOf(id, other))[0]).toMatchObject({ timestamp: null });
  });

  it('when the authority is down, then the bundle’s checkpoint is still signed, without a token, and the next scheduled round time-stamps it', async () => {
    const id = await filed('Authority down');
    tsa.mode = 'down';
    const files = await bundleOf(id);
    const { checkpoint } = manifestOf(files).requests[0];
    expect(checkpoint).toMatchObject({ events: 2, reason: 'bundle', timestamp: null, timestampFile: null });
    expect(
      verify(null, Buffer.from(checkpoint.message), createPublicKey(checkpoint.publicKeyPem), Buffer.from(checkpoint.signature, 'base64')),
    ).toBe(true);
    expect([...files.keys()].some((name) => name.endsWith('.tsr'))).toBe(false);

    tsa.mode = 'ok';
    await app.deps.jobs.enqueue(app.db.knex, CHECKPOINT_QUEUE, {});
    let cp: CheckpointJson | undefined;
    for (let i = 0; i < 100 && !cp?.timestamp; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      cp = (await checkpointsOf(id))[0];
    }
    expect(cp).toMatchObject({ id: expect.any(String), events: 2, reason: 'bundle' });
    expect(opensslTsVerify(cp!.message, Buffer.from(cp!.timestamp!.token, 'base64'), tsa.caFile)).toBe(true);
  });

  it('when the authority does not answer (cut or 503), then the round stops at the first checkpoint instead of asking for every one', async () => {
    const other = await createNewsroom(app);
    const ice = await addAgency(app, other, AGENCIES.ice);
    for (const title of ['One', 'Two', 'Three']) await exportHistory(await filed(title, other, ice), other);
    for (const mode of ['down', 'refuse'] as const) {
      tsa.mode = mode;
      const before = tsa.queries;
      const result = await stampNow(other.orgId);
      expect(result).toMatchObject({ stamped: 0, failed: 1 });
      expect(result.warnings).toEqual([expect.objectContaining({ kind: 'unreachable' })]);
      expect(tsa.queries).toBe(before + 1);
    }
    tsa.mode = 'ok';
    expect(await stampNow(other.orgId)).toMatchObject({ stamped: 3, failed: 0 });
  });

  it('when the head moved on while a checkpoint waited, then only the newer checkpoint is time-stamped (it covers the older one’s events)', async () => {
    const other = await createNewsroom(app);
    const id = await filed('Superseded', other, await addAgency(app, other, AGENCIES.ice));
    await exportHistory(id, other);
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(other.tokens.reporter))
      .send({ type: 'note', occurredAt: '2026-01-26T09:00:00-05:00', data: {} })
      .expect(201);
    await exportHistory(id, other);
    expect(await stampNow(other.orgId)).toMatchObject({ stamped: 1, failed: 0 });
    const [newer, older] = await checkpointsOf(id, other);
    expect(newer).toMatchObject({ events: 3, timestamp: expect.objectContaining({ token: expect.any(String) }) });
    expect(older).toMatchObject({ events: 2, timestamp: null });
    expect(await stampNow(other.orgId)).toMatchObject({ stamped: 0, failed: 0 });
  });

  it('when a stored token is changed or deleted, then the append-only trigger refuses', async () => {
    const id = await filed('Token kept');
    await bundleOf(id);
    const [cp] = await checkpointsOf(id);
    expect(cp!.timestamp).not.toBeNull();
    const row = app.db.knex('checkpoint_timestamps').where({ checkpoint_id: cp!.id });
    await expect(row.clone().update({ serial_number: 'ff' })).rejects.toThrow(/append-only/);
    await expect(row.clone().delete()).rejects.toThrow(/append-only/);
  });

  it('when TSA_URL is unset, then nothing is asked and nothing stored', async () => {
    const other = await createNewsroom(app);
    const id = await filed('No authority', other, await addAgency(app, other, AGENCIES.ice));
    await exportHistory(id, other);
    const before = tsa.queries;
    expect(await stampNow(other.orgId, { ...app.deps.config, tsaUrl: undefined })).toMatchObject({ stamped: 0, failed: 0 });
    expect(tsa.queries).toBe(before);
    expect((await checkpointsOf(id, other))[0]).toMatchObject({ timestamp: null });
  });
});
