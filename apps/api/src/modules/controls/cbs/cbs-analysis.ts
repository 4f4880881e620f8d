import type {
  AnalysisShare,
  CbsAnalysis,
  CbsAnalysisQuery,
  CbsCrossCell,
  CbsExclusion,
  ControlPopulationBody,
  DisparityGroupRow,
} from '@pvi/contracts';
import {
  defaultDisclosureRules,
  explainSuppression,
  planDisclosure,
  presentShare,
  type DisclosureGroup,
  type DisclosureRules,
  type GroupDecision,
} from '@pvi/disclosure';
import {
  compareProportions,
  rateRatio,
  veilOfDarkness,
  wilsonInterval,
  type DarknessCell,
} from '@pvi/stats';
import { populationRate } from '../analysis/population-rate.ts';
import type { DarknessCount, OutcomeCount } from './cbs-aggregates.ts';

export const NOT_RECORDED = 'not_recorded';

const LABELS: Record<string, string> = {
  unknown_group: 'Group unknown or not linked at CBS',
  twilight: 'Between sunset and civil dusk (twilight)',
  population_missing: 'Group has no population figure in the request',
  rejected_rows: 'Rows of the file rejected at import (their controls are missing)',
  'zero-total': 'Cell without controls',
  'single-cell-area': 'Area with one cell only (no contrast)',
  'no-variation-area': 'Area where all or none are of the focus group',
};

export const rulesFor = (k: number): DisclosureRules => ({
  ...defaultDisclosureRules,
  minGroupSize: k,
  minOpenAnswerGroupSize: Math.max(k, defaultDisclosureRules.minOpenAnswerGroupSize),
  coarsenSharesBelow: k,
});

/** A share of n controls with its Wilson interval, or suppressed below k (presentShare). */
function shareOf(successes: number, n: number, rules: DisclosureRules): AnalysisShare {
  if (n === 0) return { n, successes: null, share: null, suppressed: 'No controls.' };
  if (presentShare(successes, n, rules).kind !== 'exact')
    return {
      n,
      successes: null,
      share: null,
      suppressed: `Fewer than ${rules.minGroupSize} controls: not shown.`,
    };
  return { n, successes, share: wilsonInterval(successes, n), suppressed: null };
}

interface GroupTotals {
  group: string;
  n: number;
  searched: number;
  searchHits: number;
}

/**
 * The plan for one cross table (groups × keys) with its margins and total: groups are the
 * planner's units under one national total, the keys the answers of one question, so the
 * planner's table rule does the complementary suppression of cells, rows and columns.
 */
function planTables(
  totals: GroupTotals[],
  tables: { question: string; cells: Map<string, Map<string, number>> }[],
  rules: DisclosureRules,
): Map<string, GroupDecision> {
  const all = totals.reduce((s, g) => s + g.n, 0);
  const groups: DisclosureGroup[] = [
    { id: 'N', parentId: null, level: 'national', kind: 'base', respondents: all, invited: all },
  ];
  for (const g of totals)
    groups.push({
      id: `g:${g.group}`,
      parentId: 'N',
      level: 'unit',
      kind: 'base',
      respondents: g.n,
      invited: g.n,
    });
  for (const { question, cells } of tables) {
    const margins = new Map<string, number>();
    for (const [group, row] of cells)
      for (const [key, n] of row) {
        if (n === 0) continue;
        margins.set(key, (margins.get(key) ?? 0) + n);
        groups.push({
          id: `g:${group}|${question}=${key}`,
          parentId: null,
          level: 'unit',
          kind: 'filtered',
          respondents: n,
          baseId: `g:${group}`,
          filterKey: `${question}=${key}`,
        });
      }
    for (const [key, n] of margins)
      groups.push({
        id: `N|${question}=${key}`,
        parentId: null,
        level: 'national',
        kind: 'filtered',
        respondents: n,
        baseId: 'N',
        filterKey: `${question}=${key}`,
      });
  }
  return new Map(planDisclosure(groups, rules).map((d) => [d.id, d]));
}

function hiddenWhy(d: GroupDecision | undefined, rules: DisclosureRules): string | null {
  if (!d || d.shown) return null;
  return explainSuppression(d.reasons, rules, 'en');
}

export interface CbsAnalysisInput {
  dataset: CbsAnalysis['dataset'];
  outcomes: OutcomeCount[];
  darkness: DarknessCount[];
  minCell: number;
  query: CbsAnalysisQuery;
  population: ControlPopulationBody['population'] | null;
}

/**
 * Item 3 of the measuring instrument on CBS aggregates: search rate, hit rate of searches with
 * the outcome test, the population ratio and the veil of darkness — the same pure functions and
 * the same shapes as the analysis of our own records — with every count through disclosure
 * control at k = minCell (complementary suppression where totals are shown).
 */
