import MailComposer from 'nodemailer/lib/mail-composer';
import type { BrowserContext, Page } from 'playwright-core';
import { WORKED_EXAMPLE_AGENCIES } from '../../scripts/worked-example';
import { ICE_EMAIL_REQUEST } from '../support/fixtures';
import { eventually } from '../support/smtp-sink';
import { newProfile } from './support/browser';
import { activate, choose, literally, tabTo, typeInto } from './support/keyboard';
import { checkPage } from './support/page-checks';
import { must, type Newsroom, seedAgency, seedNewsroom } from './support/seed';
import { signedIn } from './support/sign-in';
import { INBOUND_SECRET, type Stack, startStack } from './support/stack';

// A reporter's day: the worked example filed to four agencies in one batch,
// an agency's emailed reply with its attachment, an extension logged.

const AGENCIES = [
  WORKED_EXAMPLE_AGENCIES.minneapolis,
  WORKED_EXAMPLE_AGENCIES.saintPaul,
  WORKED_EXAMPLE_AGENCIES.minnesota,
  WORKED_EXAMPLE_AGENCIES.ice,
];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let stack: Stack;
let room: Newsroom;
let reporter: BrowserContext;
let page: Page;
/** Request ids by agency name, once the batch is sent. */
const filed = new Map<string, string>();

beforeAll(async () => {
  stack = await startStack();
  room = await seedNewsroom(stack, 'Sahan Journal Desk');
  for (const a of AGENCIES) await seedAgency(stack, room, a);
  reporter = await newProfile(stack.browser, stack.baseUrl);
  page = await signedIn(stack, reporter, room.people.reporter.email);
});
afterAll(async () => {
  await reporter?.close();
  await stack?.close();
});

/**
 * The four requests of the batch journey; when that journey failed before sending,
 * the same batch is drafted and emailed through the API, so the journeys after it
 * still say what they check.
 */
async function batchFiled(): Promise<Map<string, string>> {
  if (filed.size === AGENCIES.length) return filed;
  const token = room.people.reporter.token;
  const agencies = (await must(stack, token, 'GET', '/v1/agencies?limit=100', undefined, 200)).items as Array<{ id: string; name: string }>;
  const agencyIds = AGENCIES.map((a) => agencies.find((x) => x.name === a.name)!.id);
  const batch = await must(stack, token, 'POST', '/v1/requests/batch', { ...ICE_EMAIL_REQUEST, agencyIds }, 201);
  for (const r of batch.items as Array<{ id: string; agency: { name: string } }>) {
    await must(stack, token, 'POST', `/v1/requests/${r.id}/submit`, { method: 'email' }, 200);
    filed.set(r.agency.name, r.id);
  }
  return filed;
}

