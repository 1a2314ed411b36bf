import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

// The app's files are whatever `vite build` wrote; a small stand-in with the
// same layout (index.html, hashed files under assets/) exercises the serving.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-web-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(
  path.join(dist, 'index.html'),
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>',
);
fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ WEB_DIST: dist });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

it('when a browser opens a deep link, then it gets the app, never cached, with a policy that runs no inline script', async () => {
  for (const url of ['/', '/requests/6f1c2b8e-5d8a-4c39-9f0e-2a4b1d7c9e10', '/sign-in?token=abc']) {
    const res = await app.http.get(url).set('Accept', 'text/html,application/xhtml+xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = res.headers['content-security-policy'] as string;
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
    expect(scriptSrc).toBe("'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  }
});

it('when a hashed asset is fetched, then it may be cached for a year', async () => {
  const res = await app.http.get('/assets/index-abc123.js').expect(200);
  expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(res.text).toContain('console.log');
  await app.http.get('/assets/missing-000.js').expect(404);
});

it('when a script asks for JSON, or calls an API path, then the API answers, not the app', async () => {
  const page = await app.http.get('/requests').set('Accept', 'application/json').expect(404);
  expect(page.headers['content-type']).toMatch(/problem\+json/);
  const api = await app.http.get('/v1/no-such-thing').set('Accept', 'text/html').expect(404);
  expect(api.headers['content-type']).toMatch(/problem\+json/);
  const spec = await app.http.get('/openapi.json').set('Accept', 'text/html').expect(200);
  expect(spec.body.openapi).toMatch(/^3\./);
});

it('when the app was not built, then a page says how to build it instead of an empty 404', async () => {
  const bare = await startTestApp({ WEB_DIST: path.join(dist, 'nothing-here') });
  try {
    const res = await bare.http.get('/dashboard').set('Accept', 'text/html').expect(503);
    expect(res.text).toContain('npm run build:web');
    await bare.http.get('/healthz').expect(200);
  } finally {
    await bare.close();
  }
});

it('when the public URL is https, then the policy upgrades insecure requests', async () => {
  const secure = await startTestApp({ WEB_DIST: dist, PUBLIC_URL: 'https://records.example.org' });
  try {
    const res = await secure.http.get('/').set('Accept', 'text/html').expect(200);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  } finally {
    await secure.close();
  }
});
