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

export function problemFromDatabaseError(err: unknown): Problem | undefined {
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
    case '40001':
    case '40P01':
      return new Problem({
        status: 503,
        slug: 'retry',
        title: 'Service unavailable',
        detail: 'A concurrent change got in the way; retry the request.',
        headers: { 'Retry-After': '1' },
      });
    default:
      return undefined;
  }
}
