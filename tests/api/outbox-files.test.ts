import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { eventually } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ JOBS_POLL_SECONDS: '0.5' });
});
afterAll(() => app.close());

describe('mail without SMTP', () => {
  it('when no SMTP_URL is set, then the letter (and the requester’s copy) is written as an .eml under DATA_DIR/outbox', async () => {
    const room = await createNewsroom(app);
    const ice = await addAgency(app, room, AGENCIES.ice);
    const { id } = await draft(app, room, ice);
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
    const outbox = path.join(app.dataDir, 'outbox');
    expect(await eventually(() => fs.existsSync(outbox) && fs.readdirSync(outbox).length === 2)).toBe(true);
    const files = await Promise.all(fs.readdirSync(outbox).map(async (f) => simpleParser(fs.readFileSync(path.join(outbox, f)))));
    const parsed = files.find((m) => m.headers.get('x-records-request-id') === id)!;
    expect(parsed.to && 'value' in parsed.to ? parsed.to.value[0]?.address : undefined).toBe(AGENCIES.ice.recordsEmail);
    expect(files.find((m) => m !== parsed)!.headers.get('x-records-copy-of')).toBe(parsed.messageId);
    expect(
      await eventually(
        async () => (await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel))).body.submission.delivery.status === 'sent',
      ),
    ).toBe(true);
  });
});
