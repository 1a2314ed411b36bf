import { bearer, createNewsroom, minneapolis, OPERATOR_TOKEN, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Every cell of the README's role table, asked over HTTP. A cell is the status
// a caller gets; 2xx cells also prove the action happened.

type Who = 'none' | 'bogus' | 'operator' | 'admin' | 'editor' | 'reporter' | 'counsel' | 'otherAdmin' | 'otherReporter';
const WHO: Who[] = ['none', 'bogus', 'operator', 'admin', 'editor', 'reporter', 'counsel', 'otherAdmin', 'otherReporter'];

let app: TestApp;
let home: Newsroom;
let other: Newsroom;
let agencyId: string;

function tokenOf(who: Who): string | undefined {
  switch (who) {
    case 'none':
      return undefined;
    case 'bogus':
      return 'rt_not-a-real-token';
    case 'operator':
      return OPERATOR_TOKEN;
    case 'otherAdmin':
      return other.tokens.admin;
    case 'otherReporter':
      return other.tokens.reporter;
    default:
      return home.tokens[who];
  }
}

let seq = 0;
interface Cell {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: () => string;
  body?: () => object;
  expect: Record<Who, number>;
}

const row = (
  statuses: [operator: number, admin: number, editor: number, reporter: number, counsel: number, otherAdmin: number, otherReporter: number],
): Record<Who, number> => ({
  none: 401,
  bogus: 401,
  operator: statuses[0],
  admin: statuses[1],
  editor: statuses[2],
  reporter: statuses[3],
  counsel: statuses[4],
  otherAdmin: statuses[5],
  otherReporter: statuses[6],
});

const table: Record<string, Cell> = {
  'create an organization': {
    method: 'post',
    path: () => '/v1/organizations',
    body: () => ({ name: `Org ${++seq}` }),
    expect: row([201, 403, 403, 403, 403, 403, 403]),
  },
  'list organizations': { method: 'get', path: () => '/v1/organizations', expect: row([200, 403, 403, 403, 403, 403, 403]) },
  'add a user': {
    method: 'post',
    path: () => `/v1/organizations/${home.orgId}/users`,
    body: () => ({ email: `new${++seq}@example.org`, name: 'New person', role: 'reporter' }),
    expect: row([201, 201, 403, 403, 403, 404, 404]),
  },
  'invite a person': {
    method: 'post',
    path: () => `/v1/organizations/${home.orgId}/invitations`,
    body: () => ({ email: `invited${++seq}@example.org`, name: 'Invited person', role: 'reporter' }),
    expect: row([201, 201, 403, 403, 403, 404, 404]),
  },
  'send an invitation again': {
    method: 'post',
    path: () => `/v1/organizations/${home.orgId}/users/${home.userIds.reporter}/invitation`,
    expect: row([202, 202, 403, 403, 403, 404, 404]),
  },
  'list own browser sessions': { method: 'get', path: () => '/v1/me/sessions', expect: row([403, 200, 200, 200, 200, 200, 200]) },
  'list users': { method: 'get', path: () => `/v1/organizations/${home.orgId}/users`, expect: row([200, 200, 200, 200, 200, 404, 404]) },
  'change a user': {
    method: 'patch',
    path: () => `/v1/organizations/${home.orgId}/users/${home.userIds.reporter}`,
    body: () => ({ name: `Reporter ${++seq}` }),
    expect: row([200, 200, 403, 403, 403, 404, 404]),
  },
  'issue a token for another user': {
    method: 'post',
    path: () => `/v1/organizations/${home.orgId}/users/${home.userIds.counsel}/tokens`,
    body: () => ({ name: 'script' }),
    expect: row([201, 201, 403, 403, 403, 404, 404]),
  },
  'read me': { method: 'get', path: () => '/v1/me', expect: row([403, 200, 200, 200, 200, 200, 200]) },
  'create my own token': {
    method: 'post',
    path: () => '/v1/me/tokens',
    body: () => ({ name: 'laptop' }),
    expect: row([403, 201, 201, 201, 201, 201, 201]),
  },
  'list agencies': { method: 'get', path: () => '/v1/agencies', expect: row([403, 200, 200, 200, 200, 200, 200]) },
  'read an agency': { method: 'get', path: () => `/v1/agencies/${agencyId}`, expect: row([403, 200, 200, 200, 200, 404, 404]) },
  'create an agency': {
    method: 'post',
    path: () => '/v1/agencies',
    body: () => ({ ...minneapolis, name: `Agency ${++seq}` }),
    expect: row([403, 201, 201, 201, 403, 201, 201]),
  },
  'change an agency': {
    method: 'patch',
    path: () => `/v1/agencies/${agencyId}`,
    body: () => ({ notes: `note ${++seq}` }),
    expect: row([403, 200, 200, 200, 403, 404, 404]),
  },
};

beforeAll(async () => {
  app = await startTestApp();
  home = await createNewsroom(app, 'Home newsroom');
  other = await createNewsroom(app, 'Other newsroom');
  const res = await app.http.post('/v1/agencies').set(bearer(home.tokens.reporter)).send(minneapolis).expect(201);
  agencyId = res.body.id;
});
afterAll(() => app.close());

const cases = Object.entries(table).flatMap(([action, cell]) => WHO.map((who) => [action, who, cell.expect[who], cell] as const));

describe('role table', () => {
  it.each(cases)('%s as %s → %i', async (_action, who, status, cell) => {
    let req = app.http[cell.method](cell.path());
    const token = tokenOf(who);
    if (token) req = req.set(bearer(token));
    const res = await (cell.body ? req.send(cell.body()) : req);
    expect(res.status).toBe(status);
    if (status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.status).toBe(status);
    }
  });
});

describe('isolation between newsrooms', () => {
  it('when listing agencies, then a newsroom sees only its own', async () => {
    const mine = await app.http.get('/v1/agencies?limit=500').set(bearer(home.tokens.counsel)).expect(200);
    const theirs = await app.http.get('/v1/agencies?limit=500').set(bearer(other.tokens.counsel)).expect(200);
    const mineIds = new Set(mine.body.items.map((a: { id: string }) => a.id));
    expect(mineIds.has(agencyId)).toBe(true);
    expect(theirs.body.items.some((a: { id: string }) => mineIds.has(a.id))).toBe(false);
  });

  it('when another newsroom asks for an agency, then the 404 reveals nothing of it', async () => {
    const res = await app.http.get(`/v1/agencies/${agencyId}`).set(bearer(other.tokens.admin)).expect(404);
    expect(JSON.stringify(res.body)).not.toContain('Minneapolis');
  });
});
