/**
 * Restricted (natural) cubic splines in Harrell's parameterisation (Harrell 2015, *Regression
 * Modeling Strategies*, 2nd ed., §2.4.5; R `Hmisc::rcspline.eval`). With knots t1 < … < tk the
 * basis is x itself plus, for j = 1 … k − 2,
 *
 *   Cj(x) = [(x − tj)³₊ − (x − tk−1)³₊ (tk − tj)/(tk − tk−1) + (x − tk)³₊ (tk−1 − tj)/(tk − tk−1)]
 *           / (tk − t1)²
 *
 * (division by (tk − t1)² is Harrell's default `norm = 2`, which keeps the columns on the scale
 * of x). Every linear combination is a cubic spline that is linear below t1 and above tk, so the
 * fit does not swing at the edges of the data.
 */

/** Harrell's default knot quantiles for 3 to 7 knots (Harrell 2015, Table 2.3). */
const HARRELL_QUANTILES: Record<number, readonly number[]> = {
  3: [0.1, 0.5, 0.9],
  4: [0.05, 0.35, 0.65, 0.95],
  5: [0.05, 0.275, 0.5, 0.725, 0.95],
  6: [0.05, 0.23, 0.41, 0.59, 0.77, 0.95],
  7: [0.025, 0.1833, 0.3417, 0.5, 0.6583, 0.8167, 0.975],
};

function checkKnots(knots: readonly number[]): void {
  if (knots.length < 3)
    throw new RangeError(`A restricted cubic spline needs at least 3 knots, got ${knots.length}.`);
  for (let i = 0; i < knots.length; i += 1) {
    if (!Number.isFinite(knots[i]))
      throw new RangeError(`Knot ${i} is not a finite number: ${knots[i]}.`);
    if (i > 0 && knots[i]! <= knots[i - 1]!)
      throw new RangeError(`Knots must be strictly increasing; knot ${i} is ${knots[i]}.`);
  }
}

/**
 * The restricted cubic spline basis of `x` for the given knots (Harrell 2015): k − 1 columns, the
 * first being x itself (the linear term), then the k − 2 nonlinear terms Cj(x).
 */
export function restrictedCubicSplineBasis(x: number, knots: readonly number[]): number[] {
  checkKnots(knots);
  if (!Number.isFinite(x)) throw new RangeError(`Spline argument must be finite, got ${x}.`);
  const k = knots.length;
  const first = knots[0]!;
  const last = knots[k - 1]!;
  const penultimate = knots[k - 2]!;
  const norm = (last - first) ** 2;
  const cube = (v: number): number => (v > 0 ? v * v * v : 0);
  const row = [x];
  for (let j = 0; j < k - 2; j += 1) {
    const t = knots[j]!;
    const term =
      cube(x - t) -
      (cube(x - penultimate) * (last - t)) / (last - penultimate) +
      (cube(x - last) * (penultimate - t)) / (last - penultimate);
    row.push(term / norm);
  }
  return row;
}

/**
 * Quantile of the values (R's default type 7: linear interpolation between order statistics),
 * where `weights[i]` whole copies of `values[i]` are counted; grouped counts thus give the same
 * quantile as the individual records they summarise.
 */
export function weightedQuantile(
  values: readonly number[],
  probability: number,
  weights?: readonly number[],
): number {
  if (!(probability >= 0 && probability <= 1))
    throw new RangeError(`Probability must be in [0, 1], got ${probability}.`);
  if (weights !== undefined && weights.length !== values.length)
    throw new RangeError(`Got ${values.length} values but ${weights.length} weights.`);
  const pairs = values.map((v, i) => {
    const w = weights?.[i] ?? 1;
    if (!Number.isFinite(v)) throw new RangeError(`Value ${i} is not finite: ${v}.`);
    if (!Number.isInteger(w) || w < 0)
      throw new RangeError(`Weight ${i} must be a whole number ≥ 0, got ${w}.`);
    return { v, w };
  });
  pairs.sort((a, b) => a.v - b.v);
  const total = pairs.reduce((s, p) => s + p.w, 0);
  if (total === 0) throw new RangeError('A quantile needs at least one value with weight > 0.');
  // Position h in the expanded sorted list (0-based); find the values at floor(h) and floor(h)+1.
  const h = (total - 1) * probability;
  const lo = Math.floor(h);
  const at = (index: number): number => {
    let cumulative = 0;
    for (const p of pairs) {
      cumulative += p.w;
      if (index < cumulative) return p.v;
    }
    return pairs[pairs.length - 1]!.v;
  };
  const a = at(lo);
  return lo + 1 < total ? a + (h - lo) * (at(lo + 1) - a) : a;
}

/**
 * Knots at Harrell's default quantiles of the covariate (3 to 7 knots; Harrell 2015, Table 2.3),
 * optionally weighted by whole-number counts so grouped data give the knots of the records.
 * Throws a RangeError when ties make two knots equal: ask for fewer knots.
 */
export function quantileKnots(
  values: readonly number[],
  count: number,
  weights?: readonly number[],
): number[] {
  const probabilities = HARRELL_QUANTILES[count];
  if (probabilities === undefined)
    throw new RangeError(`Quantile knots are defined for 3 to 7 knots, got ${count}.`);
  const knots = probabilities.map((p) => weightedQuantile(values, p, weights));
  for (let i = 1; i < knots.length; i += 1) {
    if (knots[i]! <= knots[i - 1]!)
      throw new RangeError(
        `The data have too few distinct values for ${count} knots (knot ${i} equals knot ${i - 1}); use fewer knots.`,
      );
  }
  return knots;
}
