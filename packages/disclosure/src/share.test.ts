import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { presentShare, type ShownShare } from './share.ts';

const rules = { minGroupSize: 5, minOpenAnswerGroupSize: 10 };

describe('presentShare', () => {
  it('gives no number for fewer than k answers', () => {
    expect(presentShare(4, 4, rules)).toEqual({ kind: 'suppressed' });
    expect(presentShare(0, 0, rules)).toEqual({ kind: 'suppressed' });
  });

  it('puts 4 and 5 of 5 in the same band, so "≥ 80 %" does not say that all five agreed', () => {
    expect(presentShare(5, 5, rules)).toEqual({ kind: 'coarsened', bound: 'atLeast', value: 0.8 });
    expect(presentShare(4, 5, rules)).toEqual({ kind: 'coarsened', bound: 'atLeast', value: 0.8 });
    expect(presentShare(3, 5, rules)).toEqual({ kind: 'exact', value: 0.6 });
    expect(presentShare(1, 5, rules)).toEqual({ kind: 'coarsened', bound: 'atMost', value: 0.2 });
    expect(presentShare(0, 5, rules)).toEqual({ kind: 'coarsened', bound: 'atMost', value: 0.2 });
  });

  it('rounds bands outwards to whole multiples of 5 %', () => {
    expect(presentShare(8, 8, rules)).toEqual({ kind: 'coarsened', bound: 'atLeast', value: 0.85 });
    expect(presentShare(0, 8, rules)).toEqual({ kind: 'coarsened', bound: 'atMost', value: 0.15 });
    expect(presentShare(2, 8, rules)).toEqual({ kind: 'exact', value: 0.25 });
  });

  it('shows unanimous shares exactly from coarsenSharesBelow answers on', () => {
    expect(presentShare(10, 10, rules)).toEqual({ kind: 'exact', value: 1 });
    expect(presentShare(19, 20, { ...rules, coarsenSharesBelow: 25 })).toEqual({
      kind: 'coarsened',
      bound: 'atLeast',
      value: 0.9,
    });
  });

  it('refuses counts that are not whole numbers 0 ≤ successes ≤ n', () => {
    expect(() => presentShare(6, 5, rules)).toThrow(RangeError);
    expect(() => presentShare(-1, 5, rules)).toThrow(RangeError);
    expect(() => presentShare(1.5, 5, rules)).toThrow(RangeError);
  });

  const setting = fc.integer({ min: 2, max: 20 }).chain((k) =>
    fc.record({
      k: fc.constant(k),
      below: fc.integer({ min: k, max: 40 }),
      n: fc.integer({ min: 0, max: 45 }),
    }),
  );
  const same = (a: ShownShare, b: ShownShare) => JSON.stringify(a) === JSON.stringify(b);

  it('never lets a band or a small-group share pin down that everyone answered alike', () => {
    fc.assert(
      fc.property(setting, ({ k, below, n }) => {
        const r = {
          minGroupSize: k,
          minOpenAnswerGroupSize: Math.max(k, 10),
          coarsenSharesBelow: below,
        };
        const shown = Array.from({ length: n + 1 }, (_, s) => presentShare(s, n, r));
        const wrong = shown.filter((p, s) => {
          if (n < k && p.kind !== 'suppressed') return true;
          if (p.kind === 'coarsened')
            // Some other count must look the same, and the band must be true.
            return (
              shown.filter((q) => same(p, q)).length < 2 ||
              (p.bound === 'atLeast' ? s / n < p.value : s / n > p.value)
            );
          if (p.kind === 'exact') return p.value !== s / n || (n < below && (s === 0 || s === n));
          return false;
        });
        expect(wrong).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
