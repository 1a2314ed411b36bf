import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildServer } from '../support/child-server';
import { openTestDatabase, type TestDatabase } from '../support/test-db';

// README's "Try it with curl" is what a newcomer copies first, so it runs
// here as written: every ```sh block of that section, in order, in one bash
// with `set -euo pipefail`, against the real service in its own process.
// An undefined variable, a placeholder or any non-2xx answer fails the test.
const ROOT = path.resolve(__dirname, '../..');
const INBOUND_SECRET = 'readme-inbound-secret-0123456789';

/** The ```sh blocks of one "## " section of README.md, in order. */
function shellBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const rest = markdown.slice(start + 1);
  const next = rest.slice(3).search(/\n## /);
  const section = next < 0 ? rest : rest.slice(0, next + 3);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

// Files a reader would have at hand: the agency's letter and a reply to file.
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const EML = [
  'From: FOIA Office <foia@ice.example.gov>',
  'To: records@newsroom.example.org',
  'Subject: Your request',
  'Message-ID: <readme-reply@ice.example.gov>',
  'Date: Mon, 2 Feb 2026 10:00:00 -0500',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'We have received your request.',
  '',
].join('\r\n');

let server: ChildServer | undefined;
let db: TestDatabase | undefined;
let workDir: string;

afterAll(async () => {
  await server?.stop();
  if (db) await db.close().catch(() => undefined);
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

function bash(script: string, cwd: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('README: Try it with curl', () => {
  it('when its shell blocks run in order against a started service, then every call answers 2xx', async () => {
    const blocks = shellBlocks(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), 'Try it with curl');
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const script = blocks.join('\n');
    const adminToken = /^export ADMIN_TOKEN=(\S+)/m.exec(script)?.[1];
    expect(adminToken).toBeDefined();

    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-readme-'));
    fs.writeFileSync(path.join(workDir, 'denial.pdf'), PDF);
    fs.writeFileSync(path.join(workDir, 'reply.eml'), EML);
    if (process.env.TEST_DATABASE_URL) db = await openTestDatabase();
    const url = db?.url;
    if (db) await db.knex.destroy();
    server = await ChildServer.start({
      ADMIN_TOKEN: adminToken!,
      INBOUND_SECRET,
      DATA_DIR: path.join(workDir, 'data'),
      ...(url ? { DATABASE_URL: url } : {}),
    });

    const prelude = [
      'set -euo pipefail',
      // The test has started the service already; `npm start &` is the reader's step.
      'npm() { :; }',
      `export INBOUND_SECRET=${INBOUND_SECRET}`,
      // Any non-2xx fails the call (and so the script); each call's status is logged for the count below.
      `curl() { command curl --fail-with-body -S --max-time 30 -w '%{stderr}HTTP %{http_code} %{url_effective}\\n' "$@"; }`,
    ].join('\n');
    const body = script.replaceAll('http://localhost:3000', `http://127.0.0.1:${server.port}`);
    const result = await bash(`${prelude}\n${body}\n`, workDir, 120_000);
    // Written so a failure shows what bash and the service said.
    expect(`exit ${result.code}\n${result.stderr}\n${result.stdout.slice(-2000)}`).toMatch(/^exit 0\n/);

    const statuses = [...result.stderr.matchAll(/^HTTP (\d{3}) (\S+)$/gm)].map((m) => ({ status: Number(m[1]), url: m[2] }));
    const calls = body.split('\n').filter((line) => !/^\s*#/.test(line) && /(^|[\s$(])curl\s/.test(line)).length;
    expect(statuses).toHaveLength(calls);
    expect(statuses.filter((s) => s.status < 200 || s.status > 299)).toEqual([]);
    // The denial's letter was uploaded first and is attached to the denial event.
    expect(fs.statSync(path.join(workDir, 'exhibit.pdf')).size).toBeGreaterThan(0);
  }, 240_000);
});
