import { createHash } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createRuntime } from '../../server/runtime';
import { bearer, createNewsroom, OPERATOR_TOKEN, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
});
afterAll(() => app.close());

describe('users', () => {
  it('when an admin adds a user, then the token is shown once and only its SHA-256 is stored', async () => {
    const res = await app.http
      .post(`/v1/organizations/${room.orgId}/users`)
      .set(bearer(room.tokens.admin))
      .send({ email: 'Reporter.New@Example.org', name: 'New Reporter', role: 'reporter' })
      .expect(201);
    expect(res.body.token).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    const rows = await app.db.knex('api_tokens').where({ user_id: res.body.id }).select('token_hash', 'token_prefix');
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(res.body.token).digest('hex'));
    const everything = JSON.stringify(await app.db.knex('api_tokens').select('*'));
    expect(everything).not.toContain(res.body.token);

    const me = await app.http.get('/v1/me').set(bearer(res.body.token)).expect(200);
    expect(me.body).toMatchObject({ id: res.body.id, role: 'reporter', organization: { id: room.orgId } });
    const listed = await app.http.get(`/v1/organizations/${room.orgId}/users`).set(bearer(room.tokens.counsel)).expect(200);
    expect(listed.body.items.some((u: { id: string; token?: string }) => u.id === res.body.id && u.token === undefined)).toBe(true);
  });

  it('when the email is already used in the organization (any case), then 409', async () => {
    await app.http
      .post(`/v1/organizations/${room.orgId}/users`)
      .set(bearer(OPERATOR_TOKEN))
      .send({ email: 'DUP@example.org', name: 'A', role: 'editor' })
      .expect(201);
    await app.http
      .post(`/v1/organizations/${room.orgId}/users`)
      .set(bearer(OPERATOR_TOKEN))
      .send({ email: 'dup@example.org', name: 'B', role: 'editor' })
      .expect(409);
  });

  it('when the organization does not exist, then the operator gets 404', async () => {
    await app.http
      .post('/v1/organizations/00000000-0000-4000-8000-000000000000/users')
      .set(bearer(OPERATOR_TOKEN))
      .send({ email: 'x@example.org', name: 'X', role: 'editor' })
      .expect(404);
  });

  it('when the role is not one of the four, then 400 names role', async () => {
    const res = await app.http
      .post(`/v1/organizations/${room.orgId}/users`)
      .set(bearer(room.tokens.admin))
      .send({ email: 'x@example.org', name: 'X', role: 'owner' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['role']);
  });

  it('when a user is deactivated, then their tokens stop working; reactivated, they work again', async () => {
    const path = `/v1/organizations/${room.orgId}/users/${room.userIds.editor}`;
    await app.http.patch(path).set(bearer(room.tokens.admin)).send({ active: false }).expect(200);
    await app.http.get('/v1/me').set(bearer(room.tokens.editor)).expect(401);
    await app.http.patch(path).set(bearer(room.tokens.admin)).send({ active: true }).expect(200);
    await app.http.get('/v1/me').set(bearer(room.tokens.editor)).expect(200);
  });

  it('when the last admin would be demoted or deactivated, then 409 and nothing changes', async () => {
    const solo = await createNewsroom(app);
    const path = `/v1/organizations/${solo.orgId}/users/${solo.userIds.admin}`;
    await app.http.patch(path).set(bearer(solo.tokens.admin)).send({ role: 'editor' }).expect(409);
    await app.http.patch(path).set(bearer(OPERATOR_TOKEN)).send({ active: false }).expect(409);
    const me = await app.http.get('/v1/me').set(bearer(solo.tokens.admin)).expect(200);
    expect(me.body).toMatchObject({ role: 'admin', active: true });
  });

  it('when a second admin exists, then the first may step down', async () => {
    const pair = await createNewsroom(app);
    await app.http
      .patch(`/v1/organizations/${pair.orgId}/users/${pair.userIds.editor}`)
      .set(bearer(pair.tokens.admin))
      .send({ role: 'admin' })
      .expect(200);
    const res = await app.http
      .patch(`/v1/organizations/${pair.orgId}/users/${pair.userIds.admin}`)
      .set(bearer(pair.tokens.admin))
      .send({ role: 'counsel' })
      .expect(200);
    expect(res.body.role).toBe('counsel');
  });
});

