// Internal consistency of a multi-item scale: Cronbach's alpha with item diagnostics.
// Items must all point the same way: reverse negatively keyed items first (`reverseScore`).

/** One respondent's answer to one item; null, undefined or NaN mean "not answered". */
export type ItemAnswer = number | null | undefined;

/**
 * Sufficient statistics of k items over n complete respondents, as SQL can aggregate them without
 * sending rows: n, Σxᵢ per item, and Σxᵢ·xⱼ for every pair (a symmetric k×k matrix whose diagonal
 * holds Σxᵢ²). Only respondents who answered every item may be counted (listwise deletion).
 */
export interface ItemSums {
  n: number;
  sums: readonly number[];
  crossProducts: readonly (readonly number[])[];
}

/** Diagnostics of one item within the scale. */
export interface ItemDiagnostics {
  /** Sample variance of the item. */
  variance: number;
  /** Alpha of the other k − 1 items; NaN for a two-item scale or when they have no total variance. */
  alphaIfDeleted: number;
  /** Pearson correlation of the item with the sum of the other items; NaN if either is constant. */
  correctedItemTotalCorrelation: number;
}

/** Why alpha could not be computed. */
export type AlphaUndefinedReason = 'zero_total_variance';

/** Cronbach's alpha of a scale, computed from the item covariance matrix. */
export interface ScaleReliability {
  /** Cronbach's alpha; NaN when `reason` is set. It can be negative for items that do not cohere. */
  alpha: number;
  reason: AlphaUndefinedReason | null;
  itemCount: number;
  /** Variance of the unweighted sum score. */
  totalVariance: number;
  items: ItemDiagnostics[];
}

/** Alpha from sufficient statistics, with the number of respondents it rests on. */
export interface CronbachAlpha extends ScaleReliability {
  n: number;
}

/** Alpha from raw rows, with the number of rows dropped for a missing answer. */
export interface CronbachAlphaFromRows extends CronbachAlpha {
  dropped: number;
}

// A total variance this small relative to the item variances is rounding noise around zero.
const RELATIVE_ZERO = 1e-12;

function isMissing(value: ItemAnswer): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

function checkItemCount(k: number): void {
  if (k < 2) throw new RangeError(`Cronbach's alpha needs at least 2 items, got ${k}.`);
}

/**
 * Reverse-scores an answer on a scale from `min` to `max`: min + max − value, so on a 1–6 scale 1
 * becomes 6 and 6 becomes 1. Apply it to negatively keyed items (for example "I am indifferent to
 * the feelings of others" in an agreeableness scale) before computing alpha, as psych's `keys` do
 * (Revelle 2024); alpha itself never reverses items.
 */
export function reverseScore(value: number, min: number, max: number): number {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) {
    throw new RangeError(`reverseScore needs finite min < max, got ${min} and ${max}.`);
  }
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`reverseScore: ${value} lies outside the scale ${min}–${max}.`);
  }
  return min + max - value;
}

/**
 * Sufficient statistics (`ItemSums`) of raw rows (one row per respondent, one column per item),
 * with listwise deletion: a row with any missing answer (null, undefined, NaN) is dropped and
 * counted in `dropped`. The SQL equivalent is `count(*)`, `sum(x_i)` and `sum(x_i * x_j)` over
 * the rows where every item is not null.
 */
export function itemSums(rows: readonly (readonly ItemAnswer[])[]): ItemSums & { dropped: number } {
  const k = rows[0]?.length ?? 0;
  const sums = new Array<number>(k).fill(0);
  const crossProducts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let n = 0;
  rows.forEach((row, r) => {
    if (row.length !== k) {
      throw new RangeError(`Row ${r + 1} has ${row.length} answers; the first row has ${k}.`);
    }
    if (row.some(isMissing)) return;
    const values = row as readonly number[];
    values.forEach((value, i) => {
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `Row ${r + 1}, item ${i + 1}: ${value} is not an answer; use null for a missing one.`,
        );
      }
    });
    n += 1;
    for (let i = 0; i < k; i++) {
      const xi = values[i]!;
      sums[i] = sums[i]! + xi;
      const products = crossProducts[i]!;
      for (let j = 0; j < k; j++) products[j] = products[j]! + xi * values[j]!;
    }
  });
  return { n, sums, crossProducts, dropped: rows.length - n };
}

function checkItemSums(stats: ItemSums): void {
  const k = stats.sums.length;
  checkItemCount(k);
  if (!Number.isInteger(stats.n) || stats.n < 2) {
    throw new RangeError(
      `Cronbach's alpha needs at least 2 complete respondents, got n = ${stats.n}.`,
    );
  }
  if (!stats.sums.every(Number.isFinite))
    throw new RangeError('Every item sum must be a finite number.');
  if (stats.crossProducts.length !== k || stats.crossProducts.some((row) => row.length !== k)) {
    throw new RangeError(`crossProducts must be a ${k}×${k} matrix, one row and column per item.`);
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const a = stats.crossProducts[i]![j]!;
      const b = stats.crossProducts[j]![i]!;
      if (!Number.isFinite(a))
        throw new RangeError(`crossProducts[${i}][${j}] is not a finite number.`);
      if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) {
        throw new RangeError(
          `crossProducts must be symmetric; [${i}][${j}] = ${a} but [${j}][${i}] = ${b}.`,
        );
      }
    }
  }
}

