import { bearer, createNewsroom, minneapolis, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let newsroom: Newsroom;

beforeAll(async () => {
  app = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  newsroom = await createNewsroom(app);
});
afterAll(() => app.close());

describe('health', () => {
  it('when the process is up, then /healthz answers ok', async () => {
    const res = await app.http.get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('when the database answers, then /readyz names it', async () => {
    const res = await app.http.get('/readyz').expect(200);
    expect(res.body).toEqual({ status: 'ready', database: app.db.kind });
  });
});

describe('errors are problem+json without internals', () => {
  it('when a route does not exist, then 404 problem', async () => {
    const res = await app.http.get('/v1/nothing-here').set(bearer(newsroom.tokens.reporter)).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('when the JSON is malformed, then 400 naming the problem, not 500', async () => {
    const res = await app.http
      .post('/v1/agencies')
      .set(bearer(newsroom.tokens.reporter))
      .set('Content-Type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe('The body is not valid JSON.');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('when the body is larger than the limit, then 413', async () => {
    const res = await app.http
      .post('/v1/agencies')
      .set(bearer(newsroom.tokens.reporter))
      .send({ ...minneapolis, notes: 'x'.repeat(10_000) })
      .expect(413);
    expect(res.body.status).toBe(413);
  });

  it('when the body is not JSON, then 415', async () => {
    const res = await app.http
      .post('/v1/agencies')
      .set(bearer(newsroom.tokens.reporter))
      .set('Content-Type', 'text/plain')
      .send('name=x')
      .expect(415);
    expect(res.body.status).toBe(415);
  });

  it('when fields are unknown or wrong, then 400 lists each bad field', async () => {
    const res = await app.http
      .post('/v1/agencies')
      .set(bearer(newsroom.tokens.reporter))
      .send({ name: '', jurisdiction: 'US-XX', level: 'city', timezone: 'Mars/Olympus', closures: [{ date: '2026-02-30' }], surprise: 1 })
      .expect(400);
    const fields = (res.body.errors as Array<{ field: string; in: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['closures.0.date', 'jurisdiction', 'level', 'name', 'surprise', 'timezone']);
    expect(res.body.errors.every((e: { in: string }) => e.in === 'body')).toBe(true);
  });

  it('when a path id is not a uuid, then 400 names the path field', async () => {
    const res = await app.http.get('/v1/agencies/not-a-uuid').set(bearer(newsroom.tokens.reporter)).expect(400);
    expect(res.body.errors).toEqual([{ in: 'path', field: 'id', message: 'Must be a UUID.' }]);
  });

  it('when a query parameter is unknown, then 400 names it', async () => {
    const res = await app.http.get('/v1/agencies?limt=5').set(bearer(newsroom.tokens.reporter)).expect(400);
    expect(res.body.errors).toEqual([{ in: 'query', field: 'limt', message: 'Unknown field.' }]);
  });

  it('when the body is a JSON array instead of an object, then 400', async () => {
    const res = await app.http.post('/v1/agencies').set(bearer(newsroom.tokens.reporter)).send([1, 2]).expect(400);
    expect(res.body.errors[0].in).toBe('body');
  });
});

describe('request ids', () => {
  it('when the caller sends X-Request-Id, then it is echoed; otherwise one is made', async () => {
    const given = await app.http.get('/healthz').set('X-Request-Id', 'trace-abc.123').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const made = await app.http.get('/healthz').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when an error is returned, then the problem carries the request id', async () => {
    const res = await app.http.get('/v1/me').set('X-Request-Id', 'req-42').expect(401);
    expect(res.body.requestId).toBe('req-42');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});