describe('tokens', () => {
  it('when I create a token, it works; listed without its secret; revoked, it is 401', async () => {
    const created = await app.http.post('/v1/me/tokens').set(bearer(room.tokens.counsel)).send({ name: 'review laptop' }).expect(201);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);
    await app.http.get('/v1/me').set(bearer(created.body.token)).expect(200);

    const listed = await app.http.get('/v1/me/tokens').set(bearer(room.tokens.counsel)).expect(200);
    const entry = listed.body.items.find((t: { id: string }) => t.id === created.body.id);
    expect(entry).toMatchObject({ name: 'review laptop', prefix: created.body.prefix });
    expect(entry.token).toBeUndefined();

    await app.http.delete(`/v1/me/tokens/${created.body.id}`).set(bearer(room.tokens.counsel)).expect(204);
    await app.http.get('/v1/me').set(bearer(created.body.token)).expect(401);
    await app.http.delete(`/v1/me/tokens/${created.body.id}`).set(bearer(room.tokens.counsel)).expect(404);
  });

  it('when I try to revoke someone else’s token through /me, then 404', async () => {
    const theirs = await app.http.post('/v1/me/tokens').set(bearer(room.tokens.reporter)).send({ name: 'x' }).expect(201);
    await app.http.delete(`/v1/me/tokens/${theirs.body.id}`).set(bearer(room.tokens.counsel)).expect(404);
    await app.http.get('/v1/me').set(bearer(theirs.body.token)).expect(200);
  });

  it('when an admin revokes a user’s token, then it stops working', async () => {
    const issued = await app.http
      .post(`/v1/organizations/${room.orgId}/users/${room.userIds.reporter}/tokens`)
      .set(bearer(room.tokens.admin))
      .send({ name: 'desk script' })
      .expect(201);
    await app.http.get('/v1/me').set(bearer(issued.body.token)).expect(200);
    const listed = await app.http
      .get(`/v1/organizations/${room.orgId}/users/${room.userIds.reporter}/tokens`)
      .set(bearer(room.tokens.admin))
      .expect(200);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(issued.body.id);
    await app.http
      .delete(`/v1/organizations/${room.orgId}/users/${room.userIds.reporter}/tokens/${issued.body.id}`)
      .set(bearer(room.tokens.admin))
      .expect(204);
    await app.http.get('/v1/me').set(bearer(issued.body.token)).expect(401);
  });

  it('when a token has expired, then it is 401', async () => {
    const created = await app.http
      .post('/v1/me/tokens')
      .set(bearer(room.tokens.reporter))
      .send({ name: 'short', expiresAt: '2030-01-01T00:00:00Z' })
      .expect(201);
    await app.http.get('/v1/me').set(bearer(created.body.token)).expect(200);
    app.setNow(new Date('2030-01-01T00:00:01Z'));
    try {
      await app.http.get('/v1/me').set(bearer(created.body.token)).expect(401);
    } finally {
      app.setNow(undefined);
    }
  });

  it.each(['2026-W03-5T10:00:00Z', '2026-016T10:00:00Z', '20260116T153000Z', '2026-02-30T10:00:00Z'])(
    'when expiresAt is %s (an ISO form a JavaScript Date cannot read, or no such day), then 400 naming the field',
    async (expiresAt) => {
      const res = await app.http.post('/v1/me/tokens').set(bearer(room.tokens.reporter)).send({ name: 'odd date', expiresAt }).expect(400);
      expect(res.body.errors[0].field).toBe('expiresAt');
    },
  );

  it.each([
    ['in the past', '2020-01-01T00:00:00Z'],
    ['this very instant', '2031-05-05T12:00:00.000Z'],
  ])('when expiresAt is %s, then 400 naming expiresAt and no token is made', async (_when, expiresAt) => {
    app.setNow(new Date('2031-05-05T12:00:00.000Z'));
    try {
      const before = await app.http.get('/v1/me/tokens').set(bearer(room.tokens.reporter)).expect(200);
      const res = await app.http.post('/v1/me/tokens').set(bearer(room.tokens.reporter)).send({ name: 'stillborn', expiresAt }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ in: 'body', field: 'expiresAt', message: expect.stringMatching(/future/) }]);
      const byAdmin = await app.http
        .post(`/v1/organizations/${room.orgId}/users/${room.userIds.reporter}/tokens`)
        .set(bearer(room.tokens.admin))
        .send({ name: 'stillborn', expiresAt })
        .expect(400);
      expect(byAdmin.body.errors[0].field).toBe('expiresAt');
      const after = await app.http.get('/v1/me/tokens').set(bearer(room.tokens.reporter)).expect(200);
      expect(after.body.items).toHaveLength(before.body.items.length);
    } finally {
      app.setNow(undefined);
    }
  });

  it('when a token is used, then last use is recorded', async () => {
    const created = await app.http.post('/v1/me/tokens').set(bearer(room.tokens.reporter)).send({ name: 'used' }).expect(201);
    expect(created.body.lastUsedAt).toBeNull();
    await app.http.get('/v1/me').set(bearer(created.body.token)).expect(200);
    let lastUsedAt: string | null = null;
    for (let i = 0; i < 50 && !lastUsedAt; i += 1) {
      const listed = await app.http.get('/v1/me/tokens').set(bearer(room.tokens.reporter)).expect(200);
      lastUsedAt = listed.body.items.find((t: { id: string }) => t.id === created.body.id).lastUsedAt;
    }
    expect(lastUsedAt).not.toBeNull();
  });
});

