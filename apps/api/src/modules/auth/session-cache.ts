/**
 * A short-lived, in-process cache of resolved sessions (token hash → account, person, grants),
 * so a busy client's requests do not each read the same session and grants again.
 *
 * Staleness is bounded: an entry lives at most `ttlMs` (and never past the session's own
 * expiry). Changes made through this process's services (sign-out, role switch, grants given or
 * revoked, an account disabled, grants re-read at an OpenID Connect sign-in) drop entries at
 * once; a change made by another API process or by the `pvi` command line is seen within `ttlMs`.
 * `ttlMs = 0` turns the cache off.
 */
export interface SessionCache<T> {
  /** The cached value, when there is one that is still fresh at `now` (ms). */
  get(tokenHash: string, now: number): T | undefined;
  /**
   * Taken before reading the database; `set` with a ticket older than the last `forget` is
   * ignored, so a read that raced with a change cannot put the old state back.
   */
  ticket(): number;
  set(tokenHash: string, value: T, ticket: number, now: number, expiresAt: number): void;
  forget(tokenHash: string): void;
  forgetAll(): void;
  readonly size: number;
}

export function createSessionCache<T>(options: {
  ttlMs: number;
  maxEntries?: number;
}): SessionCache<T> {
  const { ttlMs } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: T; until: number }>();
  let generation = 0;

  return {
    get(tokenHash, now) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (entry.until <= now) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.value;
    },
    ticket: () => generation,
    set(tokenHash, value, ticket, now, expiresAt) {
      if (ttlMs <= 0 || ticket !== generation) return;
      const until = Math.min(now + ttlMs, expiresAt);
      if (until <= now) return;
      // Oldest first out: Map keeps insertion order, and a refreshed entry moves to the end.
      entries.delete(tokenHash);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(tokenHash, { value, until });
    },
    forget(tokenHash) {
      generation++;
      entries.delete(tokenHash);
    },
    forgetAll() {
      generation++;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
