// Issue 5 benchmark: one request with 5,000 events on a Postgres server. Time
// to append one more event, to verify the whole chain, and to render the JSON
// and PDF history. Targets: append < 10 ms, verify < 200 ms.
import { createAgency } from '../server/agencies/agency-service';
import type { UserCaller } from '../server/auth/caller';
import { logEvent } from '../server/events/event-service';
import { buildHistory, verifyHistory } from '../server/history/history-service';
import { renderHistoryPdf } from '../server/history/history-pdf';
import { insertOrganization } from '../server/organizations/organization-store';
import { createRequest } from '../server/requests/request-service';
import { submitRequest } from '../server/requests/submit-service';
import { createUserWithToken } from '../server/users/user-service';
import { loadConfig } from '../server/config';
import { createRuntime } from '../server/runtime';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;
const fmt = (xs: number[]) =>
  `median ${pct(xs, 0.5).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms, min ${Math.min(...xs).toFixed(2)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase('rt_bench_history');
  const db = await openBenchDatabase(bench.url, 10);
  const config = loadConfig({ DATABASE_URL: bench.url, DATA_DIR: `/tmp/${bench.name}`, LOG_LEVEL: 'warn', JOBS: 'false' });
  const runtime = await createRuntime({ config, db });
  const deps = runtime.deps;
  try {
    const org = await insertOrganization(db.knex, 'Bench newsroom');
    const { user } = await createUserWithToken(db.knex, org.id, { email: 'bench@example.org', name: 'Bench Reporter', role: 'reporter' });
    const caller: UserCaller = {
      kind: 'user',
      userId: user.id,
      organizationId: org.id,
      role: 'reporter',
      email: user.email,
      name: user.name,
      credential: { kind: 'token', id: '' },
    };
    const agency = await createAgency(
      db.knex,
      org.id,
      { name: 'U.S. Immigration and Customs Enforcement', jurisdiction: 'US', level: 'federal', recordsEmail: 'foia@ice.example.gov' },
      new Date(),
    );
    const request = await createRequest(
      db.knex,
      caller,
      { agencyId: agency.id, title: 'Long-running request', recordsSought: 'Everything about the January 16, 2026 email.' },
      new Date(),
    );
    await submitRequest(db.knex, deps, caller, request.id, { method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' });
    await logEvent(
      db.knex,
      caller,
      request.id,
      { type: 'acknowledged', occurredAt: '2026-01-20T09:00:00-05:00', data: { trackingNumber: '2026-ICFO-1' } },
      new Date(),
      deps,
    );

    // A long case: mostly correspondence and notes, a few moves that change deadlines.
    const body = 'Spoke with the FOIA liaison about the search of the Enforcement and Removal Operations mailboxes. '.repeat(4);
    const t = performance.now();
    for (let i = 3; i <= EVENTS; i += 1) {
      const at = new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString();
      const input =
        i % 500 === 0
          ? { type: 'extension_claimed' as const, occurredAt: at, data: { days: 1 } }
          : {
              type: (i % 3 ? 'correspondence' : 'note') as 'correspondence' | 'note',
              occurredAt: at,
              summary: `Entry ${i}`,
              body,
              data: i % 3 ? { direction: 'in', channel: 'email' } : {},
            };
      await logEvent(db.knex, caller, request.id, input, new Date(), deps);
    }
    const seedSeconds = (performance.now() - t) / 1000;

    const appendNote: number[] = [];
    const appendDeadline: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const at = new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString();
      appendNote.push(
        (
          await time(() =>
            logEvent(
              db.knex,
              caller,
              request.id,
              { type: 'correspondence', occurredAt: at, summary: 'More', body, data: { direction: 'out', channel: 'phone' } },
              new Date(),
              deps,
            ),
          )
        )[0],
      );
      appendDeadline.push(
        (
          await time(() =>
            logEvent(db.knex, caller, request.id, { type: 'fee_estimate', occurredAt: at, data: { amount: 10 } }, new Date(), deps),
          )
        )[0],
      );
      await logEvent(db.knex, caller, request.id, { type: 'fee_paid', occurredAt: at, data: {} }, new Date(), deps);
    }
    const verify: number[] = [];
    let verdict: Awaited<ReturnType<typeof verifyHistory>> | undefined;
    for (let i = 0; i < 10; i += 1) {
      const [ms, v] = await time(() => verifyHistory(db.knex, deps.files, org.id, request.id));
      verify.push(ms);
      verdict = v;
    }
    const json: number[] = [];
    let history: Awaited<ReturnType<typeof buildHistory>> | undefined;
    for (let i = 0; i < 5; i += 1) {
      const [ms, h] = await time(async () => {
        const doc = await buildHistory(db.knex, deps.files, org.id, request.id, new Date());
        JSON.stringify(doc);
        return doc;
      });
      json.push(ms);
      history = h;
    }
    const pdf: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i += 1) {
      const [ms, buf] = await time(() => renderHistoryPdf(history!));
      pdf.push(ms);
      bytes = buf.length;
    }

    console.log(`request with ${verdict!.events} events (seeded ${EVENTS} in ${seedSeconds.toFixed(1)} s), Postgres server`);
    console.log(`append correspondence:             ${fmt(appendNote)}   (target < 10 ms)`);
    console.log(`append fee_estimate (recomputes):  ${fmt(appendDeadline)}`);
    console.log(`verify whole chain:                ${fmt(verify)}   (target < 200 ms) -> valid=${verdict!.valid}`);
    console.log(`JSON history (build + serialise):  ${fmt(json)}`);
    console.log(`PDF history (render only):         ${fmt(pdf)}, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
    void t;
  } finally {
    await runtime.stop();
    await db.close();
    if (!process.env.BENCH_KEEP) await bench.drop();
    else console.log('kept', bench.url);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
