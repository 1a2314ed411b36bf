import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium package: the suite never downloads a browser. CHROMIUM_PATH overrides it elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh profile (its own cookies and storage): one per person in a journey. */
export async function newProfile(browser: Browser, baseURL: string, opts: { phone?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    acceptDownloads: true,
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'America/Chicago',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}
