import fs from 'node:fs';

import { MANIFEST_PATH, migrationHashes } from '../../support/migration-hashes';

// A migration that has run somewhere must never change: databases that ran the
// old text would silently differ from new ones. Fixes go in a new migration.
describe('landed migrations', () => {
  const manifest: Record<string, string> = JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8'));
  const current = migrationHashes();

  it('when a migration is added, then it is recorded in migrations/manifest.json (npm run migrations:manifest)', () => {
    expect(Object.keys(current).filter((name) => manifest[name] === undefined)).toEqual([]);
  });

  it('when a recorded migration is compared with its file, then its contents are unchanged', () => {
    expect(Object.keys(manifest).filter((name) => current[name] !== manifest[name])).toEqual([]);
  });

  it('when the manifest lists a migration, then the migration list still has it (none is removed)', () => {
    expect(Object.keys(manifest).filter((name) => current[name] === undefined)).toEqual([]);
  });
});
