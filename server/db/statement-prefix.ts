import type { Knex } from 'knex';

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
  /** A scalar SQL expression over those CTEs, returned beside the final write's row as `prefix_result`. */
  result: string;
}
