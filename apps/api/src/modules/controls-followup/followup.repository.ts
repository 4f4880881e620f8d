import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  controlFollowUpEvents,
  outreachActivities,
  people,
  queryRows as rows,
  reflectionSessions,
  teamAmbassadors,
  teamTrainingYears,
  type Executor,
} from '@pvi/db';
import type { TeamYearFigures } from './coverage.rules.ts';

/** Where a coverage query looks. */
export type CoverageScope = { level: 'team' | 'district' | 'unit'; id: string };

const teamsIn = (scope: CoverageScope): SQL => {
  switch (scope.level) {
    case 'unit':
      return sql`t.unit_id = ${scope.id}`;
    case 'district':
      return sql`t.district_id = ${scope.id}`;
    case 'team':
      return sql`t.id = ${scope.id}`;
  }
};

export async function findTeam(ex: Executor, teamId: string) {
  const found = await rows<{ id: string; name: string; kind: string }>(
    ex,
    sql`select id, name, kind from teams where id = ${teamId}`,
  );
  return found[0] ?? null;
}

export async function scopeName(ex: Executor, scope: CoverageScope): Promise<string | null> {
  const table = sql.raw(
    scope.level === 'unit' ? 'units' : scope.level === 'district' ? 'districts' : 'teams',
  );
  const found = await rows<{ name: string }>(
    ex,
    sql`select name from ${table} where id = ${scope.id}`,
  );
  return found[0]?.name ?? null;
}

/** Memberships that overlap the year up to `refDay` (exclusive `valid_to`). */
const inYear = (year: number, refDay: string) =>
  sql`m.valid_from <= ${refDay}::date and (m.valid_to is null or m.valid_to > ${`${year}-01-01`}::date)`;

/** The people of a team at some time in the year, up to `refDay`, with their names. */
export async function membersInYear(ex: Executor, teamId: string, year: number, refDay: string) {
  return rows<{ person_id: string; name: string }>(
    ex,
    sql`select distinct m.person_id, p.given_name || ' ' || p.family_name as name
        from memberships m join people p on p.id = m.person_id
        where m.team_id = ${teamId} and ${inYear(year, refDay)}
        order by name`,
  );
}

/** Every team in the scope with what it recorded for the year (one aggregate query). */
export async function coverageFigures(
  ex: Executor,
  scope: CoverageScope,
  year: number,
  refDay: string,
): Promise<TeamYearFigures[]> {
  const found = await rows<{
    team_id: string;
    team_code: string;
    team_name: string;
    team_kind: string;
    district_id: string | null;
    district_name: string | null;
    team_size: number;
    ambassadors: number;
    ibt_participants: number | null;
    vr_sessions: number;
    vr_participants: number;
    dialogues: number;
    dialogue_participants: number;
  }>(
    ex,
    sql`with scoped as (
          select t.id, t.code, t.name, t.kind, t.district_id, d.name as district_name
          from teams t left join districts d on d.id = t.district_id
          where ${teamsIn(scope)}
        ),
        size as (
          select m.team_id, count(distinct m.person_id)::int as n
          from memberships m join scoped s on s.id = m.team_id
          where ${inYear(year, refDay)}
          group by m.team_id
        ),
        training as (
          select y.team_id, y.ibt_participants,
                 (select count(*) from team_ambassadors a where a.training_year_id = y.id)::int
                   as ambassadors
          from team_training_years y join scoped s on s.id = y.team_id
          where y.year = ${year}
        ),
        activity as (
          select a.team_id,
                 (count(*) filter (where a.kind = 'vr_session'))::int as vr_sessions,
                 coalesce(sum(a.participants) filter (where a.kind = 'vr_session'), 0)::int
                   as vr_participants,
                 (count(*) filter (where a.kind = 'dialogue'))::int as dialogues,
                 coalesce(sum(a.participants) filter (where a.kind = 'dialogue'), 0)::int
                   as dialogue_participants
          from outreach_activities a join scoped s on s.id = a.team_id
          where a.held_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
          group by a.team_id
        )
        select s.id as team_id, s.code as team_code, s.name as team_name, s.kind as team_kind,
               s.district_id, s.district_name, coalesce(z.n, 0) as team_size,
               coalesce(tr.ambassadors, 0) as ambassadors, tr.ibt_participants,
               coalesce(ac.vr_sessions, 0) as vr_sessions,
               coalesce(ac.vr_participants, 0) as vr_participants,
               coalesce(ac.dialogues, 0) as dialogues,
               coalesce(ac.dialogue_participants, 0) as dialogue_participants
        from scoped s
        left join size z on z.team_id = s.id
        left join training tr on tr.team_id = s.id
        left join activity ac on ac.team_id = s.id
        order by s.district_name nulls last, s.name, s.id`,
  );
  return found.map((r) => ({
    teamId: r.team_id,
    teamCode: r.team_code,
    teamName: r.team_name,
    teamKind: r.team_kind,
    districtId: r.district_id,
    districtName: r.district_name,
    teamSize: r.team_size,
    ambassadors: r.ambassadors,
    ibtParticipants: r.ibt_participants,
    vrSessions: r.vr_sessions,
    vrParticipants: r.vr_participants,
    dialogues: r.dialogues,
    dialogueParticipants: r.dialogue_participants,
  }));
}

