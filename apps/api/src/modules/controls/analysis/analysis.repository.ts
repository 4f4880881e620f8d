import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@pvi/db';
import type { ControlAnalysisQuery, GroupAttribute } from '@pvi/contracts';
import { scopeCondition, type ControlScope } from '../controls.repository.ts';
import { LOCAL_TIME } from './analysis-rollup.ts';
import * as rollup from './analysis-rollup.queries.ts';

export { darknessClasses } from './analysis-rollup.queries.ts';

/**
 * Every query here is a GROUP BY in the database: the analysis works on grouped counts only and
 * never loads control rows into Node. Two sources give the same counts: the analysis rollups
 * (`control_analysis_*`, analysis-rollup.ts) for the whole Amsterdam months inside the period plus
 * `controls` for the days at its edges, or `controls` alone (`PVI_ANALYSIS_ROLLUP=off`, and the
 * officer scope, which the rollups do not key). docs/controls-analysis.md, "Computation".
 */

/** The column of each group attribute (docs/controls.md). */
export const GROUP_COLUMN: Record<GroupAttribute, SQL> = {
  self_defined: sql.raw('c.group_self_defined'),
  officer_defined: sql.raw('c.group_officer_defined'),
  opp: sql.raw('c.group_opp'),
};

/** A group value counts as known when it is filled. */
export const knownGroup = (col: SQL) => sql`nullif(btrim(${col}), '') is not null`;

/** What the analysis selects: scope, period, gemeente and source; and where to read it. */
export interface AnalysisFilter {
  /** The condition on `controls c`. */
  raw: SQL;
  /** Scope, gemeente and source on a rollup aliased `c` (the period apart). */
  scope: SQL;
  from: string;
  to: string;
  useRollup: boolean;
  /** Whole Amsterdam months in the period, [first, end) as YYYY-MM-01; null when none. */
  months: { first: string; end: string } | null;
}

