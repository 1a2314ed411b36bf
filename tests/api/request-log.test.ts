import { createLogger } from '../../server/logger';
import { bearer, createNewsroom, minneapolis, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// The access log and the route table's dispatch, as operators and clients see them.
let app: TestApp;
let room: Newsroom;
const raw: string[] = [];
const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);
const linesOf = (id: string) => lines().filter((l) => (l.req as { id?: unknown } | undefined)?.id === id && 'res' in l);

beforeAll(async () => {
  // debug: 2xx lines are written at debug, so they show here.
  app = await startTestApp({}, { logger: createLogger('debug', { write: (line: string) => void raw.push(line) }) });
  room = await createNewsroom(app);
});
afterAll(() => app.close());

describe('the access log', () => {
  it('when a call completes, then one line names its id, method, path, status and duration, and not its query', async () => {
    await app.http.get('/healthz?token=rtcal_secret-in-the-query').set('X-Request-Id', 'log-ok-1').expect(200);
    await eventuallyLogged('log-ok-1');
    const mine = linesOf('log-ok-1');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 20,
      msg: 'request completed',
      req: { id: 'log-ok-1', method: 'GET', path: '/healthz' },
      res: { statusCode: 200 },
    });
    expect(mine[0]!.responseTime).toEqual(expect.any(Number));
    expect(mine[0]!.responseTime as number).toBeGreaterThanOrEqual(0);
    expect(raw.some((l) => l.includes('secret-in-the-query'))).toBe(false);
  });

  it('when a call is refused, then its line is at info with the status', async () => {
    await app.http.get('/v1/agencies').set('X-Request-Id', 'log-401').expect(401);
    await eventuallyLogged('log-401');
    expect(linesOf('log-401')).toEqual([
      expect.objectContaining({ level: 30, msg: 'request completed', req: { id: 'log-401', method: 'GET', path: '/v1/agencies' } }),
    ]);
    expect(linesOf('log-401')[0]).toMatchObject({ res: { statusCode: 401 } });
  });
});

describe('the route table', () => {
  it('when a path differs only in case or a trailing slash, then it reaches the same route as before', async () => {
    const created = await app.http.post('/v1/agencies').set(bearer(room.tokens.reporter)).send(minneapolis).expect(201);
    const id = created.body.id as string;
    for (const path of [`/v1/agencies/${id}`, `/V1/Agencies/${id}`, `/v1/agencies/${id}/`]) {
      const res = await app.http.get(path).set(bearer(room.tokens.reporter)).expect(200);
      expect(res.body).toMatchObject({ id, name: minneapolis.name });
    }
    await app.http.head(`/v1/agencies/${id}`).set(bearer(room.tokens.reporter)).expect(200);
  });

  it('when OPTIONS asks about a path, then Allow lists the methods of its routes', async () => {
    const res = await app.http.options('/v1/agencies').expect(200);
    expect(res.headers.allow?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('when the segment after /v1/ names nothing, then 404 problem', async () => {
    const res = await app.http.get('/v1/agenciesx').set(bearer(room.tokens.reporter)).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

/** The line is written when the response closes, which may come just after the client has its answer. */
async function eventuallyLogged(id: string): Promise<void> {
  for (let i = 0; i < 100 && linesOf(id).length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
}
