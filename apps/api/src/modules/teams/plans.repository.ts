import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  people,
  queryRows as rows,
  surveyInstrumentVersions,
  teamPlanEvents,
  teamPlanMeasures,
  teamPlans,
  type Executor,
} from '@pvi/db';
import type { ShareFigure } from './risks.rules.ts';

/** Where in the organisation a query looks: one team, a district, a unit or the whole country. */
export type OrgScope =
  { level: 'team' | 'district' | 'unit'; id: string } | { level: 'national'; id: null };

/** Teams in the scope, as `t` (the current organisation). */
export function teamsInScope(scope: OrgScope): SQL {
  switch (scope.level) {
    case 'national':
      return sql`true`;
    case 'unit':
      return sql`t.unit_id = ${scope.id}`;
    case 'district':
      return sql`t.district_id = ${scope.id}`;
    case 'team':
      return sql`t.id = ${scope.id}`;
  }
}

/** A timestamp as UTC ISO 8601 text, the same on PGlite and PostgreSQL. */
const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What the risk rules read of a stored group report: no open answers, nothing of a hidden group. */
const figures = (r: string) =>
  sql.raw(`case when ${r}.shown then jsonb_build_object(
      'invited', ${r}.data->'invited', 'respondents', ${r}.data->'respondents',
      'scales', ${r}.data->'scales', 'items', ${r}.data->'items') end`);

export interface TeamReportRow {
  team_id: string;
  team_code: string;
  team_name: string;
  district_name: string | null;
  wave_id: string | null;
  wave_name: string | null;
  closed_at: string | null;
  imported: boolean | null;
  instrument_version_id: string | null;
  instrument_key: string | null;
  shown: boolean | null;
  reasons: string[] | null;
  figures: unknown;
  declared_previous_wave_id: string | null;
  prev_wave_id: string | null;
  prev_wave_name: string | null;
  prev_instrument_key: string | null;
  prev_closed_at: string | null;
  prev_shown: boolean | null;
  prev_figures: unknown;
}

/**
 * Every team in the scope with its stored report in its latest closed wave (or in `waveId`) and
 * in the wave before it: the wave's declared previous wave, else the latest earlier closed wave
 * of the same instrument that the team was in. A team in no closed wave has nulls.
 */
export async function teamReportRows(
  ex: Executor,
  scope: OrgScope,
  waveId?: string,
): Promise<TeamReportRow[]> {
  return rows<TeamReportRow>(
    ex,
    sql`with scoped as (
          select t.id, t.code, t.name, d.name as district_name
          from teams t left join districts d on d.id = t.district_id
          where ${teamsInScope(scope)}
        ),
        latest as (
          select distinct on (r.group_id) r.group_id as team_id, r.wave_id, r.shown, r.reasons,
                 ${figures('r')} as figures, w.name as wave_name, w.closed_at, w.imported,
                 w.previous_wave_id, w.instrument_version_id, iv.key as instrument_key
          from survey_group_reports r
          join scoped s on s.id = r.group_id
          join survey_waves w on w.id = r.wave_id
          join survey_instrument_versions iv on iv.id = w.instrument_version_id
          where r.level = 'team' and r.filter is null and w.status = 'closed'
            ${waveId ? sql`and r.wave_id = ${waveId}` : sql``}
          order by r.group_id, w.closed_at desc nulls last, w.id desc
        )
        select s.id as team_id, s.code as team_code, s.name as team_name, s.district_name,
               l.wave_id, l.wave_name, ${iso(sql`l.closed_at`)} as closed_at, l.imported,
               l.instrument_version_id, l.instrument_key, l.shown, l.reasons, l.figures,
               l.previous_wave_id as declared_previous_wave_id,
               p.wave_id as prev_wave_id, p.wave_name as prev_wave_name,
               p.instrument_key as prev_instrument_key,
               ${iso(sql`p.closed_at`)} as prev_closed_at, p.shown as prev_shown,
               p.figures as prev_figures
        from scoped s
        left join latest l on l.team_id = s.id
        left join lateral (
          select r2.wave_id, w2.name as wave_name, w2.closed_at, r2.shown, iv2.key as instrument_key,
                 ${figures('r2')} as figures
          from survey_group_reports r2
          join survey_waves w2 on w2.id = r2.wave_id
          join survey_instrument_versions iv2 on iv2.id = w2.instrument_version_id
          where l.wave_id is not null and r2.group_key = 'team:' || s.id::text
            and r2.filter is null and w2.status = 'closed'
            and case when l.previous_wave_id is not null then r2.wave_id = l.previous_wave_id
                     else iv2.key = l.instrument_key and w2.closed_at < l.closed_at end
          order by w2.closed_at desc nulls last, w2.id desc
          limit 1
        ) p on true
        order by s.name, s.id`,
  );
}

