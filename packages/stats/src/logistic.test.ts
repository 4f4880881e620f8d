import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitLogistic, LogisticFitError, type BinomialRow } from './logistic.ts';

// The 23 space-shuttle launches before Challenger: launch temperature (°F) and whether any O-ring
// showed thermal distress (Dalal, Fowlkes & Hoadley 1989, JASA 84:945–957, Table 1; flights in
// order). The published maximum-likelihood logistic fit (e.g. R `glm(damage ~ temp, binomial)`,
// as reproduced in Faraway, *Extending the Linear Model with R*, and many course notes):
// intercept 15.0429 (SE 7.3786), temperature −0.2322 (SE 0.1082), residual deviance 20.315 on 21
// df, null deviance 28.267 on 22 df.
const challenger: [number, number][] = [
  [66, 0], [70, 1], [69, 0], [68, 0], [67, 0], [72, 0], [73, 0], [70, 0], [57, 1], [63, 1],
  [70, 1], [78, 0], [67, 0], [53, 1], [67, 0], [75, 0], [70, 0], [81, 0], [76, 0], [79, 0],
  [75, 1], [76, 0], [58, 1],
]; // prettier-ignore

const ungrouped: BinomialRow[] = challenger.map(([t, y]) => ({ x: [t], successes: y, trials: 1 }));

/** The same records as covariate patterns: one row per temperature. */
function group(rows: readonly BinomialRow[]): BinomialRow[] {
  const byKey = new Map<string, BinomialRow>();
  for (const r of rows) {
    const key = r.x.join(',');
    const g = byKey.get(key);
    byKey.set(
      key,
      g === undefined
        ? { ...r }
        : { x: r.x, successes: g.successes + r.successes, trials: g.trials + r.trials },
    );
  }
  return [...byKey.values()];
}

describe('fitLogistic on the Challenger O-ring data', () => {
  const fit = fitLogistic(ungrouped, { names: ['temperature'] });

  it('reproduces the published coefficients and standard errors', () => {
    const [intercept, temperature] = fit.coefficients;
    expect(intercept!.estimate).toBeCloseTo(15.0429, 3);
    expect(intercept!.standardError).toBeCloseTo(7.3786, 3);
    expect(temperature!.estimate).toBeCloseTo(-0.2322, 4);
    expect(temperature!.standardError).toBeCloseTo(0.1082, 4);
    expect(temperature!.name).toBe('temperature');
  });

  it('reproduces the published deviances, Wald z and p', () => {
    expect(fit.deviance).toBeCloseTo(20.315, 3);
    expect(fit.nullDeviance).toBeCloseTo(28.267, 3);
    // R: z = 2.039 (p = 0.0415) and −2.145 (p = 0.0320).
    expect(fit.coefficients[0]!.z).toBeCloseTo(2.039, 3);
    expect(fit.coefficients[0]!.p).toBeCloseTo(0.0415, 4);
    expect(fit.coefficients[1]!.z).toBeCloseTo(-2.145, 3);
    expect(fit.coefficients[1]!.p).toBeCloseTo(0.032, 4);
    expect(fit.n).toBe(23);
    expect(fit.rowsUsed).toBe(23);
  });

  it('gives Wald intervals estimate ± 1.96 SE', () => {
    const t = fit.coefficients[1]!;
    expect(t.lower).toBeCloseTo(t.estimate - 1.959964 * t.standardError, 6);
    expect(t.upper).toBeCloseTo(t.estimate + 1.959964 * t.standardError, 6);
  });

  it('gives identical estimates from the 16 temperature groups as from the 23 launches', () => {
    const grouped = fitLogistic(group(ungrouped));
    expect(grouped.rowsUsed).toBe(16);
    expect(grouped.n).toBe(23);
    grouped.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(fit.coefficients[j]!.estimate, 8);
      expect(c.standardError).toBeCloseTo(fit.coefficients[j]!.standardError, 8);
    });
    expect(grouped.logLikelihood).toBeCloseTo(fit.logLikelihood, 8);
  });
});

