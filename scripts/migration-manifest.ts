// npm run migrations:manifest: adds the SHA-256 of each migration that is not in
// migrations/manifest.json yet. It never rewrites an entry: a landed migration
// is never edited (write a new one), and a test fails when one changes.
import fs from 'node:fs';
import path from 'node:path';

import { MANIFEST_PATH, migrationHashes } from '../tests/support/migration-hashes';

const manifest: Record<string, string> = fs.existsSync(MANIFEST_PATH) ? JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8')) : {};
let added = 0;
for (const [name, hash] of Object.entries(migrationHashes())) {
  if (manifest[name] === undefined) {
    manifest[name] = hash;
    added += 1;
  }
}
fs.writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${path.relative(process.cwd(), MANIFEST_PATH)}: ${added} added`);
