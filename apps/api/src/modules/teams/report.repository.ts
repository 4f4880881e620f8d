import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { surveyGroupReports, type Executor } from '@pvi/db';
import { queryRows as rows } from '@pvi/db';

/** Invited and respondents per team of a wave, with where the team sat when the wave opened. */
export async function teamCounts(ex: Executor, waveId: string) {
  return rows<{
    team_id: string;
    team_name: string;
    unit_id: string;
    unit_name: string;
    district_id: string | null;
    district_name: string | null;
    invited: number;
    respondents: number;
  }>(
    ex,
    sql`select wt.team_id, t.name as team_name, wt.unit_id, u.name as unit_name,
               wt.district_id, d.name as district_name, wt.invited,
               coalesce(r.n, 0)::int as respondents
        from survey_wave_teams wt
        join teams t on t.id = wt.team_id
        join units u on u.id = wt.unit_id
        left join districts d on d.id = wt.district_id
        left join (select team_id, count(*) as n from survey_responses
                   where wave_id = ${waveId} group by team_id) r on r.team_id = wt.team_id
        where wt.wave_id = ${waveId}`,
  );
}

/**
 * Sufficient statistics of each scale per team: n, Σ score, Σ score², favourable count. Summed in
 * float8: `sum(real)` adds in single precision, so its last digits would depend on row order.
 */
export async function scaleStats(ex: Executor, waveId: string) {
  return rows<{
    team_id: string;
    scale_key: string;
    n: number;
    sum: number;
    sumsq: number;
    fav: number;
  }>(
    ex,
    sql`select team_id, scale_key, count(*)::int as n, sum(score::float8) as sum,
               sum(score::float8 * score) as sumsq, sum(case when favourable then 1 else 0 end)::int as fav
        from survey_scale_scores where wave_id = ${waveId}
        group by team_id, scale_key`,
  );
}

export const BACKGROUND_COLUMNS = ['age_band', 'gender', 'service_band', 'origin'] as const;
export type BackgroundColumn = (typeof BACKGROUND_COLUMNS)[number];

/**
 * Respondents and scale statistics per unit × background answer, for every background question at
 * once. The scale scores are first summed per unit, scale and combination of the four answers (at
 * most a few thousand groups, one pass over the wave's scores), then unpivoted per question.
 */
export async function backgroundStats(ex: Executor, waveId: string) {
  const questions = (alias: string) =>
    sql.raw(
      `(values ${BACKGROUND_COLUMNS.map((c) => `('${c}', ${alias}.${c})`).join(', ')}) q(question, value)`,
    );
  const [counts, scales] = await Promise.all([
    rows<{ question: BackgroundColumn; unit_id: string; value: number; respondents: number }>(
      ex,
      sql`select q.question, r.unit_id, q.value, count(*)::int as respondents
          from survey_responses r cross join lateral ${questions('r')}
          where r.wave_id = ${waveId} and q.value is not null
          group by q.question, r.unit_id, q.value`,
    ),
    rows<{
      question: BackgroundColumn;
      unit_id: string;
      value: number;
      scale_key: string;
      n: number;
      sum: number;
      sumsq: number;
      fav: number;
    }>(
      ex,
      sql`with cells as (
            select r.unit_id, r.age_band, r.gender, r.service_band, r.origin, s.scale_key,
                   count(*) as n, sum(s.score::float8) as sum,
                   sum(s.score::float8 * s.score) as sumsq,
                   sum(case when s.favourable then 1 else 0 end) as fav
            from survey_scale_scores s
            join survey_responses r on r.id = s.response_id
            where s.wave_id = ${waveId} and r.wave_id = ${waveId}
            group by r.unit_id, r.age_band, r.gender, r.service_band, r.origin, s.scale_key
          )
          select q.question, c.unit_id, q.value, c.scale_key, sum(c.n)::int as n,
                 sum(c.sum) as sum, sum(c.sumsq) as sumsq, sum(c.fav)::int as fav
          from cells c cross join lateral ${questions('c')}
          where q.value is not null
          group by q.question, c.unit_id, q.value, c.scale_key`,
    ),
  ]);
  return BACKGROUND_COLUMNS.map((question) => ({
    question,
    counts: counts.filter((c) => c.question === question),
    scales: scales.filter((c) => c.question === question),
  }));
}

/** Open answers per team (only groups of ≥ the open-answer threshold will show them). */
export async function openAnswers(ex: Executor, waveId: string) {
  return rows<{ team_id: string; item_key: string; text: string }>(
    ex,
    sql`select team_id, item_key, text from survey_open_answers where wave_id = ${waveId}`,
  );
}

export type GroupReportRow = typeof surveyGroupReports.$inferInsert;

export async function groupReports(ex: Executor, waveId: string, keys: string[]) {
  if (!keys.length) return [];
  return ex
    .select()
    .from(surveyGroupReports)
    .where(and(eq(surveyGroupReports.waveId, waveId), inArray(surveyGroupReports.groupKey, keys)));
}

export async function childReports(ex: Executor, waveId: string, parentKey: string) {
  return ex
    .select()
    .from(surveyGroupReports)
    .where(and(eq(surveyGroupReports.waveId, waveId), eq(surveyGroupReports.parentKey, parentKey)));
}

/** Which groups a wave's plan showed (for the next wave's rule 4). */
export async function groupDecisions(ex: Executor, waveId: string) {
  return ex
    .select({ groupKey: surveyGroupReports.groupKey, shown: surveyGroupReports.shown })
    .from(surveyGroupReports)
    .where(and(eq(surveyGroupReports.waveId, waveId), isNull(surveyGroupReports.filter)));
}

/**
 * Sufficient statistics of a scale's items over the wave's complete cases (respondents who
 * answered every item of the scale): n, Σ x_i and Σ x_i·x_j, for Cronbach's alpha in Node
 * without reading any respondent's answers there.
 */
export async function itemCrossProducts(ex: Executor, waveId: string, itemKeys: string[]) {
  const keys = sql`(${sql.join(
    itemKeys.map((k) => sql`${k}`),
    sql`, `,
  )})`;
  return rows<{ i: string; j: string; n: number; sum_i: number; sum_ij: number }>(
    ex,
    sql`with complete as (
          select response_id from survey_answers
          where wave_id = ${waveId} and item_key in ${keys} and scored is not null
          group by response_id having count(*) = ${itemKeys.length}
        )
        select a.item_key as i, b.item_key as j, count(*)::int as n,
               sum(a.scored)::float8 as sum_i, sum(a.scored * b.scored)::float8 as sum_ij
        from complete c
        join survey_answers a on a.response_id = c.response_id and a.wave_id = ${waveId}
          and a.item_key in ${keys}
        join survey_answers b on b.response_id = c.response_id and b.wave_id = ${waveId}
          and b.item_key in ${keys}
        group by a.item_key, b.item_key`,
  );
}
