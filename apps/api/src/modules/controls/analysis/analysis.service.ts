import type { Database } from '@pvi/db';
import type {
  AnalysisExclusion,
  AnalysisShare,
  BenchmarkRow,
  ControlAnalysis,
  ControlAnalysisQuery,
  ControlPopulationBody,
  DisparityGroupRow,
  GroupAttribute,
  QualityRow,
  RateRow,
} from '@pvi/contracts';
import { groupAttributes } from '@pvi/contracts';
import { defaultDisclosureRules, presentShare, type DisclosureRules } from '@pvi/disclosure';
import {
  compareProportions,
  internalBenchmark,
  rateRatio,
  veilOfDarkness,
  wilsonInterval,
  type BenchmarkCell,
} from '@pvi/stats';
import { AppError } from '../../../errors.ts';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import type { ControlScope } from '../controls.repository.ts';
import * as repo from './analysis.repository.ts';
import { darknessFromDatabase, darknessInput } from './analysis-darkness.ts';
import { populationRate } from './population-rate.ts';

/** Figures about fewer than this many controls are not shown per cell. */
export const MIN_CELL = 5;
const CELL_RULES: DisclosureRules = {
  ...defaultDisclosureRules,
  minGroupSize: MIN_CELL,
  coarsenSharesBelow: MIN_CELL,
};
export const SUPPRESSED_REASON = `Fewer than ${MIN_CELL} controls: not shown.`;

export type AnalysisLevel = 'team' | 'district' | 'unit' | 'national';

/** A share with its Wilson 95 % interval, or suppressed below MIN_CELL controls. */
export function shareOf(successes: number, n: number): AnalysisShare {
  if (n === 0) return { n, successes: null, share: null, suppressed: 'No controls.' };
  const shown = presentShare(successes, n, CELL_RULES);
  if (shown.kind !== 'exact')
    return { n, successes: null, share: null, suppressed: SUPPRESSED_REASON };
  return { n, successes, share: wilsonInterval(successes, n), suppressed: null };
}

const LABELS: Record<string, string> = {
  no_team: 'Not one of our teams (imported foreign data)',
  no_time: 'No time of day (the source gives only a date)',
  no_gemeente: 'No gemeente (area) recorded',
  no_selection_reason: 'No selection reason recorded',
  no_outcome_link: 'Not recorded whether the outcome was linked to the reason',
  no_legal_basis: 'No legal basis recorded',
  no_initiative: 'No initiative recorded',
  explained_unknown: 'Not recorded whether the reason was explained (imported data)',
  unknown_group: 'Group unknown (not recorded)',
  no_coordinates: 'No coordinates: no own position and no area centroid',
  no_time_zone: 'Local clock of the source unknown (OPP times carry no zone)',
  no_sun_times: 'Sun times could not be computed at the position',
  outside_window: 'Outside the inter-twilight window',
  twilight: 'Between sunset and civil dusk (twilight)',
  unmatched_stratum: 'Stratum (gemeente × hour band × reason) where no peer team worked',
  team_not_tested: 'Team not tested (too few compared controls or no variation)',
  population_missing: 'Group has no population figure in the request',
  'zero-total': 'Cell without controls',
  'single-cell-area': 'Area with one cell only (no contrast)',
  'no-variation-area': 'Area where all or none are of the focus group',
};

function exclusion(analysis: string, reason: string, controls: number): AnalysisExclusion {
  return { analysis, reason, description: LABELS[reason] ?? reason, controls };
}

const hourBandLabel = (band: number) => {
  const from = band * repo.HOUR_BAND_HOURS;
  return `${String(from).padStart(2, '0')}-${String(from + repo.HOUR_BAND_HOURS).padStart(2, '0')}`;
};

function qualityRowOf(key: string, label: string, r: repo.QualityCountRow): QualityRow {
  return {
    key,
    label,
    controls: r.n,
    legalBasis: shareOf(r.legal, r.n),
    reasonText: shareOf(r.reasonText, r.n),
    explained: shareOf(r.explained, r.explainedKnown),
  };
}

