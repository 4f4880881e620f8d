import { fitLogistic, LogisticFitError, type BinomialRow } from './logistic.ts';
import { MIN_COUNT_FOR_TEST } from './proportions-compare.ts';
import { quantileKnots, restrictedCubicSplineBasis } from './splines.ts';

/**
 * Controls in one cell: same area, local clock time and daylight. The caller has already kept
 * only the inter-twilight window and dropped twilight (see `twilight.ts`).
 */
export interface DarknessCell {
  /** Local clock time of the controls, minutes after midnight. */
  minuteOfDay: number;
  dark: boolean;
  area: string;
  /** Controls of people in the focus group. */
  focusGroup: number;
  /** All controls in the cell. */
  total: number;
}

export interface VeilOfDarknessOptions {
  /** Knots for clock time: a count (3–7, at Harrell's quantiles; default 5) or the knots in minutes. */
  knots?: number | readonly number[];
  /** 0.9, 0.95 (default) or 0.99. */
  confidence?: number;
}

export type VeilExclusionReason = 'zero-total' | 'single-cell-area' | 'no-variation-area';

export interface VeilExclusion {
  reason: VeilExclusionReason;
  /** What the reason means, in words. */
  description: string;
  cells: number;
  controls: number;
  areas: string[];
}

export interface DarknessEffect {
  /** β, the log odds ratio of a control being of the focus group in the dark versus in daylight. */
  coefficient: number;
  standardError: number;
  lower: number;
  upper: number;
  oddsRatio: number;
  oddsRatioLower: number;
  oddsRatioUpper: number;
  z: number;
  p: number;
}

export interface VeilOfDarknessResult {
  /** The darkness effect, or null when it cannot be estimated (see `reason`). */
  darkness: DarknessEffect | null;
  reason: string | null;
  controlsUsed: number;
  focusGroupUsed: number;
  darkControls: number;
  lightControls: number;
  cellsUsed: number;
  areasUsed: number;
  /** Clock-time knots used, in minutes; empty when clock time entered linearly. */
  knots: number[];
  excluded: VeilExclusion[];
}

const DESCRIPTIONS: Record<VeilExclusionReason, string> = {
  'zero-total': 'cells without controls',
  'single-cell-area':
    'areas with a single cell (one clock time and daylight): their area effect fits them exactly, so they say nothing about darkness',
  'no-variation-area':
    'areas where none or all of the controls are of the focus group: no information about darkness within the area, and their area effect would be infinite',
};

function checkCell(c: DarknessCell, i: number): void {
  if (!(c.minuteOfDay >= 0 && c.minuteOfDay < 1440))
    throw new RangeError(`Cell ${i}: minuteOfDay must be in [0, 1440), got ${c.minuteOfDay}.`);
  if (typeof c.area !== 'string' || c.area === '')
    throw new RangeError(`Cell ${i}: area must be a non-empty string.`);
  if (typeof c.dark !== 'boolean') throw new RangeError(`Cell ${i}: dark must be true or false.`);
  const { focusGroup: f, total: t } = c;
  if (!Number.isInteger(f) || !Number.isInteger(t) || f < 0 || f > t)
    throw new RangeError(
      `Cell ${i}: needs whole numbers 0 ≤ focusGroup ≤ total, got ${f} of ${t}.`,
    );
}

/** Drops cells and areas that cannot inform β, recording each exclusion. */
function selectCells(cells: readonly DarknessCell[]): [DarknessCell[], VeilExclusion[]] {
  const excluded: VeilExclusion[] = [];
  const record = (reason: VeilExclusionReason, dropped: DarknessCell[], areas: string[]): void => {
    if (dropped.length === 0) return;
    excluded.push({
      reason,
      description: DESCRIPTIONS[reason],
      cells: dropped.length,
      controls: dropped.reduce((s, c) => s + c.total, 0),
      areas,
    });
  };
  const nonEmpty = cells.filter((c) => c.total > 0);
  record(
    'zero-total',
    cells.filter((c) => c.total === 0),
    [],
  );
  const byArea = new Map<string, DarknessCell[]>();
  for (const c of nonEmpty) {
    const list = byArea.get(c.area);
    if (list === undefined) byArea.set(c.area, [c]);
    else list.push(c);
  }
  const single: string[] = [];
  const flat: string[] = [];
  for (const [area, list] of byArea) {
    const patterns = new Set(list.map((c) => `${c.minuteOfDay}|${c.dark}`));
    if (patterns.size === 1) single.push(area);
    else if (list.every((c) => c.focusGroup === 0) || list.every((c) => c.focusGroup === c.total))
      flat.push(area);
  }
  record(
    'single-cell-area',
    single.flatMap((a) => byArea.get(a)!),
    single.sort(),
  );
  record(
    'no-variation-area',
    flat.flatMap((a) => byArea.get(a)!),
    flat.sort(),
  );
  const dropped = new Set([...single, ...flat]);
  return [nonEmpty.filter((c) => !dropped.has(c.area)), excluded];
}

