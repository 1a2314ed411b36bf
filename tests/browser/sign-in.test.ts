import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { ICE_EMAIL_REQUEST } from '../support/fixtures';
import { eventually } from '../support/smtp-sink';
import { WORKED_EXAMPLE_AGENCIES } from '../../scripts/worked-example';
import { newProfile } from './support/browser';
import { activate, choose } from './support/keyboard';
import { checkPage, expectAccessible } from './support/page-checks';
import { must, type Newsroom, seedAgency, seedNewsroom } from './support/seed';
import { askForLink, sessionCookie, signedIn, openLink } from './support/sign-in';
import { awaitSignInLink, type Stack, startStack } from './support/stack';

// Signing in, signing out and what a session can and cannot do, in Chromium
// against the real service.

let stack: Stack;
let room: Newsroom;
let other: Newsroom;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack();
  room = await seedNewsroom(stack, 'Star Tribune Desk');
  other = await seedNewsroom(stack, 'Pioneer Press Desk');
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});
afterAll(async () => {
  await stack?.close();
});

async function profile(): Promise<BrowserContext> {
  const context = await newProfile(stack.browser, stack.baseUrl);
  contexts.push(context);
  return context;
}

/** Reads the session as the app does, replaying a cookie outside the browser. */
async function sessionStatus(cookie: string): Promise<number> {
  const res = await fetch(`${stack.baseUrl}/v1/auth/session`, { headers: { Cookie: `rt_session=${cookie}` } });
  return res.status;
}

