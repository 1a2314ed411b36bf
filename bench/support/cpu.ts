import fs from 'node:fs';
import type { Knex } from 'knex';

// CPU time, not throughput, is the figure that survives a shared machine:
// other work slows a run down but does not add to the CPU its processes use.
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system CPU of a local process so far, ms; undefined when /proc cannot tell. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * CPU so far of the Postgres backends connected to `database`, ms; undefined
 * when the server is not on this machine (or /proc is not readable).
 */
export async function backendsCpuMs(knex: Knex, database: string): Promise<number | undefined> {
  const rows = (await knex.raw('select pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()', [database]))
    .rows as Array<{
    pid: number;
  }>;
  let total = 0;
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms === undefined) return undefined;
    total += ms;
  }
  return total;
}
