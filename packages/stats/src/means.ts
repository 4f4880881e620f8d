// Means of scale scores from sufficient statistics: summaries with t intervals, Welch's test,
// Cohen's d, and a comparison that refuses to call small groups different.
import { studentTCdf, studentTQuantile } from './distributions.ts';

/**
 * Sufficient statistics of a score over n respondents — SQL's count(x), sum(x) and sum(x * x) —
 * so no individual answer has to leave the database.
 */
export interface ScoreSums {
  n: number;
  sum: number;
  sumSquares: number;
}

/** Mean of a score with its spread and a t-based confidence interval. */
export interface MeanSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (denominator n − 1); NaN for a single respondent. */
  sd: number;
  /** Standard error of the mean, sd/√n. */
  se: number;
  /** Degrees of freedom of the interval, n − 1. */
  df: number;
  confidence: number;
  lower: number;
  upper: number;
}

/** Welch's two-sample t-test of mean(a) − mean(b). */
export interface WelchTest {
  difference: number;
  se: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (not an integer in general). */
  df: number;
  /** Two-sided p-value. */
  p: number;
  confidence: number;
  lower: number;
  upper: number;
  /** 'zero_variance' when neither group varies, so there is nothing to test: t, df, p are NaN. */
  reason: 'zero_variance' | null;
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}.`);
  }
}

function checkSums(name: string, s: ScoreSums, minimum: number): void {
  if (!Number.isInteger(s.n) || s.n < minimum) {
    throw new RangeError(
      `${name} needs a whole number of at least ${minimum} respondents, got n = ${s.n}.`,
    );
  }
  if (!Number.isFinite(s.sum) || !Number.isFinite(s.sumSquares) || s.sumSquares < 0) {
    throw new RangeError(`${name} needs a finite sum and a finite, non-negative sum of squares.`);
  }
}

/** Sample variance Σ(x − x̄)²/(n − 1) = (Σx² − (Σx)²/n)/(n − 1); NaN for n = 1. */
function sampleVariance(name: string, s: ScoreSums): number {
  const centred = s.sumSquares - (s.sum * s.sum) / s.n;
  // Rounding can push a zero variance slightly below zero; anything more means impossible sums.
  if (centred < -1e-12 * s.sumSquares) {
    throw new RangeError(
      `${name}: the sum of squares ${s.sumSquares} is smaller than (Σx)²/n = ${(s.sum * s.sum) / s.n}; the sums are inconsistent.`,
    );
  }
  return s.n > 1 ? Math.max(0, centred) / (s.n - 1) : Number.NaN;
}

/**
 * Mean, standard deviation, standard error and the Student (1908) t confidence interval
 * x̄ ± t(1 − (1 − confidence)/2, n − 1)·s/√n of a score, from n, Σx and Σx². With one respondent
 * only the mean is defined (sd, se and the interval are NaN). For 1, 2, 3, 4, 5 the 95 % interval
 * is [1.036757, 4.963243], as R's t.test reports.
 */
export function summarizeMean(sums: ScoreSums, confidence = 0.95): MeanSummary {
  checkSums('summarizeMean', sums, 1);
  checkConfidence(confidence);
  const variance = sampleVariance('summarizeMean', sums);
  const mean = sums.sum / sums.n;
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(sums.n);
  const df = sums.n - 1;
  const half = df > 0 ? studentTQuantile(1 - (1 - confidence) / 2, df) * se : Number.NaN;
  return { n: sums.n, mean, sd, se, df, confidence, lower: mean - half, upper: mean + half };
}

/**
 * Welch's (1947) t-test for the difference of two means without assuming equal variances:
 * t = (x̄a − x̄b)/√(sa²/na + sb²/nb) with Welch–Satterthwaite degrees of freedom
 * (sa²/na + sb²/nb)² / ((sa²/na)²/(na − 1) + (sb²/nb)²/(nb − 1)) (Satterthwaite 1946), a two-sided
 * p-value and the matching confidence interval of the difference. Reproduces R's
 * t.test(extra ~ group, data = sleep): t = −1.8608, df = 17.776, p = 0.07939. Needs at least 2
 * respondents per group.
 */
export function welchTTest(a: ScoreSums, b: ScoreSums, confidence = 0.95): WelchTest {
  checkSums('welchTTest', a, 2);
  checkSums('welchTTest', b, 2);
  checkConfidence(confidence);
  const wa = sampleVariance('welchTTest', a) / a.n;
  const wb = sampleVariance('welchTTest', b) / b.n;
  const difference = a.sum / a.n - b.sum / b.n;
  const se = Math.sqrt(wa + wb);
  if (se === 0) {
    const nan = Number.NaN;
    return {
      difference,
      se,
      t: nan,
      df: nan,
      p: nan,
      confidence,
      lower: nan,
      upper: nan,
      reason: 'zero_variance',
    };
  }
  const t = difference / se;
  const df = (wa + wb) ** 2 / ((wa * wa) / (a.n - 1) + (wb * wb) / (b.n - 1));
  const p = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const half = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return {
    difference,
    se,
    t,
    df,
    p,
    confidence,
    lower: difference - half,
    upper: difference + half,
    reason: null,
  };
}

/**
 * Cohen's (1988) d: (x̄a − x̄b)/s_pooled with s_pooled² = ((na − 1)sa² + (nb − 1)sb²)/(na + nb − 2),
 * the standardized mean difference (0.2 small, 0.5 medium, 0.8 large by Cohen's rule of thumb).
 * NaN when neither group varies. Needs at least 2 respondents per group.
 */
export function cohensD(a: ScoreSums, b: ScoreSums): number {
  checkSums('cohensD', a, 2);
  checkSums('cohensD', b, 2);
  const pooled =
    ((a.n - 1) * sampleVariance('cohensD', a) + (b.n - 1) * sampleVariance('cohensD', b)) /
    (a.n + b.n - 2);
  return pooled > 0 ? (a.sum / a.n - b.sum / b.n) / Math.sqrt(pooled) : Number.NaN;
}

export interface CompareMeansOptions {
  /** Smallest group that may be tested; below it no significance is claimed. Default 10. */
  minN?: number;
  /** Confidence level of the intervals; significance means p < 1 − confidence. Default 0.95. */
  confidence?: number;
}

/** Two groups' mean scores side by side, with a test only when both groups are large enough. */
export interface MeanComparison {
  a: MeanSummary;
  b: MeanSummary;
  /** mean(a) − mean(b). */
  difference: number;
  /** Cohen's d; null when a group is below minN. */
  cohensD: number | null;
  /** Welch's test; null when a group is below minN. */
  test: WelchTest | null;
  /** p < 1 − confidence; null when no claim is made (see `reason`). */
  significant: boolean | null;
  reason: 'too_small' | 'zero_variance' | null;
}

/**
 * Compares the mean scores of two groups (for example a team against the rest of its unit) with
 * Welch's t-test and Cohen's d, but makes no claim of significance when either group has fewer
 * than `minN` respondents (default 10): `significant` is then null with reason 'too_small', and
 * neither test nor effect size is reported, because with so few answers a difference says more
 * about who happened to answer than about the team. Significance is p < 1 − confidence, which is
 * the same as the confidence interval of the difference excluding 0.
 */
export function compareMeans(
  a: ScoreSums,
  b: ScoreSums,
  options: CompareMeansOptions = {},
): MeanComparison {
  const minN = options.minN ?? 10;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(minN) || minN < 2) {
    throw new RangeError(`minN must be a whole number of at least 2, got ${minN}.`);
  }
  const summaryA = summarizeMean(a, confidence);
  const summaryB = summarizeMean(b, confidence);
  const difference = summaryA.mean - summaryB.mean;
  if (a.n < minN || b.n < minN) {
    return {
      a: summaryA,
      b: summaryB,
      difference,
      cohensD: null,
      test: null,
      significant: null,
      reason: 'too_small',
    };
  }
  const test = welchTTest(a, b, confidence);
  const significant = test.reason === null ? test.p < 1 - confidence : null;
  return {
    a: summaryA,
    b: summaryB,
    difference,
    cohensD: cohensD(a, b),
    test,
    significant,
    reason: test.reason,
  };
}
