import { parseArgs } from 'node:util';
import { ZodError, z } from 'zod';
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

const commands: Record<string, (db: Database & { migrationsApplied: string[] }, opts: Record<string, string | undefined>, out: Out) => Promise<void>> = {
  'org:create': async (db, o, out) => {
    const name = z.string().trim().min(1).max(200).parse(o.name);
    const org = await insertOrganization(db.knex, name);
    out(`organization ${org.id}  ${org.name}`, { id: org.id, name: org.name });
  },
  'org:list': async (db, _o, out) => {
    const orgs = await listOrganizations(db.knex);
    out(orgs.map((g) => `${g.id}  ${g.name}`).join('\n') || '(no organizations)', orgs);
  },
  'user:create': async (db, o, out) => {
    const orgId = z.uuid().parse(o.org);
    const input = { email: Email.parse(o.email), name: z.string().trim().min(1).parse(o.name), role: z.enum(ROLES).parse(o.role) };
    const { user, token } = await createUserWithToken(db, orgId, input);
    out(`user ${user.id}  ${user.email} (${user.role})\ntoken ${token}\nThe token is shown only now; store it safely.`, {
      id: user.id, email: user.email, role: user.role, token,
    });
  },
  'user:list': async (db, o, out) => {
    const users = await listUsers(db.knex, z.uuid().parse(o.org));
    out(users.map((u) => `${u.id}  ${u.email}  ${u.role}${u.active ? '' : '  (inactive)'}`).join('\n') || '(no users)', users);
  },
  'token:create': async (db, o, out) => {
    const user = await findUserById(db.knex, z.uuid().parse(o.user));
    if (!user) throw new Error('no such user');
    const { record, token } = await issueToken(db.knex, {
      organizationId: user.organizationId, userId: user.id, name: o.name ?? 'cli token', kind: 'api',
    });
    out(`token ${token}\nfor ${user.email}; shown only now.`, { id: record.id, token });
  },
  // Opening the database already migrates it; this reports what was applied.
  migrate: async (db, _o, out) => {
    const applied = db.migrationsApplied;
    out(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date', { applied });
  },
};

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' }, org: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' },
      user: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  const run = command ? commands[command] : undefined;
  if (!run || values.help) {
    console.log(USAGE);
    return run || values.help ? 0 : 2;
  }
  const out: Out = (human, data) => console.log(values.json ? JSON.stringify(data, null, 2) : human);
  const db = await openConfiguredDatabase(loadConfig());
  try {
    await run(db, values as Record<string, string | undefined>, out);
    return 0;
  } catch (err) {
    if (err instanceof ZodError) {
      console.error(`invalid input: ${err.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
    } else {
      const problem = toProblem(err);
      console.error(problem ? problem.detail ?? problem.title : (err as Error).message);
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
