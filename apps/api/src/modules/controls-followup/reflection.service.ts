import type { Database, Executor } from '@pvi/db';
import type {
  FollowUpEvent,
  ReflectionFigures,
  ReflectionFiguresQuery,
  ReflectionSession,
  ReflectionSessionInput,
  ReflectionSessionUpdate,
} from '@pvi/contracts';
import { AppError, type InvalidParam } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { ControlAnalysisService } from '../controls/analysis/analysis.service.ts';
import { referenceDay } from './coverage.rules.ts';
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

const toSession = (s: repo.SessionRow): ReflectionSession => ({
  id: s.id,
  teamId: s.teamId,
  heldOn: s.heldOn,
  participants: s.participants,
  agreedActions: s.agreedActions as string[],
  notes: s.notes,
  periodFrom: s.periodFrom,
  periodTo: s.periodTo,
  version: s.version,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

/**
 * Reflection on the team's controls (Blauw Vakmanschap): the team's figures from the controls
 * analysis, and the sessions the team chief records (date, participants, agreed actions), each
 * change kept in the history and audited.
 */
export function createReflectionService(deps: {
  db: Database;
  audit: AuditService;
  analysis: ControlAnalysisService;
  now?: (() => Date) | undefined;
}) {
  const { db, audit, analysis } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => amsterdamDay.format(now());

  async function mustFindTeam(ex: Executor, teamId: string) {
    const team = await repo.findTeam(ex, teamId);
    if (!team) throw new AppError('not_found', 'The team was not found.');
    return team;
  }

  /** Every rule a session must meet, field by field, on the values it would have. */
  async function check(ex: Executor, teamId: string, s: ReflectionSessionInput) {
    const day = today();
    const problems: InvalidParam[] = [...notInFuture('heldOn', s.heldOn, day)];
    if (s.periodTo < s.periodFrom)
      problems.push({
        name: 'periodTo',
        code: 'before_from',
        reason: 'The period of the figures ends before it starts.',
      });
    if (s.periodTo > s.heldOn)
      problems.push({
        name: 'periodTo',
        code: 'after_session',
        reason: 'The figures discussed cannot run past the day of the session.',
      });
    if (!problems.some((p) => p.name === 'heldOn')) {
      const year = Number(s.heldOn.slice(0, 4));
      const size = (await repo.membersInYear(ex, teamId, year, referenceDay(year, day))).length;
      if (s.participants > size)
        problems.push({
          name: 'participants',
          code: 'exceeds_team_size',
          reason: `${s.participants} participants, but the team had ${size} members in ${year}.`,
        });
    }
    if (problems.length) throw invalid(problems);
  }

  const values = (s: ReflectionSessionInput) => ({
    heldOn: s.heldOn,
    participants: s.participants,
    agreedActions: s.agreedActions,
    notes: s.notes ?? null,
    periodFrom: s.periodFrom,
    periodTo: s.periodTo,
  });

  return {
    /** The team's figures for the period, from the controls analysis: aggregates only. */
    async figures(
      actor: Actor,
      teamId: string,
      query: ReflectionFiguresQuery,
    ): Promise<ReflectionFigures> {
      const team = await mustFindTeam(db, teamId);
      // The analysis audits the read itself (control_analysis, level team).
      const a = await analysis.analyse(actor, 'team', teamId, query);
      return {
        team: { id: team.id, name: team.name },
        from: a.scope.from,
        to: a.scope.to,
        minCellSize: a.minCellSize,
        controls: a.quality.controls,
        legalBasis: a.quality.total.legalBasis,
        reasonText: a.quality.total.reasonText,
        explained: a.quality.total.explained,
        hitRate: a.effectiveness.total,
        bySelectionReason: a.effectiveness.bySelectionReason,
        byLegalBasis: a.effectiveness.byLegalBasis,
        exclusions: a.exclusions.filter(
          (e) => e.analysis.startsWith('quality') || e.analysis.startsWith('effectiveness'),
        ),
      };
    },

    async list(actor: Actor, teamId: string): Promise<ReflectionSession[]> {
      return db.transaction(async (tx) => {
        await mustFindTeam(tx, teamId);
        const sessions = await repo.sessionsOfTeam(tx, teamId);
        await audit.record(tx, actor, {
          action: 'list',
          recordType: 'reflection_session',
          recordId: teamId,
          details: { sessions: sessions.length },
        });
        return sessions.map(toSession);
      });
    },

    async get(actor: Actor, teamId: string, id: string): Promise<ReflectionSession> {
      return db.transaction(async (tx) => {
        const s = await repo.findSession(tx, teamId, id);
        if (!s) throw new AppError('not_found', 'This team has no such reflection session.');
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'reflection_session',
          recordId: id,
        });
        return toSession(s);
      });
    },

    async create(
      actor: Actor,
      teamId: string,
      body: ReflectionSessionInput,
    ): Promise<ReflectionSession> {
      return db.transaction(async (tx) => {
        await mustFindTeam(tx, teamId);
        await check(tx, teamId, body);
        const s = await repo.insertSession(tx, {
          teamId,
          ...values(body),
          createdBy: actor.personId,
        });
        await recordEvent(tx, actor, {
          teamId,
          subjectType: 'reflection_session',
          subjectId: s.id,
          action: 'created',
          version: s.version,
          changes: values(body),
        });
        await audit.record(tx, actor, {
          action: 'create',
          recordType: 'reflection_session',
          recordId: s.id,
          details: { teamId, heldOn: s.heldOn, participants: s.participants },
        });
        return toSession(s);
      });
    },

    async update(
      actor: Actor,
      teamId: string,
      id: string,
      body: ReflectionSessionUpdate,
    ): Promise<ReflectionSession> {
      return db.transaction(async (tx) => {
        const s = await repo.findSession(tx, teamId, id, true);
        if (!s) throw new AppError('not_found', 'This team has no such reflection session.');
        checkVersion(s.version, body.version, 'reflection session');
        const { version: _version, ...fields } = body;
        const before = values({ ...toSession(s), notes: s.notes });
        // The parsed body holds only the fields sent.
        const after: ReflectionSessionInput = { ...before, ...fields };
        const changes = changesOf(before, values(after));
        if (!Object.keys(changes).length) return toSession(s);
        await check(tx, teamId, after);
        const updated = await repo.updateSession(tx, id, values(after));
        await recordEvent(tx, actor, {
          teamId,
          subjectType: 'reflection_session',
          subjectId: id,
          action: 'updated',
          version: updated.version,
          changes,
        });
        await audit.record(tx, actor, {
          action: 'update',
          recordType: 'reflection_session',
          recordId: id,
          details: { fields: Object.keys(changes) },
        });
        return toSession(updated);
      });
    },

    async history(actor: Actor, teamId: string, id: string): Promise<FollowUpEvent[]> {
      return db.transaction(async (tx) => {
        if (!(await repo.findSession(tx, teamId, id)))
          throw new AppError('not_found', 'This team has no such reflection session.');
        const events = await repo.eventsOf(tx, { subjectId: id });
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'reflection_session_history',
          recordId: id,
        });
        return toEvents(events);
      });
    },
  };
}
export type ReflectionService = ReturnType<typeof createReflectionService>;
