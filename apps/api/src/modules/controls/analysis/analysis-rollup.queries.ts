import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@pvi/db';
import { controlSources, type GroupAttribute } from '@pvi/contracts';
import { ROLLUPS } from './analysis-rollup.ts';
import type {
  AnalysisFilter,
  BenchmarkCountRow,
  EffectivenessCountRow,
  ExclusionCounts,
  GroupCountRow,
  QualityCountRow,
} from './analysis.repository.ts';

/**
 * The analysis queries of analysis.repository.ts, answered from the rollups: the same rows, by
 * summing rollup cells instead of counting controls.
 */

const amsterdamStart = (day: string) =>
  sql`(${day}::date::timestamp at time zone 'Europe/Amsterdam')`;

/** Every source: lets the (source, occurred_at) index find the edge days of a national scope. */
const ALL_SOURCES = sql.raw(controlSources.map((x) => `'${x}'`).join(', '));

/**
 * The cells of one monthly rollup for the filter: its stored cells of the whole months, and the
 * same cells computed from `controls` for the days before and after them (none when the period is
 * whole months).
 */
function monthlyCells(rollup: (typeof ROLLUPS)[keyof typeof ROLLUPS], f: AnalysisFilter): SQL {
  const columns = sql.raw([...rollup.keys, ...rollup.measures].map((k) => `c.${k}`).join(', '));
  const m = f.months;
  const fromRaw = (where: SQL) => rollup.select(sql`(select * from controls c where ${where}) c`);
  if (!m) return fromRaw(f.raw);
  const edges: SQL[] = [];
  if (f.from < m.first) edges.push(sql`c.occurred_at < ${amsterdamStart(m.first)}`);
  if (m.end <= f.to) edges.push(sql`c.occurred_at >= ${amsterdamStart(m.end)}`);
  const stored = sql`select ${columns} from ${sql.raw(rollup.table)} c
      where ${f.scope} and c.month >= ${m.first}::date and c.month < ${m.end}::date`;
  if (edges.length === 0) return stored;
  return sql`${stored} union all ${fromRaw(
    sql`${f.raw} and c.source in (${ALL_SOURCES}) and (${sql.join(edges, sql` or `)})`,
  )}`;
}

const sum = (expr: string) => sql.raw(`coalesce(sum(${expr}), 0)::int`);

export async function qualityCounts(ex: Executor, f: AnalysisFilter): Promise<QualityCountRow[]> {
  return queryRows<QualityCountRow>(
    ex,
    sql`with cells as (${monthlyCells(ROLLUPS.base, f)})
        select c.team_id as "teamId", max(t.name) as "teamName",
          to_char(c.local_month, 'YYYY-MM') as month,
          grouping(c.team_id) = 0 as "byTeam", grouping(c.local_month) = 0 as "byMonth",
          ${sum('c.controls')} as n, ${sum('c.legal')} as legal,
          ${sum('c.reason_text')} as "reasonText", ${sum('c.explained')} as explained,
          ${sum('c.explained_known')} as "explainedKnown"
        from cells c left join teams t on t.id = c.team_id
        group by grouping sets ((c.team_id), (c.local_month), ())`,
  );
}

export async function effectivenessCounts(
  ex: Executor,
  f: AnalysisFilter,
): Promise<EffectivenessCountRow[]> {
  return queryRows<EffectivenessCountRow>(
    ex,
    sql`with dims as (${monthlyCells(ROLLUPS.dims, f)}), base as (${monthlyCells(ROLLUPS.base, f)})
        select c.dimension, c.key, null as label, ${sum('c.link_known')} as n,
          ${sum('c.hits')} as hits, ${sum('c.controls - c.link_known')} as "unknownLink"
        from dims c group by c.dimension, c.key
        union all
        select case when grouping(c.team_id) = 0 then 'team' else 'total' end, c.team_id::text,
          max(t.name), ${sum('c.link_known')}, ${sum('c.hits')},
          ${sum('c.controls - c.link_known')}
        from base c left join teams t on t.id = c.team_id
        group by grouping sets ((c.team_id), ())`,
  );
}

export async function benchmarkCells(
  ex: Executor,
  f: AnalysisFilter,
): Promise<BenchmarkCountRow[]> {
  return queryRows<BenchmarkCountRow>(
    ex,
    sql`with cells as (${monthlyCells(ROLLUPS.benchmark, f)}),
        summed as (
          select c.team_id, c.gemeente_code, c.hour_band, c.selection_reason,
            ${sum('c.controls')} as n, ${sum('c.hits')} as hits
          from cells c group by c.team_id, c.gemeente_code, c.hour_band, c.selection_reason)
        select c.team_id as "teamId", t.name as "teamName", c.gemeente_code as "gemeenteCode",
          c.hour_band::int as "hourBand", c.selection_reason as "selectionReason", c.n, c.hits
        from summed c left join teams t on t.id = c.team_id`,
  );
}

