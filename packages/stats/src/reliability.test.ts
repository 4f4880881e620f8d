import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import bfiCsv from '../test-data/bfi-agreeableness.csv?raw';
import {
  covarianceFromSums,
  cronbachAlpha,
  cronbachAlphaFromCovariance,
  cronbachAlphaFromSums,
  itemSums,
  reverseScore,
  type ItemAnswer,
} from './reliability.ts';

// The bfi data of the R package psych (Revelle), Agreeableness items A1–A5 of 2,800 respondents,
// answers 1–6; A1 ("Am indifferent to the feelings of others") is reverse-keyed. Source, licence
// and checks: packages/stats/REFERENCES.md. Reference values: packages/stats/reference/bfi_alpha.py.
function agreeablenessRows(): ItemAnswer[][] {
  const [header, ...lines] = bfiCsv.trim().split('\n');
  expect(header).toBe('rownames,A1,A2,A3,A4,A5');
  return lines.map((line) =>
    line
      .split(',')
      .slice(1)
      .map((cell, i) => {
        if (cell === '') return null;
        const answer = Number(cell);
        return i === 0 ? reverseScore(answer, 1, 6) : answer;
      }),
  );
}

/** Pairwise-complete covariances (R's cov(use = "pairwise"), psych::alpha's default). */
function pairwiseCovariance(rows: readonly ItemAnswer[][]): number[][] {
  const k = rows[0]!.length;
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      const pairs = rows.flatMap((row) => {
        const x = row[i];
        const y = row[j];
        return typeof x === 'number' && typeof y === 'number' ? [[x, y] as const] : [];
      });
      const mx = pairs.reduce((a, [x]) => a + x, 0) / pairs.length;
      const my = pairs.reduce((a, [, y]) => a + y, 0) / pairs.length;
      return pairs.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / (pairs.length - 1);
    }),
  );
}

// Listwise (complete-case) reference values from bfi_alpha.py.
const LISTWISE = {
  n: 2709,
  dropped: 91,
  alpha: 0.7037558943748361,
  alphaIfDeleted: [
    0.7179720565650483, 0.6184812117727612, 0.6007538144220014, 0.6869447415397787,
    0.6446223042215948,
  ],
  correctedItemTotal: [
    0.311401300580162, 0.5630154754920228, 0.5887730786773533, 0.3947936801112727,
    0.4872408676290006,
  ],
  sums: [12428, 12996, 12459, 12684, 12329],
  crossProducts: [
    [62358, 61150, 58489, 59029, 57438],
    [61150, 66094, 61793, 62437, 60705],
    [58489, 61793, 61909, 60237, 58954],
    [59029, 62437, 60237, 65372, 59284],
    [57438, 60705, 58954, 59284, 60421],
  ],
};

// Published by psych::alpha (pairwise covariances), printed to two decimals: raw_alpha 0.70,
// "Reliability if an item is dropped" raw_alpha and "Item statistics" r.drop.
const PUBLISHED = {
  alpha: 0.7,
  alphaIfDeleted: [0.72, 0.62, 0.6, 0.69, 0.64],
  correctedItemTotal: [0.31, 0.56, 0.59, 0.39, 0.49],
};