function benchmarkTable(
  cells: repo.BenchmarkCountRow[],
  names: Map<string, string>,
  exclusions: AnalysisExclusion[],
  selectionReason: string | null,
): { selectionReason: string | null; teams: BenchmarkRow[] } {
  const input: BenchmarkCell[] = cells.map((c) => ({
    unit: c.teamId,
    stratum: `${c.gemeenteCode}|${hourBandLabel(c.hourBand)}|${c.selectionReason}`,
    n: c.n,
    hits: c.hits,
  }));
  const result = internalBenchmark(input);
  const analysis = selectionReason ? `benchmark:${selectionReason}` : 'benchmark';
  const unmatched = result.reduce((s, r) => s + r.unmatched.controls, 0);
  if (unmatched > 0) exclusions.push(exclusion(analysis, 'unmatched_stratum', unmatched));
  const notTested = result.filter((r) => r.p === null).reduce((s, r) => s + r.n, 0);
  if (notTested > 0) exclusions.push(exclusion(analysis, 'team_not_tested', notTested));
  return {
    selectionReason,
    teams: result.map((r) => {
      const small = r.n < MIN_CELL;
      return {
        teamId: r.unit,
        teamName: names.get(r.unit) ?? r.unit,
        n: r.n,
        hits: small ? null : r.hits,
        ownRate: small ? null : r.ownRate,
        benchmarkRate: small ? null : r.benchmarkRate,
        difference: small ? null : r.difference,
        effectivePeerSize: r.effectivePeerSize,
        z: r.z,
        p: r.p,
        q: r.q,
        flagged: r.flagged,
        reason: small ? SUPPRESSED_REASON : r.reason,
        unmatchedControls: r.unmatched.controls,
      };
    }),
  };
}

export { darknessInput } from './analysis-darkness.ts';

const GROUP_FIELD: Record<GroupAttribute, keyof repo.ExclusionCounts> = {
  self_defined: 'groupSelfDefined',
  officer_defined: 'groupOfficerDefined',
  opp: 'groupOpp',
};

