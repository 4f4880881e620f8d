import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
} from './distributions.ts';

// Unless stated otherwise, expected values come from packages/stats/reference/
// distributions_reference.py (Python standard library, independent methods: math.lgamma,
// statistics.NormalDist, the exact finite sums of Abramowitz & Stegun 26.7.3/26.7.4 for Student's t
// with integer df, exact rational binomial sums for the incomplete beta).

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

const probability = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });
const degreesOfFreedom = fc.double({ min: 0.5, max: 1e4, noNaN: true });

describe('logGamma', () => {
  it('matches math.lgamma', () => {
    const reference: [number, number][] = [
      [0.5, 0.5723649429247004], // ln √π
      [1, 0],
      [3.5, 1.2009736023470738],
      [10, 12.801827480081467], // ln 9!
      [100, 359.1342053695754],
      [1234.5, 7550.550901077896],
    ];
    for (const [x, expected] of reference) {
      expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, expected));
    }
  });

  it('satisfies Γ(x + 1) = x·Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (x) => {
        const difference = logGamma(x + 1) - logGamma(x) - Math.log(x);
        return Math.abs(difference) <= 1e-12 * Math.max(1, Math.abs(logGamma(x + 1)));
      }),
    );
  });

  it('rejects x ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-2.5)).toThrow(/x > 0/);
    expect(() => logGamma(Number.NaN)).toThrow(RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches exact binomial sums for integer a and b', () => {
    const reference: [number, number, number, number][] = [
      [0.3, 3, 7, 0.537168834],
      [0.5, 2, 3, 0.6875], // 11/16
      [0.9, 10, 2, 0.6973568802],
      [0.05, 1, 30, 0.7853612360570624],
      [0.62, 12, 9, 0.6659178556983706],
    ];
    for (const [x, a, b, expected] of reference) {
      expectRelative(regularizedIncompleteBeta(x, a, b), expected, 1e-13);
    }
  });

  it('matches closed forms: I_x(a, 1) = xᵃ and I_x(½, ½) = (2/π)·asin(√x)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (x, a) => {
          const power = Math.abs(regularizedIncompleteBeta(x, a, 1) - x ** a) <= 1e-13;
          const arcsine =
            Math.abs(
              regularizedIncompleteBeta(x, 0.5, 0.5) - (2 / Math.PI) * Math.asin(Math.sqrt(x)),
            ) <= 1e-13;
          return power && arcsine;
        },
      ),
    );
  });

  it('is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a), and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        // Away from 0 and 1, where rounding 1 − x would move a steep function.
        fc.double({ min: 1e-3, max: 1 - 1e-3, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        (x, a, b) => {
          const value = regularizedIncompleteBeta(x, a, b);
          const mirrored = 1 - regularizedIncompleteBeta(1 - x, b, a);
          return value >= 0 && value <= 1 && Math.abs(value - mirrored) <= 1e-12;
        },
      ),
    );
  });

  it('rejects bad arguments', () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(/0 ≤ x ≤ 1/);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(/a, b > 0/);
    expect(() => regularizedIncompleteBeta(0.5, 1, Infinity)).toThrow(RangeError);
  });
});

