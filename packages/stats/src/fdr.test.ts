import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { benjaminiHochberg, benjaminiHochbergReject } from './fdr.ts';

// Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57:289–300, section 4: the 15 p-values of
// the myocardial-infarction study. At q = 0.05 the step-up procedure rejects the four smallest
// (Bonferroni rejects three).
const bh1995 = [
  0.0201, 0.0001, 0.0004, 0.0019, 0.0095, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
  0.6528, 0.759, 1.0,
];

describe('benjaminiHochbergReject', () => {
  it('rejects the four hypotheses of the worked example in Benjamini & Hochberg (1995)', () => {
    const r = benjaminiHochbergReject(bh1995, 0.05);
    expect(r.rejectedCount).toBe(4);
    expect(r.threshold).toBe(0.0095);
    const rejectedP = bh1995.filter((_, i) => r.rejected[i]).sort((a, b) => a - b);
    expect(rejectedP).toEqual([0.0001, 0.0004, 0.0019, 0.0095]);
  });

  it('rejects nothing when no q-value reaches alpha', () => {
    const r = benjaminiHochbergReject([0.5, 0.2, 0.9]);
    expect(r.rejectedCount).toBe(0);
    expect(r.threshold).toBeNull();
  });

  it('refuses an alpha outside (0, 1)', () => {
    expect(() => benjaminiHochbergReject([0.1], 0)).toThrow(RangeError);
    expect(() => benjaminiHochbergReject([0.1], 1)).toThrow(RangeError);
  });
});

describe('benjaminiHochberg', () => {
  it('gives the adjusted p-values of R p.adjust(method = "BH") for the 1995 example', () => {
    // q(i) = min_{j ≥ i} 15·p(j)/j, worked by hand from the sorted p-values.
    const q = benjaminiHochberg(bh1995);
    const expected: Record<number, number> = {
      0.0001: 0.0015,
      0.0004: 0.003,
      0.0019: 0.0095,
      0.0095: 0.035625,
      0.0201: 0.0603,
      0.0278: (0.0298 * 15) / 7,
      0.0298: (0.0298 * 15) / 7,
      0.0344: (0.0344 * 15) / 8,
      0.0459: (0.0459 * 15) / 9,
      1: 1,
    };
    bh1995.forEach((p, i) => {
      const e = expected[p];
      if (e !== undefined) expect(q[i]).toBeCloseTo(e, 12);
    });
  });

  it('returns an empty list for no tests', () => {
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('refuses p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.1, 1.2])).toThrow(RangeError);
    expect(() => benjaminiHochberg([Number.NaN])).toThrow(RangeError);
  });

  it('is at least p, at most 1, and keeps the order of the p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (ps) => {
        const q = benjaminiHochberg(ps);
        return ps.every(
          (p, i) =>
            q[i]! >= p - 1e-15 && q[i]! <= 1 && ps.every((p2, j) => !(p < p2) || q[i]! <= q[j]!),
        );
      }),
    );
  });

  it('agrees with the step-up rule p(i) ≤ i·α/m', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (ps, alpha) => {
          const sorted = [...ps].sort((a, b) => a - b);
          let k = 0;
          sorted.forEach((p, i) => {
            if (p <= ((i + 1) * alpha) / ps.length) k = i + 1;
          });
          const r = benjaminiHochbergReject(ps, alpha);
          // Floating point can tip an exact tie either way; allow it.
          const ties = sorted.filter(
            (p, i) => Math.abs(p - ((i + 1) * alpha) / ps.length) < 1e-12,
          ).length;
          return Math.abs(r.rejectedCount - k) <= ties;
        },
      ),
    );
  });
});
