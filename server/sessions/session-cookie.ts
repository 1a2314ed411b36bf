import { createHmac, randomBytes } from 'node:crypto';

/** The cookie that carries a browser session's secret. */
export const SESSION_COOKIE = 'rt_session';

/** A fresh secret for a sign-in link or a session: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The session's CSRF token: an HMAC keyed by the session secret. Only the
 * holder of the cookie can compute it, the database never holds it, and a
 * page of this origin can read it again (GET /v1/auth/session) after a reload.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('rt-csrf-v1').digest('base64url');
}

/**
 * The value of one cookie in a Cookie header, or undefined. Parsed by hand:
 * pairs split on ';', name and value on the first '='; a quoted value is
 * unquoted; a malformed percent-escape leaves the value as sent.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value: it simply will not match any session
    }
    return value === '' ? undefined : value;
  }
  return undefined;
}

export interface CookieOptions {
  /** Seconds until the browser drops the cookie; 0 clears it now. */
  maxAgeSeconds: number;
  secure: boolean;
}

/** The Set-Cookie value for the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS. */
export function sessionCookie(value: string, opts: CookieOptions): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (opts.maxAgeSeconds <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Set-Cookie that makes the browser forget the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { maxAgeSeconds: 0, secure });
}

export const isHttps = (publicUrl: string) => publicUrl.toLowerCase().startsWith('https:');
