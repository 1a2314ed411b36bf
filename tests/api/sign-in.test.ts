import { createHash } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createRuntime } from '../../server/runtime';
import { AGENCIES, addAgency, draft, ICE_EMAIL_REQUEST } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, OPERATOR_TOKEN, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Sign-in from a browser against a real SMTP sink: the link is read from the
// mail the sink received, as a person would click it.

let app: TestApp;
let sink: SmtpSink;
let room: Newsroom;
let ipCounter = 0;

const HOUR = 3_600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Each test asks from its own client IP (TRUST_PROXY is on), so the per-IP limit counts only its own calls. */
const newIp = () => `198.51.100.${++ipCounter}`;
const emailOf = async (userId: string) => (await app.db.knex('users').where({ id: userId }).first()).email as string;

/** Waits for the `n`th mail to the address and returns the token of its (first) sign-in link. */
async function tokenFromMail(address: string, n: number): Promise<string> {
  expect(await eventually(() => sink.to(address).length >= n)).toBe(true);
  const text = sink.to(address)[n - 1]!.parsed.text ?? '';
  const m = /\/sign-in\?token=([A-Za-z0-9_-]{43})\b/.exec(text);
  if (!m) throw new Error(`no sign-in link in:\n${text}`);
  return m[1]!;
}

interface Signed {
  cookie: string;
  csrf: string;
  setCookie: string;
  body: Record<string, unknown>;
}

async function signIn(address: string, ip = newIp()): Promise<Signed> {
  const before = sink.to(address).length;
  await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', ip).send({ email: address }).expect(202);
  const token = await tokenFromMail(address, before + 1);
  const res = await app.http.post('/v1/auth/sessions').set('User-Agent', 'jest-browser/1.0').send({ token }).expect(201);
  const setCookie = String(res.headers['set-cookie']?.[0] ?? '');
  return { cookie: setCookie.split(';')[0]!, csrf: res.body.csrfToken, setCookie, body: res.body };
}

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({ SMTP_URL: sink.url, TRUST_PROXY: 'true', PUBLIC_URL: 'http://tracker.example.org' });
  room = await createNewsroom(app);
});
afterAll(async () => {
  app.setNow(undefined);
  await app.close();
  await sink.stop();
});
afterEach(() => app.setNow(undefined));

