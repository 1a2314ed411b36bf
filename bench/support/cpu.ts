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
 * CPU so far of each Postgres backend connected to `database`, ms by pid;
 * undefined when the server is not on this machine (or /proc is not readable).
 */
export async function backendsCpu(knex: Knex, database: string): Promise<Map<number, number> | undefined> {
  const rows = (await knex.raw('select pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()', [database]))
    .rows as Array<{
    pid: number;
  }>;
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms === undefined) return undefined;
    cpu.set(pid, ms);
  }
  return cpu;
}

/**
 * The backends' CPU between two readings, ms: each backend alive at the end,
 * from its first reading (or from nothing, when it connected since). A
 * backend that ended in between is left out with what it used.
 */
export function backendsCpuBetween(before: Map<number, number> | undefined, after: Map<number, number> | undefined): number | undefined {
  if (!before || !after) return undefined;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
