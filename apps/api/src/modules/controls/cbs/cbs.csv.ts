import type { AnalysisShare, CbsAnalysis } from '@pvi/contracts';
import { toCsv } from '../../../http/csv.ts';
import { ANALYSIS_CSV_HEADER } from '../analysis/analysis.csv.ts';

type Line = unknown[];
const none = [null, null, null, null, null] as const;

const shareLine = (
  section: string,
  breakdown: string,
  key: string,
  measure: string,
  s: AnalysisShare,
): Line => [
  section,
  breakdown,
  key,
  key,
  measure,
  s.n,
  s.successes,
  s.share?.estimate ?? null,
  s.share?.lower ?? null,
  s.share?.upper ?? null,
  s.suppressed,
];

/**
 * The analysis of a CBS dataset as one CSV in the long form of the controls analysis
 * (`section,breakdown,key,label,measure,n,successes,estimate,lower,upper,note`). Only what the
 * JSON answer shows is in it: suppressed figures are empty with the reason in `note`.
 */
export function cbsAnalysisCsv(a: CbsAnalysis): string {
  const lines: Line[] = [
    [
      'dataset',
      a.dataset.source,
      a.dataset.id,
      a.dataset.name,
      'min_cell_size',
      a.minCellSize,
      ...none.slice(1),
      a.dataset.description,
    ],
    [
      'total',
      'known_group',
      'total',
      'Total',
      'controls',
      a.total.controls,
      ...none.slice(1),
      a.total.suppressed,
    ],
  ];
  if (a.disparity)
    for (const g of a.disparity.groups) {
      if (g.suppressed) {
        lines.push([
          'disparity',
          'group',
          g.group,
          g.group,
          'controls',
          null,
          ...none.slice(1),
          g.suppressed,
        ]);
        continue;
      }
      lines.push([
        'disparity',
        'group',
        g.group,
        g.group,
        'controls',
        g.controls,
        ...none.slice(1),
        null,
      ]);
      lines.push(shareLine('disparity', 'group', g.group, 'search_rate', g.searchRate));
      lines.push(
        shareLine('disparity', 'group', g.group, 'hit_rate_of_searches', g.hitRateOfSearches),
      );
      if (g.outcomeTest)
        lines.push([
          'disparity',
          'group',
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
          'group',
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
  else lines.push(['disparity', '', '', '', '', ...none, a.disparityReason]);
  for (const [section, table] of [
    ['by_selection_reason', a.bySelectionReason],
    ['by_outcome', a.byOutcome],
  ] as const) {
    for (const c of table.cells) {
      lines.push([
        section,
        c.group,
        c.key,
        c.key,
        'controls',
        c.controls,
        ...none.slice(1),
        c.suppressed,
      ]);
      if (c.outcomeLinked)
        lines.push(shareLine(section, c.group, c.key, 'hit_rate', c.outcomeLinked));
    }
    for (const m of table.margins)
      lines.push([
        section,
        'total',
        m.key,
        m.key,
        'controls',
        m.controls,
        ...none.slice(1),
        m.suppressed,
      ]);
  }
  const v = a.veilOfDarkness;
  lines.push(
    v
      ? [
          'veil_of_darkness',
          'focus_group',
          v.focusGroup,
          v.focusGroup,
          'odds_ratio_dark',
          v.controlsUsed,
          null,
          v.darkness?.oddsRatio ?? null,
          v.darkness?.oddsRatioLower ?? null,
          v.darkness?.oddsRatioUpper ?? null,
          v.reason ?? `p=${v.darkness?.p}`,
        ]
      : ['veil_of_darkness', '', '', '', '', ...none, a.veilOfDarknessReason],
  );
  for (const x of a.exclusions)
    lines.push([
      'exclusions',
      x.analysis,
      x.reason,
      x.description,
      'controls',
      x.controls,
      ...none.slice(1),
      null,
    ]);
  return toCsv(ANALYSIS_CSV_HEADER, lines);
}
