import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileIntegrityError, FileStore } from '../../server/files/file-store';
import { openTestDatabase, type TestDatabase } from '../support/test-db';

// The store remembers the directories it has made, so a new file costs no
// mkdir; a directory removed behind its back must not make a write fail.
// Small files take synchronous calls and large ones the thread pool
// (FILE_SYNC_MAX_BYTES); both ways must behave the same.
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

const LIMIT = 1024;
const small = (text: string) => Buffer.from(text);
const large = (text: string) => Buffer.concat([Buffer.from(text), Buffer.alloc(LIMIT * 4, 0x61)]);

describe.each([
  { way: 'small files, written and read synchronously', syncMaxBytes: LIMIT, bytes: small, sync: true },
  { way: 'files over the limit, through the thread pool', syncMaxBytes: LIMIT, bytes: large, sync: false },
  { way: 'every file through the thread pool (FILE_SYNC_MAX_BYTES=0)', syncMaxBytes: 0, bytes: small, sync: false },
])('$way', ({ syncMaxBytes, bytes, sync }) => {
  afterEach(() => jest.restoreAllMocks());

  it('when the files directory is removed after a write, then the next writes make it again', async () => {
    const store = new FileStore(fs.mkdtempSync(path.join(dataDir, 'store-')), { syncMaxBytes });
    const first = await store.put(db.knex, bytes('first letter'));
    expect(fs.readFileSync(store.pathOf(first.sha256))).toEqual(bytes('first letter'));

    fs.rmSync(store.root, { recursive: true, force: true });
    // The same bytes again (their directory is remembered), and new ones.
    const again = await store.put(db.knex, bytes('first letter'));
    const second = await store.put(db.knex, bytes('second letter'));
    expect(again.sha256).toBe(first.sha256);
    expect(fs.readFileSync(store.pathOf(first.sha256))).toEqual(bytes('first letter'));
    expect(fs.readFileSync(store.pathOf(second.sha256))).toEqual(bytes('second letter'));
    expect(fs.readdirSync(path.dirname(store.pathOf(first.sha256))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await store.check(second.sha256)).status).toBe('ok');
  });

  it('when a stored file is read, then its bytes come back; changed on disk, the read fails naming its hash', async () => {
    const store = new FileStore(fs.mkdtempSync(path.join(dataDir, 'store-')), { syncMaxBytes });
    // The way taken is the one the limit names.
    const syncWrites = jest.spyOn(fs, 'writeFileSync');
    const syncReads = jest.spyOn(fs, 'readFileSync');
    const { sha256, size } = await store.put(db.knex, bytes('a reply'));
    expect(size).toBe(bytes('a reply').length);
    expect(await store.read(sha256)).toEqual(bytes('a reply'));
    expect(syncWrites).toHaveBeenCalledTimes(sync ? 1 : 0);
    expect(syncReads).toHaveBeenCalledTimes(sync ? 1 : 0);
    jest.restoreAllMocks();
    fs.writeFileSync(store.pathOf(sha256), bytes('a forged reply'));
    await expect(store.read(sha256)).rejects.toThrow(FileIntegrityError);
    await expect(store.read(sha256)).rejects.toThrow(sha256);
    fs.rmSync(store.pathOf(sha256));
    await expect(store.read(sha256)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
