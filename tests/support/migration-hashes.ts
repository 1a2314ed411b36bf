import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { migrations } from '../../migrations/all';

const MIGRATIONS_DIR = path.join(__dirname, '../../migrations');
/** The hashes recorded while migrations were listed by hand; landed, so never written again. */
export const LANDED_MANIFEST_PATH = path.join(MIGRATIONS_DIR, 'manifest.json');
/**
 * Where `npm run migrations:manifest` records every later migration: outside
 * migrations/, so recording one never edits a file there that has landed.
 */
export const MANIFEST_PATH = path.join(__dirname, '../unit/db/migration-manifest.json');

function readJson(file: string): Record<string, string> {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** Every recorded hash: the landed manifest and the later one. */
export function recordedHashes(): Record<string, string> {
  return { ...readJson(LANDED_MANIFEST_PATH), ...readJson(MANIFEST_PATH) };
}

/** Only the later manifest, the one the script appends to. */
export function laterManifest(): Record<string, string> {
  return readJson(MANIFEST_PATH);
}

/** SHA-256 of each listed migration's source file, by migration name. */
export function migrationHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name } of migrations) {
    out[name] = createHash('sha256')
      .update(fs.readFileSync(path.join(MIGRATIONS_DIR, `${name}.ts`)))
      .digest('hex');
  }
  return out;
}