const amsterdamStart = (day: string) =>
  sql`(${day}::date::timestamp at time zone 'Europe/Amsterdam')`;
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The whole calendar months from `from` to `to` (inclusive days), or null. */
export function wholeMonths(from: string, to: string): { first: string; end: string } | null {
  const first = from.endsWith('-01') ? from : monthAfter(from);
  const end = `${nextDay(to).slice(0, 7)}-01`;
  return first < end ? { first, end } : null;
}
function monthAfter(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Scope, period (Amsterdam calendar days, inclusive), gemeente and source. */
export function baseWhere(
  scope: ControlScope,
  q: ControlAnalysisQuery & { from: string; to: string },
): AnalysisFilter {
  const where = [
    scopeCondition(scope),
    sql`c.occurred_at >= ${amsterdamStart(q.from)}`,
    sql`c.occurred_at < ${amsterdamStart(nextDay(q.to))}`,
  ];
  const scoped = [scopeCondition(scope)];
  if (q.gemeenteCode) {
    where.push(sql`c.gemeente_code = ${q.gemeenteCode}`);
    scoped.push(sql`c.gemeente_code = ${q.gemeenteCode}`);
  }
  if (q.source) {
    where.push(sql`c.source = ${q.source}`);
    scoped.push(sql`c.source = ${q.source}`);
  }
  const useRollup = scope.kind !== 'officer' && process.env.PVI_ANALYSIS_ROLLUP !== 'off';
  return {
    raw: sql.join(where, sql` and `),
    scope: sql.join(scoped, sql` and `),
    from: q.from,
    to: q.to,
    useRollup,
    months: useRollup ? wholeMonths(q.from, q.to) : null,
  };
}

export interface QualityCountRow {
  teamId: string | null;
  teamName: string | null;
  month: string | null;
  byTeam: boolean;
  byMonth: boolean;
  n: number;
  legal: number;
  reasonText: number;
  explained: number;
  explainedKnown: number;
}

/** Registration quality, by team, by month and in total (grouping sets). */
export async function qualityCounts(ex: Executor, f: AnalysisFilter): Promise<QualityCountRow[]> {
  if (f.useRollup) return rollup.qualityCounts(ex, f);
  return queryRows<QualityCountRow>(
    ex,
    sql`select c.team_id as "teamId", max(t.name) as "teamName",
          to_char(c.local_month, 'YYYY-MM') as month,
          grouping(c.team_id) = 0 as "byTeam", grouping(c.local_month) = 0 as "byMonth",
          count(*)::int as n,
          count(*) filter (where c.legal_basis is not null and c.legal_basis <> 'other')::int as legal,
          count(*) filter (where coalesce(btrim(c.reason_text), '') <> '')::int as "reasonText",
          count(*) filter (where c.explained)::int as explained,
          count(*) filter (where c.explained is not null)::int as "explainedKnown"
        from controls c left join teams t on t.id = c.team_id
        where ${f.raw}
        group by grouping sets ((c.team_id), (c.local_month), ())`,
  );
}

export interface EffectivenessCountRow {
  dimension: 'selectionReason' | 'legalBasis' | 'initiative' | 'team' | 'total';
  key: string | null;
  label: string | null;
  n: number;
  hits: number;
  unknownLink: number;
}

/** Hits (outcome linked to the reason) by reason, legal basis, initiative, team and in total. */
export async function effectivenessCounts(
  ex: Executor,
  f: AnalysisFilter,
): Promise<EffectivenessCountRow[]> {
  if (f.useRollup) return rollup.effectivenessCounts(ex, f);
  return queryRows<EffectivenessCountRow>(
    ex,
    sql`select
          case when grouping(c.selection_reason) = 0 then 'selectionReason'
               when grouping(c.legal_basis) = 0 then 'legalBasis'
               when grouping(c.initiative) = 0 then 'initiative'
               when grouping(c.team_id) = 0 then 'team' else 'total' end as dimension,
          coalesce(c.selection_reason, c.legal_basis, c.initiative, c.team_id::text) as key,
          max(t.name) as label,
          count(*) filter (where c.outcome_linked is not null)::int as n,
          count(*) filter (where c.outcome_linked)::int as hits,
          count(*) filter (where c.outcome_linked is null)::int as "unknownLink"
        from controls c left join teams t on t.id = c.team_id
        where ${f.raw}
        group by grouping sets ((c.selection_reason), (c.legal_basis), (c.initiative),
          (c.team_id), ())`,
  );
}

/** Hour bands of four hours: 0 = 00–04, …, 5 = 20–24. */
export const HOUR_BAND_HOURS = 4;
const HOUR_BAND = sql.raw(`(c.local_hour / ${HOUR_BAND_HOURS})`);

export interface BenchmarkCountRow {
  teamId: string;
  teamName: string | null;
  gemeenteCode: string;
  hourBand: number;
  selectionReason: string;
  n: number;
  hits: number;
}

/** Benchmark cells: team × gemeente × hour band × selection reason. */
export async function benchmarkCells(
  ex: Executor,
  f: AnalysisFilter,
): Promise<BenchmarkCountRow[]> {
  if (f.useRollup) return rollup.benchmarkCells(ex, f);
  return queryRows<BenchmarkCountRow>(
    ex,
    sql`select c.team_id as "teamId", max(t.name) as "teamName", c.gemeente_code as "gemeenteCode",
          ${HOUR_BAND}::int as "hourBand",
          c.selection_reason as "selectionReason",
          count(*)::int as n, count(*) filter (where c.outcome_linked)::int as hits
        from controls c left join teams t on t.id = c.team_id
        where ${f.raw} and c.team_id is not null and c.local_hour is not null
          and c.gemeente_code is not null and c.selection_reason is not null
          and c.outcome_linked is not null
        group by c.team_id, c.gemeente_code, ${HOUR_BAND},
          c.selection_reason`,
  );
}

export interface ExclusionCounts {
  total: number;
  noTeam: number;
  noTime: number;
  noGemeente: number;
  noReason: number;
  noLink: number;
  noLegalBasis: number;
  noInitiative: number;
  explainedUnknown: number;
  groupSelfDefined: number;
  groupOfficerDefined: number;
  groupOpp: number;
}

/** The counts behind the exclusions list: what each analysis leaves out. */
export async function exclusionCounts(ex: Executor, f: AnalysisFilter): Promise<ExclusionCounts> {
  if (f.useRollup) return rollup.exclusionCounts(ex, f);
  const rows = await queryRows<ExclusionCounts>(
    ex,
    sql`select count(*)::int as total,
          count(*) filter (where c.team_id is null)::int as "noTeam",
          count(*) filter (where c.local_hour is null)::int as "noTime",
          count(*) filter (where c.gemeente_code is null)::int as "noGemeente",
          count(*) filter (where c.selection_reason is null)::int as "noReason",
          count(*) filter (where c.outcome_linked is null)::int as "noLink",
          count(*) filter (where c.legal_basis is null)::int as "noLegalBasis",
          count(*) filter (where c.initiative is null)::int as "noInitiative",
          count(*) filter (where c.explained is null)::int as "explainedUnknown",
          count(*) filter (where ${knownGroup(GROUP_COLUMN.self_defined)})::int as "groupSelfDefined",
          count(*) filter (where ${knownGroup(GROUP_COLUMN.officer_defined)})::int as "groupOfficerDefined",
          count(*) filter (where ${knownGroup(GROUP_COLUMN.opp)})::int as "groupOpp"
        from controls c where ${f.raw}`,
  );
  return rows[0]!;
}

/**
 * Benchmark exclusions, each control counted once under its first failing condition (in the
 * order of the where clause of benchmarkCells).
 */
export async function benchmarkExclusions(ex: Executor, f: AnalysisFilter) {
  if (f.useRollup) return rollup.benchmarkExclusions(ex, f);
  return queryRows<{ reason: string; controls: number }>(
    ex,
    sql`select reason, count(*)::int as controls from (
          select case when c.team_id is null then 'no_team'
                      when c.local_hour is null then 'no_time'
                      when c.gemeente_code is null then 'no_gemeente'
                      when c.selection_reason is null then 'no_selection_reason'
                      when c.outcome_linked is null then 'no_outcome_link' end as reason
          from controls c where ${f.raw}) x
        where reason is not null group by reason`,
  );
}

export interface GroupCountRow {
  group: string | null;
  n: number;
  searched: number;
  searchHits: number;
}

/** Controls, searches and searches that found something, by group (null: unknown). */
export async function groupCounts(
  ex: Executor,
  f: AnalysisFilter,
  attribute: GroupAttribute,
): Promise<GroupCountRow[]> {
  if (f.useRollup) return rollup.groupCounts(ex, f, attribute);
  const col = GROUP_COLUMN[attribute];
  return queryRows<GroupCountRow>(
    ex,
    sql`select nullif(btrim(${col}), '') as "group", count(*)::int as n,
          count(*) filter (where c.act_search_person or c.act_search_vehicle)::int as searched,
          count(*) filter (where (c.act_search_person or c.act_search_vehicle)
            and c.outcome <> 'none')::int as "searchHits"
        from controls c where ${f.raw}
        group by 1`,
  );
}

export interface DarknessCountRow {
  source: string;
  area: string;
  localDate: string;
  minute: number;
  lat: number | null;
  lng: number | null;
  total: number;
  focus: number;
}

/**
 * Veil-of-darkness cells: controls with a known time and group, by area, local date, local minute
 * and position (the control's own, else its buurt's or gemeente's centroid, to 0.1°: ≈ 10 km,
 * under a minute of sunset).
 */
export async function darknessCells(
  ex: Executor,
  f: AnalysisFilter,
  attribute: GroupAttribute,
  focusGroup: string,
): Promise<DarknessCountRow[]> {
  const col = GROUP_COLUMN[attribute];
  return queryRows<DarknessCountRow>(
    ex,
    sql`select source, area, "localDate", minute, lat, lng,
          count(*)::int as total, count(*) filter (where focus)::int as focus
        from (
          select c.source, coalesce(c.gemeente_code, c.source_area, 'unknown') as area,
            to_char(${LOCAL_TIME}, 'YYYY-MM-DD') as "localDate",
            (extract(hour from ${LOCAL_TIME}) * 60 + extract(minute from ${LOCAL_TIME}))::int as minute,
            round(coalesce(c.lat, b.lat, g.lat)::numeric, 1)::float8 as lat,
            round(coalesce(c.lng, b.lng, g.lng)::numeric, 1)::float8 as lng,
            btrim(${col}) = ${focusGroup} as focus
          from controls c
            left join areas b on b.code = c.buurt_code
            left join areas g on g.code = c.gemeente_code
          where ${f.raw} and c.local_hour is not null and ${knownGroup(col)}) x
        group by source, area, "localDate", minute, lat, lng`,
  );
}