interface BaseSums extends ExclusionCounts {
  bxNoTeam: number;
  bxNoTime: number;
  bxNoGemeente: number;
  bxNoReason: number;
  bxNoLink: number;
}

async function baseSums(ex: Executor, f: AnalysisFilter): Promise<BaseSums> {
  const rows = await queryRows<BaseSums>(
    ex,
    sql`with cells as (${monthlyCells(ROLLUPS.base, f)})
        select ${sum('c.controls')} as total,
          ${sum('c.controls) filter (where c.team_id is null')} as "noTeam",
          ${sum('c.no_time')} as "noTime",
          ${sum('c.controls) filter (where c.gemeente_code is null')} as "noGemeente",
          ${sum('c.no_reason')} as "noReason", ${sum('c.controls - c.link_known')} as "noLink",
          ${sum('c.no_legal_basis')} as "noLegalBasis", ${sum('c.no_initiative')} as "noInitiative",
          ${sum('c.controls - c.explained_known')} as "explainedUnknown",
          ${sum('c.group_self')} as "groupSelfDefined",
          ${sum('c.group_officer')} as "groupOfficerDefined", ${sum('c.group_opp')} as "groupOpp",
          ${sum('c.bx_no_team')} as "bxNoTeam", ${sum('c.bx_no_time')} as "bxNoTime",
          ${sum('c.bx_no_gemeente')} as "bxNoGemeente", ${sum('c.bx_no_reason')} as "bxNoReason",
          ${sum('c.bx_no_link')} as "bxNoLink"
        from cells c`,
  );
  return rows[0]!;
}

export async function exclusionCounts(ex: Executor, f: AnalysisFilter): Promise<ExclusionCounts> {
  const s = await baseSums(ex, f);
  return {
    total: s.total,
    noTeam: s.noTeam,
    noTime: s.noTime,
    noGemeente: s.noGemeente,
    noReason: s.noReason,
    noLink: s.noLink,
    noLegalBasis: s.noLegalBasis,
    noInitiative: s.noInitiative,
    explainedUnknown: s.explainedUnknown,
    groupSelfDefined: s.groupSelfDefined,
    groupOfficerDefined: s.groupOfficerDefined,
    groupOpp: s.groupOpp,
  };
}

export async function benchmarkExclusions(ex: Executor, f: AnalysisFilter) {
  const s = await baseSums(ex, f);
  return (
    [
      ['no_team', s.bxNoTeam],
      ['no_time', s.bxNoTime],
      ['no_gemeente', s.bxNoGemeente],
      ['no_selection_reason', s.bxNoReason],
      ['no_outcome_link', s.bxNoLink],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([reason, controls]) => ({ reason, controls }));
}

const ROLLUP_GROUP: Record<GroupAttribute, SQL> = {
  self_defined: sql.raw('c.group_self_defined'),
  officer_defined: sql.raw('c.group_officer_defined'),
  opp: sql.raw('c.group_opp'),
};

export async function groupCounts(
  ex: Executor,
  f: AnalysisFilter,
  attribute: GroupAttribute,
): Promise<GroupCountRow[]> {
  return queryRows<GroupCountRow>(
    ex,
    sql`with cells as (${monthlyCells(ROLLUPS.groups, f)})
        select ${ROLLUP_GROUP[attribute]} as "group", ${sum('c.controls')} as n,
          ${sum('c.searched')} as searched, ${sum('c.search_hits')} as "searchHits"
        from cells c group by 1`,
  );
}

export interface DarknessClassRow {
  class: string;
  area: string | null;
  minute: number | null;
  total: number;
  focus: number;
}

/**
 * The veil-of-darkness cells of the filter from the darkness rollup (kept by Amsterdam day: no
 * edges to add), whose controls were classified as they were folded (pvi_daylight_class,
 * migration 0011: the checks of darknessInput in the same order): light and dark cells by area
 * and minute, the rest counted by reason.
 */
export async function darknessClasses(
  ex: Executor,
  f: AnalysisFilter,
  attribute: GroupAttribute,
  focusGroup: string,
): Promise<DarknessClassRow[]> {
  const col = ROLLUP_GROUP[attribute];
  return queryRows<DarknessClassRow>(
    ex,
    sql`select c.daylight as class, case when c.daylight in ('light', 'dark') then c.area end as area,
          c.minute::int as minute, sum(c.controls)::int as total,
          coalesce(sum(c.controls) filter (where ${col} = ${focusGroup}), 0)::int as focus
        from control_analysis_darkness c
        where ${f.scope} and c.day >= ${f.from}::date and c.day <= ${f.to}::date
          and ${col} is not null
        group by 1, 2, 3 order by 2, 3, 1`,
  );
}
