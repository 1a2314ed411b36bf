import { clearedSessionCookie, csrfTokenFor, readCookie, sessionCookie } from '../../../server/sessions/session-cookie';

describe('the session cookie', () => {
  it('when a Cookie header holds several cookies, then only the named one is read, exactly', () => {
    expect(readCookie('a=1; rt_session=abc_-9; b=2', 'rt_session')).toBe('abc_-9');
    expect(readCookie('rt_session_old=x;rt_session=y', 'rt_session')).toBe('y');
    expect(readCookie('xrt_session=x', 'rt_session')).toBeUndefined();
    expect(readCookie('rt_session="quoted"', 'rt_session')).toBe('quoted');
    expect(readCookie('rt_session=a%2Bb', 'rt_session')).toBe('a+b');
    expect(readCookie('rt_session=%E0%A4%A', 'rt_session')).toBe('%E0%A4%A');
    expect(readCookie('rt_session=', 'rt_session')).toBeUndefined();
    expect(readCookie('junk; =; rt_session', 'rt_session')).toBeUndefined();
    expect(readCookie(undefined, 'rt_session')).toBeUndefined();
  });

  it('when set, then it is HttpOnly, SameSite=Lax and Path=/, Secure only when asked; cleared, it expires at once', () => {
    expect(sessionCookie('s', { maxAgeSeconds: 60.7, secure: false })).toBe('rt_session=s; Path=/; Max-Age=60; HttpOnly; SameSite=Lax');
    expect(sessionCookie('s', { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toBe(
      'rt_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
  });

  it('when a CSRF token is derived, then it is stable for one secret, differs between secrets, and is not the secret', () => {
    expect(csrfTokenFor('one')).toBe(csrfTokenFor('one'));
    expect(csrfTokenFor('one')).not.toBe(csrfTokenFor('two'));
    expect(csrfTokenFor('one')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
