// Issue 13 benchmark: import a 5,000-row spreadsheet of earlier requests (dry
// run, then confirm) through the import service, in one process. Embedded
// database by default; BENCH_DB=server uses the Postgres server
// (BENCH_DATABASE_URL). Prints the seconds of each step and the process's peak
// RSS. Target: the confirmation in under 30 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAgency } from '../server/agencies/agency-service';
import type { UserCaller } from '../server/auth/caller';
import { loadConfig } from '../server/config';
import type { Database } from '../server/db/database';
import { openConfiguredDatabase } from '../server/db/open-configured';
import { confirmImport, dryRunImport } from '../server/imports/import-service';
import { insertOrganization } from '../server/organizations/organization-store';
import { createRuntime } from '../server/runtime';
import { createUserWithToken } from '../server/users/user-service';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const onServer = process.env.BENCH_DB === 'server';

/** A reporter's tracker: a title row, a blank line, dates in three forms, outcomes in words. */
function spreadsheet(rows: number): Buffer {
  const lines = [
    'Metro desk records log,,,,,,,,',
    ',,,,,,,,',
    'Agency,State,Request,Date filed,Method,Status,Acknowledged,Released,Closed',
  ];
  const outcomes = ['Full grant', 'Partial grant/partial denial', 'No records', 'Request withdrawn', 'Denied', 'Pending'];
  const agencies = ['City of Minneapolis', 'City of Saint Paul', 'Hennepin County', 'Ramsey County', 'Minnesota Department of Health'];
  for (let i = 0; i < rows; i++) {
    const month = 1 + (i % 9);
    const day = 1 + (i % 25);
    const filed =
      i % 3 === 0
        ? `${month}/${day}/2025`
        : i % 3 === 1
          ? `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : `"July ${day}, 2025"`;
    const outcome = outcomes[i % outcomes.length]!;
    const closed = outcome === 'Pending' ? '' : '2025-11-14';
    const released = outcome.includes('grant') ? '2025-11-10' : '';
    lines.push(`${agencies[i % agencies.length]},MN,Bench request ${i},${filed},email,${outcome},2025-10-01,${released},${closed}`);
  }
  return Buffer.from(lines.join('\n'));
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-import-'));
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  let env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS: 'false' };
  if (onServer) {
    const bench = await createBenchDatabase('rt_bench_import');
    db = await openBenchDatabase(bench.url, 4);
    drop = bench.drop;
    env = { ...env, DATABASE_URL: bench.url };
  } else {
    db = await openConfiguredDatabase(loadConfig(env));
  }
  const runtime = await createRuntime({ config: loadConfig(env), db });
  try {
    const org = await insertOrganization(db.knex, 'Bench newsroom');
    const { user } = await createUserWithToken(db.knex, org.id, { email: 'bench@example.org', name: 'Bench Editor', role: 'editor' });
    const caller: UserCaller = {
      kind: 'user',
      userId: user.id,
      organizationId: org.id,
      role: 'editor',
      email: user.email,
      name: user.name,
      credential: { kind: 'token', id: '' },
    };
    await createAgency(db.knex, org.id, { name: 'City of Minneapolis', jurisdiction: 'US-MN', level: 'municipal' }, new Date());
    const bytes = spreadsheet(ROWS);
    let queries = 0;
    db.knex.on('query', () => {
      queries += 1;
    });

    let t = performance.now();
    queries = 0;
    const dry = await dryRunImport(db.knex, caller, { bytes, filename: 'bench.csv' }, new Date());
    const drySeconds = (performance.now() - t) / 1000;
    const dryQueries = queries;
    queries = 0;
    t = performance.now();
    const done = await confirmImport(db.knex, caller, dry.id, new Date());
    const confirmSeconds = (performance.now() - t) / 1000;
    const confirmQueries = queries;
    const peakMb = process.resourceUsage().maxRSS / 1024;

    console.log(
      `Import of ${ROWS} rows (${(bytes.length / 1024).toFixed(0)} KiB CSV) on the ${onServer ? 'Postgres server' : 'embedded database'}`,
    );
    console.log(
      `  dry run:  ${drySeconds.toFixed(2)} s (${dry.report.summary.toCreate} to create, ${dry.report.summary.events} events, ${dryQueries} queries)`,
    );
    console.log(
      `  confirm:  ${confirmSeconds.toFixed(2)} s (${done.createdCount} created, ${done.skippedCount} skipped, ${confirmQueries} queries, ${((confirmSeconds * 1000) / ROWS).toFixed(1)} ms a row; target < 30 s)`,
    );
    console.log(`  peak RSS: ${peakMb.toFixed(0)} MB`);
  } finally {
    await runtime.stop();
    await db.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
