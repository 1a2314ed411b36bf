import { bearer, startTestApp, type TestApp } from '../support/test-app';

// A service started without ADMIN_TOKEN has no operator API. A newcomer who
// tries to create the first newsroom must be told that, and how to proceed,
// not that their token is "unknown".
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ ADMIN_TOKEN: '' });
});
afterAll(() => app.close());

describe('operator API with ADMIN_TOKEN unset', () => {
  it('when a newsroom is created, then the 401 says the operator API is off and how to create the first newsroom', async () => {
    const res = await app.http
      .post('/v1/organizations')
      .set(bearer('change-this-operator-token'))
      .send({ name: 'Star Tribune' })
      .expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/operator API is off/);
    expect(res.body.detail).toMatch(/ADMIN_TOKEN/);
    expect(res.body.detail).toMatch(/npm run cli -- org:create/);
  });

  it('when a user route that only a user may call gets an unknown token, then the 401 does not talk about the operator', async () => {
    const res = await app.http.get('/v1/me').set(bearer('rt_not-a-real-token')).expect(401);
    expect(res.body.detail).toMatch(/unknown, revoked or expired/);
    expect(res.body.detail).not.toMatch(/operator/);
  });
});
