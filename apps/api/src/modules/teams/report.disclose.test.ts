import { describe, expect, it } from 'vitest';
import { sampleVariance } from './report.disclose.ts';

const sums = (xs: number[]) => ({
  n: xs.length,
  sum: xs.reduce((a, x) => a + x, 0),
  sumsq: xs.reduce((a, x) => a + x * x, 0),
});

describe('sampleVariance', () => {
  it('is the sample variance of the scores', () => {
    expect(sampleVariance(sums([1, 2, 3, 4]))).toBeCloseTo(5 / 3, 12);
    expect(sampleVariance(sums([4]))).toBe(0);
  });

  it('is 0 when every score is the same, whatever rounding the sums carry', () => {
    const x = Math.fround(11 / 3);
    const same = sums(Array.from({ length: 997 }, () => x));
    expect(same.sumsq - same.n * (same.sum / same.n) ** 2).not.toBe(0); // the rounding is there
    expect(sampleVariance(same)).toBe(0);
    expect(sampleVariance({ ...same, sumsq: same.sumsq * (1 + 4e-16) })).toBe(0);
  });

  it('keeps the smallest real spread: one score among 65,000 differing by 1/64', () => {
    const xs = Array.from({ length: 65_000 }, () => 5);
    xs[0] = 5 - 1 / 64;
    expect(sampleVariance(sums(xs))).toBeGreaterThan(0);
  });
});
