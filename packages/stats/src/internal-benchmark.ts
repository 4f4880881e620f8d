import { normalCdf } from './distributions.ts';
import { benjaminiHochberg } from './fdr.ts';
import { MIN_COUNT_FOR_TEST } from './proportions-compare.ts';

/** Controls of one unit (team) in one stratum, e.g. place × hour band × legal reason. */
export interface BenchmarkCell {
  unit: string;
  stratum: string;
  /** Controls. */
  n: number;
  /** Hits (controls that found something), or controls of people in the focus group. */
  hits: number;
}

export interface InternalBenchmarkOptions {
  /** False discovery rate at which teams are flagged (default 0.05). */
  alpha?: number;
  /** Fewest controls (in matched strata) for a team to be tested (default 10). */
  minControls?: number;
}

export interface UnitBenchmark {
  unit: string;
  /** Controls and hits in strata where peers also have controls (those compared). */
  n: number;
  hits: number;
  /** The team's own rate hits / n; null without matched controls. */
  ownRate: number | null;
  /** Peers' rate in each stratum, weighted by the team's share of controls in that stratum. */
  benchmarkRate: number | null;
  /** ownRate − benchmarkRate. */
  difference: number | null;
  /** Kish effective sample size of the reweighted peer controls: 1 / Σ w_s² / n_peer,s. */
  effectivePeerSize: number | null;
  z: number | null;
  /** Two-sided p of z. */
  p: number | null;
  /** Benjamini–Hochberg q-value across the tested teams. */
  q: number | null;
  /** q < alpha. */
  flagged: boolean;
  /** Why the team was not tested, or null. */
  reason: string | null;
  /** Strata where the team has controls but no peer has any: left out of the comparison. */
  unmatched: { strata: number; controls: number; hits: number };
}

interface Counts {
  n: number;
  hits: number;
}

function checkCell(c: BenchmarkCell, i: number): void {
  if (typeof c.unit !== 'string' || c.unit === '' || typeof c.stratum !== 'string')
    throw new RangeError(`Cell ${i}: unit must be a non-empty string and stratum a string.`);
  if (!Number.isInteger(c.n) || !Number.isInteger(c.hits) || c.hits < 0 || c.hits > c.n)
    throw new RangeError(`Cell ${i}: needs whole numbers 0 ≤ hits ≤ n, got ${c.hits} of ${c.n}.`);
}

/** Counts per unit per stratum, and per stratum over all units. */
function tabulate(cells: readonly BenchmarkCell[]): {
  byUnit: Map<string, Map<string, Counts>>;
  byStratum: Map<string, Counts>;
} {
  const byUnit = new Map<string, Map<string, Counts>>();
  const byStratum = new Map<string, Counts>();
  const add = (map: Map<string, Counts>, key: string, c: BenchmarkCell): void => {
    const t = map.get(key) ?? { n: 0, hits: 0 };
    map.set(key, { n: t.n + c.n, hits: t.hits + c.hits });
  };
  for (const c of cells) {
    const unit = byUnit.get(c.unit) ?? new Map<string, Counts>();
    byUnit.set(c.unit, unit);
    add(unit, c.stratum, c);
    add(byStratum, c.stratum, c);
  }
  return { byUnit, byStratum };
}

