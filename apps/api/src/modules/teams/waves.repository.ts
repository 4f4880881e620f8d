import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  surveyInstrumentVersions,
  surveyParticipation,
  surveyWaveTeams,
  surveyWaveUnits,
  surveyWaves,
  teams,
  units,
  type Executor,
} from '@pvi/db';
import { queryRows as rows } from '@pvi/db';

export type WaveRow = typeof surveyWaves.$inferSelect;

export async function findInstrumentVersion(ex: Executor, key: string, version?: number) {
  const found = await ex
    .select()
    .from(surveyInstrumentVersions)
    .where(
      and(
        eq(surveyInstrumentVersions.key, key),
        version === undefined ? undefined : eq(surveyInstrumentVersions.version, version),
      ),
    )
    .orderBy(desc(surveyInstrumentVersions.version))
    .limit(1);
  return found[0] ?? null;
}

export async function instrumentVersionById(ex: Executor, id: string) {
  const found = await ex
    .select()
    .from(surveyInstrumentVersions)
    .where(eq(surveyInstrumentVersions.id, id));
  return found[0] ?? null;
}

/** Whether a wave that has opened uses this instrument version (then it may never change). */
export async function instrumentVersionUsed(ex: Executor, id: string): Promise<boolean> {
  const found = await rows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from survey_waves
        where instrument_version_id = ${id} and status <> 'draft'`,
  );
  return (found[0]?.n ?? 0) > 0;
}

export async function insertInstrumentVersion(
  ex: Executor,
  values: { key: string; version: number; definition: unknown },
) {
  await ex.insert(surveyInstrumentVersions).values(values);
}

export async function replaceInstrumentDefinition(ex: Executor, id: string, definition: unknown) {
  await ex
    .update(surveyInstrumentVersions)
    .set({ definition })
    .where(eq(surveyInstrumentVersions.id, id));
}

export async function insertWave(ex: Executor, values: typeof surveyWaves.$inferInsert) {
  const inserted = await ex.insert(surveyWaves).values(values).returning();
  return inserted[0]!;
}

export async function insertWaveUnits(
  ex: Executor,
  values: (typeof surveyWaveUnits.$inferInsert)[],
) {
  if (values.length) await ex.insert(surveyWaveUnits).values(values);
}

/** Narrows a draft wave to teams (of its units); the rest of each team's facts come at opening. */
export async function insertDraftTeams(ex: Executor, waveId: string, teamIds: string[]) {
  if (!teamIds.length) return;
  await ex.execute(sql`
    insert into survey_wave_teams (wave_id, team_id, unit_id, district_id)
    select ${waveId}, t.id, t.unit_id, t.district_id
    from teams t join survey_wave_units wu on wu.unit_id = t.unit_id and wu.wave_id = ${waveId}
    where t.id in (${sql.join(
      teamIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    on conflict do nothing`);
}

export async function teamIdsOfDistricts(ex: Executor, districtIds: string[]): Promise<string[]> {
  if (!districtIds.length) return [];
  const found = await ex
    .select({ id: teams.id })
    .from(teams)
    .where(inArray(teams.districtId, districtIds));
  return found.map((t) => t.id);
}

export async function findWave(ex: Executor, id: string, forUpdate = false) {
  const query = ex.select().from(surveyWaves).where(eq(surveyWaves.id, id));
  const found = forUpdate ? await query.for('update') : await query;
  return found[0] ?? null;
}

export async function listWaves(ex: Executor, status?: string) {
  return ex
    .select()
    .from(surveyWaves)
    .where(status ? eq(surveyWaves.status, status as WaveRow['status']) : undefined)
    .orderBy(desc(surveyWaves.createdAt), asc(surveyWaves.id));
}

export async function waveUnits(ex: Executor, waveIds: string[]) {
  if (!waveIds.length) return [];
  return ex
    .select({
      waveId: surveyWaveUnits.waveId,
      unitId: surveyWaveUnits.unitId,
      unitName: units.name,
      relayOrder: surveyWaveUnits.relayOrder,
      opensOn: surveyWaveUnits.opensOn,
      closesOn: surveyWaveUnits.closesOn,
    })
    .from(surveyWaveUnits)
    .innerJoin(units, eq(units.id, surveyWaveUnits.unitId))
    .where(inArray(surveyWaveUnits.waveId, waveIds))
    .orderBy(asc(surveyWaveUnits.relayOrder));
}

/** Teams, invited and responded per wave. */
export async function waveCounts(ex: Executor, waveIds: string[]) {
  if (!waveIds.length) return [];
  return rows<{ wave_id: string; teams: number; invited: number; responded: number }>(
    ex,
    sql`select w.id as wave_id,
          (select count(*)::int from survey_wave_teams t where t.wave_id = w.id) as teams,
          (select coalesce(sum(t.invited), 0)::int from survey_wave_teams t where t.wave_id = w.id) as invited,
          (select count(*)::int from survey_responses r where r.wave_id = w.id) as responded
        from survey_waves w
        where w.id in (${sql.join(
          waveIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
}

/** Fills the wave's teams from its units when the draft did not narrow them. */
export async function snapshotTeams(ex: Executor, waveId: string) {
  await ex.execute(sql`
    insert into survey_wave_teams (wave_id, team_id, unit_id, district_id)
    select ${waveId}, t.id, t.unit_id, t.district_id
    from teams t join survey_wave_units wu on wu.unit_id = t.unit_id and wu.wave_id = ${waveId}
    where not exists (select 1 from survey_wave_teams x where x.wave_id = ${waveId})
    on conflict do nothing`);
  // Where the team sits may have changed since the draft: the snapshot is taken now.
  await ex.execute(sql`
    update survey_wave_teams wt set unit_id = t.unit_id, district_id = t.district_id
    from teams t where t.id = wt.team_id and wt.wave_id = ${waveId}`);
}

/** Everyone in the wave's teams on `day`: one team per person (the latest membership). */
export async function populationOn(ex: Executor, waveId: string, day: string) {
  return rows<{ person_id: string; team_id: string; email: string | null }>(
    ex,
    sql`select distinct on (m.person_id) m.person_id, m.team_id, p.email
        from memberships m
        join survey_wave_teams wt on wt.team_id = m.team_id and wt.wave_id = ${waveId}
        join people p on p.id = m.person_id
        where m.valid_from <= ${day} and (m.valid_to is null or m.valid_to > ${day})
        order by m.person_id, m.valid_from desc, m.team_id`,
  );
}

export async function insertParticipation(
  ex: Executor,
  values: (typeof surveyParticipation.$inferInsert)[],
) {
  for (let i = 0; i < values.length; i += 1000)
    await ex.insert(surveyParticipation).values(values.slice(i, i + 1000));
}

export async function setInvitedCounts(ex: Executor, waveId: string) {
  await ex.execute(sql`
    update survey_wave_teams wt set invited = coalesce(
      (select count(*) from survey_participation p where p.wave_id = wt.wave_id and p.team_id = wt.team_id), 0)
    where wt.wave_id = ${waveId}`);
}

export async function setTeamLinkHash(ex: Executor, waveId: string, teamId: string, hash: string) {
  await ex
    .update(surveyWaveTeams)
    .set({ linkHash: hash })
    .where(and(eq(surveyWaveTeams.waveId, waveId), eq(surveyWaveTeams.teamId, teamId)));
}

export async function waveTeamsWithNames(ex: Executor, waveId: string) {
  return ex
    .select({
      teamId: surveyWaveTeams.teamId,
      teamName: teams.name,
      unitId: surveyWaveTeams.unitId,
      districtId: surveyWaveTeams.districtId,
      invited: surveyWaveTeams.invited,
    })
    .from(surveyWaveTeams)
    .innerJoin(teams, eq(teams.id, surveyWaveTeams.teamId))
    .where(eq(surveyWaveTeams.waveId, waveId))
    .orderBy(asc(teams.name));
}

/** People who have not answered, in units whose relay leg is open on `day`, with an address. */
export async function nonRespondents(ex: Executor, waveId: string, day: string) {
  return rows<{ person_id: string; email: string; closes_on: string }>(
    ex,
    sql`select p.person_id, pe.email, wu.closes_on::text as closes_on
        from survey_participation p
        join survey_wave_teams wt on wt.wave_id = p.wave_id and wt.team_id = p.team_id
        join survey_wave_units wu on wu.wave_id = p.wave_id and wu.unit_id = wt.unit_id
        join people pe on pe.id = p.person_id
        where p.wave_id = ${waveId} and not p.answered and pe.email is not null
          and wu.opens_on <= ${day} and wu.closes_on >= ${day}`,
  );
}

export async function countReminder(ex: Executor, waveId: string, personIds: string[]) {
  for (let i = 0; i < personIds.length; i += 1000) {
    const chunk = personIds.slice(i, i + 1000);
    await ex
      .update(surveyParticipation)
      .set({ remindersSent: sql`${surveyParticipation.remindersSent} + 1` })
      .where(
        and(eq(surveyParticipation.waveId, waveId), inArray(surveyParticipation.personId, chunk)),
      );
  }
}

export async function setWaveStatus(
  ex: Executor,
  id: string,
  values: Partial<typeof surveyWaves.$inferInsert>,
) {
  await ex.update(surveyWaves).set(values).where(eq(surveyWaves.id, id));
}

const ANSWER_TABLES = ['survey_answers', 'survey_scale_scores'] as const;

/**
 * Rewrites a wave's answer and participation rows in random order, so that neither the physical
 * order of the rows nor their transaction ids tell in which order people answered.
 */
export async function shuffleWave(ex: Executor, waveId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(waveId))
    throw new RangeError(`Not a wave id: ${waveId}`);
  for (const table of [...ANSWER_TABLES, 'survey_open_answers', 'survey_participation']) {
    await ex.execute(
      sql.raw(`create temporary table shuffle_${table} on commit drop as
               select * from ${table} where wave_id = '${waveId}' order by random()`),
    );
  }
  await ex.execute(
    sql.raw(`create temporary table shuffle_survey_responses on commit drop as
             select * from survey_responses where wave_id = '${waveId}' order by random()`),
  );
  await ex.execute(sql`delete from survey_open_answers where wave_id = ${waveId}`);
  await ex.execute(sql`delete from survey_participation where wave_id = ${waveId}`);
  // Deleting the responses deletes their answers and scale scores (on delete cascade).
  await ex.execute(sql`delete from survey_responses where wave_id = ${waveId}`);
  for (const table of [
    'survey_responses',
    ...ANSWER_TABLES,
    'survey_open_answers',
    'survey_participation',
  ]) {
    await ex.execute(
      sql.raw(`insert into ${table} select * from shuffle_${table} order by random()`),
    );
  }
}

/** A reminder's fresh link replaces the previous reminder's (the invitation's keeps working). */
export async function setReminderToken(
  ex: Executor,
  waveId: string,
  personId: string,
  hash: string,
) {
  await ex
    .update(surveyParticipation)
    .set({ reminderTokenHash: hash })
    .where(and(eq(surveyParticipation.waveId, waveId), eq(surveyParticipation.personId, personId)));
}

/** For an imported wave: nobody knows who was invited, so each team's count is its responses. */
export async function setInvitedFromResponses(ex: Executor, waveId: string) {
  await ex.execute(sql`
    update survey_wave_teams wt set invited = coalesce(
      (select count(*) from survey_responses r where r.wave_id = wt.wave_id and r.team_id = wt.team_id), 0)
    where wt.wave_id = ${waveId}`);
}
