import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derivableSmallSets, inRowSpace, nullSpaceBasis, rank } from './exact-span.ts';

const matrix = (n: number) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }), {
    maxLength: 8,
  });

describe('the exact span check used by the property tests', () => {
  it('finds the team a reader gets by subtracting: unit (3 + 6) minus the team of six', () => {
    const unit = [1, 1];
    const team6 = [0, 1];
    expect(derivableSmallSets([unit, team6], [3, 6], 5)).toEqual([{ atoms: [0], respondents: 3 }]);
    expect(derivableSmallSets([unit], [3, 6], 5)).toEqual([]);
  });

  it('counts unions that contain empty atoms (a reader does not know they are empty)', () => {
    // Atoms: a (3), z (0), b (6). Shown: {a, z, b} and {b}: the reader gets {a, z} = 3.
    expect(
      derivableSmallSets(
        [
          [1, 1, 1],
          [0, 0, 1],
        ],
        [3, 0, 6],
        5,
      ),
    ).toEqual([{ atoms: [0, 1], respondents: 3 }]);
  });

  it('has a null space of the right dimension, orthogonal to every row', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain(matrix)
          .filter((m) => m.length > 0),
        (m) => {
          const n = m[0]!.length;
          const basis = nullSpaceBasis(m, n);
          expect(basis.length).toBe(n - rank(m));
          for (const y of basis)
            for (const row of m)
              expect(row.reduce((s, x, i) => s + BigInt(x) * y[i]!, 0n)).toBe(0n);
        },
      ),
    );
  });

  it('agrees with direct elimination on which small unions are in the span', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.tuple(
              matrix(n),
              fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
            ),
          ),
        fc.integer({ min: 2, max: 6 }),
        ([m, counts], k) => {
          const n = counts.length;
          const expected: number[][] = [];
          for (let mask = 1; mask < 1 << n; mask++) {
            const x = counts.map((_, i) => (mask >> i) & 1);
            const total = x.reduce((s, v, i) => s + v * counts[i]!, 0);
            if (total >= 1 && total < k && (m.length ? inRowSpace(m, x) : false))
              expected.push(x.flatMap((v, i) => (v ? [i] : [])));
          }
          const found = derivableSmallSets(m, counts, k).map((s) => s.atoms);
          expect(found.map((a) => a.join()).sort()).toEqual(expected.map((a) => a.join()).sort());
        },
      ),
    );
  });
});
