import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileKnots, restrictedCubicSplineBasis, weightedQuantile } from './splines.ts';

const knots = [2, 5, 7, 11, 16];
const combine = (x: number, coef: readonly number[], ks: readonly number[]): number =>
  restrictedCubicSplineBasis(x, ks).reduce((s, b, i) => s + b * coef[i]!, 0);

describe('restrictedCubicSplineBasis', () => {
  it('has knots − 1 columns, the first being x itself', () => {
    for (let k = 3; k <= 7; k += 1) {
      const ks = Array.from({ length: k }, (_, i) => i * 1.5);
      const row = restrictedCubicSplineBasis(4.2, ks);
      expect(row).toHaveLength(k - 1);
      expect(row[0]).toBe(4.2);
    }
  });

  it('matches values worked by hand from Harrell’s formula', () => {
    // Knots 0, 1, 2 at x = 3: (27 − 8·2 + 1·1) / 2² = 3.
    expect(restrictedCubicSplineBasis(3, [0, 1, 2])).toEqual([3, 3]);
    // Knots 1, 2, 3, 4 at x = 3.5: (15.625 − 0.125·3) / 9 and (3.375 − 0.125·2) / 9.
    const row = restrictedCubicSplineBasis(3.5, [1, 2, 3, 4]);
    expect(row[1]).toBeCloseTo(15.25 / 9, 12);
    expect(row[2]).toBeCloseTo(3.125 / 9, 12);
  });

  it('is zero in every nonlinear column below the first knot', () => {
    expect(restrictedCubicSplineBasis(1.9, knots).slice(1)).toEqual([0, 0, 0]);
  });

  it('is linear beyond the boundary knots (zero second differences)', () => {
    for (const [a, step] of [
      [16.5, 3],
      [-40, 7],
    ] as const) {
      const r0 = restrictedCubicSplineBasis(a, knots);
      const r1 = restrictedCubicSplineBasis(a + step, knots);
      const r2 = restrictedCubicSplineBasis(a + 2 * step, knots);
      r0.forEach((v, j) => {
        expect(r2[j]! - 2 * r1[j]! + v).toBeCloseTo(0, 9);
      });
    }
  });

  it('gives every combination a continuous value, slope and curvature at the knots', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (coef) => {
          const f = (x: number): number => combine(x, coef, knots);
          const e = 1e-4;
          return knots.every((t) => {
            const jump = Math.abs(f(t + e) - f(t - e));
            const slopeRight = (f(t + 2 * e) - f(t + e)) / e;
            const slopeLeft = (f(t - e) - f(t - 2 * e)) / e;
            const curveRight = (f(t + 3 * e) - 2 * f(t + 2 * e) + f(t + e)) / (e * e);
            const curveLeft = (f(t - e) - 2 * f(t - 2 * e) + f(t - 3 * e)) / (e * e);
            return (
              jump < 1e-2 &&
              Math.abs(slopeRight - slopeLeft) < 1e-2 &&
              Math.abs(curveRight - curveLeft) < 0.05
            );
          });
        },
      ),
    );
  });

  it('gives every combination zero curvature beyond the last knot', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 16.01, max: 100, noNaN: true }),
        (coef, x) => {
          const f = (v: number): number => combine(v, coef, knots);
          return Math.abs(f(x + 2) - 2 * f(x + 1) + f(x)) < 1e-7 * (1 + Math.abs(f(x)));
        },
      ),
    );
  });

  it('refuses too few, unsorted or non-finite knots and a non-finite x', () => {
    expect(() => restrictedCubicSplineBasis(1, [0, 1])).toThrow(RangeError);
    expect(() => restrictedCubicSplineBasis(1, [0, 2, 1])).toThrow(RangeError);
    expect(() => restrictedCubicSplineBasis(1, [0, 1, Number.NaN])).toThrow(RangeError);
    expect(() => restrictedCubicSplineBasis(Number.POSITIVE_INFINITY, [0, 1, 2])).toThrow(
      RangeError,
    );
  });
});

describe('weightedQuantile and quantileKnots', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('matches R quantile(1:100, type = 7) at Harrell’s five-knot quantiles', () => {
    const expected = [5.95, 28.225, 50.5, 72.775, 95.05];
    quantileKnots(oneToHundred, 5).forEach((k, i) => {
      expect(k).toBeCloseTo(expected[i]!, 10);
    });
  });

  it('gives grouped counts the quantiles of the records they summarise', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 6 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (groups, p) => {
          if (groups.every(([, w]) => w === 0)) return true;
          const expanded = groups.flatMap(([v, w]) => Array<number>(w).fill(v));
          const grouped = weightedQuantile(
            groups.map(([v]) => v),
            p,
            groups.map(([, w]) => w),
          );
          return Math.abs(grouped - weightedQuantile(expanded, p)) < 1e-9;
        },
      ),
    );
  });

  it('refuses knots it cannot separate, and bad counts', () => {
    expect(() => quantileKnots([1, 1, 1, 1, 2], 5)).toThrow(/fewer knots/);
    expect(() => quantileKnots(oneToHundred, 8)).toThrow(RangeError);
    expect(() => weightedQuantile([1, 2], 0.5, [1, 0.5])).toThrow(RangeError);
    expect(() => weightedQuantile([1, 2], 0.5, [0, 0])).toThrow(RangeError);
    expect(() => weightedQuantile([1, 2], 1.5)).toThrow(RangeError);
  });
});
