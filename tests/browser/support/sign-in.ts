import type { BrowserContext, Page } from 'playwright-core';
import { activate, typeInto } from './keyboard';
import { checkPage } from './page-checks';
import { awaitSignInLink, type Stack } from './stack';

/** Asks for a sign-in link on /sign-in, as a person would, and waits for "Check your email". Returns the emailed link. */
export async function askForLink(
  stack: Stack,
  page: Page,
  email: string,
  opts: { keyboard?: boolean; check?: boolean } = {},
): Promise<string> {
  const before = stack.sink.to(email).length;
  await page.goto('/sign-in');
  if (opts.check) await checkPage(page, 'sign-in', { heading: 'Sign in' });
  const field = page.getByLabel('Work email');
  const button = page.getByRole('button', { name: 'Email me a sign-in link' });
  if (opts.keyboard) {
    await typeInto(page, field, email);
    await activate(page, button);
  } else {
    await field.fill(email);
    await button.click();
  }
  await page.getByRole('status').filter({ hasText: 'Check your email' }).waitFor();
  return awaitSignInLink(stack.sink, email, before);
}

/** Opens an emailed sign-in link and presses Continue; resolves once the app has left /sign-in. */
export async function openLink(page: Page, link: string, opts: { keyboard?: boolean; check?: boolean } = {}): Promise<void> {
  await page.goto(link);
  if (opts.check) await checkPage(page, 'sign-in-link', { heading: 'Sign in' });
  const proceed = page.getByRole('button', { name: 'Continue' });
  if (opts.keyboard) await activate(page, proceed);
  else await proceed.click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** A new browser profile signed in as `email` through the emailed link; its page is on the person's home page. */
export async function signedIn(stack: Stack, context: BrowserContext, email: string, opts: { keyboard?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  const link = await askForLink(stack, page, email, opts);
  await openLink(page, link, opts);
  return page;
}

/** The session's cookie in a profile, for tests that replay it outside the browser. */
export async function sessionCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((c) => c.name === 'rt_session')?.value;
}
