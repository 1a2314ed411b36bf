import fs from 'node:fs';

import { migrations as discovered } from '../../../migrations/all';
import { migrations as listed } from '../../../migrations/index';
import { LANDED_MANIFEST_PATH, laterManifest, migrationHashes, recordedHashes } from '../../support/migration-hashes';

// A migration that has run somewhere must never change: databases that ran the
// old text would silently differ from new ones. Fixes go in a new migration.
describe('landed migrations', () => {
  const manifest = recordedHashes();
  const current = migrationHashes();

  it('when a migration is added, then it is recorded in a manifest (npm run migrations:manifest)', () => {
    expect(Object.keys(current).filter((name) => manifest[name] === undefined)).toEqual([]);
  });

  it('when a recorded migration is compared with its file, then its contents are unchanged', () => {
    expect(Object.keys(manifest).filter((name) => current[name] !== manifest[name])).toEqual([]);
  });

  it('when the manifest lists a migration, then the migration list still has it (none is removed)', () => {
    expect(Object.keys(manifest).filter((name) => current[name] === undefined)).toEqual([]);
  });
});

describe('the manifests', () => {
  it('when a migration is recorded, then the landed manifest is not extended: it holds the hand-kept list, and each later one is recorded once', () => {
    const landed = JSON.parse(fs.readFileSync(LANDED_MANIFEST_PATH, 'utf8')) as Record<string, string>;
    expect(listed.map((m) => m.name).filter((name) => landed[name] === undefined)).toEqual([]);
    expect(Object.keys(laterManifest()).filter((name) => landed[name] !== undefined)).toEqual([]);
  });
});

describe('migration discovery', () => {
  it('when migrations are found on disk, then they run in name order and begin with the hand-kept list they replaced', () => {
    const names = discovered.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(names.slice(0, listed.length)).toEqual(listed.map((m) => m.name));
    expect(names.length).toBeGreaterThan(listed.length);
    for (const m of discovered) expect(typeof m.module.up).toBe('function');
  });
});
