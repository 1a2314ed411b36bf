import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMBEDDED_SETTINGS, openDatabase } from '../../../server/db/database';

// What the embedded database is opened with decides how much memory an idle
// service holds (bench/embedded-memory.bench.ts prints the figures); these
// check the settings take effect and a data directory made in a child
// process is a real, durable database.
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-embedded-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('embedded database', () => {
  it('when opened, then it runs with the small shared buffers the project sets, not the 128 MB Postgres default', async () => {
    expect(EMBEDDED_SETTINGS.shared_buffers).toBe('16MB');
    const db = await openDatabase({});
    try {
      const { rows } = await db.knex.raw<{ rows: Array<{ shared_buffers: string }> }>('show shared_buffers');
      expect(rows[0]!.shared_buffers).toBe('16MB');
    } finally {
      await db.close();
    }
  });

  it('when a new data directory is opened, then it is created (in a child process), keeps what is written, and reopens', async () => {
    const dir = path.join(root, 'pgdata');
    const first = await openDatabase({ pgliteDir: dir });
    try {
      expect(fs.existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
      await first.knex.raw('create table kept (v text)');
      await first.knex('kept').insert({ v: 'still here' });
    } finally {
      await first.close();
    }
    const again = await openDatabase({ pgliteDir: dir });
    try {
      expect(await again.knex('kept').pluck('v')).toEqual(['still here']);
      const { rows } = await again.knex.raw<{ rows: Array<{ shared_buffers: string }> }>('show shared_buffers');
      expect(rows[0]!.shared_buffers).toBe('16MB');
    } finally {
      await again.close();
    }
  });
});
