// Issue 2 benchmark: GET /v1/agencies/{id} with auth, against a bare Express
// handler doing one SELECT by primary key through the same pool, side by side
// in one run on a Postgres server. Target (issue 15): app ≥ 75% of the bare
// throughput in every round. Each round also prices the layers of the stack.
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { insertAgency } from '../server/agencies/agency-store';
import { insertOrganization } from '../server/organizations/organization-store';
import { createUserWithToken } from '../server/users/user-service';
import type { AgencyServerPorts, CpuReply } from './support/agency-servers';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SLICE = Number(process.env.BENCH_SLICE_SECONDS ?? 1);

type Layer = 'app' | 'bare' | 'layerBare' | 'pino' | 'logged' | 'headed';
interface Sample {
  rps: number;
  p99: number;
  /** The server process's CPU time per request, µs. */
  cpuUs: number;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

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
  console.log(`load average at the start: ${loadAverage()} (${os.cpus().length} CPUs)`);

  // Two processes: the app beside the bare handler (one pool), and the layered
  // servers beside a bare handler of their own (see support/agency-servers.ts).
  const start = (which: 'app' | 'layers') => {
    const child = fork(path.join(__dirname, 'support/agency-servers.ts'), {
      env: { ...process.env, BENCH_DB_URL: bench.url, BENCH_SERVERS: which },
      // CHILD_NODE_ARGS lets one profile the servers (e.g. --cpu-prof).
      execArgv: [...(process.env.CHILD_NODE_ARGS ? process.env.CHILD_NODE_ARGS.split(' ') : []), '--import', 'tsx'],
    });
    const ports = new Promise<Record<string, number>>((resolve) => child.once('message', resolve as never));
    const cpuNow = () =>
      new Promise<number>((resolve) => {
        const onMessage = (m: unknown) => {
          if (typeof m === 'object' && m !== null && 'cpu' in m) {
            child.off('message', onMessage);
            resolve((m as CpuReply).cpu);
          }
        };
        child.on('message', onMessage);
        child.send('cpu');
      });
    return { child, ports, cpuNow };
  };
  const children = { app: start('app'), layers: start('layers') };
  const appPorts = (await children.app.ports) as Extract<AgencyServerPorts, { appPort: number }>;
  const layerPorts = (await children.layers.ports) as Extract<AgencyServerPorts, { pinoPort: number }>;
  const auth = { Authorization: `Bearer ${token}` };
  const at = (port: number, p: string) => `http://127.0.0.1:${port}${p}`;
  const byId = `/agencies/${agency.id}`;
  const servers: Record<Layer, { url: string; headers: Record<string, string>; cpuNow: () => Promise<number> }> = {
    app: { url: at(appPorts.appPort, `/v1${byId}`), headers: auth, cpuNow: children.app.cpuNow },
    bare: { url: at(appPorts.barePort, byId), headers: {}, cpuNow: children.app.cpuNow },
    layerBare: { url: at(layerPorts.barePort, byId), headers: {}, cpuNow: children.layers.cpuNow },
    pino: { url: at(layerPorts.pinoPort, byId), headers: {}, cpuNow: children.layers.cpuNow },
    logged: { url: at(layerPorts.loggedPort, byId), headers: {}, cpuNow: children.layers.cpuNow },
    headed: { url: at(layerPorts.headedPort, byId), headers: {}, cpuNow: children.layers.cpuNow },
  };

  // Sanity: every server answers 200 with the agency before we time anything.
  for (const { url, headers } of Object.values(servers)) {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  }
  for (const { url, headers } of Object.values(servers)) await load(url, headers, 2);

