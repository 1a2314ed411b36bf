import { createHash } from 'node:crypto';

// Parsing and planning were over half of Postgres's time for the statements
// of a submit and an event append (about 0.2 ms each to parse and 0.25 ms to
// plan, against 0.25 ms to run, logged per phase on a Postgres server). A
// statement prepared by name is parsed once per connection and, once Postgres
// settles on a generic plan, planned once too. knex cannot name a statement
// by itself, so a hot query carries `prepared(label)` in its options and the
// Postgres dialect (database.ts) turns it into a name; on PGlite, which has
// one in-process connection and no wire protocol, the option is dropped.

/** The option that marks a query to be prepared by name: `q.options(prepared('lock_for_append'))`. */
export function prepared(label: string): { prepareAs: string } {
  return { prepareAs: label };
}

// A prepared statement whose result columns change under it (a migration run
// by another process added a column to a table it returns `*` of) fails with
// "cached plan must not change result type" for as long as it is kept. Every
// name carries this generation, so one such failure moves the whole process
// to fresh statements; that one call is answered 503 (pg-errors.ts).
let generation = 0;

/**
 * The name a statement is prepared under: its label (readable in
 * pg_prepared_statements), a hash of its text, so that a query whose SQL
 * varies in shape (how many rows it inserts, which columns it sets) gets one
 * statement per shape rather than a clash, and the generation.
 */
export function statementName(label: string, sql: string): string {
  const hash = createHash('sha1').update(sql).digest('hex').slice(0, 16);
  return `${label}_${hash}_${generation}`;
}

/** Moves later statements to new names, after a stale plan. */
export function renewStatements(): void {
  generation += 1;
}