/**
 * The team's next closed wave after `waveId` with the same instrument: the wave that names it as
 * its previous wave, else the earliest one closed after it. Null while there is none.
 */
export async function nextTeamReport(ex: Executor, teamId: string, waveId: string) {
  const found = await rows<{
    wave_id: string;
    wave_name: string;
    closed_at: string | null;
    instrument_key: string;
    shown: boolean;
    figures: unknown;
  }>(
    ex,
    sql`select r.wave_id, w.name as wave_name, ${iso(sql`w.closed_at`)} as closed_at,
               iv.key as instrument_key, r.shown, ${figures('r')} as figures
        from survey_waves base
        join survey_instrument_versions biv on biv.id = base.instrument_version_id
        join survey_waves w on w.status = 'closed' and w.id <> base.id
        join survey_instrument_versions iv on iv.id = w.instrument_version_id and iv.key = biv.key
        join survey_group_reports r on r.wave_id = w.id and r.group_key = ${`team:${teamId}`}
                                   and r.filter is null
        where base.id = ${waveId}
          and (w.previous_wave_id = base.id or w.closed_at > base.closed_at)
        order by (w.previous_wave_id = base.id) desc nulls last, w.closed_at asc, w.id
        limit 1`,
  );
  return found[0] ?? null;
}

/** Every closed wave's shown favourable shares per team in the scope (trend lines). */
export async function scaleTrends(ex: Executor, scope: OrgScope) {
  return rows<{
    team_id: string;
    wave_id: string;
    wave_name: string;
    closed_at: string | null;
    shown: boolean;
    scales: Record<string, { favourable: ShareFigure }> | null;
  }>(
    ex,
    sql`select r.group_id as team_id, r.wave_id, w.name as wave_name,
               ${iso(sql`w.closed_at`)} as closed_at, r.shown,
               case when r.shown then r.data->'scales' end as scales
        from survey_group_reports r
        join teams t on t.id = r.group_id
        join survey_waves w on w.id = r.wave_id
        where ${teamsInScope(scope)} and r.level = 'team' and r.filter is null
          and w.status = 'closed'
        order by r.group_id, w.closed_at asc nulls first, w.id`,
  );
}

export async function instrumentDefinitions(ex: Executor, ids: string[]) {
  if (!ids.length) return [];
  return ex
    .select({ id: surveyInstrumentVersions.id, definition: surveyInstrumentVersions.definition })
    .from(surveyInstrumentVersions)
    .where(inArray(surveyInstrumentVersions.id, ids));
}

export async function scopeName(ex: Executor, scope: OrgScope): Promise<string | null> {
  if (scope.level === 'national') return 'Nederland';
  const table = sql.raw(
    scope.level === 'unit' ? 'units' : scope.level === 'district' ? 'districts' : 'teams',
  );
  const found = await rows<{ name: string }>(
    ex,
    sql`select name from ${table} where id = ${scope.id}`,
  );
  return found[0]?.name ?? null;
}

// ------------------------------------------------------------------ plans

export type PlanRow = typeof teamPlans.$inferSelect;
export type MeasureRow = typeof teamPlanMeasures.$inferSelect;

export async function insertPlan(ex: Executor, values: typeof teamPlans.$inferInsert) {
  const inserted = await ex.insert(teamPlans).values(values).returning();
  return inserted[0]!;
}

export async function findPlan(ex: Executor, teamId: string, planId: string, forUpdate = false) {
  const query = ex
    .select()
    .from(teamPlans)
    .where(and(eq(teamPlans.id, planId), eq(teamPlans.teamId, teamId)));
  const found = forUpdate ? await query.for('update') : await query;
  return found[0] ?? null;
}

export async function findPlanOfWave(ex: Executor, teamId: string, waveId: string) {
  const found = await ex
    .select({ id: teamPlans.id })
    .from(teamPlans)
    .where(and(eq(teamPlans.teamId, teamId), eq(teamPlans.waveId, waveId)));
  return found[0] ?? null;
}