/** One team against its reweighted peers; q and flagged are filled in afterwards. */
function benchmarkUnit(
  unit: string,
  own: Map<string, Counts>,
  byStratum: Map<string, Counts>,
  minControls: number,
): UnitBenchmark {
  const matched: { team: Counts; peers: Counts }[] = [];
  const unmatched = { strata: 0, controls: 0, hits: 0 };
  for (const [stratum, team] of own) {
    if (team.n === 0) continue;
    const all = byStratum.get(stratum)!;
    const peers = { n: all.n - team.n, hits: all.hits - team.hits };
    if (peers.n === 0) {
      unmatched.strata += 1;
      unmatched.controls += team.n;
      unmatched.hits += team.hits;
    } else matched.push({ team, peers });
  }
  const n = matched.reduce((s, m) => s + m.team.n, 0);
  const hits = matched.reduce((s, m) => s + m.team.hits, 0);
  const untested = { z: null, p: null, q: null, flagged: false, unmatched };
  if (n === 0)
    return {
      unit,
      n,
      hits,
      ownRate: null,
      benchmarkRate: null,
      difference: null,
      effectivePeerSize: null,
      ...untested,
      reason: 'No controls in strata where peers also have controls.',
    };
  let benchmarkRate = 0;
  let variance = 0;
  let inverseEss = 0;
  for (const { team, peers } of matched) {
    const w = team.n / n;
    const pooled = (team.hits + peers.hits) / (team.n + peers.n);
    benchmarkRate += (w * peers.hits) / peers.n;
    variance += w * w * pooled * (1 - pooled) * (1 / team.n + 1 / peers.n);
    inverseEss += (w * w) / peers.n;
  }
  const ownRate = hits / n;
  const base = {
    unit,
    n,
    hits,
    ownRate,
    benchmarkRate,
    difference: ownRate - benchmarkRate,
    effectivePeerSize: 1 / inverseEss,
  };
  if (n < minControls)
    return {
      ...base,
      ...untested,
      reason: `Too few controls to test: ${n} (at least ${minControls}).`,
    };
  if (variance === 0)
    return {
      ...base,
      ...untested,
      reason: 'No variation: in the team’s strata all or none of the controls are hits.',
    };
  const z = (ownRate - benchmarkRate) / Math.sqrt(variance);
  return { ...base, ...untested, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))), reason: null };
}

/**
 * Internal benchmarking after Ridgeway & MacDonald (2009, *JASA* 104:661–668), on grouped
 * counts: each team is compared with all other teams' controls reweighted to the team's own mix
 * of circumstances, so a team that works more in places, hours or reasons with low hit rates is
 * not mistaken for one that selects differently. With discrete strata s (place × hour band ×
 * reason) their propensity-score weights reduce to exact stratification: the benchmark is
 * B = Σ_s w_s · hits_peer,s / n_peer,s with w_s = n_team,s / n_team (direct standardisation to
 * the team's mix).
 *
 * Test: D = own rate − B = Σ_s w_s (p_team,s − p_peer,s). Under the null that team and peers
 * share each stratum's rate π_s, the two proportions are independent binomials and
 * Var(D) = Σ_s w_s² π_s(1 − π_s)(1/n_team,s + 1/n_peer,s), with π_s estimated from team and peers
 * pooled; z = D / √Var(D), two-sided normal p. The peer part is the variance of a weighted mean of
 * the peer controls (weight w_s / n_peer,s each), which for constant π is π(1 − π)/ESS with
 * ESS = 1 / Σ_s w_s²/n_peer,s, Kish's (1965) effective sample size, reported per team: a small
 * ESS means few peers resemble this team. Strata where the team has controls and no peer has any
 * cannot be benchmarked; they are left out and counted.
 *
 * Across teams the p-values are adjusted with Benjamini–Hochberg (1995) and teams with q < alpha
 * are flagged (Ridgeway & MacDonald use Efron's local false discovery rate, which needs many more
 * teams than a basic team's district has). Teams with fewer than `minControls` compared controls
 * or no variation get z, p and q null, with the reason, and are not flagged.
 */
export function internalBenchmark(
  cells: readonly BenchmarkCell[],
  options: InternalBenchmarkOptions = {},
): UnitBenchmark[] {
  const alpha = options.alpha ?? 0.05;
  const minControls = options.minControls ?? MIN_COUNT_FOR_TEST;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}.`);
  if (!Number.isInteger(minControls) || minControls < 1)
    throw new RangeError(`minControls must be a whole number ≥ 1, got ${minControls}.`);
  cells.forEach(checkCell);
  const { byUnit, byStratum } = tabulate(cells);
  const results = [...byUnit.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((unit) => benchmarkUnit(unit, byUnit.get(unit)!, byStratum, minControls));
  const tested = results.filter((r) => r.p !== null);
  const q = benjaminiHochberg(tested.map((r) => r.p!));
  tested.forEach((r, i) => {
    r.q = q[i]!;
    r.flagged = r.q < alpha;
  });
  return results;
}
