import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, type Database } from '../../server/db/database';
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

async function demo(): Promise<string> {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(db.url ? { DATABASE_URL: db.url } : {}) };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { cwd: ROOT, env });
  return stdout;
}

/** On PGlite the script wrote to DATA_DIR; open what it left there. */
async function seeded<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const d = db.url ? db : await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
  try {
    return await fn(d);
  } finally {
    if (d !== db) await d.close();
  }
}

const tokenOf = (stdout: string, role: string) => new RegExp(`^\\s+${role}\\s+(rt_\\S+)`, 'm').exec(stdout)?.[1];
const hash = (t: string) => createHash('sha256').update(t).digest('hex');

describe('npm run demo', () => {
  let first: string;

  it('when run, then it seeds the worked example: four agencies, four linked drafts under their own laws, and a newsroom with an admin', async () => {
    first = await demo();
    expect(first).toMatch(/with 4 agencies and 4 drafted requests/);
    for (const role of ['admin', 'editor', 'reporter', 'counsel']) expect(tokenOf(first, role)).toBeDefined();
    // Instructions that work on any system, not a macOS-only command.
    expect(first).not.toMatch(/^\s*open\s/m);
    expect(first).toMatch(/\/docs/);
    await seeded(async (d) => {
      const rows = await d
        .knex('requests as r')
        .join('agencies as a', 'a.id', 'r.agency_id')
        .select('a.name', 'r.letter_template', 'r.group_id');
      expect(new Set(rows.map((r: { group_id: string }) => r.group_id)).size).toBe(1);
      expect(Object.fromEntries(rows.map((r: { name: string; letter_template: string }) => [r.name, r.letter_template]))).toEqual({
        'City of Minneapolis': 'minnesota-public-data',
        'City of Saint Paul': 'minnesota-public-data',
        'State of Minnesota': 'minnesota-public-data',
        'U.S. Immigration and Customs Enforcement': 'federal-foia',
      });
      // The printed admin token belongs to an active admin of the demo newsroom, who can change settings and add users.
      const owner = await d
        .knex('api_tokens as t')
        .join('users as u', 'u.id', 't.user_id')
        .where('t.token_hash', hash(tokenOf(first, 'admin')!))
        .first('u.role', 'u.active');
      expect(owner).toEqual({ role: 'admin', active: true });
    });
  });

  it('when run a second time, then it reuses the newsroom, its agencies and its requests, and prints fresh working tokens', async () => {
    const second = await demo();
    const orgOf = (s: string) => /Demo newsroom ([0-9a-f-]{36})/.exec(s)?.[1];
    expect(orgOf(second)).toBeDefined();
    expect(orgOf(second)).toBe(orgOf(first));
    expect(second).toMatch(/with 4 agencies and 4 drafted requests/);
    await seeded(async (d) => {
      expect(await d.knex('organizations').count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
      expect(Number((await d.knex('agencies').count('* as count'))[0]!.count)).toBe(4);
      expect(Number((await d.knex('requests').count('* as count'))[0]!.count)).toBe(4);
      expect(Number((await d.knex('users').count('* as count'))[0]!.count)).toBe(4);
      for (const role of ['admin', 'editor', 'reporter', 'counsel']) {
        const owner = await d
          .knex('api_tokens as t')
          .join('users as u', 'u.id', 't.user_id')
          .where('t.token_hash', hash(tokenOf(second, role)!))
          .whereNull('t.revoked_at')
          .first('u.role');
        expect(owner).toEqual({ role });
      }
    });
  });
});
