import type { AnalysisShare, ControlAnalysis } from '@pvi/contracts';
import { toCsv } from '../../../http/csv.ts';

/**
 * The analysis as one CSV: one table in long form, `section,breakdown,key,label,measure,n,
 * successes,estimate,lower,upper,note`, so every table of the JSON answer is in it and a
 * spreadsheet can pivot it. Cells pass through csvCell (CSV-injection safe).
 */
export const ANALYSIS_CSV_HEADER = [
  'section',
  'breakdown',
  'key',
  'label',
  'measure',
  'n',
  'successes',
  'estimate',
  'lower',
  'upper',
  'note',
] as const;

type Line = unknown[];

const shareLine = (
  section: string,
  breakdown: string,
  key: string,
  label: string,
  measure: string,
  s: AnalysisShare,
): Line => [
  section,
  breakdown,
  key,
  label,
  measure,
  s.n,
  s.successes,
  s.share?.estimate ?? null,
  s.share?.lower ?? null,
  s.share?.upper ?? null,
  s.suppressed,
];

export function analysisCsv(a: ControlAnalysis): string {
  const lines: Line[] = [];
  const q = a.quality;
  for (const [breakdown, rows] of [
    ['total', [q.total]],
    ['team', q.byTeam],
    ['month', q.byMonth],
  ] as const)
    for (const r of rows) {
      lines.push(shareLine('quality', breakdown, r.key, r.label, 'legal_basis', r.legalBasis));
      lines.push(shareLine('quality', breakdown, r.key, r.label, 'reason_text', r.reasonText));
      lines.push(shareLine('quality', breakdown, r.key, r.label, 'explained', r.explained));
    }
  const e = a.effectiveness;
  lines.push(shareLine('effectiveness', 'total', 'total', 'Total', 'hit_rate', e.total));
  for (const [breakdown, rows] of [
    ['selection_reason', e.bySelectionReason],
    ['legal_basis', e.byLegalBasis],
    ['initiative', e.byInitiative],
    ['team', e.byTeam],
  ] as const)
    for (const r of rows)
      lines.push(shareLine('effectiveness', breakdown, r.key, r.label, 'hit_rate', r.hitRate));
  for (const table of [a.benchmark.overall, ...a.benchmark.bySelectionReason])
    for (const t of table.teams)
      lines.push([
        'benchmark',
        table.selectionReason ?? 'all',
        t.teamId,
        t.teamName,
        'own_vs_benchmark',
        t.n,
        t.hits,
        t.ownRate,
        t.benchmarkRate,
        t.difference,
        [
          `z=${t.z ?? ''}`,
          `p=${t.p ?? ''}`,
          `q=${t.q ?? ''}`,
          t.flagged ? 'flagged' : '',
          t.reason ?? '',
        ]
          .filter(Boolean)
          .join('; '),
      ]);
  if (a.disparity)
    for (const g of a.disparity.groups) {
      const b = a.disparity.groupAttribute;
      lines.push(shareLine('disparity', b, g.group, g.group, 'search_rate', g.searchRate));
      lines.push(
        shareLine('disparity', b, g.group, g.group, 'hit_rate_of_searches', g.hitRateOfSearches),
      );
      if (g.outcomeTest)
        lines.push([
          'disparity',
          b,
          g.group,
          g.group,
          `hit_rate_difference_vs_${a.disparity.referenceGroup}`,
          null,
          null,
          g.outcomeTest.difference.estimate,
          g.outcomeTest.difference.lower,
          g.outcomeTest.difference.upper,
          g.outcomeTest.test.reason ?? `z=${g.outcomeTest.test.z}; p=${g.outcomeTest.test.p}`,
        ]);
      if (g.populationRate)
        lines.push([
          'disparity',
          b,
          g.group,
          g.group,
          `rate_ratio_vs_${a.disparity.referenceGroup}`,
          g.controls,
          g.populationRate.residents,
          g.populationRate.ratio,
          g.populationRate.lower,
          g.populationRate.upper,
          `per 1000 residents: ${g.populationRate.perThousand}`,
        ]);
    }
  else lines.push(['disparity', '', '', '', '', null, null, null, null, null, a.disparityReason]);
  const v = a.veilOfDarkness;
  if (v)
    lines.push([
      'veil_of_darkness',
      v.groupAttribute,
      v.focusGroup,
      v.focusGroup,
      'odds_ratio_dark',
      v.controlsUsed,
      null,
      v.darkness?.oddsRatio ?? null,
      v.darkness?.oddsRatioLower ?? null,
      v.darkness?.oddsRatioUpper ?? null,
      v.reason ?? `p=${v.darkness?.p}`,
    ]);
  else
    lines.push([
      'veil_of_darkness',
      '',
      '',
      '',
      '',
      null,
      null,
      null,
      null,
      null,
      a.veilOfDarknessReason,
    ]);
  for (const x of a.exclusions)
    lines.push([
      'exclusions',
      x.analysis,
      x.reason,
      x.description,
      'controls',
      x.controls,
      null,
      null,
      null,
      null,
      null,
    ]);
  return toCsv(ANALYSIS_CSV_HEADER, lines);
}
