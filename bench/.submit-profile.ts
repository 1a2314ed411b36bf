import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
import type { Server } from 'node:http';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createRuntime } from '../server/runtime';
import { createBenchDatabase, openBenchDatabase } from './support/bench-db';

async function main() {
  const bench = await createBenchDatabase('rt_prof');
  const db = await openBenchDatabase(bench.url, 20);
  const config = loadConfig({ DATABASE_URL: bench.url, ADMIN_TOKEN: 'bench-operator-token-0123456789', DATA_DIR: `/tmp/${bench.name}`, LOG_LEVEL: 'info', JOBS: 'false' });
  const runtime = await createRuntime({ config, db });
  const server: Server = createApp(runtime.deps).listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const call = async (method: string, p: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}${p}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return (await res.json()) as Record<string, unknown>;
  };
  const org = await call('POST', '/v1/organizations', config.adminToken!, { name: 'P' });
  const user = await call('POST', `/v1/organizations/${org.id}/users`, config.adminToken!, { email: 'p@example.org', name: 'P R', role: 'reporter' });
  const token = user.token as string;
  const agency = await call('POST', '/v1/agencies', token, { name: 'ICE', jurisdiction: 'US', level: 'federal', recordsEmail: 'foia@ice.example.gov' });
  const N = 2000;
  const ids: string[] = [];
  for (let i = 0; i < N; i++) ids.push((await call('POST', '/v1/requests', token, { agencyId: agency.id, title: `R ${i}`, recordsSought: 'The all-employee email of January 16, 2026 and its drafts.' })).id as string);
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
  const t0 = performance.now(); const cpu0 = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => { for (let i = next++; i < N; i = next++) await call('POST', `/v1/requests/${ids[i]}/submit`, token, { method: 'email' }); }));
  const secs = (performance.now() - t0) / 1000; const cpu = process.cpuUsage(cpu0);
  const { profile } = await s.post('Profiler.stop');
  fs.writeFileSync('/tmp/prof-sub/submit.cpuprofile', JSON.stringify(profile));
  console.log(`${(N / secs).toFixed(0)} submits/s, process CPU ${(((cpu.user + cpu.system) / N) / 1000).toFixed(2)} ms per submit (client included)`);
  server.close(); await runtime.stop(); await db.close(); await bench.drop();
}
main().catch((e) => { console.error(e); process.exit(1); });
