import { describe, expect, it } from 'vitest';
import { parsePseudonymKeys, pseudonymCandidates, pseudonymise } from './pseudonym.ts';

const k = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('pseudonym keys', () => {
  it('parses versions newest first and refuses short or malformed keys', () => {
    const keys = parsePseudonymKeys(`v2:${k(2)},v1:${k(1)}`);
    expect(keys.map((x) => x.version)).toEqual(['v2', 'v1']);
    expect(parsePseudonymKeys(undefined)).toEqual([]);
    expect(() => parsePseudonymKeys('v1:c2hvcnQ=')).toThrow(/at least 32/);
    expect(() => parsePseudonymKeys(k(1))).toThrow(/VERSION:BASE64/);
    expect(() => parsePseudonymKeys(`v1:${k(1)},v1:${k(2)}`)).toThrow(/twice/);
  });
  it('gives the same pseudonym for the same subject however it is written', () => {
    const [key] = parsePseudonymKeys(`v1:${k(1)}`);
    expect(pseudonymise(key!, 'vehicle', 'ab-12-cd')).toBe(pseudonymise(key!, 'vehicle', 'AB12CD'));
    expect(pseudonymise(key!, 'vehicle', 'AB12CD')).not.toBe(
      pseudonymise(key!, 'person', 'AB12CD'),
    );
    expect(pseudonymise(key!, 'person', '111222333')).toMatch(/^[0-9a-f]{64}$/);
  });
  it('computes a candidate under every configured key', () => {
    const keys = parsePseudonymKeys(`v2:${k(2)},v1:${k(1)}`);
    const c = pseudonymCandidates(keys, 'person', '111222333');
    expect(c.map((x) => x.version)).toEqual(['v2', 'v1']);
    expect(c[0]!.hash).not.toBe(c[1]!.hash);
  });
});