describe('revocation across API processes', () => {
  it('when a token is revoked through one process, then another that cached it refuses it too', async () => {
    const second = await createRuntime({ config: app.deps.config, db: app.db });
    const server2 = createApp(second.deps).listen(0, '127.0.0.1');
    try {
      const created = await app.http.post('/v1/me/tokens').set(bearer(room.tokens.editor)).send({ name: 'shared' }).expect(201);
      await request(server2).get('/v1/me').set(bearer(created.body.token)).expect(200);
      await request(server2).get('/v1/me').set(bearer(created.body.token)).expect(200);

      await app.http.delete(`/v1/me/tokens/${created.body.id}`).set(bearer(room.tokens.editor)).expect(204);

      // The notice travels through the database; give it a moment to arrive.
      let status = 0;
      for (let i = 0; i < 40 && status !== 401; i += 1) {
        status = (await request(server2).get('/v1/me').set(bearer(created.body.token))).status;
        if (status !== 401) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(401);
    } finally {
      await new Promise((r) => server2.close(r));
      await second.stop();
    }
  });

  it('when a user is deactivated through one process, then another refuses their cached token', async () => {
    const second = await createRuntime({ config: app.deps.config, db: app.db });
    const server2 = createApp(second.deps).listen(0, '127.0.0.1');
    const extra = await createNewsroom(app);
    try {
      await request(server2).get('/v1/me').set(bearer(extra.tokens.reporter)).expect(200);
      await app.http
        .patch(`/v1/organizations/${extra.orgId}/users/${extra.userIds.reporter}`)
        .set(bearer(extra.tokens.admin))
        .send({ active: false })
        .expect(200);
      let status = 0;
      for (let i = 0; i < 40 && status !== 401; i += 1) {
        status = (await request(server2).get('/v1/me').set(bearer(extra.tokens.reporter))).status;
        if (status !== 401) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(401);
    } finally {
      await new Promise((r) => server2.close(r));
      await second.stop();
    }
  });
});
