import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../server/db/database';
import { openTestDatabase, type TestDatabase } from '../support/test-db';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let db: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-demo-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('when run, then it seeds the worked example: four agencies, four linked drafts under their own laws', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(db.url ? { DATABASE_URL: db.url } : {}) };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { cwd: ROOT, env });
    expect(stdout).toMatch(/with 4 agencies and 4 drafted requests/);
    const token = /reporter\s+(rt_\S+)/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    // On PGlite the script wrote to DATA_DIR; open what it left there.
    const seeded = db.url ? db : await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
    try {
      const rows = await seeded.knex('requests as r').join('agencies as a', 'a.id', 'r.agency_id').select('a.name', 'r.letter_template', 'r.group_id');
      expect(new Set(rows.map((r: { group_id: string }) => r.group_id)).size).toBe(1);
      expect(Object.fromEntries(rows.map((r: { name: string; letter_template: string }) => [r.name, r.letter_template]))).toEqual({
        'City of Minneapolis': 'minnesota-public-data',
        'City of Saint Paul': 'minnesota-public-data',
        'State of Minnesota': 'minnesota-public-data',
        'U.S. Immigration and Customs Enforcement': 'federal-foia',
      });
    } finally {
      if (seeded !== db) await seeded.close();
    }
  });
});
