import type { Locator, Page } from 'playwright-core';

/** `text` as a regular expression matching it literally. */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Journeys "doable with the keyboard alone": these move focus with Tab (never
// a click) and act with Enter, Space or typing, as a keyboard user would.

/** Whether `target` (its first match) has the focus. */
async function isFocused(target: Locator): Promise<boolean> {
  // Runs in the page; the suite compiles without the DOM library, hence the narrow shape.
  return target
    .first()
    .evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)
    .catch(() => false);
}

/** A short description of the focused element, for failure messages. */
export async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(
    `(() => { const e = document.activeElement; if (!e) return '(nothing)'; return e.tagName.toLowerCase() + ' ' + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 60); })()`,
  );
}

/** Presses Tab (Shift+Tab with `backwards`) until `target` has the focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, opts: { max?: number; backwards?: boolean } = {}): Promise<void> {
  await target.first().waitFor({ state: 'visible' });
  const max = opts.max ?? 80;
  for (let i = 0; i < max; i += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
  }
  if (await isFocused(target)) return;
  throw new Error(`Tab did not reach ${target} in ${max} presses; the focus is on ${await focusedElement(page)}`);
}

/** Tabs to a link or button and presses Enter. */
export async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Tabs to a checkbox, switch or button and presses Space. */
export async function toggle(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Space');
}

/** Tabs to a text field, selects what it holds and types `text` over it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/**
 * Tabs to a combobox (Mantine Select, MultiSelect, Autocomplete), types to filter
 * when it takes typing, then moves down the options with the arrow keys until
 * the highlighted one matches `text`, and picks it with Enter.
 */
export async function choose(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  const wanted = new RegExp(literally(text), 'i');
  if (await target.first().isEditable()) await page.keyboard.type(text);
  const seen: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('ArrowDown');
    const highlighted = page.locator('[role="option"][data-combobox-selected]');
    const label = (await highlighted.count()) > 0 ? ((await highlighted.first().textContent()) ?? '') : '';
    if (wanted.test(label)) {
      await page.keyboard.press('Enter');
      return;
    }
    seen.push(label);
  }
  throw new Error(`no option matching "${text}" in ${target}; the arrow keys went through: ${[...new Set(seen)].join(' | ')}`);
}
