// Issue 2 benchmark: GET /v1/agencies/{id} with auth, against a bare Express
// handler doing one SELECT by primary key through the same pool, side by side
// in one run on a Postgres server. Target: app ≥ 60% of the bare throughput.
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { insertAgency } from '../server/agencies/agency-store';
import { insertOrganization } from '../server/organizations/organization-store';
import { createUserWithToken } from '../server/users/user-service';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase('rt_bench_agency');
  const db = await openBenchDatabase(bench.url, 2);
  const org = await insertOrganization(db.knex, 'Bench newsroom');
  const { token } = await createUserWithToken(db.knex, org.id, { email: 'bench@example.org', name: 'Bench', role: 'reporter' });
  const agency = await insertAgency(db.knex, org.id, {
    name: 'City of Minneapolis',
    jurisdiction: 'US-MN',
    level: 'municipal',
    recordsEmail: 'records@minneapolis.example.gov',
    portalUrl: null,
    mailingAddress: null,
    timezone: 'America/Chicago',
    closures: [],
    optionalHolidays: [],
    workedHolidays: [],
    notes: null,
  });
  await db.close();

  const child = fork(path.join(__dirname, 'support/agency-servers.ts'), {
    env: { ...process.env, BENCH_DB_URL: bench.url },
    // CHILD_NODE_ARGS lets one profile the servers (e.g. --cpu-prof).
    execArgv: [...(process.env.CHILD_NODE_ARGS ? process.env.CHILD_NODE_ARGS.split(' ') : []), '--import', 'tsx'],
  });
  const ports = await new Promise<{ appPort: number; barePort: number; loggedPort: number; headedPort: number }>((resolve) =>
    child.once('message', resolve as never),
  );
  const appUrl = `http://127.0.0.1:${ports.appPort}/v1/agencies/${agency.id}`;
  const bareUrl = `http://127.0.0.1:${ports.barePort}/agencies/${agency.id}`;
  const loggedUrl = `http://127.0.0.1:${ports.loggedPort}/agencies/${agency.id}`;
  const headedUrl = `http://127.0.0.1:${ports.headedPort}/agencies/${agency.id}`;
  const auth = { Authorization: `Bearer ${token}` };

  // Sanity: both answer 200 with the agency before we time anything.
  for (const [u, h] of [
    [appUrl, auth],
    [bareUrl, {}],
  ] as const) {
    const res = await fetch(u, { headers: h });
    if (res.status !== 200) throw new Error(`${u} answered ${res.status}`);
  }
  await load(appUrl, auth, 2);
  await load(bareUrl, {}, 2);

  const loggedRps: number[] = [];
  const headedRps: number[] = [];
  const appRps: number[] = [];
  const bareRps: number[] = [];
  const appP99: number[] = [];
  const bareP99: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const a = await load(appUrl, auth, DURATION);
    const b = await load(bareUrl, {}, DURATION);
    if (a.non2xx || b.non2xx || a.errors || b.errors)
      throw new Error(`errors during load: app ${a.non2xx}/${a.errors}, bare ${b.non2xx}/${b.errors}`);
    // The layered servers, for the price of each layer (one shorter run each per round).
    loggedRps.push((await load(loggedUrl, {}, Math.max(2, Math.round(DURATION / 2)))).requests.average);
    headedRps.push((await load(headedUrl, {}, Math.max(2, Math.round(DURATION / 2)))).requests.average);
    appRps.push(a.requests.average);
    bareRps.push(b.requests.average);
    appP99.push(a.latency.p99);
    bareP99.push(b.latency.p99);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
  await bench.drop();

  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ratio = mean(appRps) / mean(bareRps);
  console.log(`GET /v1/agencies/{id} (auth + zod + problem layer): ${mean(appRps).toFixed(0)} req/s, p99 ${mean(appP99).toFixed(1)} ms`);
  console.log(`bare express SELECT by primary key (same pool):    ${mean(bareRps).toFixed(0)} req/s, p99 ${mean(bareP99).toFixed(1)} ms`);
  console.log(
    `ratio app/bare: ${(ratio * 100).toFixed(1)}%  (target ≥ 75%; ${ROUNDS} alternating rounds of ${DURATION}s, ${CONNECTIONS} connections)`,
  );
  console.log(`per round app: ${appRps.map((x) => x.toFixed(0)).join(', ')}; bare: ${bareRps.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(
    `per round ratio: ${appRps.map((x, i) => `${((x / bareRps[i]!) * 100).toFixed(1)}%`).join(', ')} (target ≥ 75% in every round; before issue 15: 72.6%, 61.6%, 59.8%)`,
  );
  // Wall time per request at saturation, layer by layer: what each adds on top of the one before.
  const us = (rps: number) => 1e6 / rps;
  const layers: Array<[string, number]> = [
    ['bare express + SELECT', mean(bareRps)],
    ['+ request logging (pino-http)', mean(loggedRps)],
    ['+ security headers (helmet)', mean(headedRps)],
    ['+ the rest of the app (routing table, auth cache, zod, problem layer, JSON parser)', mean(appRps)],
  ];
  console.log('per-layer cost (µs of a saturated request, each over the line before):');
  layers.forEach(([name, rps], i) => {
    const added = i === 0 ? '' : ` (+${(us(rps) - us(layers[i - 1]![1])).toFixed(0)} µs)`;
    console.log(`  ${name}: ${rps.toFixed(0)} req/s, ${us(rps).toFixed(0)} µs/request${added}`);
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