describe('sign-in links', () => {
  it('when an address is unknown or its user deactivated, then the answer is the same as for a user, and only the user is mailed', async () => {
    const reporter = await emailOf(room.userIds.reporter);
    const known = await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: reporter }).expect(202);
    const unknown = await app.http
      .post('/v1/auth/sign-in-links')
      .set('X-Forwarded-For', newIp())
      .send({ email: 'nobody.here@example.org' })
      .expect(202);
    const gone = await app.http
      .post(`/v1/organizations/${room.orgId}/users`)
      .set(bearer(OPERATOR_TOKEN))
      .send({ email: 'left@example.org', name: 'Left', role: 'reporter' })
      .expect(201);
    await app.http
      .patch(`/v1/organizations/${room.orgId}/users/${gone.body.id}`)
      .set(bearer(room.tokens.admin))
      .send({ active: false })
      .expect(200);
    const inactive = await app.http
      .post('/v1/auth/sign-in-links')
      .set('X-Forwarded-For', newIp())
      .send({ email: 'left@example.org' })
      .expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(inactive.body).toEqual(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);

    const token = await tokenFromMail(reporter, 1);
    const mail = sink.to(reporter)[0]!;
    expect(mail.parsed.text).toContain(`http://tracker.example.org/sign-in?token=${token}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.to('nobody.here@example.org')).toHaveLength(0);
    expect(sink.to('left@example.org')).toHaveLength(0);
    // Only the link's hash is kept, and no mail record holds it.
    const links = await app.db.knex('sign_in_links').where({ user_id: room.userIds.reporter });
    expect(links.map((l: { token_hash: string }) => l.token_hash)).toContain(sha256(token));
    expect(JSON.stringify(await app.db.knex('sign_in_links').select('*'))).not.toContain(token);
    expect(JSON.stringify(await app.db.knex('mail_messages').select('*'))).not.toContain(token);
  });

  it('when a link is used, then it signs in once; the second use is refused naming the token', async () => {
    const editor = await emailOf(room.userIds.editor);
    await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: editor.toUpperCase() }).expect(202);
    const token = await tokenFromMail(editor, sink.to(editor).length + 1);
    const first = await app.http.post('/v1/auth/sessions').send({ token }).expect(201);
    expect(first.body).toMatchObject({
      user: { id: room.userIds.editor, email: editor, role: 'editor' },
      organization: { id: room.orgId },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(Date.parse(first.body.expiresAt)).toBeGreaterThan(Date.now() + 29 * 24 * HOUR);
    const again = await app.http.post('/v1/auth/sessions').send({ token }).expect(400);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.errors).toEqual([
      { in: 'body', field: 'token', message: 'This sign-in link has expired or was already used. Ask for a new one.' },
    ]);
    await app.http.post('/v1/auth/sessions').send({ token: 'made-up' }).expect(400);
    const missing = await app.http.post('/v1/auth/sessions').send({}).expect(400);
    expect(missing.body.errors[0].field).toBe('token');
  });

  it('when two uses of one link race, then exactly one session is made', async () => {
    const counsel = await emailOf(room.userIds.counsel);
    await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: counsel }).expect(202);
    const token = await tokenFromMail(counsel, sink.to(counsel).length + 1);
    const answers = await Promise.all([1, 2, 3].map(() => app.http.post('/v1/auth/sessions').send({ token })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
  });

  it('when a link is older than 15 minutes, then it no longer signs in', async () => {
    const editor = await emailOf(room.userIds.editor);
    const start = Date.now();
    app.setNow(new Date(start));
    await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: editor }).expect(202);
    const token = await tokenFromMail(editor, sink.to(editor).length + 1);
    app.setNow(new Date(start + 15 * 60_000 + 1000));
    const res = await app.http.post('/v1/auth/sessions').send({ token }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'token', message: expect.stringMatching(/expired or was already used/) });
  });

  it('when one address asks more than 5 times in 15 minutes, known or not, then 429 with Retry-After; later it may ask again', async () => {
    const start = Date.now() + 1000 * HOUR;
    app.setNow(new Date(start));
    for (const address of [await emailOf(room.userIds.counsel), 'nobody.else@example.org']) {
      for (let i = 0; i < 5; i += 1) {
        app.setNow(new Date(start + i * 60_000));
        await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: address }).expect(202);
      }
      app.setNow(new Date(start + 5 * 60_000));
      const limited = await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: address }).expect(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      // The oldest of the five leaves the 15-minute window 10 minutes from now.
      expect(limited.headers['retry-after']).toBe(String(10 * 60));
      expect(limited.body.errors[0].field).toBe('email');
      app.setNow(new Date(start + 15 * 60_000 + 1000));
      await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: address }).expect(202);
    }
  });

  it('when one client IP asks more than 20 times in 15 minutes, then 429 with Retry-After, while other clients still may', async () => {
    const ip = newIp();
    app.setNow(new Date(Date.now() + 2000 * HOUR));
    for (let i = 0; i < 20; i += 1) {
      await app.http
        .post('/v1/auth/sign-in-links')
        .set('X-Forwarded-For', ip)
        .send({ email: `probe${i}@example.org` })
        .expect(202);
    }
    const limited = await app.http
      .post('/v1/auth/sign-in-links')
      .set('X-Forwarded-For', ip)
      .send({ email: 'probe99@example.org' })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: 'probe99@example.org' }).expect(202);
  });

  it('when two processes count one address at once, then together they still allow only 5', async () => {
    const second = await createRuntime({ config: app.deps.config, db: app.db, clock: app.deps.clock });
    const server2 = createApp(second.deps).listen(0, '127.0.0.1');
    try {
      app.setNow(new Date(Date.now() + 3000 * HOUR));
      const calls = Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? request(server2) : app.http)
          .post('/v1/auth/sign-in-links')
          .set('X-Forwarded-For', newIp())
          .send({ email: 'raced@example.org' })
          .then((r) => r.status),
      );
      const statuses = await Promise.all(calls);
      expect(statuses.filter((s) => s === 202)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    } finally {
      await new Promise((r) => server2.close(r));
      await second.stop();
    }
  });
});

describe('sessions', () => {
  it('when signed in, then the cookie is HttpOnly, SameSite=Lax, Path=/, lives as long as the session, and is not Secure over http', async () => {
    const s = await signIn(await emailOf(room.userIds.reporter));
    expect(s.cookie).toMatch(/^rt_session=[A-Za-z0-9_-]{43}$/);
    const attrs = s.setCookie.split(';').map((a) => a.trim());
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${30 * 24 * 3600}`]));
    expect(attrs).not.toContain('Secure');
    // The database holds the secret's hash only.
    const secret = s.cookie.slice('rt_session='.length);
    const row = await app.db
      .knex('sessions')
      .where({ token_hash: sha256(secret) })
      .first();
    expect(row).toMatchObject({ user_id: room.userIds.reporter, organization_id: room.orgId, user_agent: 'jest-browser/1.0' });
    const all = JSON.stringify(await app.db.knex('sessions').select('*'));
    expect(all).not.toContain(secret);
    expect(all).not.toContain(s.csrf);

    const me = await app.http.get('/v1/me').set('Cookie', s.cookie).expect(200);
    expect(me.body.id).toBe(room.userIds.reporter);
    const session = await app.http.get('/v1/auth/session').set('Cookie', `other=1; ${s.cookie}`).expect(200);
    expect(session.body).toEqual(s.body);
  });

  it('when a cookie call writes without the CSRF header or with a wrong one, then 403; with the header it works', async () => {
    const s = await signIn(await emailOf(room.userIds.reporter));
    // A cross-site form or fetch carries the cookie but cannot read the token.
    const none = await app.http
      .post('/v1/agencies')
      .set('Cookie', s.cookie)
      .send({ ...AGENCIES.saintPaul, name: 'CSRF A' })
      .expect(403);
    expect(none.body).toMatchObject({
      type: 'urn:records-tracker:problem:csrf',
      csrf: 'Missing or wrong X-CSRF-Token header',
      errors: [{ in: 'header', field: 'X-CSRF-Token' }],
    });
    await app.http
      .post('/v1/agencies')
      .set('Cookie', s.cookie)
      // The last character is changed to one it is not, so the token is always wrong.
      .set('X-CSRF-Token', `${s.csrf.slice(0, -1)}${s.csrf.endsWith('A') ? 'B' : 'A'}`)
      .send({ ...AGENCIES.saintPaul, name: 'CSRF B' })
      .expect(403);
    // Another session's token is wrong for this one.
    const other = await signIn(await emailOf(room.userIds.editor));
    await app.http
      .post('/v1/agencies')
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', other.csrf)
      .send({ ...AGENCIES.saintPaul, name: 'CSRF C' })
      .expect(403);
    const agencies = await app.http.get('/v1/agencies?limit=500').set(bearer(room.tokens.reporter)).expect(200);
    expect(agencies.body.items.filter((a: { name: string }) => a.name.startsWith('CSRF'))).toEqual([]);

    await app.http
      .post('/v1/agencies')
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', s.csrf)
      .send({ ...AGENCIES.saintPaul, name: 'CSRF OK' })
      .expect(201);
    // Reads need no token.
    await app.http.get('/v1/agencies').set('Cookie', s.cookie).expect(200);
  });

  it('when a script writes with a bearer token, then no CSRF header is needed, cookie or not', async () => {
    const s = await signIn(await emailOf(room.userIds.editor));
    await app.http
      .post('/v1/agencies')
      .set(bearer(room.tokens.editor))
      .send({ ...AGENCIES.texas, name: 'Bearer Only' })
      .expect(201);
    await app.http
      .post('/v1/agencies')
      .set(bearer(room.tokens.editor))
      .set('Cookie', s.cookie)
      .send({ ...AGENCIES.texas, name: 'Bearer With Cookie' })
      .expect(201);
  });

  it('when the user signs out, then the session ends on the server and the cookie is cleared', async () => {
    const s = await signIn(await emailOf(room.userIds.counsel));
    await app.http.delete('/v1/auth/session').set('Cookie', s.cookie).expect(403);
    const out = await app.http.delete('/v1/auth/session').set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).expect(204);
    expect(String(out.headers['set-cookie']?.[0])).toMatch(/^rt_session=; .*Max-Age=0/);
    // The same cookie, replayed as if the browser had kept it, opens nothing.
    const after = await app.http.get('/v1/me').set('Cookie', s.cookie).expect(401);
    expect(String(after.headers['set-cookie']?.[0])).toMatch(/^rt_session=;/);
    await app.http.get('/v1/auth/session').set('Cookie', s.cookie).expect(401);
    await app.http.get('/v1/auth/session').expect(401);
    const row = await app.db
      .knex('sessions')
      .where({ token_hash: sha256(s.cookie.slice('rt_session='.length)) })
      .first();
    expect(row.ended_at).not.toBeNull();
  });

  it('when a session is not used for 72 hours, then it ends; used in time, it slides, up to 30 days after sign-in', async () => {
    const extra = await createNewsroom(app);
    const start = Date.now();
    app.setNow(new Date(start));
    const idle = await signIn(await emailOf(extra.userIds.reporter));
    const kept = await signIn(await emailOf(extra.userIds.reporter));
    app.setNow(new Date(start + 71 * HOUR));
    await app.http.get('/v1/me').set('Cookie', kept.cookie).expect(200);
    app.setNow(new Date(start + 72 * HOUR + 60_000));
    await app.http.get('/v1/me').set('Cookie', idle.cookie).expect(401);
    await app.http.get('/v1/me').set('Cookie', kept.cookie).expect(200);
    // Used every 70 hours it lives on, but not past 30 days from sign-in.
    let t = start + 72 * HOUR + 60_000;
    while (t + 70 * HOUR < start + 30 * 24 * HOUR) {
      t += 70 * HOUR;
      app.setNow(new Date(t));
      await app.http.get('/v1/me').set('Cookie', kept.cookie).expect(200);
    }
    app.setNow(new Date(start + 30 * 24 * HOUR + 1000));
    await app.http.get('/v1/me').set('Cookie', kept.cookie).expect(401);
  });

  it('when the user is deactivated, then their sessions end at once, here and in another process, and stay ended after reactivation', async () => {
    const extra = await createNewsroom(app);
    const address = await emailOf(extra.userIds.reporter);
    const s = await signIn(address);
    const second = await createRuntime({ config: app.deps.config, db: app.db });
    const server2 = createApp(second.deps).listen(0, '127.0.0.1');
    try {
      await request(server2).get('/v1/me').set('Cookie', s.cookie).expect(200);
      await app.http.get('/v1/me').set('Cookie', s.cookie).expect(200);
      await app.http
        .patch(`/v1/organizations/${extra.orgId}/users/${extra.userIds.reporter}`)
        .set(bearer(extra.tokens.admin))
        .send({ active: false })
        .expect(200);
      await app.http.get('/v1/me').set('Cookie', s.cookie).expect(401);
      let status = 0;
      for (let i = 0; i < 40 && status !== 401; i += 1) {
        status = (await request(server2).get('/v1/me').set('Cookie', s.cookie)).status;
        if (status !== 401) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(401);
      await app.http
        .patch(`/v1/organizations/${extra.orgId}/users/${extra.userIds.reporter}`)
        .set(bearer(extra.tokens.admin))
        .send({ active: true })
        .expect(200);
      await app.http.get('/v1/me').set('Cookie', s.cookie).expect(401);
      // A link mailed before the deactivation cannot be used while deactivated either.
      await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: address }).expect(202);
      const token = await tokenFromMail(address, sink.to(address).length + 1);
      await app.http
        .patch(`/v1/organizations/${extra.orgId}/users/${extra.userIds.reporter}`)
        .set(bearer(extra.tokens.admin))
        .send({ active: false })
        .expect(200);
      const refused = await app.http.post('/v1/auth/sessions').send({ token }).expect(400);
      expect(refused.body.errors[0]).toMatchObject({ field: 'token', message: expect.stringMatching(/deactivated/) });
    } finally {
      await new Promise((r) => server2.close(r));
      await second.stop();
    }
  });

  it('when a user lists their sessions, then each is shown with the current one marked, and one can be ended', async () => {
    const extra = await createNewsroom(app);
    const address = await emailOf(extra.userIds.editor);
    const laptop = await signIn(address);
    const phone = await signIn(address);
    const list = await app.http.get('/v1/me/sessions').set('Cookie', laptop.cookie).expect(200);
    expect(list.body.items).toHaveLength(2);
    const mine = list.body.items.find((i: { current: boolean }) => i.current);
    expect(mine).toMatchObject({
      userAgent: 'jest-browser/1.0',
      ip: expect.any(String),
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    const other = list.body.items.find((i: { current: boolean }) => !i.current);
    // A bearer caller sees the same sessions, none current.
    const byToken = await app.http.get('/v1/me/sessions').set(bearer(extra.tokens.editor)).expect(200);
    expect(byToken.body.items.map((i: { current: boolean }) => i.current)).toEqual([false, false]);
    // Another user, even an admin, cannot end it through this route.
    await app.http.delete(`/v1/me/sessions/${other.id}`).set(bearer(extra.tokens.admin)).expect(404);

    await app.http.delete(`/v1/me/sessions/${other.id}`).set('Cookie', laptop.cookie).set('X-CSRF-Token', laptop.csrf).expect(204);
    await app.http.get('/v1/me').set('Cookie', phone.cookie).expect(401);
    await app.http.get('/v1/me').set('Cookie', laptop.cookie).expect(200);
    await app.http.delete(`/v1/me/sessions/${other.id}`).set('Cookie', laptop.cookie).set('X-CSRF-Token', laptop.csrf).expect(404);
    const left = await app.http.get('/v1/me/sessions').set(bearer(extra.tokens.editor)).expect(200);
    expect(left.body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
  });

  it('when a cookie caller retries a create with an Idempotency-Key, then the first answer is replayed', async () => {
    const agencyId = await addAgency(app, room, { ...AGENCIES.ice, name: 'ICE for retries' });
    const s = await signIn(await emailOf(room.userIds.editor));
    const send = () =>
      app.http
        .post('/v1/requests')
        .set('Cookie', s.cookie)
        .set('X-CSRF-Token', s.csrf)
        .set('Idempotency-Key', 'cookie-retry-1')
        .send({ ...ICE_EMAIL_REQUEST, agencyId, title: 'Retried from the browser' });
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.assigneeId).toBe(room.userIds.editor);
  });

  it('when a person of another newsroom is signed in, then this newsroom’s request is a 404 to them', async () => {
    const other = await createNewsroom(app);
    const agencyId = await addAgency(app, room, AGENCIES.ice);
    const { id } = await draft(app, room, agencyId, { title: 'Not yours' });
    const s = await signIn(await emailOf(other.userIds.editor));
    await app.http.get(`/v1/requests/${id}`).set('Cookie', s.cookie).expect(404);
    await app.http.get(`/v1/organizations/${room.orgId}/users`).set('Cookie', s.cookie).expect(404);
    const mine = await signIn(await emailOf(room.userIds.counsel));
    await app.http.get(`/v1/requests/${id}`).set('Cookie', mine.cookie).expect(200);
  });

  it('when an address belongs to users of two newsrooms, then one mail carries a link for each, and each opens its own newsroom', async () => {
    const a = await createNewsroom(app, 'Twin A');
    const b = await createNewsroom(app, 'Twin B');
    for (const r of [a, b]) {
      await app.http
        .post(`/v1/organizations/${r.orgId}/users`)
        .set(bearer(OPERATOR_TOKEN))
        .send({ email: 'twin@example.org', name: 'Twin', role: 'reporter' })
        .expect(201);
    }
    await app.http.post('/v1/auth/sign-in-links').set('X-Forwarded-For', newIp()).send({ email: 'twin@example.org' }).expect(202);
    expect(await eventually(() => sink.to('twin@example.org').length === 1)).toBe(true);
    const text = sink.to('twin@example.org')[0]!.parsed.text ?? '';
    const tokens = [...text.matchAll(/\/sign-in\?token=([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
    expect(tokens).toHaveLength(2);
    const orgs = [];
    for (const token of tokens) orgs.push((await app.http.post('/v1/auth/sessions').send({ token }).expect(201)).body.organization.name);
    expect(orgs.sort()).toEqual(['Twin A', 'Twin B']);
  });
});

describe('invitations', () => {
  it('when an admin invites a person, then the user exists without a token, gets an email, and signs in from its link', async () => {
    const res = await app.http
      .post(`/v1/organizations/${room.orgId}/invitations`)
      .set(bearer(room.tokens.admin))
      .send({ email: 'new.reporter@example.org', name: 'New Reporter', role: 'reporter' })
      .expect(201);
    expect(res.body).toMatchObject({
      user: { email: 'new.reporter@example.org', name: 'New Reporter', role: 'reporter', active: true, organizationId: room.orgId },
      invitedAt: expect.any(String),
    });
    expect(res.body.user.token).toBeUndefined();
    expect(await app.db.knex('api_tokens').where({ user_id: res.body.user.id })).toHaveLength(0);

    const token = await tokenFromMail('new.reporter@example.org', 1);
    const mail = sink.to('new.reporter@example.org')[0]!;
    expect(mail.parsed.subject).toContain(`invited you to`);
    expect(mail.parsed.text).toMatch(/within 7 days/);
    const link = await app.db
      .knex('sign_in_links')
      .where({ token_hash: sha256(token) })
      .first();
    expect(link.purpose).toBe('invitation');
    expect(new Date(link.expires_at).getTime() - new Date(link.created_at).getTime()).toBe(7 * 24 * HOUR);

    const signed = await app.http.post('/v1/auth/sessions').send({ token }).expect(201);
    expect(signed.body.user).toMatchObject({ id: res.body.user.id, role: 'reporter' });
    const cookie = String(signed.headers['set-cookie']?.[0]).split(';')[0]!;
    await app.http.get('/v1/me').set('Cookie', cookie).expect(200);

    // Invited again: a fresh link in a second mail.
    const again = await app.http
      .post(`/v1/organizations/${room.orgId}/users/${res.body.user.id}/invitation`)
      .set(bearer(room.tokens.admin))
      .expect(202);
    expect(again.body.user.id).toBe(res.body.user.id);
    const second = await tokenFromMail('new.reporter@example.org', 2);
    expect(second).not.toBe(token);
  });

  it('when someone not an admin invites, or an admin of another newsroom, or the address is taken, then 403, 404, 409', async () => {
    const body = { email: 'someone@example.org', name: 'Someone', role: 'counsel' };
    await app.http.post(`/v1/organizations/${room.orgId}/invitations`).set(bearer(room.tokens.reporter)).send(body).expect(403);
    await app.http.post(`/v1/organizations/${room.orgId}/invitations`).set(bearer(room.tokens.editor)).send(body).expect(403);
    const other = await createNewsroom(app);
    await app.http.post(`/v1/organizations/${room.orgId}/invitations`).set(bearer(other.tokens.admin)).send(body).expect(404);
    await app.http
      .post(`/v1/organizations/${room.orgId}/users/${room.userIds.reporter}/invitation`)
      .set(bearer(other.tokens.admin))
      .expect(404);
    const taken = await app.http
      .post(`/v1/organizations/${room.orgId}/invitations`)
      .set(bearer(room.tokens.admin))
      .send({ ...body, email: (await emailOf(room.userIds.reporter)).toUpperCase() })
      .expect(409);
    expect(taken.body.detail).toMatch(/already exists/);
    const bad = await app.http
      .post(`/v1/organizations/${room.orgId}/invitations`)
      .set(bearer(room.tokens.admin))
      .send({ ...body, email: 'not-an-address', role: 'boss' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'role']);
    // The operator may invite too.
    await app.http.post(`/v1/organizations/${room.orgId}/invitations`).set(bearer(OPERATOR_TOKEN)).send(body).expect(201);
    expect(await eventually(() => sink.to('someone@example.org').length === 1)).toBe(true);
    expect(sink.to('someone@example.org')[0]!.parsed.subject).toMatch(/^The service operator invited you/);
  });

  it('when an admin signed in by cookie invites, then the CSRF token is needed', async () => {
    const s = await signIn(await emailOf(room.userIds.admin));
    const body = { email: 'by.cookie@example.org', name: 'By Cookie', role: 'editor' };
    await app.http.post(`/v1/organizations/${room.orgId}/invitations`).set('Cookie', s.cookie).send(body).expect(403);
    await app.http
      .post(`/v1/organizations/${room.orgId}/invitations`)
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', s.csrf)
      .send(body)
      .expect(201);
  });
});
