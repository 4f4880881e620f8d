import { sql } from 'drizzle-orm';
import {
  controlFollowUpEvents,
  outreachActivities,
  queryRows as rows,
  reflectionSessions,
  teamAmbassadors,
  teamTrainingYears,
  type Executor,
} from '@pvi/db';
import type { OutreachActivityKind } from '@pvi/contracts';
import type { Actor } from '../audit/audit.service.ts';

const CHUNK = 1000;
async function inChunks<T>(list: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < list.length; i += CHUNK) await write(list.slice(i, i + CHUNK));
}

export async function hasAnyFollowUp(ex: Executor) {
  const found = await rows<{ present: boolean }>(
    ex,
    sql`select exists (select 1 from team_training_years)
            or exists (select 1 from reflection_sessions) as present`,
  );
  return Boolean(found[0]?.present);
}

/** The demo's teams with their current members, members before the chief. */
export async function demoTeams(ex: Executor) {
  return rows<{ id: string; kind: string; unit_code: string; member_ids: string[] }>(
    ex,
    sql`select t.id, t.kind, u.code as unit_code,
               coalesce(array_agg(m.person_id order by m.role = 'teamchef', m.person_id)
                          filter (where m.person_id is not null), '{}') as member_ids
        from teams t
        join units u on u.id = t.unit_id
        left join memberships m on m.team_id = t.id and m.valid_to is null
        where t.is_demo
        group by t.id, u.code
        order by u.code, t.code`,
  );
}

const event = (
  actor: Actor,
  e: Omit<typeof controlFollowUpEvents.$inferInsert, 'actorPersonId' | 'actorRole' | 'action'>,
) => ({ ...e, action: 'created' as const, actorPersonId: null, actorRole: actor.role });

export async function insertDemoYears(
  ex: Executor,
  years: {
    teamId: string;
    year: number;
    ibtParticipants: number | null;
    ambassadorIds: string[];
  }[],
  actor: Actor,
) {
  await inChunks(years, async (chunk) => {
    const inserted = await ex
      .insert(teamTrainingYears)
      .values(
        chunk.map((y) => ({ teamId: y.teamId, year: y.year, ibtParticipants: y.ibtParticipants })),
      )
      .returning({ id: teamTrainingYears.id });
    const ambassadors = chunk.flatMap((y, i) =>
      y.ambassadorIds.map((personId) => ({ trainingYearId: inserted[i]!.id, personId })),
    );
    if (ambassadors.length) await ex.insert(teamAmbassadors).values(ambassadors);
    await ex.insert(controlFollowUpEvents).values(
      chunk.map((y, i) =>
        event(actor, {
          teamId: y.teamId,
          year: y.year,
          subjectType: 'training_year',
          subjectId: inserted[i]!.id,
          version: 1,
          changes: {
            ambassadorPersonIds: [[], [...y.ambassadorIds].sort()],
            ibtParticipants: [null, y.ibtParticipants],
          },
        }),
      ),
    );
  });
}

export async function insertDemoActivities(
  ex: Executor,
  activities: {
    teamId: string;
    kind: OutreachActivityKind;
    heldOn: string;
    participants: number;
    description: string;
  }[],
  actor: Actor,
) {
  await inChunks(activities, async (chunk) => {
    const inserted = await ex.insert(outreachActivities).values(chunk).returning();
    await ex.insert(controlFollowUpEvents).values(
      inserted.map((a) =>
        event(actor, {
          teamId: a.teamId,
          year: Number(a.heldOn.slice(0, 4)),
          subjectType: 'outreach_activity',
          subjectId: a.id,
          version: 1,
          changes: {
            kind: a.kind,
            heldOn: a.heldOn,
            participants: a.participants,
            description: a.description,
          },
        }),
      ),
    );
  });
}

export async function insertDemoSessions(
  ex: Executor,
  sessions: (Omit<typeof reflectionSessions.$inferInsert, 'agreedActions'> & {
    agreedActions: string[];
  })[],
  actor: Actor,
) {
  await inChunks(sessions, async (chunk) => {
    const inserted = await ex.insert(reflectionSessions).values(chunk).returning();
    await ex.insert(controlFollowUpEvents).values(
      inserted.map((s) =>
        event(actor, {
          teamId: s.teamId,
          subjectType: 'reflection_session',
          subjectId: s.id,
          version: 1,
          changes: {
            heldOn: s.heldOn,
            participants: s.participants,
            agreedActions: s.agreedActions,
            notes: s.notes,
            periodFrom: s.periodFrom,
            periodTo: s.periodTo,
          },
        }),
      ),
    );
  });
}
