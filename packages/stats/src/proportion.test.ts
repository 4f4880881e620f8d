import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from './proportion.ts';

// Published reference values: Newcombe (1998), Statistics in Medicine 17:857-872, Table I,
// method 3 (Wilson score), four decimals. 10/10 follows from 0/10 by symmetry.
const reference: [number, number, number, number][] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0, 0.1611],
  [1, 29, 0.0061, 0.1718],
  [0, 10, 0, 0.2775],
  [10, 10, 0.7225, 1],
];

describe('wilsonInterval', () => {
  it('matches reference values', () => {
    for (const [x, n, lower, upper] of reference) {
      const r = wilsonInterval(x, n);
      expect(r.lower).toBeCloseTo(lower, 3);
      expect(r.upper).toBeCloseTo(upper, 3);
    }
  });

  it('always contains the estimate and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const x = Math.round(f * n);
          const r = wilsonInterval(x, n);
          return (
            r.lower >= 0 &&
            r.upper <= 1 &&
            r.lower <= r.estimate + 1e-12 &&
            r.estimate <= r.upper + 1e-12
          );
        },
      ),
    );
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
  });
});
