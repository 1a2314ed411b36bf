import fc from 'fast-check';
import { bearer, createNewsroom, minneapolis, OPERATOR_TOKEN, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Random bodies, queries and ids against every documented operation, as every
// kind of caller: whatever arrives, the answer is never a 5xx.

let app: TestApp;
let room: Newsroom;
let operations: Array<{ method: string; path: string }>;
let realIds: string[];

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
  const agency = await app.http.post('/v1/agencies').set(bearer(room.tokens.reporter)).send(minneapolis).expect(201);
  realIds = [room.orgId, room.userIds.reporter, agency.body.id];
  const doc = await app.http.get('/openapi.json').expect(200);
  operations = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method, path })),
  );
});
afterAll(() => app.close());

const idArb = fc.oneof(
  fc.constantFrom('not-an-id', '00000000-0000-4000-8000-000000000000', '%', '..', "' or 1=1 --"),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constant('__real__'),
);
const valueArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double(),
  fc.array(fc.string(), { maxLength: 3 }),
);
const bodyArb = fc.oneof(
  fc.json({ maxDepth: 3 }).map((text) => ({ raw: text })),
  fc.string({ maxLength: 60 }).map((text) => ({ raw: text })),
  fc
    .dictionary(
      fc.constantFrom(
        'name',
        'email',
        'role',
        'jurisdiction',
        'timezone',
        'level',
        'closures',
        'notes',
        'recordsEmail',
        'portalUrl',
        'expiresAt',
        'active',
        'x',
      ),
      valueArb,
    )
    .map((obj) => ({ obj: { ...minneapolis, ...obj } as object })),
  fc.jsonValue().map((value) => ({ raw: JSON.stringify(value) })),
);
const queryArb = fc.dictionary(fc.constantFrom('limit', 'cursor', 'q', 'jurisdiction', 'zzz'), fc.string({ maxLength: 20 }), {
  maxKeys: 3,
});
const callerArb = fc.constantFrom<'none' | 'operator' | 'admin' | 'reporter' | 'counsel'>(
  'none',
  'operator',
  'admin',
  'reporter',
  'counsel',
);

describe('fuzz', () => {
  it('when random input hits every endpoint, then no answer is a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(idArb, bodyArb, queryArb, callerArb, fc.nat(realIds.length - 1), async (id, body, query, who, realIndex) => {
          const path = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(id === '__real__' ? realIds[realIndex]! : id));
          let req = app.http[op.method as 'get'](path).query(query);
          if (who === 'operator') req = req.set(bearer(OPERATOR_TOKEN));
          else if (who !== 'none') req = req.set(bearer(room.tokens[who]));
          if (op.method !== 'get' && op.method !== 'delete') {
            req = 'raw' in body ? req.set('Content-Type', 'application/json').send(body.raw) : req.send(body.obj as object);
          }
          const res = await req;
          if (res.status >= 500) throw new Error(`${op.method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
          if (res.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }),
        { numRuns: 40 },
      );
    }
  });
});
