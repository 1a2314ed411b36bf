import { openDatabase, type Database } from '../../server/db/database';
import { prepared } from '../../server/db/prepared';
import { sqlExecutor } from '../../server/db/sql-executor';
import { problemFromDatabaseError } from '../../server/errors/pg-errors';
import { openTestDatabase, type TestDatabase } from '../support/test-db';

// Hot statements are prepared by name on a Postgres server (db/prepared.ts):
// parsed and planned once per connection instead of once per call. On PGlite
// nothing is prepared. A query whose SQL varies in shape gets one statement per
// shape, a schema change under a prepared statement costs one call (a 503 to
// retry) rather than every call after it, and the switch turns it all off.

let test: TestDatabase;
/** One connection, so pg_prepared_statements (per session) shows what this handle prepared. */
let one: Database;

beforeAll(async () => {
  test = await openTestDatabase();
  one = test.url ? await openDatabase({ url: test.url, poolMax: 1 }) : test;
});
afterAll(async () => {
  if (one !== test) await one.close();
  await test.close();
});

const preparedNames = async (db: Database): Promise<string[]> =>
  (await db.knex.raw(`select name from pg_prepared_statements order by name`)).rows.map((r: { name: string }) => r.name);

describe('prepared statements', () => {
  it('when a marked query runs on Postgres, then it is prepared once under its label, one statement per SQL shape; on PGlite, never', async () => {
    await one.knex.raw('create table if not exists prep_probe (id int primary key, note text)');
    for (let i = 0; i < 3; i += 1) {
      await one
        .knex('prep_probe')
        .insert({ id: i, note: `n${i}` })
        .options(prepared('probe_insert'));
      await one.knex('prep_probe').where({ id: i }).options(prepared('probe_find')).first('id', 'note');
    }
    // Another shape of the same label: two rows in one insert, so other SQL.
    await one
      .knex('prep_probe')
      .insert([{ id: 10 }, { id: 11 }])
      .options(prepared('probe_insert'));

    const names = (await preparedNames(one)).filter((n) => n.startsWith('probe_'));
    if (one.kind === 'postgres') {
      expect(names.filter((n) => n.startsWith('probe_find_'))).toHaveLength(1);
      expect(names.filter((n) => n.startsWith('probe_insert_'))).toHaveLength(2);
    } else {
      expect(names).toEqual([]);
    }
    expect(await one.knex('prep_probe').orderBy('id').pluck('id')).toEqual([0, 1, 2, 10, 11]);
  });

  it('when pg-boss runs a statement with parameters through the executor, then it is prepared too; its plans without parameters are not', async () => {
    const exec = sqlExecutor(one.knex);
    const a = await exec.executeSql('select $1::int + 1 as n', [41]);
    const b = await exec.executeSql('select $1::int + 1 as n', [1]);
    await exec.executeSql('select 1; select 2');
    expect([a.rows[0]?.n, b.rows[0]?.n]).toEqual([42, 2]);
    const names = (await preparedNames(one)).filter((n) => n.startsWith('pgboss_'));
    expect(names).toHaveLength(one.kind === 'postgres' ? 1 : 0);
  });

  it('when a migration changes what a prepared statement returns, then one call fails as a 503 to retry and the next succeeds', async () => {
    await one.knex.raw('create table if not exists prep_shape (id int primary key)');
    await one.knex('prep_shape').insert({ id: 1 });
    const read = () => one.knex('prep_shape').options(prepared('probe_shape')).select('*');
    expect(await read()).toEqual([{ id: 1 }]);
    await one.knex.raw('alter table prep_shape add column added text');

    let failure: unknown;
    const first = await read().catch((err: unknown) => {
      failure = err;
      return undefined;
    });
    if (one.kind === 'postgres') {
      expect(first).toBeUndefined();
      const problem = problemFromDatabaseError(failure);
      expect(problem?.status).toBe(503);
      expect(problem?.headers).toEqual({ 'Retry-After': '1' });
    } else {
      expect(first).toEqual([{ id: 1, added: null }]);
    }
    expect(await read()).toEqual([{ id: 1, added: null }]);
  });

  it('when prepared statements are turned off (a pooler in transaction mode), then nothing is prepared on Postgres', async () => {
    if (!test.url) {
      // On PGlite the switch has nothing to turn off; what it guards is shown above.
      expect(await preparedNames(test)).toEqual([]);
      return;
    }
    const off = await openDatabase({ url: test.url, poolMax: 1, preparedStatements: false });
    try {
      await off.knex('prep_probe').where({ id: 1 }).options(prepared('probe_off')).first('id');
      await sqlExecutor(off.knex).executeSql('select $1::int as n', [1]);
      expect(await preparedNames(off)).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