describe('cronbachAlpha on the bfi Agreeableness scale', () => {
  const rows = agreeablenessRows();

  it('uses complete cases only and reports how many rows were dropped', () => {
    const result = cronbachAlpha(rows);
    expect(result.n).toBe(LISTWISE.n);
    expect(result.dropped).toBe(LISTWISE.dropped);
    expect(result.itemCount).toBe(5);
    expect(result.reason).toBeNull();
  });

  it('reproduces the independent listwise reference to 1e-6', () => {
    const result = cronbachAlpha(rows);
    expect(result.alpha).toBeCloseTo(LISTWISE.alpha, 6);
    result.items.forEach((item, i) => {
      expect(item.alphaIfDeleted).toBeCloseTo(LISTWISE.alphaIfDeleted[i]!, 6);
      expect(item.correctedItemTotalCorrelation).toBeCloseTo(LISTWISE.correctedItemTotal[i]!, 6);
    });
  });

  it('agrees with the published psych values to their two printed decimals', () => {
    const result = cronbachAlpha(rows);
    expect(result.alpha).toBeCloseTo(PUBLISHED.alpha, 2);
    result.items.forEach((item, i) => {
      expect(item.alphaIfDeleted).toBeCloseTo(PUBLISHED.alphaIfDeleted[i]!, 2);
      expect(item.correctedItemTotalCorrelation).toBeCloseTo(PUBLISHED.correctedItemTotal[i]!, 2);
    });
  });

  it('collects the same sufficient statistics as the reference script', () => {
    const stats = itemSums(rows);
    expect(stats.n).toBe(LISTWISE.n);
    expect(stats.dropped).toBe(LISTWISE.dropped);
    expect(stats.sums).toEqual(LISTWISE.sums);
    expect(stats.crossProducts).toEqual(LISTWISE.crossProducts);
  });

  it('gives the same alpha from sufficient statistics as from rows', () => {
    const fromSums = cronbachAlphaFromSums({
      n: LISTWISE.n,
      sums: LISTWISE.sums,
      crossProducts: LISTWISE.crossProducts,
    });
    expect(fromSums.n).toBe(LISTWISE.n);
    expect(fromSums.alpha).toBeCloseTo(LISTWISE.alpha, 6);
    expect(fromSums.alpha).toBeCloseTo(cronbachAlpha(rows).alpha, 12);
    fromSums.items.forEach((item, i) => {
      expect(item.alphaIfDeleted).toBeCloseTo(LISTWISE.alphaIfDeleted[i]!, 6);
      expect(item.correctedItemTotalCorrelation).toBeCloseTo(LISTWISE.correctedItemTotal[i]!, 6);
    });
  });

  it("reproduces psych's own pairwise computation from a covariance matrix", () => {
    // bfi_alpha.py, "pairwise-complete covariances".
    const result = cronbachAlphaFromCovariance(pairwiseCovariance(rows));
    expect(result.alpha).toBeCloseTo(0.7030184460573041, 9);
    const alphaIfDeleted = [
      0.7185173570269153, 0.617180037046592, 0.6002595787654856, 0.68580565233796,
      0.6429529600712918,
    ];
    const correctedItemTotal = [
      0.3084177395220291, 0.5636151637635786, 0.5870045895053695, 0.3944440865779132,
      0.488565135825834,
    ];
    result.items.forEach((item, i) => {
      expect(item.alphaIfDeleted).toBeCloseTo(alphaIfDeleted[i]!, 9);
      expect(item.correctedItemTotalCorrelation).toBeCloseTo(correctedItemTotal[i]!, 9);
      expect(item.alphaIfDeleted).toBeCloseTo(PUBLISHED.alphaIfDeleted[i]!, 2);
      expect(item.correctedItemTotalCorrelation).toBeCloseTo(PUBLISHED.correctedItemTotal[i]!, 2);
    });
    expect(result.alpha).toBeCloseTo(PUBLISHED.alpha, 2);
  });

  it('is much lower when the negatively keyed item is not reversed', () => {
    const unreversed = rows.map((row) => [row[0] == null ? null : 7 - row[0], ...row.slice(1)]);
    expect(cronbachAlpha(unreversed).alpha).toBeLessThan(cronbachAlpha(rows).alpha - 0.1);
  });
});

