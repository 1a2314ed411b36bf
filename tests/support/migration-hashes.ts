import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { migrations } from '../../migrations/all';

const MIGRATIONS_DIR = path.join(__dirname, '../../migrations');
export const MANIFEST_PATH = path.join(MIGRATIONS_DIR, 'manifest.json');

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
