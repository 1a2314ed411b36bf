import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

// Tokens are 32 random bytes; only their SHA-256 is stored, so a database
// leak yields nothing that authenticates. The prefix tells kinds apart in logs
// and lets users recognise a token in a list without revealing it.
export const TOKEN_PREFIXES = { api: 'rt_', calendar: 'rtcal_' } as const;
export type TokenKind = keyof typeof TOKEN_PREFIXES;

export function generateToken(kind: TokenKind): string {
  return TOKEN_PREFIXES[kind] + randomBytes(32).toString('base64url');
}

// crypto.hash: one call, no Hash object; it runs on every authenticated request.
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** The part of a token safe to show in lists: its kind prefix and first characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, token.indexOf('_') + 7);
}

/** Compares secrets in time independent of where they differ. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = hash('sha256', a, 'buffer');
  const hb = hash('sha256', b, 'buffer');
  return timingSafeEqual(ha, hb);
}