describe('cronbachAlpha on a hand-computed example', () => {
  // Five respondents, three items; item 3 is item 1 plus one.
  // Means 3, 3.6, 4. Variances: item 1 = (1 + 1 + 0 + 4 + 4)/4 = 2.5, item 2 =
  // (0.36 + 0.16 + 1.96 + 0.16 + 2.56)/4 = 1.3, item 3 = 2.5. Covariances: (1,2) = (0.6 + 0.4 + 0 +
  // 0.8 + 3.2)/4 = 1.25, (1,3) = 2.5, (2,3) = 1.25. Sum scores 8, 13, 12, 15, 5 have variance
  // 65.2/4 = 16.3 = 6.3 + 2·(1.25 + 2.5 + 1.25). α = 3/2 · (1 − 6.3/16.3) = 150/163.
  // Without item 2: α = 2 · (1 − 5/10) = 1; without item 1 (or 3): variances 1.3 + 2.5 = 3.8,
  // total 3.8 + 2·1.25 = 6.3, α = 2 · (1 − 3.8/6.3) = 50/63. Corrected item–total correlation of
  // item 1: Cov(x₁, x₂ + x₃) = 1.25 + 2.5 = 3.75, Var(x₂ + x₃) = 6.3, r = 3.75/√(2.5 · 6.3);
  // of item 2: (1.25 + 1.25)/√(1.3 · 10).
  const rows = [
    [2, 3, 3],
    [4, 4, 5],
    [3, 5, 4],
    [5, 4, 6],
    [1, 2, 2],
  ];

  it('matches the derivation', () => {
    const result = cronbachAlpha(rows);
    expect(result.alpha).toBeCloseTo(150 / 163, 14);
    expect(result.totalVariance).toBeCloseTo(16.3, 13);
    [2.5, 1.3, 2.5].forEach((variance, i) => {
      expect(result.items[i]!.variance).toBeCloseTo(variance, 14);
    });
    expect(result.items[0]!.alphaIfDeleted).toBeCloseTo(50 / 63, 14);
    expect(result.items[1]!.alphaIfDeleted).toBeCloseTo(1, 14);
    expect(result.items[2]!.alphaIfDeleted).toBeCloseTo(50 / 63, 14);
    expect(result.items[0]!.correctedItemTotalCorrelation).toBeCloseTo(
      3.75 / Math.sqrt(2.5 * 6.3),
      14,
    );
    expect(result.items[1]!.correctedItemTotalCorrelation).toBeCloseTo(2.5 / Math.sqrt(13), 14);
  });

  it('drops rows with a missing answer listwise', () => {
    const withGaps = [...rows, [null, 3, 4], [2, Number.NaN, 1], [3, undefined, 3]];
    const result = cronbachAlpha(withGaps);
    expect(result.n).toBe(5);
    expect(result.dropped).toBe(3);
    expect(result.alpha).toBeCloseTo(150 / 163, 14);
  });

  it('gives the same covariance from the SQL-style sums', () => {
    const covariance = covarianceFromSums({
      n: 5,
      sums: [15, 18, 20],
      crossProducts: [
        [55, 59, 70],
        [59, 70, 77],
        [70, 77, 90],
      ],
    });
    const expected = [
      [2.5, 1.25, 2.5],
      [1.25, 1.3, 1.25],
      [2.5, 1.25, 2.5],
    ];
    covariance.forEach((row, i) => {
      row.forEach((value, j) => {
        expect(value).toBeCloseTo(expected[i]![j]!, 14);
      });
    });
  });
});

describe('cronbachAlpha properties', () => {
  const likertRows = fc.integer({ min: 2, max: 6 }).chain((k) =>
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), {
      minLength: 2,
      maxLength: 60,
    }),
  );

  it('gives the same result from rows and from their sufficient statistics', () => {
    fc.assert(
      fc.property(likertRows, (rows) => {
        const fromRows = cronbachAlpha(rows);
        const fromSums = cronbachAlphaFromSums(itemSums(rows));
        if (Number.isNaN(fromRows.alpha)) return Number.isNaN(fromSums.alpha);
        return Math.abs(fromRows.alpha - fromSums.alpha) < 1e-12;
      }),
    );
  });

  it('never exceeds 1 and does not depend on item order or shifted answer codes', () => {
    fc.assert(
      fc.property(likertRows, fc.integer({ min: -3, max: 3 }), (rows, shift) => {
        const base = cronbachAlpha(rows);
        if (Number.isNaN(base.alpha)) return base.reason === 'zero_total_variance';
        const reversedOrder = cronbachAlpha(rows.map((row) => [...row].reverse()));
        const shifted = cronbachAlpha(
          rows.map((row) => row.map((x, i) => (i === 0 ? x + shift : x))),
        );
        return (
          base.alpha <= 1 + 1e-12 &&
          Math.abs(reversedOrder.alpha - base.alpha) < 1e-9 &&
          Math.abs(shifted.alpha - base.alpha) < 1e-9
        );
      }),
    );
  });

  it('equals the Spearman–Brown value kρ/(1 + (k − 1)ρ) for k parallel items', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 20 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (k, rho, variance) => {
          const covariance = Array.from({ length: k }, (_, i) =>
            Array.from({ length: k }, (_, j) => (i === j ? variance : rho * variance)),
          );
          const expected = (k * rho) / (1 + (k - 1) * rho);
          return Math.abs(cronbachAlphaFromCovariance(covariance).alpha - expected) < 1e-12;
        },
      ),
    );
  });
});

