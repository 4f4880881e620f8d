import { normalCdf } from './distributions.ts';
import { zFor } from './proportion.ts';

/**
 * Binomial logistic regression on grouped data (covariate patterns): each row says that
 * `successes` of `trials` records share the covariates `x`. The fit equals the fit on the
 * individual records, so counts aggregated in SQL or published by Statistics Netherlands suffice.
 */
export interface BinomialRow {
  x: readonly number[];
  successes: number;
  trials: number;
}

export interface LogisticOptions {
  /** Add an intercept column (default true). */
  intercept?: boolean;
  /** Names of the columns of `x`, for the result and for error messages. */
  names?: readonly string[];
  /** Confidence level of the Wald intervals: 0.9, 0.95 (default) or 0.99. */
  confidence?: number;
  /** Newton–Raphson iterations before giving up (default 100). */
  maxIterations?: number;
  /** Convergence: relative change in deviance |ΔD| / (|D| + 0.1) below this (default 1e-10). */
  tolerance?: number;
}

export interface LogisticCoefficient {
  name: string;
  estimate: number;
  standardError: number;
  /** Wald statistic estimate / standardError. */
  z: number;
  /** Two-sided Wald p-value. */
  p: number;
  lower: number;
  upper: number;
}

export interface LogisticFit {
  coefficients: LogisticCoefficient[];
  /** Inverse Fisher information at the estimate, in the order of `coefficients`. */
  covariance: number[][];
  /** Residual deviance of the grouped rows (depends on the grouping; the likelihood does not). */
  deviance: number;
  /** Deviance of the intercept-only model (of p = 1/2 without an intercept). */
  nullDeviance: number;
  /** Binomial log-likelihood without the constant log C(n, y): identical grouped or ungrouped. */
  logLikelihood: number;
  iterations: number;
  /** Records used: the sum of trials. */
  n: number;
  rowsUsed: number;
  /** Rows left out because they have no trials. */
  rowsWithoutTrials: number;
}

export type LogisticFailure = 'separation' | 'singular' | 'no-convergence';

