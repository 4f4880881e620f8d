/**
 * Seeded random draws and binomial tolerance arithmetic for the `*.simulation.test.ts` files.
 * Test support only: not exported from the package (see REFERENCES-controls.md, "Simulation").
 */

/** Mulberry32 (Tommy Ettinger, public domain): 32-bit state, uniform in [0, 1), reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Binomial(n, p) as a sum of n Bernoulli draws: exact, O(n), fine for the sizes simulated. */
export function drawBinomial(random: () => number, n: number, p: number): number {
  let x = 0;
  for (let i = 0; i < n; i += 1) if (random() < p) x += 1;
  return x;
}

/**
 * Poisson(mean) as a sum of Poisson draws with means ≤ 30 (Poisson counts add), each by Knuth's
 * product of uniforms; exact, O(mean), and e^−30 stays far from underflow.
 */
export function drawPoisson(random: () => number, mean: number): number {
  let x = 0;
  let left = mean;
  while (left > 0) {
    const part = Math.min(left, 30);
    left -= part;
    const limit = Math.exp(-part);
    let product = random();
    while (product > limit) {
      x += 1;
      product *= random();
    }
  }
  return x;
}

/** Standard normal by Box–Muller. */
export function drawNormal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Binomial probabilities P(X = k), k = 0 … n, from the log-pmf recursion (no under- or overflow). */
export function binomialPmf(n: number, p: number): number[] {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}.`);
  const logRatio = Math.log(p) - Math.log(1 - p);
  let logPmf = n * Math.log(1 - p);
  const pmf = [Math.exp(logPmf)];
  for (let k = 0; k < n; k += 1) {
    logPmf += Math.log((n - k) / (k + 1)) + logRatio;
    pmf.push(Math.exp(logPmf));
  }
  return pmf;
}

/** Smallest k with P(X ≤ k) ≥ probability for X ~ Binomial(n, p). */
export function binomialQuantile(n: number, p: number, probability: number): number {
  const pmf = binomialPmf(n, p);
  let cumulative = 0;
  for (let k = 0; k <= n; k += 1) {
    cumulative += pmf[k]!;
    if (cumulative >= probability - 1e-12) return k;
  }
  return n;
}

/**
 * The range a simulated share lies in with probability ≥ 1 − 2·tail when the true share is p:
 * [lower, upper] quantiles of Binomial(runs, p), as shares. Used to check that a fixed bound in a
 * test (e.g. "false-alarm rate ≤ 7 %") is not flaky at the nominal rate and to derive two-sided
 * tolerances around a computed expectation.
 */
export function binomialTolerance(
  runs: number,
  p: number,
  tail = 0.001,
): { lower: number; upper: number } {
  return {
    lower: binomialQuantile(runs, p, tail) / runs,
    upper: binomialQuantile(runs, p, 1 - tail) / runs,
  };
}

/** Prints observed rates when PVI_SIM_REPORT is set (for REFERENCES-controls.md); silent otherwise. */
export function report(label: string, values: Record<string, number | string>): void {
  if (process.env.PVI_SIM_REPORT === undefined) return;
  const text = Object.entries(values)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toFixed(4)) : v}`)
    .join(' ');
  console.info(`[simulation] ${label}: ${text}`);
}

/**
 * Per-test timeout of the simulation tests: each needs a few seconds of CPU, but wall time on a
 * shared machine can be many times that; the run-time budget is measured separately (CPU time).
 */
export const SIMULATION_TIMEOUT = 120_000;