describe('signing in from the emailed link', () => {
  it('when someone opens the app signed out, then the sign-in page is shown and has no serious accessibility violations', async () => {
    const page = await (await profile()).newPage();
    await page.goto('/requests');
    await page.waitForURL(/\/sign-in\?next=%2Frequests/);
    await checkPage(page, 'sign-in', { heading: 'Sign in' });
    await expect(page.getByLabel('Work email').isVisible()).resolves.toBe(true);
  });

  it('when a reporter asks for a link with the keyboard alone, then the emailed link signs them in and opens their requests', async () => {
    const page = await signedIn(stack, await profile(), room.people.reporter.email, { keyboard: true });
    await page.waitForURL(/\/requests$/);
    await checkPage(page, 'requests', { heading: 'Requests' });
    await expect(page.getByText(room.name).first().isVisible()).resolves.toBe(true);
  });

  it('when a reporter signs in on a phone-sized screen, then the list and the navigation behind its menu button work there', async () => {
    const context = await newProfile(stack.browser, stack.baseUrl, { phone: true });
    contexts.push(context);
    const page = await signedIn(stack, context, room.people.reporter.email);
    await checkPage(page, 'requests-phone', { heading: 'Requests' });
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deadline calculator' });
    // Off the screen (the collapsed navbar slides out to the left) until the menu button opens it.
    const onScreen = async () => {
      const box = await nav.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 390;
    };
    expect(await onScreen()).toBe(false);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    expect(await eventually(onScreen, 5000)).toBe(true);
    await nav.click();
    await page.waitForURL(/\/calculator$/);
    await checkPage(page, 'calculator-phone');
  });

  it('when the address belongs to nobody, then the page answers the same and no mail is sent', async () => {
    const page = await (await profile()).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Work email').fill('nobody@nowhere.example.org');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('status').filter({ hasText: 'Check your email' }).waitFor();
    await new Promise((r) => setTimeout(r, 1500));
    expect(stack.sink.to('nobody@nowhere.example.org')).toHaveLength(0);
  });

  it('when a sign-in link is opened a second time, then it does not sign anyone in and says why', async () => {
    const first = await (await profile()).newPage();
    const link = await askForLink(stack, first, room.people.editor.email);
    await openLink(first, link);

    const second = await (await profile()).newPage();
    await second.goto(link);
    await second.getByRole('button', { name: 'Continue' }).click();
    const alert = second.getByRole('alert').filter({ hasText: 'This link cannot sign you in' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/expired or was already used/);
    await expectAccessible(second, 'used sign-in link');
    expect(await sessionCookie(second.context())).toBeUndefined();
    await second.goto('/requests');
    await second.waitForURL(/\/sign-in/);
  });
});

describe('an admin invites a reporter', () => {
  it('when the admin invites a new reporter on the People page, then the reporter signs in from the emailed invitation', async () => {
    const admin = await signedIn(stack, await profile(), room.people.admin.email);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await admin.waitForURL(/\/people$/);
    await checkPage(admin, 'people', { heading: 'People' });

    const invitee = 'new.reporter@startribunedesk.example.org';
    const before = stack.sink.to(invitee).length;
    // By role and name: a required field's label text also holds its asterisk.
    await admin.getByRole('textbox', { name: 'Email', exact: true }).fill(invitee);
    await admin.getByRole('textbox', { name: 'Name', exact: true }).fill('Nora Newhire');
    await choose(admin, admin.getByRole('combobox', { name: 'Role', exact: true }), 'Reporter');
    await admin.getByRole('button', { name: /^(invite|send invitation)/i }).click();
    await admin.getByRole('cell', { name: invitee }).waitFor();

    const link = await awaitSignInLink(stack.sink, invitee, before);
    const page = await (await profile()).newPage();
    await openLink(page, link, { check: true });
    await page.waitForURL(/\/requests$/);
    await page.getByText('Nora Newhire').first().waitFor();
  });
});

describe('sessions end', () => {
  it('when a reporter signs out, then the session ends on the server and the app asks to sign in again', async () => {
    const context = await profile();
    const page = await signedIn(stack, context, room.people.reporter.email);
    const cookie = (await sessionCookie(context))!;
    expect(await sessionStatus(cookie)).toBe(200);

    await activate(page, page.getByRole('button', { name: 'Sign out' }));
    await page.waitForURL(/\/sign-in/);
    expect(await sessionStatus(cookie)).toBe(401);
    await page.goto('/requests');
    await page.waitForURL(/\/sign-in/);
  });

  it('when an admin deactivates a person, then their open session stops working at once', async () => {
    const person = await must(
      stack,
      room.people.admin.token,
      'POST',
      `/v1/organizations/${room.orgId}/users`,
      { email: 'leaving@startribunedesk.example.org', name: 'Leo Leaving', role: 'reporter' },
      201,
    );
    const context = await profile();
    const page = await signedIn(stack, context, 'leaving@startribunedesk.example.org');
    const cookie = (await sessionCookie(context))!;
    expect(await sessionStatus(cookie)).toBe(200);

    await must(stack, room.people.admin.token, 'PATCH', `/v1/organizations/${room.orgId}/users/${person.id}`, { active: false }, 200);
    expect(await sessionStatus(cookie)).toBe(401);
    await page.goto('/requests');
    await page.waitForURL(/\/sign-in/);
  });
});

describe('newsrooms are walled off', () => {
  it('when a reporter of another newsroom opens the first newsroom’s request URL, then they get a not-found page', async () => {
    const agencyId = await seedAgency(stack, room, WORKED_EXAMPLE_AGENCIES.ice);
    const req = await must(stack, room.people.reporter.token, 'POST', '/v1/requests', { ...ICE_EMAIL_REQUEST, agencyId }, 201);

    const page = await signedIn(stack, await profile(), other.people.reporter.email);
    await page.goto(`/requests/${req.id}`);
    await checkPage(page, 'not-found', { heading: 'Not found' });
    expect(await page.getByText(ICE_EMAIL_REQUEST.title).count()).toBe(0);
    // The same URL opens for the newsroom it belongs to.
    const own = await signedIn(stack, await profile(), room.people.reporter.email);
    await own.goto(`/requests/${req.id}`);
    await own.getByRole('heading', { level: 1, name: ICE_EMAIL_REQUEST.title }).waitFor();
  });
});

describe('security of the cookie session', () => {
  /** A page on another site (localhost is not the same site as 127.0.0.1) whose script posts a form to the service. */
  async function attackerSite(target: string, fields: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
    const inputs = Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name='${k.replace(/'/g, '&#39;')}' value='${v.replace(/'/g, '&#39;')}'>`)
      .join('');
    const html = `<!doctype html><html><body><form id="f" method="POST" action="${target}" enctype="text/plain">${inputs}</form><script>document.getElementById('f').submit()</script></body></html>`;
    const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    return { url: `http://localhost:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('when another site posts a form to the API in a signed-in browser, then the write is refused and nothing is created', async () => {
    const context = await profile();
    const page = await signedIn(stack, context, room.people.editor.email);
    const evil = await attackerSite(`${stack.baseUrl}/v1/agencies`, {
      '{"name":"Forged Agency","jurisdiction":"US","level":"federal","timezone":"America/New_York","x":"': '"}',
    });
    try {
      const answer = page.waitForResponse((r) => r.url() === `${stack.baseUrl}/v1/agencies` && r.request().method() === 'POST');
      await page.goto(evil.url);
      expect((await answer).status()).toBeGreaterThanOrEqual(400);
    } finally {
      await evil.close();
    }
    const agencies = await must(stack, room.people.editor.token, 'GET', '/v1/agencies?limit=100', undefined, 200);
    expect(JSON.stringify(agencies)).not.toContain('Forged Agency');

    // Even a client that does send the cookie along is refused without the session's CSRF token.
    const cookie = (await sessionCookie(context))!;
    const forged = await fetch(`${stack.baseUrl}/v1/agencies`, {
      method: 'POST',
      headers: { Cookie: `rt_session=${cookie}`, 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ name: 'Forged Agency', jurisdiction: 'US', level: 'federal', timezone: 'America/New_York' }),
    });
    expect(forged.status).toBe(403);
    const problem = (await forged.json()) as { errors?: Array<{ field: string }> };
    expect(JSON.stringify(problem.errors)).toMatch(/csrf/i);
  });

  it('when the suite built the app (under Jest, NODE_ENV=test), then what is served is still the production build', async () => {
    const html = await (await fetch(`${stack.baseUrl}/sign-in`, { headers: { Accept: 'text/html' } })).text();
    const entry = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)![1]!;
    const js = await (await fetch(`${stack.baseUrl}${entry}`)).text();
    // Only React's development build carries its long warnings; the production build links to react.dev/errors instead.
    expect(js).not.toContain('Invalid hook call');
  });

  it('when a page is served, then its Content-Security-Policy allows no inline script and the app still works under it', async () => {
    const res = await fetch(`${stack.baseUrl}/sign-in`, { headers: { Accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toMatch(/object-src 'none'/);
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const page = await (await profile()).newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Nothing the app itself does offends the policy.
    expect(violations).toEqual([]);

    // A script injected into the page as markup does not run.
    const ran = await page.evaluate(`new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve('blocked:' + e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      const img = document.createElement('div');
      img.innerHTML = '<img src="x" onerror="window.__handlerRan = true">';
      document.body.appendChild(img);
      setTimeout(() => resolve(window.__inlineRan ? 'ran' : 'silent'), 2000);
    })`);
    expect(ran).toMatch(/^blocked:script-src/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate('[window.__inlineRan === true, window.__handlerRan === true]')).toEqual([false, false]);
  });
});