/** The model cannot be estimated from these data (not a programming error). */
export class LogisticFitError extends Error {
  override readonly name = 'LogisticFitError';
  constructor(
    readonly reason: LogisticFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Success and failure probabilities of a linear predictor, each computed without cancellation. */
function probabilities(eta: number): [number, number] {
  if (eta >= 0) {
    const e = Math.exp(-eta);
    return [1 / (1 + e), e / (1 + e)];
  }
  const e = Math.exp(eta);
  return [e / (1 + e), 1 / (1 + e)];
}

const xlogy = (x: number, y: number): number => (x === 0 ? 0 : x * Math.log(y));

interface Design {
  rows: number[][];
  /** Indices of the non-zero entries of each row: fixed-effect dummies make rows sparse. */
  nonZero: number[][];
  y: number[];
  n: number[];
  names: string[];
}

function buildDesign(data: readonly BinomialRow[], options: LogisticOptions): Design {
  if (data.length === 0) throw new RangeError('Logistic regression needs at least one row.');
  const width = data[0]!.x.length;
  const intercept = options.intercept ?? true;
  const names = [
    ...(intercept ? ['(intercept)'] : []),
    ...(options.names ?? Array.from({ length: width }, (_, j) => `x${j + 1}`)),
  ];
  if (names.length !== width + (intercept ? 1 : 0))
    throw new RangeError(`Got ${options.names?.length} names for ${width} covariates.`);
  if (names.length === 0) throw new RangeError('The model has no columns.');
  const design: Design = { rows: [], nonZero: [], y: [], n: [], names };
  data.forEach((row, i) => {
    if (row.x.length !== width)
      throw new RangeError(`Row ${i} has ${row.x.length} covariates; row 0 has ${width}.`);
    if (!row.x.every(Number.isFinite)) throw new RangeError(`Row ${i} has a non-finite covariate.`);
    const { successes: s, trials: t } = row;
    if (!Number.isInteger(s) || !Number.isInteger(t) || s < 0 || s > t)
      throw new RangeError(
        `Row ${i} needs whole numbers 0 ≤ successes ≤ trials, got ${s} of ${t}.`,
      );
    if (t === 0) return;
    const x = intercept ? [1, ...row.x] : [...row.x];
    design.rows.push(x);
    design.nonZero.push(x.flatMap((v, j) => (v === 0 ? [] : [j])));
    design.y.push(s);
    design.n.push(t);
  });
  if (design.rows.length === 0) throw new RangeError('Every row has zero trials.');
  return design;
}

interface State {
  eta: number[];
  deviance: number;
  logLikelihood: number;
}

function evaluate(d: Design, beta: readonly number[]): State {
  let deviance = 0;
  let logLikelihood = 0;
  const eta = d.rows.map((x, i) => {
    let e = 0;
    for (const j of d.nonZero[i]!) e += x[j]! * beta[j]!;
    const [p, q] = probabilities(e);
    const y = d.y[i]!;
    const n = d.n[i]!;
    deviance += 2 * (xlogy(y, y / (n * p)) + xlogy(n - y, (n - y) / (n * q)));
    logLikelihood += xlogy(y, p) + xlogy(n - y, q);
    return e;
  });
  return { eta, deviance, logLikelihood };
}

/** Score vector X'(y − μ) and Fisher information X'WX at the linear predictor, using sparsity. */
function scoreAndInformation(d: Design, eta: readonly number[]): [number[], number[][]] {
  const k = d.names.length;
  const score = new Array<number>(k).fill(0);
  const info = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  d.rows.forEach((x, i) => {
    const [p, q] = probabilities(eta[i]!);
    const n = d.n[i]!;
    const residual = d.y[i]! - n * p;
    const w = n * p * q;
    const nz = d.nonZero[i]!;
    for (const a of nz) {
      score[a]! += x[a]! * residual;
      const wa = w * x[a]!;
      const infoRow = info[a]!;
      for (const b of nz) if (b <= a) infoRow[b]! += wa * x[b]!;
    }
  });
  for (let a = 0; a < k; a += 1) for (let b = 0; b < a; b += 1) info[b]![a] = info[a]![b]!;
  return [score, info];
}

/** Cholesky factor of a symmetric matrix; throws LogisticFitError when it is (nearly) singular. */
function cholesky(a: readonly (readonly number[])[], names: readonly string[]): number[][] {
  const k = a.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j += 1) {
    let diag = a[j]![j]!;
    for (let m = 0; m < j; m += 1) diag -= l[j]![m]! ** 2;
    if (!(diag > 1e-10 * a[j]![j]!) || a[j]![j]! <= 0)
      throw new LogisticFitError(
        'singular',
        `The design is singular: column "${names[j]}" is constant zero for the rows with data or a linear combination of the columns before it (collinear or an empty category).`,
      );
    l[j]![j] = Math.sqrt(diag);
    for (let i = j + 1; i < k; i += 1) {
      let s = a[i]![j]!;
      for (let m = 0; m < j; m += 1) s -= l[i]![m]! * l[j]![m]!;
      l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const k = l.length;
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i += 1) {
    let s = b[i]!;
    for (let m = 0; m < i; m += 1) s -= l[i]![m]! * z[m]!;
    z[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i -= 1) {
    let s = z[i]!;
    for (let m = i + 1; m < k; m += 1) s -= l[m]![i]! * x[m]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

function nullDeviance(d: Design, intercept: boolean): number {
  const total = d.n.reduce((s, v) => s + v, 0);
  const pooled = intercept ? d.y.reduce((s, v) => s + v, 0) / total : 0.5;
  return d.y.reduce((s, y, i) => {
    const n = d.n[i]!;
    return s + 2 * (xlogy(y, y / (n * pooled)) + xlogy(n - y, (n - y) / (n * (1 - pooled))));
  }, 0);
}

/** Fitted probabilities this close to 0 or 1 mean the estimates are running off to infinity. */
const SEPARATION_EPS = 1e-8;

/**
 * Maximum-likelihood binomial logistic regression on grouped rows, by Newton–Raphson (for the
 * canonical logit link the same as IRLS / Fisher scoring; McCullagh & Nelder 1989, §4.4) with
 * step-halving whenever the deviance would rise (as R's `glm.fit`), and convergence when the
 * relative change in deviance is below `tolerance`. Standard errors are the square roots of the
 * diagonal of the inverse Fisher information; z = β/SE, two-sided normal p-values and Wald
 * intervals β ± z·SE. Rows without trials are skipped.
 *
 * Throws LogisticFitError with reason `singular` (collinear or empty columns), `separation`
 * (fitted probabilities numerically 0 or 1: some combination of covariates predicts the outcome
 * perfectly, so a maximum-likelihood estimate does not exist; Albert & Anderson 1984) or
 * `no-convergence`. Throws RangeError on malformed input.
 */
export function fitLogistic(
  data: readonly BinomialRow[],
  options: LogisticOptions = {},
): LogisticFit {
  const d = buildDesign(data, options);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const k = d.names.length;
  let beta = new Array<number>(k).fill(0);
  let state = evaluate(d, beta);
  let iterations = 0;
  let converged = false;
  while (!converged) {
    if (iterations >= maxIterations)
      throw new LogisticFitError(
        'no-convergence',
        `No convergence after ${maxIterations} iterations (deviance ${state.deviance}); this usually means separation.`,
      );
    iterations += 1;
    const [score, info] = scoreAndInformation(d, state.eta);
    const delta = choleskySolve(cholesky(info, d.names), score);
    let step = 1;
    let candidate = beta.map((b, j) => b + delta[j]!);
    let next = evaluate(d, candidate);
    for (
      let halvings = 0;
      !(next.deviance <= state.deviance * (1 + 1e-12) + 1e-12);
      halvings += 1
    ) {
      if (halvings >= 40) {
        next = state;
        candidate = beta;
        break;
      }
      step /= 2;
      candidate = beta.map((b, j) => b + step * delta[j]!);
      next = evaluate(d, candidate);
    }
    converged =
      Math.abs(next.deviance - state.deviance) / (Math.abs(next.deviance) + 0.1) < tolerance;
    beta = candidate;
    state = next;
  }
  const extreme = state.eta.findIndex((e) => {
    const [p, q] = probabilities(e);
    return p < SEPARATION_EPS || q < SEPARATION_EPS;
  });
  if (extreme >= 0)
    throw new LogisticFitError(
      'separation',
      `Fitted probabilities are numerically 0 or 1 (covariate pattern ${extreme}): the outcome is perfectly predicted by some covariates (separation), so the estimates do not exist. Merge or drop the categories involved.`,
    );
  const [, info] = scoreAndInformation(d, state.eta);
  const l = cholesky(info, d.names);
  const covariance = Array.from({ length: k }, (_, j) =>
    choleskySolve(
      l,
      Array.from({ length: k }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  const zCrit = zFor(options.confidence ?? 0.95);
  const coefficients = beta.map((estimate, j) => {
    const standardError = Math.sqrt(covariance[j]![j]!);
    const z = estimate / standardError;
    return {
      name: d.names[j]!,
      estimate,
      standardError,
      z,
      p: Math.min(1, 2 * normalCdf(-Math.abs(z))),
      lower: estimate - zCrit * standardError,
      upper: estimate + zCrit * standardError,
    };
  });
  return {
    coefficients,
    covariance,
    deviance: state.deviance,
    nullDeviance: nullDeviance(d, options.intercept ?? true),
    logLikelihood: state.logLikelihood,
    iterations,
    n: d.n.reduce((s, v) => s + v, 0),
    rowsUsed: d.rows.length,
    rowsWithoutTrials: data.length - d.rows.length,
  };
}
