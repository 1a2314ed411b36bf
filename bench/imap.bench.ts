// Issue 12 benchmark: N agency replies (default 10,000; BENCH_MESSAGES) appended
// to a private Dovecot mailbox, filed by one mailbox worker; then the same
// messages (new Message-IDs) posted to POST /v1/inbound/email by
// BENCH_HTTP_CLIENTS clients (default 1, like the one worker). Prints the time
// and messages per second of each path, their ratio (target: the mailbox path
// at least half as fast), and checks every message was filed exactly once.
// Embedded database by default; BENCH_DATABASE_URL for a Postgres server.
// Needs Debian's dovecot-imapd.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openConfiguredDatabase } from '../server/db/open-configured';
import { replyAddress } from '../server/mail/compose';
import { encryptSecret } from '../server/inbound/mailbox-secret';
import { insertMailbox } from '../server/inbound/mailbox-store';
import { MailboxWatcher } from '../server/inbound/mailbox-worker';
import { createRuntime } from '../server/runtime';
import { fakeDns } from '../tests/support/sender-dns';
import { Dovecot, PASSWORD } from '../tests/imap/support/dovecot';
import { createBenchDatabase } from './support/bench-db';

const N = Number(process.env.BENCH_MESSAGES ?? 10_000);
const HTTP_CLIENTS = Number(process.env.BENCH_HTTP_CLIENTS ?? 1);
const ADMIN = 'bench-operator-token-0123456789';
const SECRET = 'bench-inbound-secret-0123456789';
const KEY = '2b'.repeat(32);
const USER = 'records@bench.example.org';

const message = (i: number, to: string, tag: string) =>
  [
    'From: FOIA Office <foia@ice.example.gov>',
    `To: ${to}`,
    `Subject: Re: your request (${tag} ${i})`,
    `Message-ID: <${tag}.${i}@ice.example.gov>`,
    'Date: Mon, 2 Feb 2026 10:00:00 -0500',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Interim release ${i}: we are processing your request and will write again.`,
    '',
  ].join('\r\n');

async function main(): Promise<void> {
  const dovecot = await Dovecot.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-imap-'));
  const server = process.env.BENCH_DATABASE_URL ? await createBenchDatabase('rt_bench_imap') : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_TOKEN: ADMIN,
    INBOUND_SECRET: SECRET,
    INBOUND_ADDRESS: 'records@bench.example.org',
    MAILBOX_SECRET_KEY: KEY,
    JOBS: 'false',
    LOG_LEVEL: 'warn',
    INBOUND_PARSE_THREADS: '0',
    ...(server ? { DATABASE_URL: server.url } : {}),
  });
  const db = await openConfiguredDatabase(config);
  const runtime = await createRuntime({ config, db });
  runtime.deps.dnsResolver = fakeDns(); // no network: every sender is "not verified"
  const http = createApp(runtime.deps).listen(0, '127.0.0.1');
  await new Promise((r) => http.once('listening', r));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const call = async (method: string, p: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}${p}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  try {
    const org = await call('POST', '/v1/organizations', ADMIN, { name: 'Bench newsroom' });
    const user = await call('POST', `/v1/organizations/${org.id}/users`, ADMIN, {
      email: 'bench@example.org',
      name: 'Bench',
      role: 'reporter',
    });
    const token = user.token as string;
    const agency = await call('POST', '/v1/agencies', token, {
      name: 'U.S. Immigration and Customs Enforcement',
      jurisdiction: 'US',
      level: 'federal',
      recordsEmail: 'foia@ice.example.gov',
    });
    const request = await call('POST', '/v1/requests', token, { agencyId: agency.id, title: 'Bench', recordsSought: 'The email.' });
    await call('POST', `/v1/requests/${request.id}/submit`, token, { method: 'portal' });
    const row = await db.knex('requests').where({ id: request.id }).first('reply_token');
    const to = replyAddress(config.inboundAddress, row.reply_token);

    console.log(`appending ${N} messages to Dovecot…`);
    const client = await dovecot.client(USER);
    for (let i = 0; i < N; i++) await client.append('INBOX', message(i, to, 'imap'));
    await client.logout();

    const id = '00000000-0000-4000-8000-00000000be7c';
    await insertMailbox(db.knex, {
      id,
      organizationId: org.id as string,
      name: 'Bench',
      host: '127.0.0.1',
      port: dovecot.port,
      tls: false,
      username: USER,
      folder: 'INBOX',
      afterFiling: 'flag',
      moveTo: null,
      enabled: true,
      secretEnc: encryptSecret(Buffer.from(KEY, 'hex'), id, PASSWORD),
      now: new Date(),
    });
    const watcher = new MailboxWatcher(runtime.deps, id);
    let t0 = performance.now();
    let filed = 0;
    while (filed < N) {
      const pass = await watcher.wake();
      if (!pass.ok) throw new Error(`mailbox pass failed: ${pass.error}`);
      filed += pass.filed;
    }
    const imapSeconds = (performance.now() - t0) / 1000;
    await watcher.close();

    t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: HTTP_CLIENTS }, async () => {
        for (let i = next++; i < N; i = next++) {
          const res = await fetch(`${base}/v1/inbound/email`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'message/rfc822' },
            body: message(i, to, 'http'),
          });
          if (res.status !== 201) throw new Error(`POST ${i}: ${res.status} ${await res.text()}`);
        }
      }),
    );
    const httpSeconds = (performance.now() - t0) / 1000;

    const count = async (like: string) =>
      Number(
        (
          await db
            .knex('request_events')
            .where({ request_id: request.id, type: 'correspondence' })
            .whereRaw(`data->>'messageId' like ?`, [like])
            .count<Array<{ count: string | number }>>('* as count')
        )[0]!.count,
      );
    const [viaImap, viaHttp] = [await count('<imap.%'), await count('<http.%')];
    const ledger = Number(
      (await db.knex('imap_messages').where({ mailbox_id: id }).count<Array<{ count: string | number }>>('* as count'))[0]!.count,
    );
    console.log(`database: ${db.kind}; messages: ${N}; HTTP clients: ${HTTP_CLIENTS}`);
    console.log(
      `mailbox (1 worker): ${imapSeconds.toFixed(1)} s, ${(N / imapSeconds).toFixed(1)} messages/s; filed ${viaImap}, ledger ${ledger}`,
    );
    console.log(`HTTP route:         ${httpSeconds.toFixed(1)} s, ${(N / httpSeconds).toFixed(1)} messages/s; filed ${viaHttp}`);
    console.log(`ratio mailbox/HTTP: ${(httpSeconds / imapSeconds).toFixed(2)} (target ≥ 0.50)`);
    console.log(`exactly once: ${viaImap === N && viaHttp === N && ledger === N ? 'yes' : 'NO'}`);
  } finally {
    await new Promise((r) => http.close(r));
    await runtime.stop();
    await db.close();
    await dovecot.close();
    await server?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