export async function updatePlan(
  ex: Executor,
  id: string,
  values: Partial<typeof teamPlans.$inferInsert>,
) {
  const updated = await ex
    .update(teamPlans)
    .set({
      ...values,
      version: sql`${teamPlans.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(teamPlans.id, id))
    .returning();
  return updated[0]!;
}

export async function measuresOf(ex: Executor, planIds: string[]) {
  if (!planIds.length) return [];
  return ex
    .select()
    .from(teamPlanMeasures)
    .where(inArray(teamPlanMeasures.planId, planIds))
    .orderBy(asc(teamPlanMeasures.position), asc(teamPlanMeasures.id));
}

export async function insertMeasures(
  ex: Executor,
  values: (typeof teamPlanMeasures.$inferInsert)[],
) {
  if (!values.length) return [];
  return ex.insert(teamPlanMeasures).values(values).returning();
}

export async function findMeasure(ex: Executor, planId: string, measureId: string) {
  const found = await ex
    .select()
    .from(teamPlanMeasures)
    .where(and(eq(teamPlanMeasures.id, measureId), eq(teamPlanMeasures.planId, planId)));
  return found[0] ?? null;
}

export async function updateMeasure(
  ex: Executor,
  id: string,
  values: Partial<typeof teamPlanMeasures.$inferInsert>,
) {
  const updated = await ex
    .update(teamPlanMeasures)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(teamPlanMeasures.id, id))
    .returning();
  return updated[0]!;
}

export async function insertEvent(ex: Executor, values: typeof teamPlanEvents.$inferInsert) {
  await ex.insert(teamPlanEvents).values(values);
}

export async function eventsOf(ex: Executor, planId: string) {
  return ex
    .select({
      id: teamPlanEvents.id,
      version: teamPlanEvents.version,
      action: teamPlanEvents.action,
      measureId: teamPlanEvents.measureId,
      changes: teamPlanEvents.changes,
      role: teamPlanEvents.actorRole,
      givenName: people.givenName,
      familyName: people.familyName,
      at: teamPlanEvents.at,
    })
    .from(teamPlanEvents)
    .leftJoin(people, eq(people.id, teamPlanEvents.actorPersonId))
    .where(eq(teamPlanEvents.planId, planId))
    .orderBy(asc(teamPlanEvents.seq));
}

/** The plans of one team, newest wave first, with their waves. */
export async function plansOfTeam(ex: Executor, teamId: string) {
  return rows<{
    id: string;
    wave_id: string;
    wave_name: string;
    instrument_key: string;
    closed_at: string | null;
    conversation_on: string | null;
    version: number;
    updated_at: string;
  }>(
    ex,
    sql`select p.id, p.wave_id, w.name as wave_name, iv.key as instrument_key,
               ${iso(sql`w.closed_at`)} as closed_at, p.conversation_on::text as conversation_on,
               p.version, ${iso(sql`p.updated_at`)} as updated_at
        from team_plans p
        join survey_waves w on w.id = p.wave_id
        join survey_instrument_versions iv on iv.id = w.instrument_version_id
        where p.team_id = ${teamId}
        order by w.closed_at desc nulls last, p.id`,
  );
}

/** Every plan of the teams in the scope with its measure counts on `today`. */
export async function planCounts(ex: Executor, scope: OrgScope, today: string) {
  return rows<{
    id: string;
    team_id: string;
    wave_id: string;
    conversation_on: string | null;
    measures: number;
    done: number;
    overdue: number;
  }>(
    ex,
    sql`select p.id, p.team_id, p.wave_id, p.conversation_on::text as conversation_on,
               count(m.id)::int as measures,
               (count(m.id) filter (where m.status = 'done'))::int as done,
               (count(m.id) filter (where m.status in ('planned', 'in_progress')
                                     and m.due_on < ${today}::date))::int as overdue
        from team_plans p
        join teams t on t.id = p.team_id
        left join team_plan_measures m on m.plan_id = p.id
        where ${teamsInScope(scope)}
        group by p.id`,
  );
}

/** Measures of the teams in the scope whose due date has passed and that are not done or stopped. */
export async function overdueMeasures(ex: Executor, scope: OrgScope, today: string) {
  return rows<{
    team_id: string;
    team_name: string;
    plan_id: string;
    wave_name: string;
    measure_id: string;
    title: string;
    owner: string;
    due_on: string;
    status: 'planned' | 'in_progress';
    days_overdue: number;
  }>(
    ex,
    sql`select t.id as team_id, t.name as team_name, p.id as plan_id, w.name as wave_name,
               m.id as measure_id, m.title, m.owner, m.due_on::text as due_on, m.status,
               (${today}::date - m.due_on)::int as days_overdue
        from team_plan_measures m
        join team_plans p on p.id = m.plan_id
        join teams t on t.id = p.team_id
        join survey_waves w on w.id = p.wave_id
        where ${teamsInScope(scope)} and m.status in ('planned', 'in_progress')
          and m.due_on < ${today}::date
        order by m.due_on, t.name, m.id`,
  );
}