describe('cronbachAlpha when alpha is undefined or the input is wrong', () => {
  it('returns NaN with a reason when the sum score does not vary', () => {
    const constant = cronbachAlpha([
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(constant.alpha).toBeNaN();
    expect(constant.reason).toBe('zero_total_variance');
    // Two items that always add up to 7 (an unreversed reverse-keyed item) also give a constant sum.
    const opposite = cronbachAlpha([
      [1, 6],
      [2, 5],
      [6, 1],
    ]);
    expect(opposite.alpha).toBeNaN();
    expect(opposite.reason).toBe('zero_total_variance');
    expect(opposite.items[0]!.correctedItemTotalCorrelation).toBeCloseTo(-1, 12);
  });

  it('marks alpha-if-deleted as NaN for a two-item scale', () => {
    const result = cronbachAlpha([
      [1, 2],
      [2, 2],
      [3, 4],
    ]);
    expect(result.alpha).toBeGreaterThan(0);
    expect(result.items.every((item) => Number.isNaN(item.alphaIfDeleted))).toBe(true);
  });

  it('needs at least two items and two complete respondents', () => {
    expect(() => cronbachAlpha([[1], [2]])).toThrow(/at least 2 items/);
    expect(() => cronbachAlpha([])).toThrow(/at least 2 items/);
    expect(() => cronbachAlpha([[1, 2]])).toThrow(/at least 2 complete respondents/);
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [null, 3],
      ]),
    ).toThrow(/got 1 \(1 dropped/);
    expect(() =>
      cronbachAlphaFromSums({
        n: 1,
        sums: [1, 2],
        crossProducts: [
          [1, 2],
          [2, 4],
        ],
      }),
    ).toThrow(/at least 2 complete respondents/);
    expect(() => cronbachAlphaFromSums({ n: 5, sums: [1], crossProducts: [[1]] })).toThrow(
      /at least 2 items/,
    );
  });

  it('rejects malformed rows and sums', () => {
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toThrow(/Row 2 has 3 answers/);
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [1, Infinity],
        [2, 3],
      ]),
    ).toThrow(/use null for a missing one/);
    expect(() => cronbachAlphaFromSums({ n: 3, sums: [1, 2], crossProducts: [[1, 2]] })).toThrow(
      /2×2/,
    );
    expect(() =>
      cronbachAlphaFromSums({
        n: 3,
        sums: [3, 3],
        crossProducts: [
          [5, 4],
          [3, 5],
        ],
      }),
    ).toThrow(/symmetric/);
    expect(() =>
      cronbachAlphaFromSums({
        n: 3,
        sums: [6, 3],
        crossProducts: [
          [5, 4],
          [4, 5],
        ],
      }),
    ).toThrow(/inconsistent/);
    expect(() =>
      cronbachAlphaFromSums({
        n: 2.5,
        sums: [1, 2],
        crossProducts: [
          [1, 2],
          [2, 4],
        ],
      }),
    ).toThrow(RangeError);
    expect(() =>
      cronbachAlphaFromCovariance([
        [1, 0.5],
        [0.4, 1],
      ]),
    ).toThrow(/symmetric/);
    expect(() =>
      cronbachAlphaFromCovariance([
        [-1, 0],
        [0, 1],
      ]),
    ).toThrow(/negative variance/);
  });
});

describe('reverseScore', () => {
  it('mirrors an answer within its scale', () => {
    expect(reverseScore(1, 1, 6)).toBe(6);
    expect(reverseScore(6, 1, 6)).toBe(1);
    expect(reverseScore(3, 1, 5)).toBe(3);
    expect(reverseScore(0, 0, 10)).toBe(10);
  });

  it('is its own inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        (x) => reverseScore(reverseScore(x, 1, 7), 1, 7) === x,
      ),
    );
  });

  it('rejects answers outside the scale and bad scales', () => {
    expect(() => reverseScore(7, 1, 6)).toThrow(/outside the scale 1–6/);
    expect(() => reverseScore(Number.NaN, 1, 6)).toThrow(RangeError);
    expect(() => reverseScore(3, 5, 1)).toThrow(/min < max/);
  });
});
