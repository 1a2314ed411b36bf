// npm run migrations:manifest: adds the SHA-256 of each migration that is not
// recorded yet to tests/unit/db/migration-manifest.json (migrations/manifest.json
// holds the earlier ones and, having landed, is never written). It never rewrites an entry: a landed migration
// is never edited (write a new one), and a test fails when one changes.
import fs from 'node:fs';
import path from 'node:path';

import { laterManifest, MANIFEST_PATH, migrationHashes, recordedHashes } from '../tests/support/migration-hashes';

const recorded = recordedHashes();
const manifest = laterManifest();
let added = 0;
for (const [name, hash] of Object.entries(migrationHashes())) {
  if (recorded[name] === undefined) {
    manifest[name] = hash;
    added += 1;
  }
}
fs.writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${path.relative(process.cwd(), MANIFEST_PATH)}: ${added} added`);