// ------------------------------------------------------------------ reflection sessions

export type SessionRow = typeof reflectionSessions.$inferSelect;

export async function insertSession(ex: Executor, values: typeof reflectionSessions.$inferInsert) {
  const inserted = await ex.insert(reflectionSessions).values(values).returning();
  return inserted[0]!;
}

export async function findSession(ex: Executor, teamId: string, id: string, forUpdate = false) {
  const query = ex
    .select()
    .from(reflectionSessions)
    .where(and(eq(reflectionSessions.id, id), eq(reflectionSessions.teamId, teamId)));
  const found = forUpdate ? await query.for('update') : await query;
  return found[0] ?? null;
}

export async function updateSession(
  ex: Executor,
  id: string,
  values: Partial<typeof reflectionSessions.$inferInsert>,
) {
  const updated = await ex
    .update(reflectionSessions)
    .set({ ...values, version: sql`${reflectionSessions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(reflectionSessions.id, id))
    .returning();
  return updated[0]!;
}

export async function sessionsOfTeam(ex: Executor, teamId: string) {
  return ex
    .select()
    .from(reflectionSessions)
    .where(eq(reflectionSessions.teamId, teamId))
    .orderBy(desc(reflectionSessions.heldOn), desc(reflectionSessions.createdAt));
}

// ------------------------------------------------------------------ training years

export type TrainingYearRow = typeof teamTrainingYears.$inferSelect;

export async function findTrainingYear(
  ex: Executor,
  teamId: string,
  year: number,
  forUpdate = false,
) {
  const query = ex
    .select()
    .from(teamTrainingYears)
    .where(and(eq(teamTrainingYears.teamId, teamId), eq(teamTrainingYears.year, year)));
  const found = forUpdate ? await query.for('update') : await query;
  return found[0] ?? null;
}

/** The team's record for the year, created empty when there is none (safe under concurrency). */
export async function ensureTrainingYear(ex: Executor, teamId: string, year: number) {
  await ex
    .insert(teamTrainingYears)
    .values({ teamId, year, version: 0 })
    .onConflictDoNothing({ target: [teamTrainingYears.teamId, teamTrainingYears.year] });
  return (await findTrainingYear(ex, teamId, year, true))!;
}

export async function updateTrainingYear(
  ex: Executor,
  id: string,
  values: Partial<typeof teamTrainingYears.$inferInsert>,
) {
  const updated = await ex
    .update(teamTrainingYears)
    .set({ ...values, version: sql`${teamTrainingYears.version} + 1`, updatedAt: sql`now()` })
    .where(eq(teamTrainingYears.id, id))
    .returning();
  return updated[0]!;
}

export async function ambassadorsOf(ex: Executor, trainingYearId: string) {
  return ex
    .select({
      personId: teamAmbassadors.personId,
      given: people.givenName,
      family: people.familyName,
    })
    .from(teamAmbassadors)
    .innerJoin(people, eq(people.id, teamAmbassadors.personId))
    .where(eq(teamAmbassadors.trainingYearId, trainingYearId))
    .orderBy(asc(people.familyName), asc(people.givenName));
}

export async function replaceAmbassadors(ex: Executor, trainingYearId: string, ids: string[]) {
  await ex.delete(teamAmbassadors).where(eq(teamAmbassadors.trainingYearId, trainingYearId));
  if (ids.length)
    await ex.insert(teamAmbassadors).values(ids.map((personId) => ({ trainingYearId, personId })));
}

// ------------------------------------------------------------------ outreach activities

export type ActivityRow = typeof outreachActivities.$inferSelect;

export async function insertActivity(ex: Executor, values: typeof outreachActivities.$inferInsert) {
  const inserted = await ex.insert(outreachActivities).values(values).returning();
  return inserted[0]!;
}

export async function findActivity(ex: Executor, teamId: string, id: string, forUpdate = false) {
  const query = ex
    .select()
    .from(outreachActivities)
    .where(and(eq(outreachActivities.id, id), eq(outreachActivities.teamId, teamId)));
  const found = forUpdate ? await query.for('update') : await query;
  return found[0] ?? null;
}

export async function updateActivity(
  ex: Executor,
  id: string,
  values: Partial<typeof outreachActivities.$inferInsert>,
) {
  const updated = await ex
    .update(outreachActivities)
    .set({ ...values, version: sql`${outreachActivities.version} + 1`, updatedAt: sql`now()` })
    .where(eq(outreachActivities.id, id))
    .returning();
  return updated[0]!;
}

export async function deleteActivity(ex: Executor, id: string) {
  await ex.delete(outreachActivities).where(eq(outreachActivities.id, id));
}

export async function activitiesInYear(ex: Executor, teamId: string, year: number) {
  return ex
    .select()
    .from(outreachActivities)
    .where(
      and(
        eq(outreachActivities.teamId, teamId),
        sql`${outreachActivities.heldOn} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`,
      ),
    )
    .orderBy(asc(outreachActivities.heldOn), asc(outreachActivities.createdAt));
}

// ------------------------------------------------------------------ history

export async function insertEvent(ex: Executor, values: typeof controlFollowUpEvents.$inferInsert) {
  await ex.insert(controlFollowUpEvents).values(values);
}

const eventColumns = {
  id: controlFollowUpEvents.id,
  subjectType: controlFollowUpEvents.subjectType,
  subjectId: controlFollowUpEvents.subjectId,
  action: controlFollowUpEvents.action,
  version: controlFollowUpEvents.version,
  changes: controlFollowUpEvents.changes,
  role: controlFollowUpEvents.actorRole,
  givenName: people.givenName,
  familyName: people.familyName,
  at: controlFollowUpEvents.at,
};

/** The history of one subject, or of a team's training and outreach in one year; oldest first. */
export async function eventsOf(
  ex: Executor,
  where: { subjectId: string } | { teamId: string; year: number },
) {
  const filter =
    'subjectId' in where
      ? eq(controlFollowUpEvents.subjectId, where.subjectId)
      : and(
          eq(controlFollowUpEvents.teamId, where.teamId),
          eq(controlFollowUpEvents.year, where.year),
          inArray(controlFollowUpEvents.subjectType, ['training_year', 'outreach_activity']),
        );
  return ex
    .select(eventColumns)
    .from(controlFollowUpEvents)
    .leftJoin(people, eq(people.id, controlFollowUpEvents.actorPersonId))
    .where(filter)
    .orderBy(asc(controlFollowUpEvents.seq));
}
