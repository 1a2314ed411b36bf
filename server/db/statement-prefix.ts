import type { Knex } from 'knex';
import type { Db } from './database';

/**
 * Common table expressions one store contributes to a statement that another
 * store ends with its own write, so two writes that must happen together cost
 * one round trip to Postgres instead of two. Each store still writes only its
 * own tables: the event store supplies the CTEs that append an event
 * (events/event-store.ts), the request store ends the statement with its
 * update of the request (requests/request-store.ts).
 */
export interface StatementPrefix {
  /** `name as (…), …`, with `?` for each of `bindings`. */
  sql: string;
  bindings: readonly Knex.RawBinding[];
  /** Scalar SQL expressions over those CTEs, each returned beside the final write's row as `prefix_<name>`. */
  results: Readonly<Record<string, string>>;
  /**
   * SQL conditions over those CTEs that must hold, or the statement fails
   * (statement_guard, 40001). Only a statement run outside a transaction
   * applies them (see updateRequestAfter's `ifVersion`): inside one, the
   * writer checks `results` and a throw rolls everything back.
   */
  guards?: readonly string[];
}

/** Several prefixes as one, in the order given (their CTE names must differ). */
export function combinePrefixes(...parts: StatementPrefix[]): StatementPrefix {
  return {
    sql: parts.map((p) => p.sql).join(',\n'),
    bindings: parts.flatMap((p) => p.bindings),
    results: Object.assign({}, ...parts.map((p) => p.results)),
    guards: parts.flatMap((p) => p.guards ?? []),
  };
}

/** The select-list entries of a prefix's results, for the statement's final select. */
export function prefixResultColumns(prefix: StatementPrefix): string {
  return Object.entries(prefix.results)
    .map(([name, sql]) => `${sql} as prefix_${name}`)
    .join(', ');
}

/** The results of a prefix, by name, from the row the statement returned. */
export function prefixResultsOf(prefix: StatementPrefix, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(prefix.results).map((name) => [name, row[`prefix_${name}`]]));
}

/** A prefix run as a statement of its own, for a caller with nothing to end it with. */
export async function runPrefix(db: Db, prefix: StatementPrefix): Promise<Record<string, unknown>> {
  const columns = Object.keys(prefix.results).length ? prefixResultColumns(prefix) : '1 as none';
  const result = await db.raw(`with ${prefix.sql} select ${columns}`, prefix.bindings);
  return prefixResultsOf(prefix, (result.rows as Array<Record<string, unknown>>)[0] ?? {});
}
