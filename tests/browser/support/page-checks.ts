import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Where the suite writes a screenshot of each main page (gitignored; CI keeps the folder). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots');

/**
 * axe-core on the page as it is now: fails on any serious or critical violation,
 * naming the rule, its help text and the offending elements.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length === 0) return;
  const lines = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} -- ${n.failureSummary?.split('\n').join(' ')}`).join('\n    ')}`,
  );
  throw new Error(`accessibility violations on ${where} (${page.url()}):\n  ${lines.join('\n  ')}`);
}

/** A full-page screenshot named after the page, e.g. test-results/screenshots/requests.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * What every journey does on every page it visits: wait for its one h1 (the
 * page has rendered, not just its loader), check it with axe, take its picture.
 */
export async function checkPage(page: Page, name: string, opts: { heading?: string | RegExp } = {}): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1, ...(opts.heading ? { name: opts.heading } : {}) });
  await h1.first().waitFor({ state: 'visible' });
  // Loaders and pending queries settle before the page is judged.
  await page
    .getByLabel('Loading')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  // The pointer rests where the last click left it; a hover colour is not the page's own.
  await page.mouse.move(0, 0);
  await expectAccessible(page, name);
  await screenshot(page, name);
}
