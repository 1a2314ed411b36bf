import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

// The CLI checks its flags before it opens any database, so these runs touch
// nothing: DATA_DIR points at an empty folder that must stay empty.
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('operator CLI errors', () => {
  it('when several flags of user:create are bad or missing, then every one is named by its flag, with nothing written', async () => {
    const { code, stderr } = await cli('user:create', '--org', 'not-a-uuid', '--email', 'nobody', '--role', 'boss');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--org: .*uuid/i);
    expect(stderr).toMatch(/--email: .*email/i);
    expect(stderr).toMatch(/--name: .*required/i);
    expect(stderr).toMatch(/--role: .*admin, editor, reporter, counsel/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 60000);

  it('when an unknown flag is given, then the error names it', async () => {
    const { code, stderr } = await cli('org:create', '--nme', 'Star Tribune');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--nme/);
  }, 60000);
});
