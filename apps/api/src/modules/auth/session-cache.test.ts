import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.ts';

const FAR = Number.MAX_SAFE_INTEGER;

describe('session cache', () => {
  it('serves an entry for at most its time to live', () => {
    const cache = createSessionCache<string>({ ttlMs: 5000 });
    cache.set('a', 'ctx', cache.ticket(), 1000, FAR);
    expect(cache.get('a', 1000)).toBe('ctx');
    expect(cache.get('a', 5999)).toBe('ctx');
    expect(cache.get('a', 6000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never serves a session past its own expiry', () => {
    const cache = createSessionCache<string>({ ttlMs: 5000 });
    cache.set('a', 'ctx', cache.ticket(), 1000, 3000);
    expect(cache.get('a', 2999)).toBe('ctx');
    expect(cache.get('a', 3000)).toBeUndefined();
    cache.set('b', 'ctx', cache.ticket(), 1000, 1000);
    expect(cache.get('b', 1000)).toBeUndefined();
  });

  it('forgets one session, or all', () => {
    const cache = createSessionCache<string>({ ttlMs: 5000 });
    for (const k of ['a', 'b', 'c']) cache.set(k, k, cache.ticket(), 0, FAR);
    cache.forget('a');
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBe('b');
    cache.forgetAll();
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBeUndefined();
  });

  it('does not keep a value read before a change that was forgotten meanwhile', () => {
    const cache = createSessionCache<string>({ ttlMs: 5000 });
    const before = cache.ticket();
    // … the database is read; meanwhile a grant is revoked and the cache told …
    cache.forgetAll();
    cache.set('a', 'old grants', before, 0, FAR);
    expect(cache.get('a', 1)).toBeUndefined();
    const after = cache.ticket();
    cache.set('a', 'new grants', after, 0, FAR);
    expect(cache.get('a', 1)).toBe('new grants');
    const stale = cache.ticket();
    cache.forget('b');
    cache.set('a', 'raced', stale, 0, FAR);
    expect(cache.get('a', 1)).toBe('new grants');
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const cache = createSessionCache<number>({ ttlMs: 5000, maxEntries: 3 });
    for (let i = 0; i < 5; i++) cache.set(`k${i}`, i, cache.ticket(), 0, FAR);
    expect(cache.size).toBe(3);
    expect(cache.get('k0', 1)).toBeUndefined();
    expect(cache.get('k1', 1)).toBeUndefined();
    expect(cache.get('k4', 1)).toBe(4);
  });

  it('is off with a time to live of 0', () => {
    const cache = createSessionCache<string>({ ttlMs: 0 });
    cache.set('a', 'ctx', cache.ticket(), 0, FAR);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
