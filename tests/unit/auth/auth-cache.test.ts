import { AuthCache, type AuthEntry } from '../../../server/auth/auth-cache';

const entry: AuthEntry = {
  caller: {
    kind: 'user',
    userId: 'u',
    organizationId: 'o',
    role: 'reporter',
    email: 'r@example.org',
    name: 'R',
    credential: { kind: 'token', id: 't' },
  },
  expiresAt: null,
  lastUsedAt: null,
};

describe('AuthCache', () => {
  it('when the process stops hearing other processes, then it forgets everything and caches nothing until it hears again', () => {
    const cache = new AuthCache(10_000);
    cache.set('a', entry, 0, cache.generation);
    expect(cache.get('a', 1)).toBe(entry);

    cache.setListening(false);
    expect(cache.get('a', 2)).toBeUndefined();
    cache.set('b', entry, 3, cache.generation);
    expect(cache.get('b', 4)).toBeUndefined();

    cache.setListening(true);
    expect(cache.get('b', 5)).toBeUndefined();
    cache.set('b', entry, 6, cache.generation);
    expect(cache.get('b', 7)).toBe(entry);
  });

  it('when an entry is older than the TTL, then it is not served (a lost notification is bounded)', () => {
    const cache = new AuthCache(10_000);
    cache.set('a', entry, 0, cache.generation);
    expect(cache.get('a', 10_000)).toBe(entry);
    expect(cache.get('a', 10_001)).toBeUndefined();
  });
});