/** The calendar day in Amsterdam, YYYY-MM-DD. */
const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function createControlAnalysisService(deps: {
  db: Database;
  audit: AuditService;
  now?: () => Date;
}) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function analyse(
    actor: Actor,
    level: AnalysisLevel,
    id: string | null,
    query: ControlAnalysisQuery,
    population: ControlPopulationBody['population'] | null = null,
  ): Promise<ControlAnalysis> {
    const to = query.to ?? amsterdamDay.format(now());
    // A year back; 29 February has none, so 28 February.
    const from =
      query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4).replace('-02-29', '-02-28')}`;
    const q = { ...query, from, to };
    if (q.to < q.from)
      throw new AppError('validation_failed', 'The period ends before it starts.', {
        invalidParams: [{ name: 'to', code: 'before_from', reason: 'to must not be before from' }],
      });
    const scope: ControlScope =
      level === 'national' ? { kind: 'national' } : { kind: level, id: id! };
    const where = repo.baseWhere(scope, q);
    return db.transaction(async (tx) => {
      await audit.record(tx, actor, {
        action: 'read',
        recordType: 'control_analysis',
        recordId: id ?? 'national',
        details: { level, ...q, population: population !== null },
      });
      const exclusions: AnalysisExclusion[] = [];
      const counts = await repo.exclusionCounts(tx, where);

      // 1. Registration quality
      const qrows = await repo.qualityCounts(tx, where);
      const qTotal = qrows.find((r) => !r.byTeam && !r.byMonth);
      const emptyQ: repo.QualityCountRow = {
        teamId: null,
        teamName: null,
        month: null,
        byTeam: false,
        byMonth: false,
        n: 0,
        legal: 0,
        reasonText: 0,
        explained: 0,
        explainedKnown: 0,
      };
      const quality = {
        controls: counts.total,
        total: qualityRowOf('total', 'Total', qTotal ?? emptyQ),
        byTeam: qrows
          .filter((r) => r.byTeam)
          .sort((a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? ''))
          .map((r) =>
            qualityRowOf(
              r.teamId ?? 'none',
              r.teamId ? (r.teamName ?? r.teamId) : 'No team (imported)',
              r,
            ),
          ),
        byMonth: qrows
          .filter((r) => r.byMonth)
          .sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''))
          .map((r) => qualityRowOf(r.month!, r.month!, r)),
      };
      if (counts.explainedUnknown > 0)
        exclusions.push(
          exclusion('quality:explained', 'explained_unknown', counts.explainedUnknown),
        );

      // 2. Effectiveness
      const erows = await repo.effectivenessCounts(tx, where);
      const rateRows = (dimension: repo.EffectivenessCountRow['dimension']): RateRow[] =>
        erows
          .filter((r) => r.dimension === dimension && r.key !== null)
          .map((r) => ({
            key: r.key!,
            label: dimension === 'team' ? (r.label ?? r.key!) : r.key!,
            hitRate: shareOf(r.hits, r.n),
          }))
          .sort((a, b) => a.label.localeCompare(b.label));
      const eTotal = erows.find((r) => r.dimension === 'total');
      const effectiveness = {
        total: shareOf(eTotal?.hits ?? 0, eTotal?.n ?? 0),
        bySelectionReason: rateRows('selectionReason'),
        byLegalBasis: rateRows('legalBasis'),
        byInitiative: rateRows('initiative'),
        byTeam: rateRows('team'),
      };
      if (counts.noLink > 0)
        exclusions.push(exclusion('effectiveness', 'no_outcome_link', counts.noLink));
      for (const [dimension, reason, n] of [
        ['effectiveness:selectionReason', 'no_selection_reason', counts.noReason],
        ['effectiveness:legalBasis', 'no_legal_basis', counts.noLegalBasis],
        ['effectiveness:initiative', 'no_initiative', counts.noInitiative],
        ['effectiveness:team', 'no_team', counts.noTeam],
      ] as const)
        if (n > 0) exclusions.push(exclusion(dimension, reason, n));

      // 3. Internal benchmark
      const cells = await repo.benchmarkCells(tx, where);
      for (const e of await repo.benchmarkExclusions(tx, where))
        exclusions.push(exclusion('benchmark', e.reason, e.controls));
      const names = new Map(cells.map((c) => [c.teamId, c.teamName ?? c.teamId]));
      const reasons = [...new Set(cells.map((c) => c.selectionReason))].sort();
      const benchmark = {
        method:
          'Internal benchmarking (Ridgeway & MacDonald 2009): each team against peers in the same ' +
          `gemeente × ${repo.HOUR_BAND_HOURS}-hour band × selection reason, peers reweighted to the ` +
          "team's mix; z, two-sided p, Benjamini–Hochberg q across teams; flagged when q < 0.05.",
        overall: benchmarkTable(cells, names, exclusions, null),
        bySelectionReason: reasons.map((reason) =>
          benchmarkTable(
            cells.filter((c) => c.selectionReason === reason),
            names,
            exclusions,
            reason,
          ),
        ),
      };

      // 4. Disparity and the veil of darkness: only with a group attribute
      const available = groupAttributes.filter((a) => counts[GROUP_FIELD[a]] > 0);
      const attribute: GroupAttribute | null =
        q.groupAttribute ??
        [...available].sort((a, b) => counts[GROUP_FIELD[b]] - counts[GROUP_FIELD[a]])[0] ??
        null;
      let disparity: ControlAnalysis['disparity'] = null;
      let disparityReason: string | null = null;
      let veil: ControlAnalysis['veilOfDarkness'] = null;
      let veilReason: string | null = null;
      if (!attribute || counts[GROUP_FIELD[attribute]] === 0) {
        disparityReason = veilReason =
          'No group attribute: none of the controls in scope records a group ' +
          '(our own registrations never do; imported police.uk or OPP data may).';
      } else {
        const grows = await repo.groupCounts(tx, where, attribute);
        const unknown = grows.filter((g) => g.group === null).reduce((s, g) => s + g.n, 0);
        if (unknown > 0) exclusions.push(exclusion('disparity', 'unknown_group', unknown));
        const known = grows.filter(
          (g): g is repo.GroupCountRow & { group: string } => g.group !== null,
        );
        known.sort((a, b) => b.n - a.n || a.group.localeCompare(b.group));
        const ref = known.find((g) => g.group === (q.referenceGroup ?? known[0]!.group));
        if (!ref) {
          disparityReason = `The reference group ${q.referenceGroup ?? ''} has no controls in scope.`;
        } else {
          const residents = new Map((population ?? []).map((p) => [p.group, p.residents]));
          const refResidents = residents.get(ref.group);
          const missingPop = population
            ? known.filter((g) => !residents.has(g.group)).reduce((s, g) => s + g.n, 0)
            : 0;
          if (missingPop > 0)
            exclusions.push(exclusion('disparity:population', 'population_missing', missingPop));
          const groups: DisparityGroupRow[] = known.map((g) => {
            if (g.n < MIN_CELL)
              return {
                group: g.group,
                controls: null,
                searchRate: shareOf(0, 0),
                hitRateOfSearches: shareOf(0, 0),
                outcomeTest: null,
                populationRate: null,
                suppressed: SUPPRESSED_REASON,
              };
            const hitRate = shareOf(g.searchHits, g.searched);
            const isRef = g.group === ref.group;
            const cmp =
              !isRef && hitRate.share && ref.searched >= MIN_CELL
                ? compareProportions(g.searchHits, g.searched, ref.searchHits, ref.searched)
                : null;
            const pop = residents.get(g.group);
            const rr =
              pop !== undefined && refResidents !== undefined
                ? rateRatio(g.n, pop, ref.n, refResidents)
                : null;
            return {
              group: g.group,
              controls: g.n,
              searchRate: shareOf(g.searched, g.n),
              hitRateOfSearches: hitRate,
              outcomeTest: cmp ? { difference: cmp.difference, test: cmp.test } : null,
              populationRate: populationRate(g.n, pop, rr),
              suppressed: null,
            };
          });
          disparity = { groupAttribute: attribute, referenceGroup: ref.group, groups };

          // Veil of darkness
          const focus = q.focusGroup ?? known.find((g) => g.group !== ref.group)?.group;
          if (!focus) {
            veilReason = 'Only one group in scope: no focus group to test.';
          } else {
            if (counts.noTime > 0)
              exclusions.push(exclusion('veilOfDarkness', 'no_time', counts.noTime));
            if (unknown > 0) exclusions.push(exclusion('veilOfDarkness', 'unknown_group', unknown));
            // From the rollup: classified in SQL; else the control cells classified here.
            const input = where.useRollup
              ? await darknessFromDatabase(tx, where, attribute, focus)
              : darknessInput(await repo.darknessCells(tx, where, attribute, focus));
            for (const [reason, n] of input.excluded)
              exclusions.push(exclusion('veilOfDarkness', reason, n));
            const v = veilOfDarkness(input.cells);
            for (const e of v.excluded)
              if (e.controls > 0)
                exclusions.push(exclusion('veilOfDarkness', e.reason, e.controls));
            veil = {
              focusGroup: focus,
              groupAttribute: attribute,
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
              controlsUsed: v.controlsUsed,
              darkControls: v.darkControls,
              lightControls: v.lightControls,
              cellsUsed: v.cellsUsed,
              areasUsed: v.areasUsed,
            };
          }
        }
      }

      return {
        scope: {
          level,
          id,
          from: q.from,
          to: q.to,
          gemeenteCode: q.gemeenteCode ?? null,
          source: q.source ?? null,
        },
        minCellSize: MIN_CELL,
        quality,
        effectiveness,
        benchmark,
        disparity,
        disparityReason,
        veilOfDarkness: veil,
        veilOfDarknessReason: veilReason,
        exclusions,
      };
    });
  }

  return { analyse };
}
export type ControlAnalysisService = ReturnType<typeof createControlAnalysisService>;
