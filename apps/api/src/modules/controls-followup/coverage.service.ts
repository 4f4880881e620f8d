import type { Database, Executor } from '@pvi/db';
import type {
  CoverageOverview,
  FollowUpEvent,
  OutreachActivity,
  OutreachActivityInput,
  OutreachActivityUpdate,
  TeamOutreachYear,
  TrainingYearUpdate,
} from '@pvi/contracts';
import { AppError, type InvalidParam } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { coverageCsv } from './coverage.csv.ts';
import { coverageTotalsOf, NORMS, referenceDay, teamCoverageOf } from './coverage.rules.ts';
import * as repo from './followup.repository.ts';
import {
  amsterdamDay,
  changesOf,
  checkVersion,
  invalid,
  notInFuture,
  recordEvent,
  toEvents,
} from './history.ts';

const toActivity = (a: repo.ActivityRow): OutreachActivity => ({
  id: a.id,
  teamId: a.teamId,
  kind: a.kind,
  heldOn: a.heldOn,
  participants: a.participants,
  description: a.description,
  version: a.version,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * Training and outreach per team and year (ambassadors, IBT, VR sessions, dialogue meetings with
 * citizens) and the coverage of a unit or district against the norms. Every change is kept in the
 * history and audited; reads of records that name people (ambassadors) are audited too.
 */
export function createCoverageService(deps: {
  db: Database;
  audit: AuditService;
  now?: (() => Date) | undefined;
}) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => amsterdamDay.format(now());

  async function mustFindTeam(ex: Executor, teamId: string) {
    const team = await repo.findTeam(ex, teamId);
    if (!team) throw new AppError('not_found', 'The team was not found.');
    return team;
  }

  function checkYear(year: number): InvalidParam[] {
    const current = yearOf(today());
    return year > current
      ? [{ name: 'year', code: 'in_future', reason: `${year} has not begun (it is ${current}).` }]
      : [];
  }

  const teamSize = async (ex: Executor, teamId: string, year: number) =>
    (await repo.membersInYear(ex, teamId, year, referenceDay(year, today()))).length;

  async function checkActivity(ex: Executor, teamId: string, a: OutreachActivityInput) {
    const problems = notInFuture('heldOn', a.heldOn, today());
    if (!problems.length && a.kind === 'vr_session') {
      const year = yearOf(a.heldOn);
      const size = await teamSize(ex, teamId, year);
      if (a.participants > size)
        problems.push({
          name: 'participants',
          code: 'exceeds_team_size',
          reason: `${a.participants} participants, but the team had ${size} members in ${year}.`,
        });
    }
    if (problems.length) throw invalid(problems);
  }

  async function view(ex: Executor, teamId: string, year: number): Promise<TeamOutreachYear> {
    const team = await mustFindTeam(ex, teamId);
    const record = await repo.findTrainingYear(ex, teamId, year);
    const ambassadors = record ? await repo.ambassadorsOf(ex, record.id) : [];
    const activities = await repo.activitiesInYear(ex, teamId, year);
    const [figures] = await repo.coverageFigures(
      ex,
      { level: 'team', id: teamId },
      year,
      referenceDay(year, today()),
    );
    return {
      team: { id: team.id, name: team.name, kind: team.kind },
      year,
      norms: NORMS,
      version: record?.version ?? null,
      ambassadors: ambassadors.map((a) => ({
        personId: a.personId,
        name: `${a.given} ${a.family}`,
      })),
      ibtParticipants: record?.ibtParticipants ?? null,
      activities: activities.map(toActivity),
      coverage: teamCoverageOf(figures!),
    };
  }

  async function overviewOf(
    ex: Executor,
    scope: repo.CoverageScope & { level: 'unit' | 'district' },
    year: number,
  ) {
    const name = await repo.scopeName(ex, scope);
    if (name === null) throw new AppError('not_found', `The ${scope.level} was not found.`);
    const figures = await repo.coverageFigures(ex, scope, year, referenceDay(year, today()));
    const teams = figures.map((f) => teamCoverageOf(f));
    const districtIds = [...new Set(teams.map((t) => t.districtId))];
    return {
      scope: { level: scope.level, id: scope.id, name },
      year,
      norms: NORMS,
      totals: coverageTotalsOf(teams),
      districts: districtIds.map((id) => {
        const own = teams.filter((t) => t.districtId === id);
        return {
          districtId: id,
          districtName: own[0]?.districtName ?? null,
          totals: coverageTotalsOf(own),
        };
      }),
      teams,
    } satisfies CoverageOverview;
  }

  return {
    async teamYear(actor: Actor, teamId: string, year: number): Promise<TeamOutreachYear> {
      return db.transaction(async (tx) => {
        const result = await view(tx, teamId, year);
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'team_training_year',
          recordId: teamId,
          details: { year, ambassadors: result.ambassadors.length },
        });
        return result;
      });
    },

    /** Sets the year's ambassadors and IBT participation (either or both), field by field. */
    async updateYear(
      actor: Actor,
      teamId: string,
      year: number,
      body: TrainingYearUpdate,
    ): Promise<TeamOutreachYear> {
      return db.transaction(async (tx) => {
        await mustFindTeam(tx, teamId);
        const problems = checkYear(year);
        const existing = await repo.findTrainingYear(tx, teamId, year, true);
        if (existing) checkVersion(existing.version, body.version, 'training record');
        if (!problems.length) {
          const members = await repo.membersInYear(tx, teamId, year, referenceDay(year, today()));
          const ids = new Set(members.map((m) => m.person_id));
          const seen = new Set<string>();
          body.ambassadorPersonIds?.forEach((id, i) => {
            if (seen.has(id))
              problems.push({
                name: `ambassadorPersonIds.${i}`,
                code: 'duplicate',
                reason: 'This person is named twice.',
              });
            else if (!ids.has(id))
              problems.push({
                name: `ambassadorPersonIds.${i}`,
                code: 'not_member',
                reason: `This person was not a member of the team in ${year}.`,
              });
            seen.add(id);
          });
          if (
            body.ibtParticipants !== undefined &&
            body.ibtParticipants !== null &&
            body.ibtParticipants > members.length
          )
            problems.push({
              name: 'ibtParticipants',
              code: 'exceeds_team_size',
              reason: `${body.ibtParticipants} participants, but the team had ${members.length} members in ${year}.`,
            });
        }
        if (problems.length) throw invalid(problems);

        const before = {
          ambassadorPersonIds: existing
            ? (await repo.ambassadorsOf(tx, existing.id)).map((a) => a.personId).sort()
            : [],
          ibtParticipants: existing?.ibtParticipants ?? null,
        };
        const changes = changesOf(before, {
          ambassadorPersonIds: body.ambassadorPersonIds
            ? [...body.ambassadorPersonIds].sort()
            : undefined,
          ibtParticipants: body.ibtParticipants,
        });
        if (!Object.keys(changes).length) return view(tx, teamId, year);
        const record = existing ?? (await repo.ensureTrainingYear(tx, teamId, year));
        if (body.ambassadorPersonIds && changes.ambassadorPersonIds)
          await repo.replaceAmbassadors(tx, record.id, body.ambassadorPersonIds);
        const updated = await repo.updateTrainingYear(
          tx,
          record.id,
          changes.ibtParticipants ? { ibtParticipants: body.ibtParticipants ?? null } : {},
        );
        await recordEvent(tx, actor, {
          teamId,
          year,
          subjectType: 'training_year',
          subjectId: record.id,
          action: existing ? 'updated' : 'created',
          version: updated.version,
          changes,
        });
        await audit.record(tx, actor, {
          action: existing ? 'update' : 'create',
          recordType: 'team_training_year',
          recordId: record.id,
          details: { teamId, year, fields: Object.keys(changes) },
        });
        return view(tx, teamId, year);
      });
    },

    async addActivity(
      actor: Actor,
      teamId: string,
      body: OutreachActivityInput,
    ): Promise<OutreachActivity> {
      return db.transaction(async (tx) => {
        await mustFindTeam(tx, teamId);
        await checkActivity(tx, teamId, body);
        const values = {
          kind: body.kind,
          heldOn: body.heldOn,
          participants: body.participants,
          description: body.description ?? null,
        };
        const a = await repo.insertActivity(tx, { teamId, ...values, createdBy: actor.personId });
        await recordEvent(tx, actor, {
          teamId,
          year: yearOf(a.heldOn),
          subjectType: 'outreach_activity',
          subjectId: a.id,
          action: 'created',
          version: a.version,
          changes: values,
        });
        await audit.record(tx, actor, {
          action: 'create',
          recordType: 'outreach_activity',
          recordId: a.id,
          details: { teamId, kind: a.kind, heldOn: a.heldOn },
        });
        return toActivity(a);
      });
    },

    async updateActivity(
      actor: Actor,
      teamId: string,
      id: string,
      body: OutreachActivityUpdate,
    ): Promise<OutreachActivity> {
      return db.transaction(async (tx) => {
        const a = await repo.findActivity(tx, teamId, id, true);
        if (!a) throw new AppError('not_found', 'This team has no such activity.');
        checkVersion(a.version, body.version, 'activity');
        const before = {
          heldOn: a.heldOn,
          participants: a.participants,
          description: a.description,
        };
        const after = {
          heldOn: body.heldOn ?? a.heldOn,
          participants: body.participants ?? a.participants,
          description: body.description === undefined ? a.description : body.description,
        };
        const changes = changesOf(before, after);
        if (!Object.keys(changes).length) return toActivity(a);
        await checkActivity(tx, teamId, { kind: a.kind, ...after });
        const updated = await repo.updateActivity(tx, id, after);
        await recordEvent(tx, actor, {
          teamId,
          year: yearOf(updated.heldOn),
          subjectType: 'outreach_activity',
          subjectId: id,
          action: 'updated',
          version: updated.version,
          changes,
        });
        await audit.record(tx, actor, {
          action: 'update',
          recordType: 'outreach_activity',
          recordId: id,
          details: { fields: Object.keys(changes) },
        });
        return toActivity(updated);
      });
    },

    /** Removes a mistaken record; the history keeps what it was. */
    async removeActivity(actor: Actor, teamId: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const a = await repo.findActivity(tx, teamId, id, true);
        if (!a) throw new AppError('not_found', 'This team has no such activity.');
        await repo.deleteActivity(tx, id);
        await recordEvent(tx, actor, {
          teamId,
          year: yearOf(a.heldOn),
          subjectType: 'outreach_activity',
          subjectId: id,
          action: 'removed',
          version: a.version + 1,
          changes: { kind: a.kind, heldOn: a.heldOn, participants: a.participants },
        });
        await audit.record(tx, actor, {
          action: 'delete',
          recordType: 'outreach_activity',
          recordId: id,
          details: { teamId, kind: a.kind, heldOn: a.heldOn },
        });
      });
    },

    async yearHistory(actor: Actor, teamId: string, year: number): Promise<FollowUpEvent[]> {
      return db.transaction(async (tx) => {
        await mustFindTeam(tx, teamId);
        const events = await repo.eventsOf(tx, { teamId, year });
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'team_training_year_history',
          recordId: teamId,
          details: { year },
        });
        return toEvents(events);
      });
    },

    async overview(
      actor: Actor,
      scope: { level: 'unit' | 'district'; id: string },
      year: number | undefined,
    ): Promise<CoverageOverview> {
      return db.transaction(async (tx) => {
        const result = await overviewOf(tx, scope, year ?? yearOf(today()));
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'outreach_coverage',
          recordId: scope.id,
          details: { level: scope.level, year: result.year, teams: result.teams.length },
        });
        return result;
      });
    },

    /** The coverage as CSV, one row per team (CSV-injection safe); the export is audited. */
    async exportOverview(
      actor: Actor,
      scope: { level: 'unit' | 'district'; id: string },
      year: number | undefined,
    ): Promise<string> {
      return db.transaction(async (tx) => {
        const result = await overviewOf(tx, scope, year ?? yearOf(today()));
        await audit.record(tx, actor, {
          action: 'export',
          recordType: 'outreach_coverage',
          recordId: scope.id,
          details: { level: scope.level, year: result.year, teams: result.teams.length },
        });
        return coverageCsv(result);
      });
    },
  };
}
export type CoverageService = ReturnType<typeof createCoverageService>;