export function analyseAggregates(input: CbsAnalysisInput): Omit<CbsAnalysis, 'dataset'> & {
  dataset: CbsAnalysis['dataset'];
} {
  const rules = rulesFor(input.minCell);
  const k = input.minCell;
  const exclusions: CbsExclusion[] = [];
  const exclude = (
    analysis: string,
    reason: string,
    controls: number | null,
    description?: string,
  ) =>
    exclusions.push({
      analysis,
      reason,
      description: description ?? LABELS[reason] ?? reason,
      controls: controls !== null && controls > 0 && controls < k ? null : controls,
    });
  if (input.dataset.rowsRejected > 0)
    exclude(
      'import',
      'rejected_rows',
      null,
      `${input.dataset.rowsRejected} row(s) of the file were rejected at import; their controls are missing.`,
    );

  // Per group, and the two cross tables.
  const byGroup = new Map<string, GroupTotals>();
  const reasonCells = new Map<string, Map<string, number>>();
  const reasonLinked = new Map<string, number>();
  const outcomeCells = new Map<string, Map<string, number>>();
  const outcomeLinked = new Map<string, number>();
  let unknown = 0;
  const add = (m: Map<string, Map<string, number>>, g: string, key: string, n: number) => {
    const row = m.get(g) ?? new Map<string, number>();
    row.set(key, (row.get(key) ?? 0) + n);
    m.set(g, row);
  };
  for (const r of input.outcomes) {
    if (r.group === null) {
      unknown += r.controls;
      continue;
    }
    const g = byGroup.get(r.group) ?? { group: r.group, n: 0, searched: 0, searchHits: 0 };
    g.n += r.controls;
    g.searched += r.searches;
    if (r.outcome !== 'none') g.searchHits += r.searches;
    byGroup.set(r.group, g);
    const reason = r.selectionReason ?? NOT_RECORDED;
    add(reasonCells, r.group, reason, r.controls);
    reasonLinked.set(
      `${r.group}|${reason}`,
      (reasonLinked.get(`${r.group}|${reason}`) ?? 0) + r.outcomeLinked,
    );
    add(outcomeCells, r.group, r.outcome, r.controls);
    outcomeLinked.set(
      `${r.group}|${r.outcome}`,
      (outcomeLinked.get(`${r.group}|${r.outcome}`) ?? 0) + r.outcomeLinked,
    );
  }
  if (unknown > 0) exclude('disparity', 'unknown_group', unknown);
  const known = [...byGroup.values()].sort((a, b) => b.n - a.n || a.group.localeCompare(b.group));
  const plan = planTables(
    known,
    [
      { question: 'reason', cells: reasonCells },
      { question: 'outcome', cells: outcomeCells },
    ],
    rules,
  );
  const allKnown = known.reduce((s, g) => s + g.n, 0);
  const totalDecision = plan.get('N');
  const total = {
    controls: totalDecision?.shown ? allKnown : null,
    suppressed: hiddenWhy(totalDecision, rules),
  };

  const crossTable = (
    question: string,
    cells: Map<string, Map<string, number>>,
    linked: Map<string, number>,
  ) => {
    const keys = [...new Set([...cells.values()].flatMap((row) => [...row.keys()]))].sort();
    const out: CbsCrossCell[] = [];
    for (const g of known)
      for (const key of keys) {
        const n = cells.get(g.group)?.get(key) ?? 0;
        const d = plan.get(`g:${g.group}|${question}=${key}`);
        const rowHidden = plan.get(`g:${g.group}`)?.shown === false;
        const shown = n === 0 ? !rowHidden : d?.shown === true;
        out.push({
          group: g.group,
          key,
          controls: shown ? n : null,
          suppressed: shown
            ? null
            : (hiddenWhy(d ?? plan.get(`g:${g.group}`), rules) ?? 'Not shown.'),
          outcomeLinked:
            shown && n > 0 ? shareOf(linked.get(`${g.group}|${key}`) ?? 0, n, rules) : null,
        });
      }
    const margins = keys.map((key) => {
      const d = plan.get(`N|${question}=${key}`);
      const n = known.reduce((s, g) => s + (cells.get(g.group)?.get(key) ?? 0), 0);
      return { key, controls: d?.shown ? n : null, suppressed: hiddenWhy(d, rules) };
    });
    return { cells: out, margins };
  };

  // Disparity, as in the analysis of our records.
  let disparity: CbsAnalysis['disparity'] = null;
  let disparityReason: string | null = null;
  const ref = known.find((g) => g.group === (input.query.referenceGroup ?? known[0]?.group));
  if (known.length === 0) disparityReason = 'The dataset has no controls of a known group.';
  else if (!ref)
    disparityReason = `The reference group ${input.query.referenceGroup ?? ''} has no controls in the dataset.`;
  else {
    const residents = new Map((input.population ?? []).map((p) => [p.group, p.residents]));
    const refResidents = residents.get(ref.group);
    const missingPop = input.population
      ? known.filter((g) => !residents.has(g.group)).reduce((s, g) => s + g.n, 0)
      : 0;
    if (missingPop > 0) exclude('disparity:population', 'population_missing', missingPop);
    const refShown = plan.get(`g:${ref.group}`)?.shown === true;
    const groups: DisparityGroupRow[] = known.map((g) => {
      const d = plan.get(`g:${g.group}`);
      if (!d?.shown)
        return {
          group: g.group,
          controls: null,
          searchRate: shareOf(0, 0, rules),
          hitRateOfSearches: shareOf(0, 0, rules),
          outcomeTest: null,
          populationRate: null,
          suppressed: hiddenWhy(d, rules),
        };
      const hitRate = shareOf(g.searchHits, g.searched, rules);
      const isRef = g.group === ref.group;
      const cmp =
        !isRef && refShown && hitRate.share && ref.searched >= k
          ? compareProportions(g.searchHits, g.searched, ref.searchHits, ref.searched)
          : null;
      const pop = residents.get(g.group);
      const rr =
        pop !== undefined && refResidents !== undefined && refShown
          ? rateRatio(g.n, pop, ref.n, refResidents)
          : null;
      return {
        group: g.group,
        controls: g.n,
        searchRate: shareOf(g.searched, g.n, rules),
        hitRateOfSearches: hitRate,
        outcomeTest: cmp ? { difference: cmp.difference, test: cmp.test } : null,
        populationRate: populationRate(g.n, pop, rr),
        suppressed: null,
      };
    });
    disparity = { referenceGroup: ref.group, groups };
  }

  const veil = veilOf(input, known, ref?.group ?? null, exclude);
  return {
    dataset: input.dataset,
    minCellSize: k,
    total,
    disparity,
    disparityReason,
    bySelectionReason: crossTable('reason', reasonCells, reasonLinked),
    byOutcome: crossTable('outcome', outcomeCells, outcomeLinked),
    veilOfDarkness: veil.result,
    veilOfDarknessReason: veil.reason,
    exclusions,
  };
}

