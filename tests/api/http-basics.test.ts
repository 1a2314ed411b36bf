import net, { type AddressInfo } from 'node:net';
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

describe('requests Node refuses before Express sees them', () => {
  // Node's HTTP parser stops at 16 KB of request line and headers; by default it
  // writes a bare 431 with no body. A client must still get a problem document.
  const rawExchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const { port } = app.server.address() as AddressInfo;
      const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
      socket.setTimeout(30_000, () => socket.destroy(new Error('no answer')));
    });

  it('when the URL is over 16 KB, then 431 problem+json, not a bare status line', async () => {
    const res = await fetch(
      new URL(`/v1/agencies?q=${'x'.repeat(17 * 1024)}`, `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`),
      {
        headers: bearer(newsroom.tokens.reporter),
      },
    );
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 431,
      title: 'Request header fields too large',
      type: 'urn:records-tracker:problem:headers-too-large',
    });
    expect(body.detail).toMatch(/16384 bytes/);
  });

  it('when the answer to an oversized request is read off the socket, then it is a whole HTTP response and the connection closes', async () => {
    const text = await rawExchange(`GET /v1/agencies?q=${'y'.repeat(20 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head).toMatch(/\r\nConnection: close(\r\n|$)/i);
    const length = /\r\nContent-Length: (\d+)/i.exec(head!)?.[1];
    expect(Number(length)).toBe(Buffer.byteLength(body!));
    expect(JSON.parse(body!)).toMatchObject({ status: 431 });
  });

  it('when the request line is not HTTP at all, then 400 problem+json', async () => {
    const text = await rawExchange('HELLO THERE\r\n\r\n');
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json/i);
    expect(JSON.parse(body!)).toMatchObject({ status: 400, type: 'urn:records-tracker:problem:malformed-request' });
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
