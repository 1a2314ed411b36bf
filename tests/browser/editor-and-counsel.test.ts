import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { WORKED_EXAMPLE_AGENCIES } from '../../scripts/worked-example';
import { ICE_EMAIL_REQUEST } from '../support/fixtures';
import { eventually } from '../support/smtp-sink';
import { newProfile } from './support/browser';
import { checkPage } from './support/page-checks';
import { must, type Newsroom, type Person, seedAgency, seedNewsroom } from './support/seed';
import { signedIn } from './support/sign-in';
import { OPERATOR_TOKEN, type Stack, startStack } from './support/stack';

// The editor's dashboard and the counsel's read-only record, on a request
// filed months ago that the agency never answered.

const TITLE = 'ICE detainer requests to Hennepin County, 2026';

let stack: Stack;
let room: Newsroom;
let second: Person;
let overdueId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack();
  room = await seedNewsroom(stack, 'MinnPost Desk');
  const user = await must(
    stack,
    OPERATOR_TOKEN,
    'POST',
    `/v1/organizations/${room.orgId}/users`,
    { email: 'second.reporter@minnpostdesk.example.org', name: 'Sam Second', role: 'reporter' },
    201,
  );
  second = {
    id: user.id as string,
    email: 'second.reporter@minnpostdesk.example.org',
    name: 'Sam Second',
    role: 'reporter',
    token: user.token as string,
  };

  // Filed on the agency's portal 60 days ago and never answered: FOIA's 20 business days are long gone.
  const agencyId = await seedAgency(stack, room, WORKED_EXAMPLE_AGENCIES.ice);
  const req = await must(stack, room.people.reporter.token, 'POST', '/v1/requests', { ...ICE_EMAIL_REQUEST, title: TITLE, agencyId }, 201);
  overdueId = req.id as string;
  const submittedAt = new Date(Date.now() - 60 * 86_400_000).toISOString();
  await must(stack, room.people.reporter.token, 'POST', `/v1/requests/${overdueId}/submit`, { method: 'portal', submittedAt }, 200);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await stack?.close();
});

async function as(person: Person): Promise<Page> {
  const context = await newProfile(stack.browser, stack.baseUrl);
  contexts.push(context);
  return signedIn(stack, context, person.email);
}

describe('the editor', () => {
  it('when an editor opens the app, then the dashboard lists the overdue request and the editor reassigns it', async () => {
    const page = await as(room.people.editor);
    await page.waitForURL(/\/dashboard$/);
    await checkPage(page, 'dashboard', { heading: 'Dashboard' });

    const overdue = page.getByRole('region', { name: 'Overdue' });
    await overdue.getByRole('link', { name: TITLE }).first().waitFor();
    const assignee = overdue.getByRole('combobox', { name: `Assignee of “${TITLE}”` }).first();
    await assignee.click();
    await page.getByRole('option', { name: second.name }).click();

    const moved = await eventually(async () => {
      const r = await must(stack, room.people.editor.token, 'GET', `/v1/requests/${overdueId}`, undefined, 200);
      return r.assigneeId === second.id;
    });
    expect(moved).toBe(true);
    await page.reload();
    await page.getByRole('region', { name: 'Overdue' }).getByRole('link', { name: TITLE }).first().waitFor();
    await expect(
      page
        .getByRole('region', { name: 'Overdue' })
        .getByRole('combobox', { name: `Assignee of “${TITLE}”` })
        .first()
        .inputValue(),
    ).resolves.toBe(second.name);
  });
});

describe('counsel', () => {
  /** Buttons, links and fields that would change something; counsel should see none. */
  async function writeControls(page: Page): Promise<string[]> {
    const verbs =
      /^(new request|draft|send|resend|save|log it|log|record|edit|delete|remove|revoke|invite|assign|reassign|upload|file (it|into)|add|create|issue|deactivate|withdraw|appeal|mark|change)\b/i;
    // The what-if calculator's moves are a form that only reads.
    const reads = /^(add a move|remove move \d+)$/i;
    const names: string[] = [];
    for (const el of await page.getByRole('button').all()) {
      const name = ((await el.getAttribute('aria-label')) ?? (await el.textContent()) ?? '').trim();
      if (verbs.test(name) && !reads.test(name) && (await el.isVisible())) names.push(`button "${name}"`);
    }
    // Links only lead somewhere; the ones that lead to a form that writes count (a link to one's own account page does not).
    for (const el of await page.getByRole('link', { name: /^(new request|draft a request)/i }).all()) {
      if (await el.isVisible()) names.push(`link "${(await el.textContent())?.trim()}"`);
    }
    // Form fields that write (the assignee picker, event forms); search and filters are reads.
    for (const label of ['Assigned to', 'What happened', 'Files (optional)']) {
      if ((await page.getByLabel(label, { exact: true }).count()) > 0) names.push(`field "${label}"`);
    }
    return names;
  }

  it('when counsel opens the request’s history, then it is verified, the PDF exhibit downloads, and no page shows a write control', async () => {
    const page = await as(room.people.counsel);
    await page.waitForURL(/\/requests$/);
    await checkPage(page, 'requests-counsel', { heading: 'Requests' });
    expect(await writeControls(page)).toEqual([]);

    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await checkPage(page, 'request-counsel', { heading: TITLE });
    expect(await writeControls(page)).toEqual([]);

    await page.getByRole('link', { name: 'History for counsel' }).click();
    await page.getByRole('heading', { level: 1, name: `History: ${TITLE}` }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Verified' }).waitFor();
    expect(await page.getByText('Head hash:').textContent()).toMatch(/[0-9a-f]{64}/);
    await checkPage(page, 'history', { heading: `History: ${TITLE}` });
    expect(await writeControls(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the PDF exhibit' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // Every other page of the app, read-only for counsel too.
    for (const [path, name] of [
      ['/dashboard', 'dashboard-counsel'],
      ['/calendar', 'calendar'],
      ['/agencies', 'agencies'],
      ['/calculator', 'calculator'],
    ] as const) {
      await page.goto(path);
      await checkPage(page, name);
      expect({ path, controls: await writeControls(page) }).toEqual({ path, controls: [] });
    }

    // The server refuses a write with counsel's cookie and CSRF token all the same.
    const session = await page.request.get('/v1/auth/session');
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const write = await page.request.post(`/v1/requests/${overdueId}/events`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { type: 'note', occurredAt: new Date().toISOString(), summary: 'counsel tried to write', data: {} },
    });
    expect(write.status()).toBe(403);
  });
});
