import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import knexFactory from 'knex';
import { problemFromDatabaseError } from '../../../server/errors/pg-errors';
import { openDatabase } from '../../../server/db/database';
import { toProblem } from '../../../server/http/error-handler';

// Real errors from real drivers for "the database is not there right now":
// each must be the client's 503 with Retry-After, not a 500.

async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

/** A loopback port nothing listens on: taken, then freed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectUnavailable(err: unknown): void {
  const problem = toProblem(err);
  expect(problem?.status).toBe(503);
  expect(problem?.headers['Retry-After']).toBe('5');
  expect(problem?.type).toBe('urn:records-tracker:problem:database-unavailable');
}

it('when the Postgres server refuses the connection (ECONNREFUSED), then it is a 503 with Retry-After', async () => {
  const db = await openDatabase({ url: `postgres://postgres@127.0.0.1:${await closedPort()}/postgres`, poolMax: 1 });
  try {
    const err = await failure(() => db.knex.raw('select 1'));
    expect((err as { code?: string }).code).toBe('ECONNREFUSED');
    expectUnavailable(err);
  } finally {
    await db.close();
  }
});

it('when the server closes the connection mid-query, then it is a 503 with Retry-After', async () => {
  // A peer that accepts and then resets: what a client sees when the server is killed under it.
  const server = net.createServer((socket) => socket.resetAndDestroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  const db = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/postgres`, poolMax: 1 });
  try {
    expectUnavailable(await failure(() => db.knex.raw('select 1')));
  } finally {
    await db.close();
    server.close();
  }
});

it('when the embedded database has been closed, then a query is a 503 with Retry-After', async () => {
  const pglite = new PGlite();
  await pglite.waitReady;
  await pglite.close();
  const err = await failure(() => pglite.query('select 1'));
  expect((err as Error).message).toMatch(/closed/);
  expectUnavailable(err);
});

it('when every pooled connection stays busy past the acquire timeout, then it is a 503 with Retry-After', async () => {
  const pglite = new PGlite();
  await pglite.waitReady;
  const { default: ClientPgLite } = await import('knex-pglite');
  const knex = knexFactory({
    client: ClientPgLite as never,
    connection: (() => ({ pglite })) as never,
    acquireConnectionTimeout: 200,
  });
  try {
    await knex.transaction(async (trx) => {
      await trx.raw('select 1');
      const err = await failure(() => knex.raw('select 1'));
      expect((err as Error).name).toBe('KnexTimeoutError');
      expectUnavailable(err);
    });
  } finally {
    await knex.destroy();
    // knex-pglite closes the instance it was given when knex is destroyed.
    if (!pglite.closed) await pglite.close();
  }
});

it.each([
  ['57P01', 'terminating connection due to administrator command'],
  ['57P03', 'the database system is starting up'],
  ['08006', 'connection failure'],
])('when the server answers SQLSTATE %s (%s), then it is a 503', (code, message) => {
  // These come from the server's own error packets, shaped as pg shapes them (a DatabaseError).
  const err = Object.assign(new Error(message), { code, severity: 'FATAL' });
  expect(problemFromDatabaseError(err)?.status).toBe(503);
});

it('when a query is simply wrong, then it is not taken for an outage', async () => {
  const pglite = new PGlite();
  await pglite.waitReady;
  try {
    const err = await failure(() => pglite.query('select * from no_such_table'));
    expect(toProblem(err)).toBeUndefined();
  } finally {
    await pglite.close();
  }
});
