import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../server/files/file-store';
import { openTestDatabase, type TestDatabase } from '../support/test-db';

// The store remembers the directories it has made, so a new file costs no
// mkdir; a directory removed behind its back must not make a write fail.
let db: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-files-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('when the files directory is removed after a write, then the next writes make it again', async () => {
  const store = new FileStore(dataDir);
  const first = await store.put(db.knex, Buffer.from('first letter'));
  expect(fs.readFileSync(store.pathOf(first.sha256), 'utf8')).toBe('first letter');

  fs.rmSync(store.root, { recursive: true, force: true });
  // The same bytes again (their directory is remembered), and new ones.
  const again = await store.put(db.knex, Buffer.from('first letter'));
  const second = await store.put(db.knex, Buffer.from('second letter'));
  expect(again.sha256).toBe(first.sha256);
  expect(fs.readFileSync(store.pathOf(first.sha256), 'utf8')).toBe('first letter');
  expect(fs.readFileSync(store.pathOf(second.sha256), 'utf8')).toBe('second letter');
  expect(fs.readdirSync(path.dirname(store.pathOf(first.sha256))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect((await store.check(second.sha256)).status).toBe('ok');
});
