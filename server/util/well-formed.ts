// ES2024 string methods (Node ≥ 20 has them); the project's lib is ES2023.
interface Es2024String {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/**
 * The string as the database will store it: a lone UTF-16 surrogate becomes
 * U+FFFD. Postgres keeps UTF-8, so text columns already turn one into U+FFFD
 * (and jsonb refuses its \ud800 escape); hashing the JS string instead would
 * make the chain disagree with its own rows.
 */
export function wellFormedString(s: string): string {
  const es = s as unknown as Es2024String;
  return es.isWellFormed() ? s : es.toWellFormed();
}

/** wellFormedString applied to every string in a JSON-like value, object keys included. */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return wellFormedString(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => wellFormed(v)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormedString(k), wellFormed(v)])) as T;
  }
  return value;
}

/**
 * At most `max` UTF-16 units of `s`, never ending on half of a surrogate pair
 * (a cut emoji would otherwise leave a lone surrogate behind).
 */
export function truncateText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.charCodeAt(max - 1);
  return s.slice(0, cut >= 0xd800 && cut <= 0xdbff ? max - 1 : max);
}
