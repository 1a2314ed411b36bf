import { parseArgs } from 'node:util';
import { type ZodError, z } from 'zod';
import { ROLES } from './auth/caller';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './db/open-configured';
import type { Database } from './db/database';
import { toProblem } from './http/error-handler';
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
  // Opening the database already migrates it; this reports what was applied.
  migrate: command({
    flags: NoFlags,
    run: async (db, _i, out) => {
      const applied = db.migrationsApplied;
      out(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date', { applied });
    },
  }),
};

const KNOWN_FLAGS = ['name', 'org', 'email', 'role', 'user'] as const;

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
