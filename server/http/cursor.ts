import { validationProblem } from '../errors/problem';

// Cursors are opaque to clients: base64url JSON of the last row's sort key.
// They carry no authority; every list query is still scoped to the caller's
// organization, so a forged cursor can only skip rows the caller may see.

export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): Array<string | number> | undefined {
  if (cursor === undefined) return undefined;
  const bad = validationProblem([{ in: 'query', field: 'cursor', message: 'Not a cursor from this API.' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  if (!Array.isArray(parsed) || parsed.length !== arity) throw bad;
  if (!parsed.every((v) => typeof v === 'string' || typeof v === 'number')) throw bad;
  return parsed as Array<string | number>;
}

/** Splits a fetched page of limit+1 rows into the page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Array<string | number>) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