/** Knots in minutes: the caller's, or Harrell's quantiles, with fewer knots when ties force it. */
function chooseKnots(cells: readonly DarknessCell[], knots: number | readonly number[]): number[] {
  if (typeof knots !== 'number') return [...knots];
  if (!Number.isInteger(knots) || knots < 3 || knots > 7)
    throw new RangeError(`The number of knots must be a whole number from 3 to 7, got ${knots}.`);
  const minutes = cells.map((c) => c.minuteOfDay);
  const weights = cells.map((c) => c.total);
  for (let count = knots; count >= 3; count -= 1) {
    try {
      return quantileKnots(minutes, count, weights);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return [];
}

/**
 * The veil-of-darkness test (Grogger & Ridgeway 2006, *JASA* 101:878–887) on grouped counts: if
 * officers select on a visible trait, the share of the focus group among those controlled should
 * be lower after dark, when the trait is harder to see. Comparing the same clock time on light
 * and dark evenings (the inter-twilight window) removes differences in who is about at different
 * hours. Model, a binomial logistic regression over cells:
 *
 *   logit P(focus group) = α_area + β·dark + s(clock time)
 *
 * with s a restricted cubic spline (Harrell 2015; knots at quantiles of clock time weighted by
 * the number of controls) and area fixed effects, as in Pierson et al. (2020, *Nature Human
 * Behaviour* 4:736–745), who use a natural spline of time and location fixed effects. β < 0 (odds
 * ratio below 1) means the focus group is controlled less when it is dark, consistent with
 * selection on visible traits; β ≈ 0 is consistent with its absence, under the test's assumption
 * that the mix of people about at a given clock time does not change with daylight.
 *
 * Returns darkness = null with a reason (never throws) when the data cannot identify β: no
 * controls, fewer than {@link MIN_COUNT_FOR_TEST} dark or light controls, or a fit that fails
 * (separation, singular design).
 * Throws RangeError on malformed cells.
 */
export function veilOfDarkness(
  cells: readonly DarknessCell[],
  options: VeilOfDarknessOptions = {},
): VeilOfDarknessResult {
  cells.forEach(checkCell);
  const [used, excluded] = selectCells(cells);
  const sum = (list: readonly DarknessCell[], f: (c: DarknessCell) => number): number =>
    list.reduce((s, c) => s + f(c), 0);
  const areas = [...new Set(used.map((c) => c.area))];
  const result: VeilOfDarknessResult = {
    darkness: null,
    reason: null,
    controlsUsed: sum(used, (c) => c.total),
    focusGroupUsed: sum(used, (c) => c.focusGroup),
    darkControls: sum(used, (c) => (c.dark ? c.total : 0)),
    lightControls: sum(used, (c) => (c.dark ? 0 : c.total)),
    cellsUsed: used.length,
    areasUsed: areas.length,
    knots: [],
    excluded,
  };
  if (result.controlsUsed === 0)
    return { ...result, reason: 'No controls left after the exclusions.' };
  if (result.darkControls < MIN_COUNT_FOR_TEST || result.lightControls < MIN_COUNT_FOR_TEST)
    return {
      ...result,
      reason: `The test needs at least ${MIN_COUNT_FOR_TEST} controls both in daylight and in the dark; got ${result.lightControls} and ${result.darkControls}.`,
    };
  const knots = chooseKnots(used, options.knots ?? 5);
  // Reference area: the one with most controls, for a well-conditioned design.
  const size = new Map<string, number>();
  for (const c of used) size.set(c.area, (size.get(c.area) ?? 0) + c.total);
  const ordered = [...areas].sort((a, b) => size.get(b)! - size.get(a)! || a.localeCompare(b));
  const areaIndex = new Map(ordered.slice(1).map((a, i) => [a, i]));
  // Clock time in hours: the same fit, better conditioned.
  const hourKnots = knots.map((k) => k / 60);
  const rows: BinomialRow[] = used.map((c) => {
    const hours = c.minuteOfDay / 60;
    const spline = hourKnots.length > 0 ? restrictedCubicSplineBasis(hours, hourKnots) : [hours];
    const dummies = new Array<number>(areaIndex.size).fill(0);
    const index = areaIndex.get(c.area);
    if (index !== undefined) dummies[index] = 1;
    return { x: [c.dark ? 1 : 0, ...spline, ...dummies], successes: c.focusGroup, trials: c.total };
  });
  const splineNames = (hourKnots.length > 0 ? hourKnots.slice(1) : [0]).map(
    (_, j) => `time${j + 1}`,
  );
  try {
    const fit = fitLogistic(rows, {
      names: ['dark', ...splineNames, ...ordered.slice(1).map((a) => `area:${a}`)],
      confidence: options.confidence ?? 0.95,
    });
    const dark = fit.coefficients[1]!;
    return {
      ...result,
      knots,
      darkness: {
        coefficient: dark.estimate,
        standardError: dark.standardError,
        lower: dark.lower,
        upper: dark.upper,
        oddsRatio: Math.exp(dark.estimate),
        oddsRatioLower: Math.exp(dark.lower),
        oddsRatioUpper: Math.exp(dark.upper),
        z: dark.z,
        p: dark.p,
      },
    };
  } catch (error) {
    if (error instanceof LogisticFitError)
      return { ...result, knots, reason: `The model cannot be estimated: ${error.message}` };
    throw error;
  }
}
