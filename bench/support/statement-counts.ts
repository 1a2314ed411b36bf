// Counts the SQL statements one API call sends to a Postgres server, at the
// driver: every query a pg client sends (knex's and pg-boss's alike), with
// BEGIN/COMMIT/ROLLBACK/SAVEPOINT counted apart. The app runs in this process
// against a fresh bench database; each call is repeated and the last run is
// reported, so caches (the token, the auth entry) are warm as under load.
import type { Server } from 'node:http';
import pg from 'pg';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { deliverMail } from '../../server/mail/mail-delivery';
import { requestDeliveryHooks } from '../../server/requests/request-delivery';
import { createRuntime } from '../../server/runtime';
import { createBenchDatabase, openBenchDatabase } from './bench-db';

export interface CallCount {
  call: string;
  statements: number;
  transactionControl: number;
  sql: string[];
}

const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)/i;

/** Patches pg.Client#query for the life of the process; `take` returns and clears what was sent since the last take. */
function recordQueries(): { take(): string[] } {
  let sent: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function patched(this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
    sent.push(text);
    return original.apply(this, args);
  };
  return {
    take: () => {
      const out = sent;
      sent = [];
      return out;
    },
  };
}

export async function countStatements(): Promise<CallCount[]> {
  const recorder = recordQueries();
  const bench = await createBenchDatabase('rt_bench_count');
  const db = await openBenchDatabase(bench.url, 4);
  const config = loadConfig({
    DATABASE_URL: bench.url,
    ADMIN_TOKEN: 'bench-operator-token-0123456789',
    DATA_DIR: `/tmp/${bench.name}`,
    LOG_LEVEL: 'warn',
    JOBS: 'false',
  });
  const runtime = await createRuntime({ config, db });
  const hooks = requestDeliveryHooks(runtime.deps);
  const server: Server = createApp(runtime.deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const call = async (method: string, p: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}${p}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const counts: CallCount[] = [];
  const measure = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    recorder.take();
    const out = await run();
    // Let a fire-and-forget write (token last-used) land before counting.
    await new Promise((r) => setTimeout(r, 20));
    const sql = recorder.take();
    const control = sql.filter((s) => CONTROL.test(s)).length;
    const existing = counts.findIndex((c) => c.call === name);
    const entry = { call: name, statements: sql.length - control, transactionControl: control, sql };
    if (existing >= 0) counts[existing] = entry;
    else counts.push(entry);
    return out;
  };
  try {
    const admin = config.adminToken!;
    const org = await call('POST', '/v1/organizations', admin, { name: 'Count newsroom' });
    const user = await call('POST', `/v1/organizations/${org.id}/users`, admin, {
      email: 'count@example.org',
      name: 'Count Reporter',
      role: 'reporter',
    });
    const token = user.token as string;
    const agency = await call('POST', '/v1/agencies', token, {
      name: 'U.S. Immigration and Customs Enforcement',
      jurisdiction: 'US',
      level: 'federal',
      recordsEmail: 'foia@ice.example.gov',
    });
    for (let i = 0; i < 3; i += 1) {
      const created = await measure('create a request', () =>
        call('POST', '/v1/requests', token, {
          agencyId: agency.id,
          title: `Count request ${i}`,
          recordsSought: 'The all-employee email of January 16, 2026 and its drafts.',
          feeLimit: 50,
        }),
      );
      const id = created.id as string;
      await measure('submit by email', () => call('POST', `/v1/requests/${id}/submit`, token, { method: 'email' }));
      // One outbox job's own statements (pg-boss's fetch and completion, one each, apart), as a worker runs it.
      const outbox = await db
        .knex('mail_messages')
        .where({ request_id: id })
        .select<Array<{ id: string; purpose: string }>>('id', 'purpose');
      for (const m of outbox) {
        const kind = m.purpose === 'letter_copy' ? 'the requester’s copy' : 'the letter';
        await measure(`deliver ${kind} (outbox job)`, () => deliverMail(runtime.deps, { mailId: m.id, after: 0 }, hooks));
      }
      await measure('plain event append (note)', () =>
        call('POST', `/v1/requests/${id}/events`, token, {
          type: 'note',
          occurredAt: new Date().toISOString(),
          summary: 'Called the office',
        }),
      );
      await measure('deadline-moving append (acknowledged)', () =>
        call('POST', `/v1/requests/${id}/events`, token, {
          type: 'acknowledged',
          occurredAt: new Date().toISOString(),
          data: { trackingNumber: `T-${i}` },
        }),
      );
      await measure('deadline-moving append (extension_claimed)', () =>
        call('POST', `/v1/requests/${id}/events`, token, {
          type: 'extension_claimed',
          occurredAt: new Date().toISOString(),
          data: { days: 10 },
        }),
      );
      await measure('GET /v1/agencies/{id}', () => call('GET', `/v1/agencies/${agency.id}`, token));
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.stop();
    await db.close();
    await bench.drop();
  }
  return counts;
}

/** Prints each call's count beside the one issue 15 measured before this work, and its target. */
export function printCounts(
  counts: CallCount[],
  before: Record<string, number>,
  targets: Record<string, number>,
  verbose = false,
): boolean {
  let ok = true;
  for (const c of counts) {
    const target = targets[c.call];
    const met = target === undefined || c.statements <= target;
    ok &&= met;
    const was = before[c.call] !== undefined ? `, before: ${before[c.call]}` : '';
    const goal = target !== undefined ? `, target ≤ ${target}${met ? '' : ' MISSED'}` : '';
    console.log(`  ${c.call}: ${c.statements} statements (+${c.transactionControl} begin/commit${was}${goal})`);
    if (verbose) for (const s of c.sql) console.log(`      ${s.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return ok;
}

if (require.main === module) {
  countStatements()
    .then((counts) => printCounts(counts, {}, {}, process.env.BENCH_VERBOSE === '1'))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
