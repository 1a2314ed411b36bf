import { PGlite } from '@electric-sql/pglite';
import { problemFromDatabaseError } from '../../../server/errors/pg-errors';

// Real errors from a real (embedded) Postgres: what the client sent is out of
// what the column can hold, so it is the client's 400, never a 500.

let pg: PGlite;
beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
});
afterAll(() => pg.close());

async function errorOf(sql: string, params: unknown[]): Promise<unknown> {
  try {
    await pg.query(sql, params);
  } catch (err) {
    return err;
  }
  throw new Error('expected the query to fail');
}

it.each([
  ['an integer out of range', 'select $1::int', ['100000000000000000000']],
  ['a number that is not a number', 'select $1::int', ['twelve']],
  ['a date that does not exist', 'select $1::date', ['2026-02-30']],
])('when Postgres refuses %s, then it is a 400 problem', async (_name, sql, params) => {
  const problem = problemFromDatabaseError(await errorOf(sql, params));
  expect(problem?.status).toBe(400);
});
