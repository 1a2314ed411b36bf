import { Problem, conflict } from './problem';

// Postgres error codes that mean the client sent something the schema refuses.
// Mapping them here keeps a constraint violation from ever becoming a 500.
interface PgError {
  code: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

function isPgError(err: unknown): err is PgError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((err as { code: string }).code)
  );
}

// Messages per constraint name, so the client reads which field clashed.
const UNIQUE_MESSAGES: Record<string, string> = {
  users_org_email_unique: 'A user with this email already exists in the organization.',
  agencies_org_name_unique: 'An agency with this name already exists in the organization.',
};

/** Seconds a client is asked to wait before retrying while the database is out of reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket-level failures between this process and the database server. Handlers
// reach no other peer while answering (mail and IMAP run in jobs), so a socket
// error that reaches the error handler is the database's; a route that one day
// calls another service must map that service's failures itself.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// SQLSTATEs the server sends while it goes away or is not back yet:
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
// 53300 too_many_connections; class 08 is "connection exception".
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// Errors without a code: pg's for a socket that closed under a client, PGlite's
// for a closed instance, knex's when no pooled connection came free in time.
// knex prefixes a failed query's message with its SQL, so these match the end.
const UNAVAILABLE_MESSAGES = [
  /Connection terminated( unexpectedly)?$/,
  /Client has encountered a connection error and is not queryable$/,
  /Client was closed and is not queryable$/,
  /^PGlite is clos(ed|ing)$/,
  /^Knex: Timeout acquiring a connection/,
];

/**
 * True when `err` says the database cannot be reached right now (the server
 * stopped, restarts, refuses connections, or every connection is busy), as
 * opposed to something wrong with the query: the call may succeed if retried.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message, name } = err as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string') {
    if (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (name === 'KnexTimeoutError') return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}

/**
 * Whether `err` is Postgres refusing a statement prepared by name whose result
 * shape changed under it (db/prepared.ts): a migration run by another process.
 */
export function isStalePlan(err: unknown): boolean {
  return (
    isPgError(err) && err.code === '0A000' && /cached plan must not change result type/.test(String((err as { message?: unknown }).message))
  );
}

export const databaseUnavailable = () =>
  new Problem({
    status: 503,
    slug: 'database-unavailable',
    title: 'Service unavailable',
    detail: 'The database cannot be reached right now; retry the request shortly.',
    headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
  });

/** A 503 for a call that failed on something passing: the same call a second later should succeed. */
const retryAtOnce = (detail: string) =>
  new Problem({ status: 503, slug: 'retry', title: 'Service unavailable', detail, headers: { 'Retry-After': '1' } });

export function problemFromDatabaseError(err: unknown): Problem | undefined {
  if (isDatabaseUnavailable(err)) return databaseUnavailable();
  if (!isPgError(err)) return undefined;
  switch (err.code) {
    case '23505':
      return conflict(UNIQUE_MESSAGES[err.constraint ?? ''] ?? 'A resource with these values already exists.', 'duplicate');
    case '23503':
      return new Problem({ status: 400, slug: 'invalid-reference', title: 'Bad request', detail: 'A referenced resource does not exist.' });
    case '23502':
      return new Problem({
        status: 400,
        slug: 'missing-value',
        title: 'Bad request',
        detail: `A required value is missing${err.column ? `: ${err.column}` : ''}.`,
      });
    case '23514':
      return new Problem({ status: 400, slug: 'constraint', title: 'Bad request', detail: 'A value is outside what is allowed.' });
    case '22001':
      return new Problem({ status: 400, slug: 'too-long', title: 'Bad request', detail: 'A value is too long.' });
    case '22P02':
    case '22003': // numeric value out of range (e.g. a huge number for an int column)
    case '22P05':
    case '22021':
    case '22007':
    case '22008':
      return new Problem({ status: 400, slug: 'invalid-value', title: 'Bad request', detail: 'A value has the wrong format.' });
    case '0A000':
      // A migration changed a prepared statement's result under it; the next try uses a new one (db/prepared.ts).
      if (!isStalePlan(err)) return undefined;
      return retryAtOnce('The database schema changed during this request; retry it.');
    case '40001':
    case '40P01':
      return retryAtOnce('A concurrent change got in the way; retry the request.');
    default:
      return undefined;
  }
}