/**
 * Sample covariance matrix (denominator n − 1) from sufficient statistics:
 * Cᵢⱼ = (Σxᵢxⱼ − ΣxᵢΣxⱼ/n) / (n − 1). Throws a RangeError when an item variance comes out
 * negative, which real data cannot produce.
 */
export function covarianceFromSums(stats: ItemSums): number[][] {
  checkItemSums(stats);
  const { n, sums, crossProducts } = stats;
  return crossProducts.map((row, i) =>
    row.map((sxy, j) => {
      const centred = sxy - (sums[i]! * sums[j]!) / n;
      if (i !== j) return centred / (n - 1);
      if (centred < -RELATIVE_ZERO * sxy) {
        throw new RangeError(
          `Item ${i + 1}: Σx² = ${sxy} is smaller than (Σx)²/n, so the sums are inconsistent.`,
        );
      }
      return Math.max(0, centred) / (n - 1);
    }),
  );
}

function alphaOf(k: number, trace: number, total: number): number {
  if (k < 2 || total <= RELATIVE_ZERO * trace || total <= 0) return Number.NaN;
  return (k / (k - 1)) * (1 - trace / total);
}

function checkCovariance(covariance: readonly (readonly number[])[]): void {
  const k = covariance.length;
  checkItemCount(k);
  covariance.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`The covariance matrix must be ${k}×${k}.`);
    row.forEach((value, j) => {
      if (!Number.isFinite(value)) throw new RangeError(`Covariance [${i}][${j}] is not finite.`);
      const mirror = covariance[j]![i]!;
      if (Math.abs(value - mirror) > 1e-9 * Math.max(Math.abs(value), Math.abs(mirror))) {
        throw new RangeError(`The covariance matrix must be symmetric at [${i}][${j}].`);
      }
    });
    if (row[i]! < 0) throw new RangeError(`Item ${i + 1} has a negative variance (${row[i]}).`);
  });
}

/**
 * Cronbach's (1951) alpha from an item covariance matrix C of k items:
 * α = k/(k − 1) · (1 − Σᵢ Cᵢᵢ / Σᵢⱼ Cᵢⱼ) — Guttman's (1945) λ₃. Also, per item, alpha of the other
 * k − 1 items and the corrected item–total correlation
 * r = (Σⱼ Cᵢⱼ − Cᵢᵢ) / √(Cᵢᵢ · Var(rest)), both as reported by psych::alpha (Revelle 2024,
 * "raw_alpha" under "Reliability if an item is dropped" and "r.drop").
 * When the sum score has no variance alpha is NaN with reason 'zero_total_variance'.
 */
export function cronbachAlphaFromCovariance(
  covariance: readonly (readonly number[])[],
): ScaleReliability {
  checkCovariance(covariance);
  const k = covariance.length;
  const rowSums = covariance.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  const trace = covariance.reduce((a, row, i) => a + row[i]!, 0);
  if (total < -RELATIVE_ZERO * trace) {
    throw new RangeError(`The covariance matrix implies a negative total variance (${total}).`);
  }
  const zero = total <= RELATIVE_ZERO * trace || total === 0;
  const items = covariance.map((row, i) => {
    const variance = row[i]!;
    const restVariance = total - 2 * rowSums[i]! + variance;
    const withRest = rowSums[i]! - variance;
    const scale = Math.sqrt(variance * restVariance);
    return {
      variance,
      alphaIfDeleted: alphaOf(k - 1, trace - variance, restVariance),
      correctedItemTotalCorrelation: scale > 0 ? withRest / scale : Number.NaN,
    };
  });
  return {
    alpha: zero ? Number.NaN : alphaOf(k, trace, total),
    reason: zero ? 'zero_total_variance' : null,
    itemCount: k,
    totalVariance: Math.max(0, total),
    items,
  };
}

/**
 * Cronbach's alpha from sufficient statistics (`ItemSums` over complete respondents), so that SQL
 * can aggregate the answers and no row leaves the database. Equivalent to `cronbachAlpha` on the
 * same rows. Throws a RangeError for fewer than 2 items or 2 respondents.
 */
export function cronbachAlphaFromSums(stats: ItemSums): CronbachAlpha {
  return { ...cronbachAlphaFromCovariance(covarianceFromSums(stats)), n: stats.n };
}

/**
 * Cronbach's (1951) alpha from raw answers: one row per respondent, one column per item, every
 * item keyed in the same direction (reverse negatively keyed items first with `reverseScore`).
 * Rows with a missing answer (null, undefined or NaN) are dropped listwise; `n` and `dropped` say
 * how many rows were used and left out. Throws a RangeError for fewer than 2 items or fewer than
 * 2 complete respondents; alpha is NaN with a reason when the sum score does not vary.
 */
export function cronbachAlpha(rows: readonly (readonly ItemAnswer[])[]): CronbachAlphaFromRows {
  const { dropped, ...stats } = itemSums(rows);
  checkItemCount(stats.sums.length);
  if (stats.n < 2) {
    throw new RangeError(
      `Cronbach's alpha needs at least 2 complete respondents, got ${stats.n} (${dropped} dropped for a missing answer).`,
    );
  }
  return { ...cronbachAlphaFromSums(stats), dropped };
}
