import { parseArgs } from 'node:util';
import { type ZodError, z } from 'zod';
import { ROLES } from './auth/caller';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './db/open-configured';
import type { Database } from './db/database';
import { toProblem } from './http/error-handler';
import { checkMappingFields, confirmImport, dryRunImport } from './imports/import-service';
import type { UserCaller } from './auth/caller';
import fs from 'node:fs';
import path from 'node:path';
import { Email } from './http/schemas';
import { insertOrganization, listOrganizations } from './organizations/organization-store';
import { issueToken } from './tokens/token-service';
import { createUserWithToken } from './users/user-service';
import { findUserById, listUsers } from './users/user-store';

const USAGE = `Operator commands (they use DATABASE_URL, or the embedded database in DATA_DIR):

  npm run cli -- org:create --name "Star Tribune"
  npm run cli -- org:list
  npm run cli -- user:create --org <orgId> --email ed@example.org --name "Ed Itor" --role admin|editor|reporter|counsel
  npm run cli -- user:list --org <orgId>
  npm run cli -- token:create --user <userId> [--name "cli token"]
  npm run cli -- import --org <orgId> --user ed@example.org --file log.csv [--mapping mapping.json]
        [--timezone America/Chicago] [--jurisdiction US-MN] [--date-order mdy|dmy] [--confirm]
  npm run cli -- migrate

Add --json for machine-readable output. The embedded database allows one
process at a time: stop the server before running these against it.`;

type Out = (human: string, data: unknown) => void;
type Flags = Record<string, string | undefined>;
type Opened = Database & { migrationsApplied: string[] };

/** A command: the flags it takes, checked all at once before any database is opened, and what it does with them. */
interface Command<S extends z.ZodType> {
  flags: S;
  run(db: Opened, input: z.output<S>, out: Out): Promise<void>;
}
const command = <S extends z.ZodType>(c: Command<S>): Command<S> => c;

const Name = z.string().trim().min(1, 'must not be empty').max(200);
const Id = z.uuid({ message: 'must be an id (a UUID) as printed by org:list or user:list' });
const NoFlags = z.object({});

