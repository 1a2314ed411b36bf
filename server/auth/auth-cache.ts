import type { UserCaller } from './caller';

export interface AuthEntry {
  caller: UserCaller;
  expiresAt: Date | null;
  /** Sessions only: when the session ends unless used again. Mutable: moved forward with lastUsedAt. */
  idleExpiresAt?: Date;
  /** Mutable: authenticate() moves it forward when it records a use. */
  lastUsedAt: Date | null;
}

/** How long a cached token is trusted without looking again: the bound on a lost notification. */
export const AUTH_CACHE_TTL_MS = 10_000;

/**
 * Remembers which user a token or session hash belongs to for a few seconds, so a read
 * costs one query instead of two. Any change to tokens, sessions or users clears it in
 * this process at once and, on a Postgres server, in every other process
 * through NOTIFY. While this process cannot hear those notifications (its
 * listening connection is down) it caches nothing, so a revocation made
 * meanwhile is never missed; the TTL bounds staleness should a notification
 * be lost on a connection that has not noticed it is dead.
 */
export class AuthCache {
  private readonly entries = new Map<string, { entry: AuthEntry; cachedAt: number }>();
  /** Bumped by clear(); a lookup that began before a change must not cache its result. */
  private generationValue = 0;
  private deaf = false;

  constructor(
    private readonly ttlMs = AUTH_CACHE_TTL_MS,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string, nowMs: number): AuthEntry | undefined {
    if (this.deaf) return undefined;
    const found = this.entries.get(hash);
    if (!found) return undefined;
    if (nowMs - found.cachedAt > this.ttlMs || nowMs < found.cachedAt) {
      this.entries.delete(hash);
      return undefined;
    }
    return found.entry;
  }

  get generation(): number {
    return this.generationValue;
  }

  set(hash: string, entry: AuthEntry, nowMs: number, generationAtRead: number): void {
    if (this.deaf || generationAtRead !== this.generationValue) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(hash, { entry, cachedAt: nowMs });
  }

  clear(): void {
    this.generationValue += 1;
    this.entries.clear();
  }

  /**
   * false: changes made by other processes may go unheard from now on, so
   * forget everything and stop caching; true: hearing again, cache again.
   */
  setListening(listening: boolean): void {
    this.clear();
    this.deaf = !listening;
  }
}

/** Channel on which processes tell each other that tokens, sessions or users changed. */
export const AUTH_CHANGED_CHANNEL = 'rt_auth_changed';
