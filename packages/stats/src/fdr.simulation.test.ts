import { describe, expect, it } from 'vitest';
import { normalCdf } from './distributions.ts';
import { benjaminiHochbergReject } from './fdr.ts';
import {
  binomialTolerance,
  drawNormal,
  mulberry32,
  report,
  SIMULATION_TIMEOUT,
} from './simulation-support.ts';

/*
 * Benjamini–Hochberg by simulation: 20 independent two-sided z-tests, m0 of them true nulls
 * (z ~ N(0, 1)) and the rest with z ~ N(3, 1). Under independence BH's false discovery rate is
 * exactly α·m0/m (Benjamini & Hochberg 1995, Theorem 1; Benjamini & Yekutieli 2001), and with
 * all nulls true it equals the family-wise error rate, α (Simes 1986).
 */
const M = 20;
const ALPHA = 0.05;
const RUNS = 2000;

function simulate(seed: number, m0: number) {
  const random = mulberry32(seed);
  let anyRejected = 0;
  const fdp: number[] = [];
  let power = 0;
  for (let r = 0; r < RUNS; r += 1) {
    const p = Array.from({ length: M }, (_, i) => {
      const z = drawNormal(random) + (i < m0 ? 0 : 3);
      return 2 * normalCdf(-Math.abs(z));
    });
    const result = benjaminiHochbergReject(p, ALPHA);
    const falseRejections = result.rejected.filter((rej, i) => rej && i < m0).length;
    if (result.rejectedCount > 0) anyRejected += 1;
    fdp.push(falseRejections / Math.max(1, result.rejectedCount));
    if (m0 < M) power += (result.rejectedCount - falseRejections) / (M - m0) / RUNS;
  }
  const fdr = fdp.reduce((a, b) => a + b, 0) / RUNS;
  const sd = Math.sqrt(fdp.reduce((s, v) => s + (v - fdr) ** 2, 0) / (RUNS - 1));
  return { anyRejected: anyRejected / RUNS, fdr, se: sd / Math.sqrt(RUNS), power };
}

describe('benjaminiHochbergReject by simulation (seeded)', { timeout: SIMULATION_TIMEOUT }, () => {
  it('with every null true, rejects anything in about 5 % of runs', () => {
    const { anyRejected } = simulate(4101, M);
    const tolerance = binomialTolerance(RUNS, ALPHA);
    expect(anyRejected).toBeGreaterThanOrEqual(tolerance.lower);
    expect(anyRejected).toBeLessThanOrEqual(tolerance.upper);
    report('BH complete null', { anyRejected });
  });

  it('with 16 of 20 nulls true, keeps the false discovery rate at α·m0/m = 4 %', () => {
    const { fdr, se, power } = simulate(4102, 16);
    // The mean of 2,000 false discovery proportions: within 3.5 standard errors of 4 %.
    expect(Math.abs(fdr - (ALPHA * 16) / M)).toBeLessThanOrEqual(3.5 * se);
    expect(power).toBeGreaterThan(0.5);
    report('BH 16 of 20 null', { fdr, se, power });
  });
});
