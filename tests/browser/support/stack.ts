import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ChildServer } from '../../support/child-server';
import { eventually, type ReceivedMail, SmtpSink } from '../../support/smtp-sink';
import { createEmptyServerDatabase } from '../../support/test-db';
import { launchChromium } from './browser';

export const OPERATOR_TOKEN = 'browser-suite-operator-token-0123';
export const INBOUND_SECRET = 'browser-suite-inbound-secret-0123';
export const INBOUND_ADDRESS = 'records@newsroom.example.org';

/**
 * One test file's world: the real service as a child process (server/main.ts) on
 * the database the environment selects, its mail going to a real SMTP sink on
 * loopback, and one Chromium. TEST_DATABASE_URL unset: embedded PGlite in a
 * temporary DATA_DIR; set: a new, empty database on that server, dropped at the end.
 */
export interface Stack {
  server: ChildServer;
  sink: SmtpSink;
  browser: Browser;
  /** The service's origin, also its PUBLIC_URL, so links in mail open this server. */
  baseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-browser-'));
  const db = await createEmptyServerDatabase();
  const sink = await new SmtpSink().start();
  let server: ChildServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await sink.stop().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // PUBLIC_URL must name the port before the server starts, so the port is chosen here.
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = await ChildServer.start({
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      ADMIN_TOKEN: OPERATOR_TOKEN,
      DATA_DIR: dataDir,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Records desk <records@newsroom.example.org>',
      INBOUND_SECRET,
      INBOUND_ADDRESS,
      JOBS_POLL_SECONDS: '0.5',
      MAIL_RETRY_DELAY_SECONDS: '0',
      LOG_LEVEL: 'info',
      // Every person of a file signs in from 127.0.0.1; the limits themselves are tested in tests/api/sign-in.test.ts.
      SIGN_IN_LIMIT_PER_IP: '1000',
      SIGN_IN_LIMIT_PER_ADDRESS: '100',
      ...(db ? { DATABASE_URL: db.url } : {}),
      ...env,
    });
    browser = await launchChromium();
    return { server, sink, browser, baseUrl, dataDir, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The sign-in link in a message: `${PUBLIC_URL}/sign-in?token=...`. */
export function signInLinkIn(mail: ReceivedMail): string | undefined {
  const text = `${mail.parsed.text ?? ''}\n${typeof mail.parsed.html === 'string' ? mail.parsed.html : ''}`;
  return /https?:\/\/[^\s"'<>]+\/sign-in\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
}

/** Waits for a message to `address`, after the first `after` ones, that carries a sign-in link; returns the link. */
export async function awaitSignInLink(sink: SmtpSink, address: string, after: number): Promise<string> {
  let link: string | undefined;
  const arrived = await eventually(() => {
    link = sink
      .to(address)
      .slice(after)
      .map(signInLinkIn)
      .find((l) => l !== undefined);
    return link !== undefined;
  }, 30_000);
  if (!arrived || !link) {
    const subjects = sink.received.map((m) => `${m.envelopeTo.join(',')}: ${m.parsed.subject}`).join('\n  ');
    throw new Error(`no sign-in link reached ${address}; the sink holds:\n  ${subjects || '(nothing)'}`);
  }
  return link;
}
