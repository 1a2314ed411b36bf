import { advanceCheckpoint, findMailboxById, resetCheckpoint } from '../../server/inbound/mailbox-store';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// The admin API for a newsroom's IMAP mailboxes; reading them against a real
// Dovecot is tests/imap/ (npm run test:imap).

const KEY = '1a'.repeat(32);
let app: TestApp;
let room: Newsroom;
let other: Newsroom;

beforeAll(async () => {
  // The worker looks once at start (no mailboxes yet) and then not for an hour.
  app = await startTestApp({ MAILBOX_SECRET_KEY: KEY, IMAP_POLL_SECONDS: '3600' });
  room = await createNewsroom(app);
  other = await createNewsroom(app);
});
afterAll(async () => {
  await app.close();
});

const body = {
  name: 'Records desk',
  host: 'imap.newsroom.example.org',
  username: 'records@newsroom.example.org',
  password: 'app-password-0123',
  enabled: false,
};

describe('connecting a mailbox', () => {
  it('when an admin connects one, then it is listed with its settings and status, never its password', async () => {
    const res = await app.http.post('/v1/mailboxes').set(bearer(room.tokens.admin)).send(body).expect(201);
    expect(res.headers.location).toBe(`/v1/mailboxes/${res.body.id}`);
    expect(res.body).toMatchObject({
      name: 'Records desk',
      host: 'imap.newsroom.example.org',
      port: 993,
      tls: true,
      folder: 'INBOX',
      afterFiling: 'flag',
      moveTo: null,
      enabled: false,
      status: { state: 'new', lastSeenAt: null, lastError: null },
    });
    const list = await app.http.get('/v1/mailboxes').set(bearer(room.tokens.admin)).expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
    for (const text of [JSON.stringify(res.body), JSON.stringify(list.body)]) expect(text).not.toMatch(/app-password|secret|password/i);
    // At rest it is sealed, not the password.
    const row = await app.db.knex('imap_mailboxes').where({ id: res.body.id }).first();
    expect(row.secret_enc).toMatch(/^v1:/);
    expect(row.secret_enc).not.toContain('app-password');
  });

  it('when the password changes, then it is sealed anew; when the server changes, then the checkpoint starts again', async () => {
    const { body: created } = await app.http.post('/v1/mailboxes').set(bearer(room.tokens.admin)).send(body).expect(201);
    const before = await app.db.knex('imap_mailboxes').where({ id: created.id }).first();
    await resetCheckpoint(app.db.knex, created.id, 77n);
    await advanceCheckpoint(app.db.knex, created.id, 77n, 12n);
    await advanceCheckpoint(app.db.knex, created.id, 77n, 5n); // never backwards
    await advanceCheckpoint(app.db.knex, created.id, 78n, 50n); // another UIDVALIDITY's UID is not this one's
    expect((await findMailboxById(app.db.knex, created.id))!.lastUid).toBe(12n);

    await app.http.patch(`/v1/mailboxes/${created.id}`).set(bearer(room.tokens.admin)).send({ password: 'new-password-456' }).expect(200);
    const after = await app.db.knex('imap_mailboxes').where({ id: created.id }).first();
    expect(after.secret_enc).not.toBe(before.secret_enc);
    expect((await findMailboxById(app.db.knex, created.id))!.lastUid).toBe(12n);

    const moved = await app.http
      .patch(`/v1/mailboxes/${created.id}`)
      .set(bearer(room.tokens.admin))
      .send({ host: 'imap2.newsroom.example.org', afterFiling: 'move', moveTo: 'Filed' })
      .expect(200);
    expect(moved.body).toMatchObject({ host: 'imap2.newsroom.example.org', afterFiling: 'move', moveTo: 'Filed' });
    const reset = (await findMailboxById(app.db.knex, created.id))!;
    expect([reset.lastUid, reset.uidValidity]).toEqual([0n, null]);
  });

  it('when the input is wrong, then a 400 names the field', async () => {
    const move = await app.http
      .post('/v1/mailboxes')
      .set(bearer(room.tokens.admin))
      .send({ ...body, afterFiling: 'move' })
      .expect(400);
    expect(JSON.stringify(move.body.errors)).toContain('moveTo');
    const port = await app.http
      .post('/v1/mailboxes')
      .set(bearer(room.tokens.admin))
      .send({ ...body, port: 70000 })
      .expect(400);
    expect(JSON.stringify(port.body.errors)).toContain('port');
    const { body: created } = await app.http.post('/v1/mailboxes').set(bearer(room.tokens.admin)).send(body).expect(201);
    const patch = await app.http
      .patch(`/v1/mailboxes/${created.id}`)
      .set(bearer(room.tokens.admin))
      .send({ afterFiling: 'move' })
      .expect(400);
    expect(JSON.stringify(patch.body.errors)).toContain('moveTo');
  });

  it('when someone other than the newsroom’s admin asks, then it is refused or not found', async () => {
    const { body: created } = await app.http.post('/v1/mailboxes').set(bearer(room.tokens.admin)).send(body).expect(201);
    await app.http.get('/v1/mailboxes').set(bearer(room.tokens.editor)).expect(403);
    await app.http.post('/v1/mailboxes').set(bearer(room.tokens.reporter)).send(body).expect(403);
    await app.http.get(`/v1/mailboxes/${created.id}`).set(bearer(other.tokens.admin)).expect(404);
    await app.http.patch(`/v1/mailboxes/${created.id}`).set(bearer(other.tokens.admin)).send({ enabled: true }).expect(404);
    await app.http.delete(`/v1/mailboxes/${created.id}`).set(bearer(other.tokens.admin)).expect(404);
    expect((await app.http.get('/v1/mailboxes').set(bearer(other.tokens.admin)).expect(200)).body.items).toEqual([]);

    await app.http.delete(`/v1/mailboxes/${created.id}`).set(bearer(room.tokens.admin)).expect(204);
    await app.http.get(`/v1/mailboxes/${created.id}`).set(bearer(room.tokens.admin)).expect(404);
  });
});

describe('a server without MAILBOX_SECRET_KEY', () => {
  it('when an admin connects a mailbox, then a 409 says the operator must set the key', async () => {
    const bare = await startTestApp();
    try {
      const newsroom = await createNewsroom(bare);
      const res = await bare.http.post('/v1/mailboxes').set(bearer(newsroom.tokens.admin)).send(body).expect(409);
      expect(res.body.detail).toMatch(/MAILBOX_SECRET_KEY/);
    } finally {
      await bare.close();
    }
  });
});
