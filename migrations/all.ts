import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';

/**
 * Every migration, found on disk by its timestamped name and run in name
 * order. Discovered rather than listed so that adding one never edits a file
 * that has landed (migrations/index.ts is the hand-kept list as it stood when
 * this replaced it). The same code reads `.ts` sources under ts-jest and tsx
 * and the compiled `.js` in dist/.
 */
const MIGRATION_FILE = /^(\d{14}_[a-z0-9_]+)\.(ts|js)$/;

function discover(): ReadonlyArray<{ name: string; module: Knex.Migration }> {
  const names = [
    ...new Set(
      fs
        .readdirSync(__dirname)
        .map((file) => MIGRATION_FILE.exec(file)?.[1])
        .filter((name): name is string => name !== undefined),
    ),
  ].sort();
  // require keeps discovery synchronous, like the static imports it replaces.
  return names.map((name) => ({ name, module: require(path.join(__dirname, name)) as Knex.Migration }));
}

export const migrations = discover();