  /** One load run: requests, seconds, p99, and the server process's CPU (less noisy than throughput on a shared machine). */
  const run = async (layer: Layer, seconds: number) => {
    const { url, headers, cpuNow } = servers[layer];
    const cpu0 = await cpuNow();
    const r = await load(url, headers, seconds);
    const cpu1 = await cpuNow();
    if (r.non2xx || r.errors) throw new Error(`errors during load of ${layer}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { requests: r.requests.total, seconds: r.duration, p99: r.latency.p99, cpu: cpu1 - cpu0 };
  };

  // A round gives each server DURATION seconds in slices of SLICE seconds,
  // taking turns (the order reversed every other slice), so a burst of load
  // from elsewhere on a shared machine falls on all of them alike instead of
  // on whichever server happened to be running.
  const order: Layer[] = ['app', 'bare', 'layerBare', 'pino', 'logged', 'headed'];
  const samples: Record<Layer, Sample[]> = { app: [], bare: [], layerBare: [], pino: [], logged: [], headed: [] };
  const slices = Math.max(1, Math.round(DURATION / SLICE));
  for (let round = 0; round < ROUNDS; round += 1) {
    const acc = Object.fromEntries(order.map((l) => [l, { requests: 0, seconds: 0, p99: [] as number[], cpu: 0 }])) as Record<
      Layer,
      { requests: number; seconds: number; p99: number[]; cpu: number }
    >;
    for (let slice = 0; slice < slices; slice += 1) {
      for (const layer of slice % 2 === 0 ? order : [...order].reverse()) {
        const r = await run(layer, SLICE);
        const a = acc[layer];
        a.requests += r.requests;
        a.seconds += r.seconds;
        a.p99.push(r.p99);
        a.cpu += r.cpu;
      }
    }
    for (const layer of order) {
      const a = acc[layer];
      samples[layer].push({ rps: a.requests / a.seconds, p99: Math.max(...a.p99), cpuUs: a.cpu / a.requests });
    }
    const a = samples.app.at(-1)!;
    const b = samples.bare.at(-1)!;
    console.log(
      `round ${round + 1}: app ${a.rps.toFixed(0)} req/s, bare ${b.rps.toFixed(0)} req/s, ratio ${((a.rps / b.rps) * 100).toFixed(1)}%; ` +
        `server CPU app ${a.cpuUs.toFixed(0)} µs/request, bare ${b.cpuUs.toFixed(0)} (${((b.cpuUs / a.cpuUs) * 100).toFixed(1)}%); load average ${loadAverage()}`,
    );
  }
  for (const { child } of Object.values(children)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('stop');
    await exited;
  }
  await bench.drop();

  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const avg = (layer: Layer, k: keyof Sample) => mean(samples[layer].map((x) => x[k]));
  const appRps = samples.app.map((x) => x.rps);
  const bareRps = samples.bare.map((x) => x.rps);
  const ratio = mean(appRps) / mean(bareRps);
  console.log(
    `GET /v1/agencies/{id} (auth + zod + problem layer): ${avg('app', 'rps').toFixed(0)} req/s, p99 ${avg('app', 'p99').toFixed(1)} ms`,
  );
  console.log(
    `bare express SELECT by primary key (same pool):    ${avg('bare', 'rps').toFixed(0)} req/s, p99 ${avg('bare', 'p99').toFixed(1)} ms`,
  );
  console.log(
    `ratio app/bare: ${(ratio * 100).toFixed(1)}%  (target ≥ 75%; ${ROUNDS} rounds of ${DURATION}s per server in ${SLICE}s slices taken in turn, ${CONNECTIONS} connections; before: 64.6%)`,
  );
  console.log(`per round app: ${appRps.map((x) => x.toFixed(0)).join(', ')}; bare: ${bareRps.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(
    `per round ratio: ${appRps.map((x, i) => `${((x / bareRps[i]!) * 100).toFixed(1)}%`).join(', ')} ` +
      '(target ≥ 75% in every round; before: 46.8%, 86.8%; in issue 15: 72.6%, 61.6%, 59.8%)',
  );
  console.log(
    `per round server CPU, bare over app: ${samples.app.map((x, i) => `${((samples.bare[i]!.cpuUs / x.cpuUs) * 100).toFixed(1)}%`).join(', ')} ` +
      '(the app process alone; Postgres and the load generator cost both alike)',
  );
  // Each layer's price, over the line it is built on: wall time of a saturated
  // request (1 / throughput; the client and Postgres share the machine) and
  // the server process's own CPU time per request.
  const us = (rps: number) => 1e6 / rps;
  const layers: Array<{ name: string; layer: Layer; over?: Layer; before?: string }> = [
    { name: 'bare express + SELECT (beside the app)', layer: 'bare' },
    { name: 'bare express + SELECT (beside the layers)', layer: 'layerBare' },
    { name: '+ request logging as it was (pino-http)', layer: 'pino', over: 'layerBare', before: '+177 µs' },
    { name: '+ request logging (lean, http/request-log.ts)', layer: 'logged', over: 'layerBare' },
    { name: '+ security headers (helmet)', layer: 'headed', over: 'logged', before: '−57 µs' },
    {
      name: '+ the rest of the app (routing, auth cache, zod, problem layer), over the line before',
      layer: 'app',
      over: 'headed',
      before: '+84 µs',
    },
  ];
  console.log('per-layer cost (each over the line it builds on; wall µs of a saturated request, server CPU µs per request):');
  for (const { name, layer, over, before } of layers) {
    const wall = us(avg(layer, 'rps'));
    const cpu = avg(layer, 'cpuUs');
    const added = over
      ? ` (+${(wall - us(avg(over, 'rps'))).toFixed(0)} µs wall, +${(cpu - avg(over, 'cpuUs')).toFixed(0)} µs CPU${before ? `; before: ${before} wall` : ''})`
      : '';
    console.log(`  ${name}: ${avg(layer, 'rps').toFixed(0)} req/s, ${wall.toFixed(0)} µs wall, ${cpu.toFixed(0)} µs CPU${added}`);
  }
  console.log(`load average at the end: ${loadAverage()} (${os.cpus().length} CPUs)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
