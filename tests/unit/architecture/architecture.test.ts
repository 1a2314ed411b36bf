import fs from 'node:fs';
import path from 'node:path';

/**
 * The layering rules of docs/architecture.md, checked over the source text:
 * which folder may write each table, and which folders may import which.
 * A small reader of import lines and SQL/knex write calls, not a parser: it
 * errs towards reporting, and a false report is fixed by moving the code to
 * where the rule says it belongs.
 */
const SERVER = path.join(__dirname, '../../../server');

/** The one feature folder whose store writes each table. */
const TABLE_OWNERS: Record<string, string> = {
  organizations: 'organizations',
  users: 'users',
  api_tokens: 'tokens',
  agencies: 'agencies',
  requests: 'requests',
  request_events: 'events',
  request_chain_heads: 'events',
  request_status_counts: 'requests',
  attachments: 'attachments',
  files: 'files',
  deadlines: 'request-deadlines',
  mail_messages: 'mail',
  mail_attempts: 'mail',
  inbound_messages: 'inbound',
  imap_mailboxes: 'inbound',
  imap_messages: 'inbound',
  follow_ups: 'monitoring',
  reminder_log: 'monitoring',
  digest_log: 'monitoring',
  idempotency_keys: 'http',
  sign_in_links: 'sessions',
  sign_in_attempts: 'sessions',
  sessions: 'sessions',
  checkpoints: 'checkpoints',
  checkpoint_timestamps: 'checkpoints',
  imports: 'imports',
};

/** Folders that import nothing above them (only each other and packages). */
const GROUND_FLOOR = ['errors', 'util'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const FILES = sourceFiles(SERVER).map((file) => ({ file, rel: path.relative(SERVER, file), text: fs.readFileSync(file, 'utf8') }));

function folderOf(rel: string): string {
  const parts = rel.split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : '.';
}

/** Relative imports of a file, resolved to paths under server/ (or outside it). */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);
  return specifiers.map((s) => path.relative(SERVER, path.resolve(path.dirname(file), s)));
}

const TABLES = Object.keys(TABLE_OWNERS).join('|');
// knex: db('table')…insert/update/del…, and table names in SQL text: insert into / update / delete from.
const KNEX_WRITE = new RegExp(
  `\\(\\s*'(${TABLES})'\\s*\\)((?:(?!;)[\\s\\S]){0,400}?)\\.(insert|update|del|delete|increment|decrement|merge)\\(`,
  'g',
);
const SQL_WRITE = new RegExp(`\\b(?:insert\\s+into|update|delete\\s+from)\\s+(${TABLES})\\b`, 'gi');

function writesOf(text: string): string[] {
  const tables = new Set<string>();
  for (const m of text.matchAll(KNEX_WRITE)) {
    // A chain that starts a new query (another db('…') call) before the write is not this table's write.
    if (!/\(\s*'[a-z_]+'\s*\)/.test(m[2] ?? '')) tables.add(m[1] as string);
  }
  for (const m of text.matchAll(SQL_WRITE)) tables.add((m[1] as string).toLowerCase());
  return [...tables];
}

describe('architecture', () => {
  test('the rule data and the table list agree with the migrations (every table has an owner)', () => {
    const migrations = fs.readdirSync(path.join(SERVER, '../migrations')).filter((f) => f.endsWith('.ts'));
    const created = new Set(
      migrations.flatMap((f) =>
        [...fs.readFileSync(path.join(SERVER, '../migrations', f), 'utf8').matchAll(/createTable\('([a-z_]+)'/g)].map(
          (m) => m[1] as string,
        ),
      ),
    );
    expect([...created].sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });

  test('a feature writes only its own tables; others call its store', () => {
    const offences = FILES.flatMap(({ rel, text }) =>
      writesOf(text)
        .filter((table) => TABLE_OWNERS[table] !== folderOf(rel))
        .map((table) => `${rel} writes ${table} (owned by ${TABLE_OWNERS[table]}/)`),
    );
    expect(offences).toEqual([]);
  });

  test('the deadline engine imports nothing outside server/deadlines', () => {
    const offences = FILES.filter(({ rel }) => folderOf(rel) === 'deadlines').flatMap(({ file, rel, text }) =>
      importsOf(file, text)
        .filter((target) => !target.startsWith(`deadlines${path.sep}`))
        .map((target) => `${rel} imports ${target}`),
    );
    expect(offences).toEqual([]);
  });

  test('the ground floor (errors/, util/) imports nothing above it', () => {
    const offences = FILES.filter(({ rel }) => GROUND_FLOOR.includes(folderOf(rel))).flatMap(({ file, rel, text }) =>
      importsOf(file, text)
        .filter((target) => !GROUND_FLOOR.includes(folderOf(target)))
        .map((target) => `${rel} imports ${target}`),
    );
    expect(offences).toEqual([]);
  });

  test('services and stores do not import Express; only routes and http/ do', () => {
    const offences = FILES.filter(({ rel }) => !rel.endsWith('-routes.ts') && !['http', '.'].includes(folderOf(rel)))
      .filter(({ text }) => /from 'express'/.test(text))
      .map(({ rel }) => rel);
    expect(offences).toEqual([]);
  });

  test('the checks can fail: a write to another feature’s table is recognised', () => {
    expect(writesOf("await db('deadlines').where({ id }).update({ status: 'met' });")).toEqual(['deadlines']);
    expect(writesOf('await db.raw(`update requests set status = ? where id = ?`, [s, id]);')).toEqual(['requests']);
    expect(writesOf("await db('requests').where({ id }).first(); await db('users').insert(row);")).toEqual(['users']);
  });
});