const commands: Record<string, Command<z.ZodType>> = {
  'org:create': command({
    flags: z.object({ name: Name }),
    run: async (db, { name }, out) => {
      const org = await insertOrganization(db.knex, name);
      out(`organization ${org.id}  ${org.name}`, { id: org.id, name: org.name });
    },
  }),
  'org:list': command({
    flags: NoFlags,
    run: async (db, _i, out) => {
      const orgs = await listOrganizations(db.knex);
      out(orgs.map((g) => `${g.id}  ${g.name}`).join('\n') || '(no organizations)', orgs);
    },
  }),
  'user:create': command({
    flags: z.object({
      org: Id,
      email: Email,
      name: Name,
      role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
    }),
    run: async (db, { org, ...input }, out) => {
      const { user, token } = await createUserWithToken(db.knex, org, input);
      out(`user ${user.id}  ${user.email} (${user.role})\ntoken ${token}\nThe token is shown only now; store it safely.`, {
        id: user.id,
        email: user.email,
        role: user.role,
        token,
      });
    },
  }),
  'user:list': command({
    flags: z.object({ org: Id }),
    run: async (db, { org }, out) => {
      const users = await listUsers(db.knex, org);
      out(users.map((u) => `${u.id}  ${u.email}  ${u.role}${u.active ? '' : '  (inactive)'}`).join('\n') || '(no users)', users);
    },
  }),
  'token:create': command({
    flags: z.object({ user: Id, name: Name.default('cli token') }),
    run: async (db, i, out) => {
      const user = await findUserById(db.knex, i.user);
      if (!user) throw new CliInputError(['--user: no such user']);
      const { record, token } = await issueToken(db.knex, {
        organizationId: user.organizationId,
        userId: user.id,
        name: i.name,
        kind: 'api',
      });
      out(`token ${token}\nfor ${user.email}; shown only now.`, { id: record.id, token });
    },
  }),
  // The same dry run and confirmation as POST /v1/imports, as the user named by --user.
  import: command({
    flags: z.object({
      org: Id,
      user: Email,
      file: z.string().min(1, 'must name the spreadsheet (CSV or XLSX)'),
      mapping: z.string().min(1).optional(),
      timezone: z.string().optional(),
      jurisdiction: z.string().optional(),
      'date-order': z.enum(['mdy', 'dmy'], { message: 'must be mdy or dmy' }).optional(),
      confirm: z.boolean().optional(),
    }),
    run: async (db, i, out) => {
      const user = (await listUsers(db.knex, i.org)).find((u) => u.email.toLowerCase() === i.user.toLowerCase() && u.active);
      if (!user) throw new CliInputError([`--user: no active user ${i.user} in organization ${i.org}`]);
      const read = (file: string, flag: string) => {
        try {
          return fs.readFileSync(file);
        } catch (err) {
          throw new CliInputError([`--${flag}: ${(err as Error).message}`]);
        }
      };
      let mapping: ReturnType<typeof checkMappingFields> | undefined;
      if (i.mapping) {
        try {
          mapping = checkMappingFields(JSON.parse(read(i.mapping, 'mapping').toString('utf8')) as Record<string, unknown>);
        } catch (err) {
          if (err instanceof SyntaxError) throw new CliInputError([`--mapping: not JSON: ${err.message}`]);
          throw err;
        }
      }
      // A CLI caller: the user's identity without a token or session behind it.
      const caller: UserCaller = {
        kind: 'user',
        userId: user.id,
        organizationId: user.organizationId,
        role: user.role,
        email: user.email,
        name: user.name,
        credential: { kind: 'token', id: '' },
      };
      const dry = await dryRunImport(
        db.knex,
        caller,
        {
          bytes: read(i.file, 'file'),
          filename: path.basename(i.file),
          mapping,
          timezone: i.timezone,
          jurisdiction: i.jurisdiction,
          dateOrder: i['date-order'],
        },
        new Date(),
      );
      const s = dry.report.summary;
      const errors = dry.report.rows.flatMap((r) => r.errors).map((e) => `  row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
      const lines = [
        `import ${dry.id}  ${dry.filename}  sha256 ${dry.sha256}`,
        `header row ${dry.options.headerRow}; mapping ${JSON.stringify(dry.mapping)}`,
        `${s.rows} rows: ${s.toCreate} to create (${s.events} events), ${s.duplicates} duplicates, ${s.invalid} with errors; ${s.newAgencies.length} new agencies`,
        ...errors,
      ];
      if (!i.confirm) {
        out([...lines, 'dry run only: run again with --confirm to create them'].join('\n'), {
          id: dry.id,
          summary: s,
          errors: dry.report.rows.flatMap((r) => r.errors),
        });
        return;
      }
      const done = await confirmImport(db.knex, caller, dry.id, new Date());
      out([...lines, `confirmed: ${done.createdCount} created, ${done.skippedCount} skipped`].join('\n'), {
        id: done.id,
        createdCount: done.createdCount,
        skippedCount: done.skippedCount,
        rows: done.report.rows.map((r) => ({ row: r.row, action: r.action, reason: r.reason, requestId: r.requestId })),
      });
    },
  }),
  // Opening the database already migrates it; this reports what was applied.
  migrate: command({
    flags: NoFlags,
    run: async (db, _i, out) => {
      const applied = db.migrationsApplied;
      out(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date', { applied });
    },
  }),
};

const KNOWN_FLAGS = [
  'name',
  'org',
  'email',
  'role',
  'user',
  'file',
  'mapping',
  'timezone',
  'jurisdiction',
  'date-order',
  'confirm',
] as const;

class CliInputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Every problem with the flags, each on its own line and named by its flag. */
export function flagErrors(err: ZodError, given: Flags): string[] {
  return err.issues.map((i) => {
    const flag = i.path.length ? `--${String(i.path[0])}` : 'flags';
    const missing = i.path.length > 0 && given[String(i.path[0])] === undefined;
    return `${flag}: ${missing ? 'is required' : i.message}`;
  });
}

function checkFlags(name: string, values: Flags): unknown {
  const schema = commands[name]!.flags;
  // A flag this command does not take is a mistake worth naming, not something to ignore.
  const takes = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const stray = KNOWN_FLAGS.filter((f) => values[f] !== undefined && !takes.includes(f)).map(
    (f) => `--${f}: ${name} does not take this flag`,
  );
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(values).filter(([k]) => takes.includes(k))));
  const errors = [...stray, ...(parsed.success ? [] : flagErrors(parsed.error, values))];
  if (errors.length) throw new CliInputError(errors);
  return parsed.data;
}

function parseCliArgs() {
  return parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      user: { type: 'string' },
      file: { type: 'string' },
      mapping: { type: 'string' },
      timezone: { type: 'string' },
      jurisdiction: { type: 'string' },
      'date-order': { type: 'string' },
      confirm: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(): Promise<number> {
  let parsedArgs: ReturnType<typeof parseCliArgs>;
  try {
    parsedArgs = parseCliArgs();
  } catch (err) {
    // parseArgs stops at the first unknown flag; its message names it.
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsedArgs;
  const name = positionals[0];
  const cmd = name ? commands[name] : undefined;
  if (!cmd || values.help) {
    if (name && !cmd) console.error(`unknown command: ${name}\n`);
    console.log(USAGE);
    return cmd || values.help ? 0 : 2;
  }
  let input: unknown;
  try {
    input = checkFlags(name!, values as Flags);
  } catch (err) {
    if (!(err instanceof CliInputError)) throw err;
    console.error(`${name}: invalid flags\n  ${err.lines.join('\n  ')}`);
    return 2;
  }
  const out: Out = (human, data) => console.log(values.json ? JSON.stringify(data, null, 2) : human);
  const db = await openConfiguredDatabase(loadConfig());
  try {
    await cmd.run(db, input, out);
    return 0;
  } catch (err) {
    if (err instanceof CliInputError) {
      console.error(`${name}: ${err.lines.join('\n  ')}`);
      return 2;
    }
    const problem = toProblem(err);
    if (problem?.errors?.length) {
      console.error(
        `${name}: ${problem.detail ?? problem.title}\n  ${problem.errors.map((e) => `--${e.field || 'value'}: ${e.message}`).join('\n  ')}`,
      );
    } else {
      console.error(problem ? (problem.detail ?? problem.title) : (err as Error).message);
    }
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