describe('normalCdf', () => {
  it('matches statistics.NormalDist', () => {
    const reference: [number, number][] = [
      [-3, 0.0013498980316301035],
      [-1.959963984540054, 0.025000000000000022],
      [-1, 0.15865525393145707],
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [1, 0.8413447460685429],
      [2.5, 0.9937903346742238],
      [6, 0.9999999990134123],
    ];
    for (const [x, expected] of reference) expect(normalCdf(x)).toBeCloseTo(expected, 15);
  });

  it('keeps relative precision far in the lower tail (½·erfc(x/√2) from math.erfc)', () => {
    expectRelative(normalCdf(-10), 7.619853024160593e-24, 1e-12);
    expectRelative(normalCdf(-30), 4.906713927148764e-198, 1e-12);
  });

  it('is symmetric and non-decreasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, step) =>
          Math.abs(normalCdf(x) + normalCdf(-x) - 1) <= 1e-15 &&
          normalCdf(x + step) >= normalCdf(x),
      ),
    );
  });

  it('handles infinities and NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('normalQuantile', () => {
  it('gives the published 97.5 % point 1.959963984540054 (as in proportion.ts zFor)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
  });

  it("matches statistics.NormalDist.inv_cdf (Wichura's AS241)", () => {
    const reference: [number, number][] = [
      [1e-10, -6.361340902404056],
      [0.001, -3.090232306167813],
      [0.1, -1.2815515655446008],
      [0.5, 0],
      [0.8, 0.8416212335729144],
      [0.999, 3.090232306167813],
    ];
    for (const [p, expected] of reference) expect(normalQuantile(p)).toBeCloseTo(expected, 13);
  });

  it('inverts normalCdf', () => {
    fc.assert(
      fc.property(probability, (p) => {
        const x = normalQuantile(p);
        const tail = p < 0.5 ? normalCdf(x) : 1 - normalCdf(x);
        const target = p < 0.5 ? p : 1 - p;
        return Math.abs(tail - target) <= 1e-13 * target;
      }),
    );
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) (for p ≥ ½, where 1 − p is exact)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (p) => {
        return normalQuantile(p) === -normalQuantile(1 - p);
      }),
    );
  });

  it('is accurate in relative terms next to ½: Φ⁻¹(½ + ε) ≈ ε·√(2π)', () => {
    const epsilon = 2 ** -50;
    expectRelative(normalQuantile(0.5 + epsilon), epsilon * Math.sqrt(2 * Math.PI), 1e-12);
  });

  it('is non-decreasing in p', () => {
    fc.assert(
      fc.property(probability, probability, (p, q) => {
        const [low, high] = p < q ? [p, q] : [q, p];
        return normalQuantile(low) <= normalQuantile(high);
      }),
    );
  });

  it('returns ∓Infinity at 0 and 1 and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0470962993612, 10);
    expect(() => normalQuantile(1.2)).toThrow(/0 ≤ p ≤ 1/);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches the exact finite sums for integer df', () => {
    const reference: [number, number, number][] = [
      [2, 10, 0.9633059826146299],
      [-2, 3, 0.06966298427942152],
      [1, 1, 0.75],
      [0.7, 2, 0.7218034876835673],
      [2.5, 5, 0.9727549503288119],
      [-1.3, 7, 0.11738391769618856],
      [3, 30, 0.9973050179671739],
    ];
    for (const [t, df, expected] of reference) expect(studentTCdf(t, df)).toBeCloseTo(expected, 13);
  });

  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (t) => {
        const cauchy = 0.5 + Math.atan(t) / Math.PI;
        const two = 0.5 + t / (2 * Math.sqrt(2 + t * t));
        return (
          Math.abs(studentTCdf(t, 1) - cauchy) <= 1e-14 &&
          Math.abs(studentTCdf(t, 2) - two) <= 1e-14
        );
      }),
    );
  });

  it('is symmetric, non-decreasing in t and lies between 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        degreesOfFreedom,
        (t, step, df) => {
          const value = studentTCdf(t, df);
          return (
            value >= 0 &&
            value <= 1 &&
            Math.abs(value + studentTCdf(-t, df) - 1) <= 1e-14 &&
            studentTCdf(t + step, df) >= value
          );
        },
      ),
    );
  });

  it('has heavier tails than the normal, approaching it as df grows', () => {
    expect(studentTCdf(-2, 5)).toBeGreaterThan(studentTCdf(-2, 50));
    expect(studentTCdf(-2, 50)).toBeGreaterThan(normalCdf(-2));
    expect(studentTCdf(1.5, 1e9)).toBeCloseTo(normalCdf(1.5), 9);
    expect(studentTCdf(1.5, Infinity)).toBe(normalCdf(1.5));
  });

  it('rejects df ≤ 0 and passes NaN through', () => {
    expect(() => studentTCdf(1, 0)).toThrow(/df > 0/);
    expect(() => studentTCdf(1, Number.NaN)).toThrow(RangeError);
    expect(studentTCdf(Number.NaN, 4)).toBeNaN();
    expect(studentTCdf(Infinity, 4)).toBe(1);
    expect(studentTCdf(-Infinity, 4)).toBe(0);
  });
});

describe('studentTQuantile', () => {
  it('gives the table value t(0.975, 10) = 2.228138852', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138852, 9);
  });

  it('matches bisection on the exact CDF', () => {
    const reference: [number, number, number][] = [
      [0.975, 10, 2.228138851986274],
      [0.975, 30, 2.042272456301238],
      [0.995, 5, 4.032142983555213],
      [0.95, 20, 1.724718242920785],
      [0.9, 4, 1.5332062740589438],
      [0.025, 7, -2.364624251592783],
      [0.999, 3, 10.21453185240718],
    ];
    for (const [p, df, expected] of reference)
      expectRelative(studentTQuantile(p, df), expected, 1e-12);
  });

  it('matches the closed forms for df = 1 and df = 2', () => {
    // t(0.975, 1) = tan(0.475π); t(0.975, 2) = 0.95/√(2·0.975·0.025).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174707, 11);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302652729749464, 12);
  });

  it('inverts studentTCdf', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        degreesOfFreedom,
        (p, df) => {
          const t = studentTQuantile(p, df);
          const tail = p < 0.5 ? studentTCdf(t, df) : 1 - studentTCdf(t, df);
          const target = p < 0.5 ? p : 1 - p;
          return Math.abs(tail - target) <= 1e-11 * target;
        },
      ),
    );
  });

  it('is antisymmetric (for p ≥ ½, where 1 − p is exact)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1 - 1e-12, noNaN: true }),
        degreesOfFreedom,
        (p, df) => studentTQuantile(p, df) === -studentTQuantile(1 - p, df),
      ),
    );
  });

  it('shrinks towards the normal quantile as df grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        degreesOfFreedom,
        fc.double({ min: 1, max: 100, noNaN: true }),
        (p, df, extra) => {
          const t = studentTQuantile(p, df);
          return (
            studentTQuantile(p, df + extra) <= t * (1 + 1e-12) &&
            t >= normalQuantile(p) * (1 - 1e-12)
          );
        },
      ),
    );
  });

  it('follows the Cornish–Fisher expansion for very many degrees of freedom', () => {
    // z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) with z = 1.959963984540054 and ν = 10⁸
    // (Abramowitz & Stegun 26.7.5; later terms are below 1e−24).
    expect(studentTQuantile(0.975, 1e8)).toBeCloseTo(1.9599640082627665, 14);
    expect(studentTCdf(-1.5, 1e12)).toBeCloseTo(normalCdf(-1.5), 12);
  });

  it('handles the edges and rejects bad input', () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(() => studentTQuantile(0.975, -1)).toThrow(/df > 0/);
    expect(() => studentTQuantile(-0.1, 3)).toThrow(/0 ≤ p ≤ 1/);
  });
});
