import { describe, expect, it } from 'vitest';
import { compareProportions } from './proportions-compare.ts';
import { binomialTolerance, mulberry32, report, SIMULATION_TIMEOUT } from './simulation-support.ts';
import { veilOfDarkness, type DarknessCell } from './veil-of-darkness.ts';

/*
 * Seeded simulations of veilOfDarkness on modest grouped data (design and observed rates in
 * REFERENCES-controls.md, "Simulation"). One data set: 1,500 controls in 5 areas, clock times in
 * the inter-twilight window 17:10–22:50 in 20-minute steps; a clock time is dark on a share of
 * evenings that grows through the window. The focus group's log odds are an area effect, a
 * clock-time effect that rises through the evening (so darkness and the focus group's share are
 * confounded by clock time) and β when dark. About 160 cells per data set.
 */
const CONTROLS = 1500;
const AREAS = 5;
const STEP = 20;
const SLOTS = Math.floor(350 / STEP);

function simulate(random: () => number, beta: number): DarknessCell[] {
  const areaEffect = Array.from({ length: AREAS }, () => -1 + 1.5 * (random() - 0.5));
  const cells = new Map<string, DarknessCell>();
  for (let i = 0; i < CONTROLS; i += 1) {
    const area = Math.floor(random() * AREAS);
    const minuteOfDay = 1030 + STEP * Math.floor(random() * SLOTS);
    const t = minuteOfDay - 1030;
    const dark = random() < t / 350;
    const eta = areaEffect[area]! + 0.6 * Math.sin(t / 110) + (0.8 * t) / 350 + (dark ? beta : 0);
    const focus = random() < 1 / (1 + Math.exp(-eta));
    const key = `${area}|${minuteOfDay}|${dark}`;
    const cell = cells.get(key) ?? { minuteOfDay, dark, area: `A${area}`, focusGroup: 0, total: 0 };
    if (focus) cell.focusGroup += 1;
    cell.total += 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

interface Tally {
  runs: number;
  /** β̂ with p < 0.05, and of those with β̂ < 0. */
  rejected: number;
  rejectedNegative: number;
  /** The 95 % interval of β contains the true β. */
  covered: number;
  /** The crude dark-versus-light comparison of shares, ignoring clock time and area, has p < 0.05. */
  crudeRejected: number;
  meanEstimate: number;
}

function run(seed: number, runs: number, beta: number): Tally {
  const random = mulberry32(seed);
  const tally: Tally = {
    runs,
    rejected: 0,
    rejectedNegative: 0,
    covered: 0,
    crudeRejected: 0,
    meanEstimate: 0,
  };
  for (let r = 0; r < runs; r += 1) {
    const cells = simulate(random, beta);
    const result = veilOfDarkness(cells);
    const d = result.darkness;
    if (d === null) throw new Error(`Run ${r}: ${result.reason}`);
    if (d.p < 0.05) tally.rejected += 1;
    if (d.p < 0.05 && d.coefficient < 0) tally.rejectedNegative += 1;
    if (d.lower <= beta && beta <= d.upper) tally.covered += 1;
    tally.meanEstimate += d.coefficient / runs;
    const sum = (dark: boolean, key: 'focusGroup' | 'total'): number =>
      cells.reduce((s, c) => (c.dark === dark ? s + c[key] : s), 0);
    const crude = compareProportions(
      sum(true, 'focusGroup'),
      sum(true, 'total'),
      sum(false, 'focusGroup'),
      sum(false, 'total'),
    );
    if (crude.test.p !== null && crude.test.p < 0.05) tally.crudeRejected += 1;
  }
  return tally;
}

const RUNS = 2000;
/** The injected bias: the focus group's odds of being controlled fall by e^−0.5 ≈ 0.61 after dark. */
const INJECTED_BETA = -0.5;

describe('veilOfDarkness by simulation (seeded)', { timeout: SIMULATION_TIMEOUT }, () => {
  // Tolerances (binomialTolerance, 99.8 % of seeds): 2,000 runs at a true 5 % give
  // [3.55 %, 6.55 %]; at a true 95 %, [93.45 %, 96.45 %]. 200 runs would put the 99.8 % upper
  // bound at 10.5 %, too wide for a claim of "≤ 7 %".
  it(`keeps false alarms at 5 % within 3.5–7 % over ${RUNS} data sets without bias`, () => {
    expect(binomialTolerance(RUNS, 0.05).upper).toBeLessThan(0.07);
    const t = run(9101, RUNS, 0);
    const rate = t.rejected / RUNS;
    expect(rate).toBeLessThanOrEqual(0.07);
    expect(rate).toBeGreaterThanOrEqual(binomialTolerance(RUNS, 0.05).lower);
    // Darkness comes later in the evening, when the focus group is about more: the crude
    // comparison sees a "darkness effect" in most runs; the model's clock-time spline removes it.
    expect(t.crudeRejected / RUNS).toBeGreaterThan(0.5);
    expect(Math.abs(t.meanEstimate)).toBeLessThan(0.02);
    report('veilOfDarkness null', {
      falseAlarms: rate,
      coverage: t.covered / RUNS,
      crude: t.crudeRejected / RUNS,
      meanEstimate: t.meanEstimate,
    });
  });

  it(`detects β = ${INJECTED_BETA} in at least 90 % of ${RUNS} data sets and covers it 93–97 % of the time`, () => {
    const t = run(9201, RUNS, INJECTED_BETA);
    const power = t.rejectedNegative / RUNS;
    const coverage = t.covered / RUNS;
    expect(power).toBeGreaterThanOrEqual(0.9);
    expect(binomialTolerance(RUNS, 0.95).lower).toBeGreaterThan(0.93);
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
    expect(Math.abs(t.meanEstimate - INJECTED_BETA)).toBeLessThan(0.03);
    report('veilOfDarkness injected', { power, coverage, meanEstimate: t.meanEstimate });
  });
});
