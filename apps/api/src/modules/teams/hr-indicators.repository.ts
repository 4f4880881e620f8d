import { sql } from 'drizzle-orm';
import { queryRows as rows, type Executor } from '@pvi/db';
import type { HrRow } from './hr-file.ts';
import { teamsInScope, type OrgScope } from './plans.repository.ts';

/** Teams by code (exact or, failing that, case-insensitive) with where they sit. */
export async function teamsByCode(ex: Executor, codes: string[]) {
  if (!codes.length) return [];
  const lower = [...new Set(codes.map((c) => c.toLowerCase()))];
  const found: { id: string; code: string; unit_id: string; district_id: string | null }[] = [];
  for (let i = 0; i < lower.length; i += 5000)
    found.push(
      ...(await rows<(typeof found)[number]>(
        ex,
        sql`select id, code, unit_id, district_id from teams
            where lower(code) in (select jsonb_array_elements_text(${JSON.stringify(lower.slice(i, i + 5000))}::jsonb))`,
      )),
    );
  return found;
}

/**
 * Upserts rows by (team, month). A row that is already the same is not touched, so importing the
 * same file twice changes nothing. Returns how many rows were inserted and updated.
 */
export async function upsertIndicators(
  ex: Executor,
  values: (Omit<HrRow, 'line' | 'teamCode'> & { teamId: string })[],
) {
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < values.length; i += 5000) {
    const chunk = values.slice(i, i + 5000);
    const result = await rows<{ inserted: boolean }>(
      ex,
      sql`insert into team_hr_indicators (team_id, month, absenteeism_pct, absence_frequency,
                                          turnover_pct, overtime_hours, vacancies, integrity_reports)
          select "teamId", month, "absenteeismPct", "absenceFrequency", "turnoverPct",
                 "overtimeHours", vacancies, "integrityReports"
          from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x("teamId" uuid, month date,
               "absenteeismPct" float8, "absenceFrequency" float8, "turnoverPct" float8,
               "overtimeHours" float8, vacancies float8, "integrityReports" int)
          on conflict (team_id, month) do update set
            absenteeism_pct = excluded.absenteeism_pct, absence_frequency = excluded.absence_frequency,
            turnover_pct = excluded.turnover_pct, overtime_hours = excluded.overtime_hours,
            vacancies = excluded.vacancies, integrity_reports = excluded.integrity_reports,
            updated_at = now()
          where (team_hr_indicators.absenteeism_pct, team_hr_indicators.absence_frequency,
                 team_hr_indicators.turnover_pct, team_hr_indicators.overtime_hours,
                 team_hr_indicators.vacancies, team_hr_indicators.integrity_reports)
                is distinct from
                (excluded.absenteeism_pct, excluded.absence_frequency, excluded.turnover_pct,
                 excluded.overtime_hours, excluded.vacancies, excluded.integrity_reports)
          returning (xmax = 0) as inserted`,
    );
    const added = result.filter((r) => r.inserted).length;
    inserted += added;
    updated += result.length - added;
  }
  return { inserted, updated };
}

/** The latest month with indicators for any team in the scope (`YYYY-MM-01`), or null. */
export async function latestMonth(ex: Executor, scope: OrgScope): Promise<string | null> {
  const found = await rows<{ month: string | null }>(
    ex,
    sql`select max(i.month)::text as month
        from team_hr_indicators i join teams t on t.id = i.team_id
        where ${teamsInScope(scope)}`,
  );
  return found[0]?.month ?? null;
}

export interface HrMonthRow {
  team_id: string;
  month: string;
  headcount: number;
  absenteeism_pct: number | null;
  absence_frequency: number | null;
  turnover_pct: number | null;
  overtime_hours: number | null;
  vacancies: number | null;
  integrity_reports: number | null;
}

/**
 * The indicators of the teams in the scope for the 12 months up to `toMonth`, each with the
 * team's number of members on the last day of that month (for disclosure control).
 */
export async function indicatorsUpTo(
  ex: Executor,
  scope: OrgScope,
  toMonth: string,
): Promise<HrMonthRow[]> {
  return rows<HrMonthRow>(
    ex,
    sql`select i.team_id, to_char(i.month, 'YYYY-MM') as month,
               (select count(distinct m.person_id)::int from memberships m
                 where m.team_id = i.team_id
                   and m.valid_from <= (i.month + interval '1 month' - interval '1 day')::date
                   and (m.valid_to is null
                        or m.valid_to > (i.month + interval '1 month' - interval '1 day')::date)
               ) as headcount,
               i.absenteeism_pct, i.absence_frequency, i.turnover_pct, i.overtime_hours,
               i.vacancies, i.integrity_reports
        from team_hr_indicators i join teams t on t.id = i.team_id
        where ${teamsInScope(scope)}
          and i.month > (${toMonth}::date - interval '12 months')::date
          and i.month <= ${toMonth}::date
        order by i.team_id, i.month`,
  );
}