function veilOf(
  input: CbsAnalysisInput,
  known: GroupTotals[],
  reference: string | null,
  exclude: (analysis: string, reason: string, controls: number) => void,
): { result: CbsAnalysis['veilOfDarkness']; reason: string | null } {
  if (input.darkness.length === 0)
    return { result: null, reason: 'The dataset has no darkness table.' };
  // Groups by size: the outcome table's, else the darkness table's own.
  const sizes = new Map<string, number>();
  if (known.length) for (const g of known) sizes.set(g.group, g.n);
  else
    for (const r of input.darkness)
      if (r.group !== null) sizes.set(r.group, (sizes.get(r.group) ?? 0) + r.controls);
  const ordered = [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const ref = reference ?? ordered[0]?.[0];
  const focus = input.query.focusGroup ?? ordered.find(([g]) => g !== ref)?.[0];
  if (!focus)
    return { result: null, reason: 'Only one group in the dataset: no focus group to test.' };
  const cells = new Map<string, DarknessCell>();
  let unknown = 0;
  let twilight = 0;
  for (const r of input.darkness) {
    if (r.group === null) {
      unknown += r.controls;
      continue;
    }
    if (r.darkness === 'twilight') {
      twilight += r.controls;
      continue;
    }
    const dark = r.darkness === 'dark';
    const key = `${r.area}|${r.clockMinute}|${dark}`;
    const cell = cells.get(key) ?? {
      area: r.area,
      minuteOfDay: r.clockMinute,
      dark,
      focusGroup: 0,
      total: 0,
    };
    cell.total += r.controls;
    if (r.group === focus) cell.focusGroup += r.controls;
    cells.set(key, cell);
  }
  if (unknown > 0) exclude('veilOfDarkness', 'unknown_group', unknown);
  if (twilight > 0) exclude('veilOfDarkness', 'twilight', twilight);
  const v = veilOfDarkness([...cells.values()]);
  for (const e of v.excluded) if (e.controls > 0) exclude('veilOfDarkness', e.reason, e.controls);
  const k = input.minCell;
  const shown = (n: number) => (n > 0 && n < k ? null : n);
  return {
    reason: null,
    result: {
      focusGroup: focus,
      darkness: v.darkness
        ? {
            oddsRatio: v.darkness.oddsRatio,
            oddsRatioLower: v.darkness.oddsRatioLower,
            oddsRatioUpper: v.darkness.oddsRatioUpper,
            z: v.darkness.z,
            p: v.darkness.p,
          }
        : null,
      reason: v.reason,
      controlsUsed: shown(v.controlsUsed),
      darkControls: shown(v.darkControls),
      lightControls: shown(v.lightControls),
      cellsUsed: v.cellsUsed,
      areasUsed: v.areasUsed,
    },
  };
}
