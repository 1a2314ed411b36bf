import type { Knex } from 'knex';
import * as foundation from './20261125000000_foundation';

// Migrations are listed here rather than discovered on disk so the same list
// runs under ts-jest, tsx and the compiled build. Append only: never edit or
// reorder a migration that has landed.
export const migrations: ReadonlyArray<{ name: string; module: Knex.Migration }> = [
  { name: '20261125000000_foundation', module: foundation },
];
