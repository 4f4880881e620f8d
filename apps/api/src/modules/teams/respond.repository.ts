import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  surveyAnswers,
  surveyOpenAnswers,
  surveyResponses,
  surveyScaleScores,
  type Executor,
} from '@pvi/db';
import { queryRows as rows } from '@pvi/db';

export interface LinkTarget {
  kind: 'person' | 'team';
  wave_id: string;
  team_id: string;
  team_name: string;
  unit_id: string;
  district_id: string | null;
  answered: boolean;
  invited: number;
  status: 'draft' | 'open' | 'closed';
  wave_name: string;
  opens_on: string;
  closes_on: string;
  instrument_version_id: string;
}

/** What a link's secret hash opens: a person's invitation (or reminder) or a team link. */
export async function findLink(ex: Executor, hash: string): Promise<LinkTarget | null> {
  const found = await rows<LinkTarget>(
    ex,
    sql`select x.kind, x.wave_id, x.team_id, t.name as team_name, wt.unit_id, wt.district_id,
               x.answered, wt.invited, w.status, w.name as wave_name,
               wu.opens_on::text as opens_on, wu.closes_on::text as closes_on,
               w.instrument_version_id
        from (
          select 'person' as kind, p.wave_id, p.team_id, p.answered
          from survey_participation p
          where p.token_hash = ${hash} or p.reminder_token_hash = ${hash}
          union all
          select 'team', wt.wave_id, wt.team_id, false
          from survey_wave_teams wt where wt.link_hash = ${hash}
        ) x
        join survey_waves w on w.id = x.wave_id
        join survey_wave_teams wt on wt.wave_id = x.wave_id and wt.team_id = x.team_id
        join survey_wave_units wu on wu.wave_id = x.wave_id and wu.unit_id = wt.unit_id
        join teams t on t.id = x.team_id
        limit 1`,
  );
  return found[0] ?? null;
}

/** Marks an invitation used; false when it already was (a second answer is refused). */
export async function markAnswered(ex: Executor, hash: string): Promise<boolean> {
  const updated = await rows<{ answered: boolean }>(
    ex,
    sql`update survey_participation set answered = true
        where (token_hash = ${hash} or reminder_token_hash = ${hash}) and not answered
        returning answered`,
  );
  return updated.length === 1;
}

/** Responses so far for a team (a team link may not push the count past the invited). */
export async function responsesOfTeam(ex: Executor, waveId: string, teamId: string) {
  const found = await rows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from survey_responses where wave_id = ${waveId} and team_id = ${teamId}`,
  );
  return found[0]?.n ?? 0;
}

export interface StoredResponse {
  waveId: string;
  teamId: string;
  districtId: string | null;
  unitId: string;
  background: { ageBand?: number; gender?: number; serviceBand?: number; origin?: number };
  answers: { itemKey: string; value: number; scored: number | null }[];
  scales: { scaleKey: string; score: number; favourable: boolean }[];
  open: { itemKey: string; text: string }[];
}

export async function insertResponse(ex: Executor, r: StoredResponse) {
  const inserted = await ex
    .insert(surveyResponses)
    .values({
      waveId: r.waveId,
      teamId: r.teamId,
      districtId: r.districtId,
      unitId: r.unitId,
      ...r.background,
    })
    .returning({ id: surveyResponses.id });
  const id = inserted[0]!.id;
  if (r.answers.length)
    await ex
      .insert(surveyAnswers)
      .values(r.answers.map((a) => ({ ...a, responseId: id, waveId: r.waveId, teamId: r.teamId })));
  if (r.scales.length)
    await ex
      .insert(surveyScaleScores)
      .values(r.scales.map((s) => ({ ...s, responseId: id, waveId: r.waveId, teamId: r.teamId })));
  if (r.open.length)
    await ex.insert(surveyOpenAnswers).values(
      r.open.map((o) => ({
        ...o,
        waveId: r.waveId,
        teamId: r.teamId,
        districtId: r.districtId,
        unitId: r.unitId,
      })),
    );
}

/** Many responses at once (demo data, imported history): multi-row inserts in chunks. */
export async function insertResponses(ex: Executor, list: StoredResponse[]) {
  const withIds = list.map((r) => ({ ...r, id: randomUUID() }));
  for (let i = 0; i < withIds.length; i += 500) {
    const chunk = withIds.slice(i, i + 500);
    await ex.insert(surveyResponses).values(
      chunk.map((r) => ({
        id: r.id,
        waveId: r.waveId,
        teamId: r.teamId,
        districtId: r.districtId,
        unitId: r.unitId,
        ...r.background,
      })),
    );
    const answers = chunk.flatMap((r) =>
      r.answers.map((a) => ({ ...a, responseId: r.id, waveId: r.waveId, teamId: r.teamId })),
    );
    for (let j = 0; j < answers.length; j += 5000)
      await ex.insert(surveyAnswers).values(answers.slice(j, j + 5000));
    const scales = chunk.flatMap((r) =>
      r.scales.map((s) => ({ ...s, responseId: r.id, waveId: r.waveId, teamId: r.teamId })),
    );
    for (let j = 0; j < scales.length; j += 5000)
      await ex.insert(surveyScaleScores).values(scales.slice(j, j + 5000));
    const open = chunk.flatMap((r) =>
      r.open.map((o) => ({
        ...o,
        waveId: r.waveId,
        teamId: r.teamId,
        districtId: r.districtId,
        unitId: r.unitId,
      })),
    );
    for (let j = 0; j < open.length; j += 2000)
      await ex.insert(surveyOpenAnswers).values(open.slice(j, j + 2000));
  }
}
