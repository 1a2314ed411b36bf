import type { UserCaller } from './caller';

export interface AuthEntry {
  caller: UserCaller;
  expiresAt: Date | null;
  /** Mutable: authenticate() moves it forward when it records a use. */
  lastUsedAt: Date | null;
}

/**
 * Remembers which user a token hash belongs to for a few seconds, so a read
 * costs one query instead of two. Any change to tokens or users clears it in
 * this process at once and, on a Postgres server, in every other process
 * through NOTIFY; the TTL bounds staleness if a notification is ever missed.
 */
export class AuthCache {
  private readonly entries = new Map<string, { entry: AuthEntry; cachedAt: number }>();
  /** Bumped by clear(); a lookup that began before a change must not cache its result. */
  private generationValue = 0;

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string, nowMs: number): AuthEntry | undefined {
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
    if (generationAtRead !== this.generationValue) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(hash, { entry, cachedAt: nowMs });
  }

  clear(): void {
    this.generationValue += 1;
    this.entries.clear();
  }
}

/** Channel on which processes tell each other that tokens or users changed. */
export const AUTH_CHANGED_CHANNEL = 'rt_auth_changed';
