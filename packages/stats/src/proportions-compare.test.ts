import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareProportions, rateRatio } from './proportions-compare.ts';

// Newcombe (1998), "Interval estimation for the difference between independent proportions:
// comparison of eleven methods", Statistics in Medicine 17:873–890, Table II, method 10 (hybrid
// score interval from Wilson limits), four decimals.
const newcombe: [number, number, number, number, number, number][] = [
  [56, 70, 48, 80, 0.0524, 0.3339],
  [9, 10, 3, 10, 0.1705, 0.809],
  [6, 7, 2, 7, 0.0582, 0.8062],
  [5, 56, 0, 29, -0.0381, 0.1926],
  [0, 10, 0, 20, -0.1611, 0.2775],
  [0, 10, 0, 10, -0.2775, 0.2775],
  [10, 10, 0, 20, 0.6791, 1],
  [10, 10, 0, 10, 0.6075, 1],
];

describe('compareProportions', () => {
  it('reproduces Newcombe’s hybrid score intervals (1998, Table II, method 10)', () => {
    for (const [xA, nA, xB, nB, lower, upper] of newcombe) {
      const { difference } = compareProportions(xA, nA, xB, nB);
      expect(difference.estimate).toBeCloseTo(xA / nA - xB / nB, 12);
      expect(difference.lower).toBeCloseTo(lower, 4);
      expect(difference.upper).toBeCloseTo(upper, 4);
    }
  });

  it('gives the pooled z-test, whose square is Pearson’s χ² without continuity correction', () => {
    // 56/70 vs 48/80: χ² = 7.0234, p = 0.00805 (scipy.stats.chi2_contingency, correction=False).
    const { test } = compareProportions(56, 70, 48, 80);
    expect(test.reason).toBeNull();
    expect(test.z! ** 2).toBeCloseTo(7.0234, 4);
    expect(test.p).toBeCloseTo(0.00805, 5);
    // 5/56 vs 0/29: χ² = 2.7511, p = 0.0972.
    const second = compareProportions(5, 56, 0, 29).test;
    expect(second.z! ** 2).toBeCloseTo(2.7511, 4);
    expect(second.p).toBeCloseTo(0.0972, 4);
  });

  it('claims no significance when a group has fewer than 10 records', () => {
    const r = compareProportions(6, 7, 2, 7);
    expect(r.test).toEqual({ z: null, p: null, reason: expect.stringMatching(/Too few/) });
    expect(r.difference.lower).toBeCloseTo(0.0582, 4);
  });

  it('claims no significance when all or none of the records are successes', () => {
    expect(compareProportions(0, 10, 0, 20).test.reason).toMatch(/No variation/);
    expect(compareProportions(12, 12, 30, 30).test.p).toBeNull();
  });

  it('serves as the outcome test: hit rates of searches by group (Knowles, Persico & Todd 2001)', () => {
    // 120 hits in 1,000 searches of group A against 300 in 1,500 of group B.
    const r = compareProportions(120, 1000, 300, 1500);
    expect(r.difference.estimate).toBeCloseTo(-0.08, 12);
    expect(r.difference.upper).toBeLessThan(0);
    expect(r.test.p!).toBeLessThan(0.001);
  });

  it('stays within [−1, 1], contains the estimate, and mirrors when the groups swap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (nA, nB, fA, fB) => {
          const [xA, xB] = [Math.round(fA * nA), Math.round(fB * nB)];
          const r = compareProportions(xA, nA, xB, nB);
          const s = compareProportions(xB, nB, xA, nA);
          const d = r.difference;
          return (
            d.lower >= -1 - 1e-12 &&
            d.upper <= 1 + 1e-12 &&
            d.lower <= d.estimate + 1e-12 &&
            d.estimate <= d.upper + 1e-12 &&
            Math.abs(d.lower + s.difference.upper) < 1e-12 &&
            Math.abs(d.upper + s.difference.lower) < 1e-12
          );
        },
      ),
    );
  });

  it('refuses impossible counts', () => {
    expect(() => compareProportions(11, 10, 1, 10)).toThrow(RangeError);
    expect(() => compareProportions(1, 10, -1, 10)).toThrow(RangeError);
    expect(() => compareProportions(1.5, 10, 1, 10)).toThrow(RangeError);
  });
});

describe('rateRatio', () => {
  it('gives rates per 1,000 residents and the ratio with a log-scale interval', () => {
    // 120 controls among 40,000 residents against 300 among 300,000: 3 and 1 per 1,000.
    // Interval exp(log 3 ± 1.959964·√(1/120 + 1/300)) = 2.4276 to 3.7073.
    const r = rateRatio(120, 40_000, 300, 300_000);
    expect(r.a.ratePer1000).toBeCloseTo(3, 12);
    expect(r.b.ratePer1000).toBeCloseTo(1, 12);
    expect(r.ratio).toBeCloseTo(3, 12);
    expect(r.lower).toBeCloseTo(2.4276, 4);
    expect(r.upper).toBeCloseTo(3.7073, 4);
    expect(r.test.z).toBeCloseTo(Math.log(3) / Math.sqrt(1 / 120 + 1 / 300), 10);
    expect(r.test.p!).toBeLessThan(1e-20);
  });

  it('allows more controls than residents (repeat stops, visitors)', () => {
    const r = rateRatio(900, 600, 50, 1000);
    expect(r.a.ratePer1000).toBe(1500);
    expect(r.ratio).toBeCloseTo(30, 10);
  });

  it('gives no interval or test when a group has fewer than 10 events', () => {
    const r = rateRatio(9, 10_000, 100, 50_000);
    expect(r.ratio).toBeCloseTo(0.45, 10);
    expect(r.lower).toBeNull();
    expect(r.upper).toBeNull();
    expect(r.test.reason).toMatch(/Too few events/);
    expect(rateRatio(20, 1000, 0, 1000).ratio).toBeNull();
  });

  it('is symmetric: swapping the groups inverts the ratio and its interval', () => {
    const r = rateRatio(45, 12_000, 80, 70_000);
    const s = rateRatio(80, 70_000, 45, 12_000);
    expect(s.ratio).toBeCloseTo(1 / r.ratio!, 12);
    expect(s.lower).toBeCloseTo(1 / r.upper!, 12);
    expect(s.test.p).toBeCloseTo(r.test.p!, 12);
  });

  it('refuses empty populations and malformed counts', () => {
    expect(() => rateRatio(1, 0, 1, 10)).toThrow(RangeError);
    expect(() => rateRatio(-1, 10, 1, 10)).toThrow(RangeError);
    expect(() => rateRatio(1, 10.5, 1, 10)).toThrow(RangeError);
  });
});
