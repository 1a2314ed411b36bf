import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/database';
import { openConfiguredDatabase } from '../../server/db/open-configured';
import { encryptSecret } from '../../server/inbound/mailbox-secret';
import { insertMailbox } from '../../server/inbound/mailbox-store';
import { insertOrganization } from '../../server/organizations/organization-store';
import { eventually } from '../support/smtp-sink';
import { openTestDatabase, type TestDatabase } from '../support/test-db';
import { Dovecot, PASSWORD } from './support/dovecot';
import { compose, MAILBOX_KEY } from './support/imap-fixtures';

// The worker in a child process, killed with SIGKILL after a message's filing
// committed and before it was flagged on the server; a new worker must flag
// it and not file it again.

const ROOT = path.resolve(__dirname, '../..');
const USER = 'records@crash.example.org';
let dovecot: Dovecot;
let dataDir: string;
let serverDb: TestDatabase | undefined;
let env: Record<string, string>;
const children: ChildProcess[] = [];

/** The database the children use: the test server's copy, or the PGlite data directory (opened only while no child runs). */
async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  if (serverDb) return fn(serverDb);
  const db = await openConfiguredDatabase(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function startWorker(extra: Record<string, string>): { child: ChildProcess; lines: Array<Record<string, unknown>> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/mailbox-worker-child.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env, ...extra },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines: Array<Record<string, unknown>> = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a log line
    }
  });
  return { child, lines };
}

async function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await done;
}

beforeAll(async () => {
  dovecot = await Dovecot.start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-imap-crash-'));
  if (process.env.TEST_DATABASE_URL) serverDb = await openTestDatabase();
  env = {
    DATA_DIR: dataDir,
    MAILBOX_SECRET_KEY: MAILBOX_KEY,
    IMAP_POLL_SECONDS: '0.2',
    // The killed worker's lease lapses after a second, so the next one takes the mailbox over soon.
    IMAP_LEASE_SECONDS: '1',
    INBOUND_PARSE_THREADS: '0',
    ...(serverDb?.url ? { DATABASE_URL: serverDb.url } : {}),
  };
});
afterAll(async () => {
  for (const c of children) await ended(c, 'SIGKILL');
  await serverDb?.close();
  await dovecot?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the mailbox worker killed mid-message', () => {
  it('when it dies between storing and flagging, then the next worker flags the message and files it only once', async () => {
    const orgId = await withDb(async (db) => {
      const org = await insertOrganization(db.knex, 'Crash Newsroom');
      const id = randomUUID();
      const key = Buffer.from(MAILBOX_KEY, 'hex');
      await insertMailbox(db.knex, {
        id,
        organizationId: org.id,
        name: 'Records desk',
        host: '127.0.0.1',
        port: dovecot.port,
        tls: false,
        username: USER,
        folder: 'INBOX',
        afterFiling: 'flag',
        moveTo: null,
        enabled: true,
        secretEnc: encryptSecret(key, id, PASSWORD),
        now: new Date(),
      });
      return org.id;
    });
    // No Message-ID: only the ledger (by the message's hash) keeps it from being parked twice.
    await dovecot.append(USER, `From: clerk@city.example.gov\r\nTo: ${USER}\r\nSubject: Held\r\n\r\nx\r\n`);

    const first = startWorker({ HOLD_AFTER_STORE: '1' });
    expect(await eventually(() => first.lines.some((l) => l.stored !== undefined), 60000)).toBe(true);
    await ended(first.child, 'SIGKILL');
    // Filed, but not flagged on the server.
    expect((await dovecot.messages(USER))[0]!.flags).not.toContain('$RecordsFiled');
    expect(await withDb(async (db) => db.knex('inbound_messages').where({ organization_id: orgId }).pluck('subject'))).toEqual(['Held']);

    await dovecot.append(USER, await compose({ from: 'clerk@city.example.gov', to: USER, subject: 'After the crash', text: 'y' }));
    const second = startWorker({});
    expect(
      await eventually(async () => {
        const list = await dovecot.messages(USER);
        return list.length === 2 && list.every((m) => m.flags.includes('$RecordsFiled'));
      }, 60000),
    ).toBe(true);
    await ended(second.child, 'SIGTERM');
    const subjects = await withDb(async (db) => db.knex('inbound_messages').where({ organization_id: orgId }).pluck('subject'));
    expect((subjects as string[]).sort()).toEqual(['After the crash', 'Held']);
  });
});