describe('the worked example in one batch', () => {
  it('when the reporter drafts one request to the four agencies, then each letter cites its own law and all four are emailed', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New request' }).click();
    await page.waitForURL(/\/requests\/new$/);
    await checkPage(page, 'new-request', { heading: 'New request' });

    const agencies = page.getByRole('combobox', { name: 'Agencies' });
    for (const a of AGENCIES) {
      await agencies.fill(a.name);
      await page.getByRole('option', { name: new RegExp(`^${literally(a.name)}`) }).click();
    }
    await page.getByLabel(/^Title/).fill(ICE_EMAIL_REQUEST.title);
    await page.getByLabel('Records sought').fill(ICE_EMAIL_REQUEST.recordsSought);
    await page.getByLabel('Records from').fill(ICE_EMAIL_REQUEST.dateRangeStart);
    await page.getByLabel('Records to').fill(ICE_EMAIL_REQUEST.dateRangeEnd);
    await page.getByLabel(/^Fee limit/).fill(String(ICE_EMAIL_REQUEST.feeLimit));
    await page.getByRole('button', { name: 'Draft 4 letters' }).click();

    await page.getByRole('heading', { level: 1, name: 'Review and send' }).waitFor();
    await checkPage(page, 'review-and-send', { heading: 'Review and send' });
    // Read the four letters: each under its agency's heading, citing the law of its jurisdiction.
    const laws = new Map<string, string>();
    for (const code of ['US-MN', 'US']) {
      const j = await must(stack, room.people.reporter.token, 'GET', `/v1/jurisdictions/${code}`, undefined, 200);
      laws.set(code, j.lawName as string);
    }
    for (const a of AGENCIES) {
      const letter = page.getByRole('region', { name: a.name, exact: true });
      await letter.waitFor();
      const text = (await letter.textContent()) ?? '';
      expect(text).toContain(laws.get(a.jurisdiction)!);
      expect(text).toContain('all-employee email');
    }

    await page.getByRole('button', { name: 'Send all 4 letters' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent' }).waitFor({ timeout: 60_000 });
    for (const a of AGENCIES) {
      const link = page.getByRole('status').getByRole('link', { name: new RegExp(`^${literally(a.name)}:`) });
      filed.set(a.name, (await link.getAttribute('href'))!.split('/').pop()!);
    }
    // The letters really left: one message to each agency's records address.
    const arrived = await eventually(() => AGENCIES.every((a) => stack.sink.to(a.recordsEmail).length === 1), 60_000);
    expect(arrived).toBe(true);
  });
});

describe('the agency answers', () => {
  it('when the agency’s emailed reply reaches the inbound endpoint, then it is on the request page with its attachment to preview', async () => {
    const id = (await batchFiled()).get(WORKED_EXAMPLE_AGENCIES.minneapolis.name)!;
    const request = await must(stack, room.people.reporter.token, 'GET', `/v1/requests/${id}`, undefined, 200);
    const replyAddress = (request.submission as { replyAddress: string }).replyAddress;
    const raw = await new MailComposer({
      from: 'Records <records@minneapolis.example.gov>',
      to: replyAddress,
      subject: 'RE: Data practices request',
      text: 'We received your request and are gathering responsive data. Acknowledgment attached.',
      attachments: [{ filename: 'acknowledgment.pdf', content: PDF, contentType: 'application/pdf' }],
      date: new Date(),
    })
      .compile()
      .build();
    const res = await fetch(`${stack.baseUrl}/v1/inbound/email`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${INBOUND_SECRET}`, 'Content-Type': 'message/rfc822' },
      body: raw,
    });
    expect(res.status).toBe(201);

    await page.goto(`/requests/${id}`);
    await checkPage(page, 'request', { heading: ICE_EMAIL_REQUEST.title });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('gathering responsive data').first().waitFor();
    await timeline.getByRole('link', { name: 'acknowledgment.pdf' }).waitFor();

    const file = page.waitForResponse((r) => /\/attachments\/[^/?]+\?disposition=inline/.test(r.url()));
    await timeline.getByRole('button', { name: 'Preview acknowledgment.pdf' }).click();
    const dialog = page.getByRole('dialog', { name: 'acknowledgment.pdf' });
    await dialog.locator('iframe[title="Preview of acknowledgment.pdf"]').waitFor();
    const answer = await file;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^application\/pdf/);
    await checkPage(page, 'request-attachment-preview');
    // Escape would go to the PDF viewer if it holds the focus; the close button has a name to find it by.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});

describe('an extension, with the keyboard alone', () => {
  it('when the reporter logs the agency’s extension by keyboard, then the request shows the new due date and the reason', async () => {
    const id = (await batchFiled()).get(WORKED_EXAMPLE_AGENCIES.ice.name)!;
    const before = await must(stack, room.people.reporter.token, 'GET', `/v1/requests/${id}`, undefined, 200);
    const dueBefore = (before.deadlines as Array<{ kind: string; dueDate: string }>).map((d) => d.dueDate);

    // From the list to the request, by Tab and Enter only.
    await page.goto('/requests');
    await checkPage(page, 'requests', { heading: 'Requests' });
    await activate(page, page.getByRole('row', { name: /U\.S\. Immigration and Customs Enforcement/ }).getByRole('link'));
    await page.waitForURL(new RegExp(`/requests/${id}$`));
    await page.getByRole('heading', { level: 1, name: ICE_EMAIL_REQUEST.title }).waitFor();

    const form = page.getByRole('form', { name: 'Log what happened' });
    await choose(page, form.getByRole('combobox', { name: 'What happened' }), 'extension');
    await typeInto(page, form.getByLabel('Extra days claimed'), '10');
    const reason = 'Unusual circumstances: the records are in a field office';
    await typeInto(page, form.getByLabel('Reason given'), reason);
    await activate(page, form.getByRole('button', { name: 'Log it' }));

    const after = await eventually(async () => {
      const r = await must(stack, room.people.reporter.token, 'GET', `/v1/requests/${id}`, undefined, 200);
      return JSON.stringify((r.deadlines as Array<{ dueDate: string }>).map((d) => d.dueDate)) !== JSON.stringify(dueBefore);
    });
    expect(after).toBe(true);
    const now = await must(stack, room.people.reporter.token, 'GET', `/v1/requests/${id}`, undefined, 200);
    const response = (now.deadlines as Array<{ kind: string; dueDate: string; status: string }>).find(
      (d) => d.status !== 'superseded' && !dueBefore.includes(d.dueDate),
    )!;
    const shown = new Intl.DateTimeFormat('en-US', {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${response.dueDate}T00:00:00Z`));
    const deadlines = page.getByRole('region', { name: 'Deadlines' });
    await deadlines.getByText(shown).first().waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText(reason).first().waitFor();

    // "Why this date" opens by keyboard too and names the extension.
    const control = deadlines.getByRole('button', { name: new RegExp(literally(shown)) }).first();
    await tabTo(page, control, { backwards: true, max: 120 });
    await page.keyboard.press('Enter');
    await deadlines.getByText('Why this date:').first().waitFor();
    expect(await deadlines.textContent()).toMatch(/extension/i);
    await checkPage(page, 'request-after-extension');
  });
});
