import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { createLogger } from '../../server/logger';
import { eventually } from '../support/smtp-sink';
import { createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// No SMTP_URL: mail goes to DATA_DIR/outbox as .eml files, and the link is
// also logged, so a person running the service locally can sign in. Here the
// public URL is https, so the cookie is Secure.

let app: TestApp;
let room: Newsroom;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  app = await startTestApp({ PUBLIC_URL: 'https://tracker.example.org' }, { logger: createLogger('info', sink) });
  room = await createNewsroom(app);
});
afterAll(() => app.close());

const outbox = () => path.join(app.dataDir, 'outbox');
const emlFiles = () => (fs.existsSync(outbox()) ? fs.readdirSync(outbox()).filter((f) => f.endsWith('.eml')) : []);

describe('sign-in without SMTP', () => {
  it('when a link is asked for, then it is in an .eml in the outbox and in the log; it signs in, with a Secure cookie under https', async () => {
    const email = (await app.db.knex('users').where({ id: room.userIds.editor }).first()).email as string;
    await app.http.post('/v1/auth/sign-in-links').send({ email }).expect(202);
    expect(await eventually(() => emlFiles().length === 1)).toBe(true);
    const parsed = await simpleParser(fs.readFileSync(path.join(outbox(), emlFiles()[0]!)));
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe(email);
    const m = /https:\/\/tracker\.example\.org\/sign-in\?token=([A-Za-z0-9_-]{43})/.exec(parsed.text ?? '');
    expect(m).not.toBeNull();
    const token = m![1]!;

    const logged = logLines.find((l) => l.msg === 'sign-in link (mail goes to the outbox)');
    expect(logged).toMatchObject({ level: 30, email, url: `https://tracker.example.org/sign-in?token=${token}` });

    const res = await app.http.post('/v1/auth/sessions').send({ token }).expect(201);
    const attrs = String(res.headers['set-cookie']?.[0])
      .split(';')
      .map((a) => a.trim());
    expect(attrs).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
    const signOut = await app.http.delete('/v1/auth/session').set('Cookie', attrs[0]!).set('X-CSRF-Token', res.body.csrfToken).expect(204);
    expect(String(signOut.headers['set-cookie']?.[0])).toMatch(/; Secure$/);
  });

  it('when an address is unknown, then nothing is written to the outbox or logged for it', async () => {
    const before = emlFiles().length;
    await app.http.post('/v1/auth/sign-in-links').send({ email: 'stranger@example.org' }).expect(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(emlFiles()).toHaveLength(before);
    expect(logLines.some((l) => l.email === 'stranger@example.org')).toBe(false);
  });
});