describe('fitLogistic', () => {
  it('gives grouped and ungrouped data the same fit for any data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.integer({ min: 0, max: 3 }),
            b: fc.integer({ min: -2, max: 2 }),
            y: fc.integer({ min: 0, max: 1 }),
          }),
          { minLength: 12, maxLength: 80 },
        ),
        (records) => {
          const rows = records.map((r) => ({ x: [r.a, r.b], successes: r.y, trials: 1 }));
          const attempt = (data: BinomialRow[]) => {
            try {
              return fitLogistic(data);
            } catch (error) {
              if (error instanceof LogisticFitError) return error.reason;
              throw error;
            }
          };
          const single = attempt(rows);
          const grouped = attempt(group(rows));
          if (typeof single === 'string' || typeof grouped === 'string')
            return typeof single === typeof grouped;
          return single.coefficients.every(
            (c, j) =>
              Math.abs(c.estimate - grouped.coefficients[j]!.estimate) < 1e-6 &&
              Math.abs(c.standardError - grouped.coefficients[j]!.standardError) < 1e-6,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches the closed form for a single binary covariate (log odds ratio and Woolf SE)', () => {
    // 2×2 table a = 30/100 exposed, c = 10/100 unexposed: β = log(30·90 / (70·10)), SE² = Σ 1/cell.
    const fit = fitLogistic([
      { x: [1], successes: 30, trials: 100 },
      { x: [0], successes: 10, trials: 100 },
    ]);
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(Math.log((30 * 90) / (70 * 10)), 10);
    expect(fit.coefficients[1]!.standardError).toBeCloseTo(
      Math.sqrt(1 / 30 + 1 / 70 + 1 / 10 + 1 / 90),
      10,
    );
    expect(fit.deviance).toBeCloseTo(0, 8);
  });

  it('fits without an intercept when asked', () => {
    const fit = fitLogistic([{ x: [1], successes: 25, trials: 100 }], { intercept: false });
    expect(fit.coefficients).toHaveLength(1);
    expect(fit.coefficients[0]!.estimate).toBeCloseTo(Math.log(25 / 75), 10);
    expect(fit.nullDeviance).toBeGreaterThan(0);
  });

  it('skips rows without trials and counts them', () => {
    const fit = fitLogistic([...ungrouped, { x: [90], successes: 0, trials: 0 }]);
    expect(fit.rowsWithoutTrials).toBe(1);
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(-0.2322, 4);
  });

  it('reports complete separation', () => {
    const rows = [1, 2, 3, 4, 5, 6].map((t) => ({ x: [t], successes: t > 3 ? 1 : 0, trials: 1 }));
    expect(() => fitLogistic(rows)).toThrow(LogisticFitError);
    expect(() => fitLogistic(rows)).toThrow(/separation/);
  });

  it('reports quasi-complete separation of a category with no successes', () => {
    const rows = [
      { x: [0, 0], successes: 5, trials: 20 },
      { x: [1, 0], successes: 8, trials: 20 },
      { x: [0, 1], successes: 0, trials: 20 },
      { x: [1, 1], successes: 0, trials: 15 },
    ];
    try {
      fitLogistic(rows);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LogisticFitError);
      expect((error as LogisticFitError).reason).toBe('separation');
    }
  });

  it('reports a singular design, naming the column', () => {
    const rows = ungrouped.map((r) => ({ ...r, x: [r.x[0]!, 2 * r.x[0]! + 1] }));
    expect(() => fitLogistic(rows, { names: ['t', 'u'] })).toThrow(/singular.*"u"/);
    const empty = ungrouped.map((r) => ({ ...r, x: [r.x[0]!, 0] }));
    expect(() => fitLogistic(empty)).toThrow(/"x2"/);
  });

  it('refuses malformed rows', () => {
    expect(() => fitLogistic([])).toThrow(RangeError);
    expect(() => fitLogistic([{ x: [1], successes: 3, trials: 2 }])).toThrow(RangeError);
    expect(() => fitLogistic([{ x: [1], successes: 0.5, trials: 2 }])).toThrow(RangeError);
    expect(() => fitLogistic([{ x: [Number.NaN], successes: 1, trials: 2 }])).toThrow(RangeError);
    expect(() =>
      fitLogistic([
        { x: [1], successes: 1, trials: 2 },
        { x: [1, 2], successes: 1, trials: 2 },
      ]),
    ).toThrow(RangeError);
    expect(() => fitLogistic([{ x: [1], successes: 0, trials: 0 }])).toThrow(RangeError);
    expect(() => fitLogistic(ungrouped, { names: ['a', 'b'] })).toThrow(RangeError);
  });
});
