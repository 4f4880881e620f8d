import type { Database, Executor } from '@pvi/db';
import type {
  CreatePlanBody,
  MeasureInput,
  MeasureUpdate,
  PlanEvent,
  PlanFollowUp,
  PlanOverview,
  PlanRisk,
  TeamPlan,
  TeamPlanSummary,
  UpdatePlanBody,
} from '@pvi/contracts';
import { changesOf } from '../../changes.ts';
import { AppError, invalid } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as repo from './plans.repository.ts';
import type { TeamFigures } from './risks.rules.ts';
import { buildOverview, overviewCsv } from './plans.overview.ts';
import { compareScale, shownScale } from './plans.follow-up.ts';
import { waveRefOf, type RiskService } from './risks.service.ts';
import { checkRisks, checkScale } from './plans.checks.ts';

const OPEN_STATUSES = new Set(['planned', 'in_progress']);

/**
 * The team's plan of approach: one per team per wave, agreed by the team chief and the team on
 * the wave's report. Every change raises the plan's version and is kept in `team_plan_events`;
 * every read and write is audited.
 */
export function createPlansService(deps: {
  db: Database;
  audit: AuditService;
  risks: RiskService;
  now?: (() => Date) | undefined;
}) {
  const { db, audit, risks } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);

  /** The team's assessment in the plan's wave: the wave must have closed and include the team. */
  async function assessmentIn(ex: Executor, teamId: string, waveId: string) {
    const [row] = await repo.teamReportRows(ex, { level: 'team', id: teamId }, waveId);
    if (!row) throw new AppError('not_found', 'The team was not found.');
    if (!row.wave_id) return null;
    const [assessment] = await risks.assess(ex, [row]);
    return assessment!;
  }

  const overdue = (m: { dueOn: string | null; status: string }) =>
    m.dueOn !== null && m.dueOn < today() && OPEN_STATUSES.has(m.status);

  async function toPlan(ex: Executor, plan: repo.PlanRow): Promise<TeamPlan> {
    const [summary] = (await repo.plansOfTeam(ex, plan.teamId)).filter((p) => p.id === plan.id);
    const teamName = (await repo.scopeName(ex, { level: 'team', id: plan.teamId })) ?? '';
    const measures = await repo.measuresOf(ex, [plan.id]);
    return {
      id: plan.id,
      teamId: plan.teamId,
      teamName,
      wave: waveRefOf(plan.waveId, summary!.wave_name, summary!.instrument_key, summary!.closed_at),
      risks: plan.risks as PlanRisk[],
      conversationOn: plan.conversationOn,
      summary: plan.summary,
      version: plan.version,
      measures: measures.map((m) => ({
        id: m.id,
        position: m.position,
        title: m.title,
        owner: m.owner,
        dueOn: m.dueOn,
        status: m.status,
        progress: m.progress,
        progressNote: m.progressNote,
        scaleKey: m.scaleKey,
        overdue: overdue(m),
        updatedAt: m.updatedAt.toISOString(),
      })),
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
    };
  }

  async function mustFindPlan(ex: Executor, teamId: string, planId: string, forUpdate = false) {
    const plan = await repo.findPlan(ex, teamId, planId, forUpdate);
    if (!plan) throw new AppError('not_found', 'This team has no such plan.');
    return plan;
  }

  function checkVersion(plan: repo.PlanRow, version: number | undefined) {
    if (version !== undefined && version !== plan.version)
      throw new AppError(
        'conflict',
        `The plan has changed since you read it (version ${version}, now ${plan.version}); read it again.`,
      );
  }

  const measureValues = (m: MeasureInput) => ({
    title: m.title,
    owner: m.owner,
    dueOn: m.dueOn ?? null,
    status: m.status ?? 'planned',
    progress: m.progress ?? null,
    progressNote: m.progressNote ?? null,
    scaleKey: m.scaleKey ?? null,
  });

  const event = (
    actor: Actor,
    values: Omit<Parameters<typeof repo.insertEvent>[1], 'actorPersonId' | 'actorRole'>,
  ) => ({ ...values, actorPersonId: actor.personId, actorRole: actor.role });

  return {
    async list(actor: Actor, teamId: string): Promise<TeamPlanSummary[]> {
      return db.transaction(async (tx) => {
        const plans = await repo.plansOfTeam(tx, teamId);
        const measures = await repo.measuresOf(
          tx,
          plans.map((p) => p.id),
        );
        await audit.record(tx, actor, {
          action: 'list',
          recordType: 'team_plan',
          recordId: teamId,
          details: { plans: plans.length },
        });
        return plans.map((p) => {
          const own = measures.filter((m) => m.planId === p.id);
          return {
            id: p.id,
            wave: waveRefOf(p.wave_id, p.wave_name, p.instrument_key, p.closed_at),
            conversationOn: p.conversation_on,
            version: p.version,
            measures: own.length,
            done: own.filter((m) => m.status === 'done').length,
            overdue: own.filter(overdue).length,
            updatedAt: p.updated_at,
          };
        });
      });
    },

    async get(actor: Actor, teamId: string, planId: string): Promise<TeamPlan> {
      return db.transaction(async (tx) => {
        const plan = await mustFindPlan(tx, teamId, planId);
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'team_plan',
          recordId: planId,
        });
        return toPlan(tx, plan);
      });
    },

    async create(actor: Actor, teamId: string, body: CreatePlanBody): Promise<TeamPlan> {
      return db.transaction(async (tx) => {
        const assessment = await assessmentIn(tx, teamId, body.waveId);
        if (!assessment)
          throw invalid([
            {
              name: 'waveId',
              code: 'no_report',
              reason:
                'The team has no report in this wave: the wave must have closed and include the team.',
            },
          ]);
        const measures = body.measures ?? [];
        const problems = [
          ...checkRisks(body.risks, assessment),
          ...measures.flatMap((m, i) =>
            checkScale(m.scaleKey, assessment.instrument, `measures.${i}.scaleKey`),
          ),
        ];
        if (problems.length) throw invalid(problems);
        if (await repo.findPlanOfWave(tx, teamId, body.waveId))
          throw new AppError(
            'conflict',
            'The team already has a plan for this wave; change that one.',
          );
        const plan = await repo.insertPlan(tx, {
          teamId,
          waveId: body.waveId,
          risks: body.risks,
          conversationOn: body.conversationOn ?? null,
          summary: body.summary ?? null,
          createdBy: actor.personId,
        });
        const inserted = await repo.insertMeasures(
          tx,
          measures.map((m, i) => ({ planId: plan.id, position: i + 1, ...measureValues(m) })),
        );
        await repo.insertEvent(
          tx,
          event(actor, {
            planId: plan.id,
            action: 'plan_created',
            version: plan.version,
            changes: {
              waveId: body.waveId,
              risks: body.risks,
              conversationOn: plan.conversationOn,
              summary: plan.summary,
            },
          }),
        );
        for (const m of inserted)
          await repo.insertEvent(
            tx,
            event(actor, {
              planId: plan.id,
              measureId: m.id,
              action: 'measure_added',
              version: plan.version,
              changes: measureValues(m),
            }),
          );
        await audit.record(tx, actor, {
          action: 'create',
          recordType: 'team_plan',
          recordId: plan.id,
          details: { teamId, waveId: body.waveId, measures: inserted.length },
        });
        return toPlan(tx, plan);
      });
    },

    async update(
      actor: Actor,
      teamId: string,
      planId: string,
      body: UpdatePlanBody,
    ): Promise<TeamPlan> {
      return db.transaction(async (tx) => {
        const plan = await mustFindPlan(tx, teamId, planId, true);
        checkVersion(plan, body.version);
        if (body.risks) {
          const assessment = await assessmentIn(tx, teamId, plan.waveId);
          const problems = assessment
            ? checkRisks(body.risks, assessment, plan.risks as PlanRisk[])
            : [];
          if (problems.length) throw invalid(problems);
        }
        const changes = changesOf(
          { risks: plan.risks, conversationOn: plan.conversationOn, summary: plan.summary },
          { risks: body.risks, conversationOn: body.conversationOn, summary: body.summary },
        );
        if (!Object.keys(changes).length) return toPlan(tx, plan);
        const updated = await repo.updatePlan(tx, plan.id, {
          ...(body.risks !== undefined ? { risks: body.risks } : {}),
          ...(body.conversationOn !== undefined ? { conversationOn: body.conversationOn } : {}),
          ...(body.summary !== undefined ? { summary: body.summary } : {}),
        });
        await repo.insertEvent(
          tx,
          event(actor, { planId, action: 'plan_updated', version: updated.version, changes }),
        );
        await audit.record(tx, actor, {
          action: 'update',
          recordType: 'team_plan',
          recordId: planId,
          details: { fields: Object.keys(changes) },
        });
        return toPlan(tx, updated);
      });
    },

    async addMeasure(
      actor: Actor,
      teamId: string,
      planId: string,
      body: MeasureInput,
    ): Promise<TeamPlan> {
      return db.transaction(async (tx) => {
        const plan = await mustFindPlan(tx, teamId, planId, true);
        if (body.scaleKey) {
          const assessment = await assessmentIn(tx, teamId, plan.waveId);
          const problems = checkScale(body.scaleKey, assessment?.instrument ?? null, 'scaleKey');
          if (problems.length) throw invalid(problems);
        }
        const existing = await repo.measuresOf(tx, [planId]);
        const position = Math.max(0, ...existing.map((m) => m.position)) + 1;
        const [measure] = await repo.insertMeasures(tx, [
          { planId, position, ...measureValues(body) },
        ]);
        const updated = await repo.updatePlan(tx, planId, {});
        await repo.insertEvent(
          tx,
          event(actor, {
            planId,
            measureId: measure!.id,
            action: 'measure_added',
            version: updated.version,
            changes: measureValues(body),
          }),
        );
        await audit.record(tx, actor, {
          action: 'create',
          recordType: 'team_plan_measure',
          recordId: measure!.id,
          details: { planId },
        });
        return toPlan(tx, updated);
      });
    },

    async updateMeasure(
      actor: Actor,
      teamId: string,
      planId: string,
      measureId: string,
      body: MeasureUpdate,
    ): Promise<TeamPlan> {
      return db.transaction(async (tx) => {
        const plan = await mustFindPlan(tx, teamId, planId, true);
        checkVersion(plan, body.version);
        const measure = await repo.findMeasure(tx, planId, measureId);
        if (!measure) throw new AppError('not_found', 'This plan has no such measure.');
        if (body.scaleKey) {
          const assessment = await assessmentIn(tx, teamId, plan.waveId);
          const problems = checkScale(body.scaleKey, assessment?.instrument ?? null, 'scaleKey');
          if (problems.length) throw invalid(problems);
        }
        const { version: _version, ...fields } = body;
        const changes = changesOf(measure, fields);
        if (!Object.keys(changes).length) return toPlan(tx, plan);
        await repo.updateMeasure(tx, measureId, fields);
        const updated = await repo.updatePlan(tx, planId, {});
        await repo.insertEvent(
          tx,
          event(actor, {
            planId,
            measureId,
            action: 'measure_updated',
            version: updated.version,
            changes,
          }),
        );
        await audit.record(tx, actor, {
          action: 'update',
          recordType: 'team_plan_measure',
          recordId: measureId,
          details: { planId, fields: Object.keys(changes) },
        });
        return toPlan(tx, updated);
      });
    },

    async history(actor: Actor, teamId: string, planId: string): Promise<PlanEvent[]> {
      return db.transaction(async (tx) => {
        await mustFindPlan(tx, teamId, planId);
        const events = await repo.eventsOf(tx, planId);
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'team_plan_history',
          recordId: planId,
        });
        return events.map((e) => ({
          id: e.id,
          version: e.version,
          action: e.action,
          measureId: e.measureId,
          changes: e.changes as Record<string, unknown>,
          by: {
            role: e.role,
            name: e.givenName && e.familyName ? `${e.givenName} ${e.familyName}` : null,
          },
          at: e.at.toISOString(),
        }));
      });
    },

    /**
     * For each measure aimed at a scale: the scale in the plan's wave and in the team's next closed
     * wave of the same instrument, and the change with Welch's test (no claim below 10 on a side).
     */
    async followUp(actor: Actor, teamId: string, planId: string): Promise<PlanFollowUp> {
      return db.transaction(async (tx) => {
        const plan = await mustFindPlan(tx, teamId, planId);
        const assessment = await assessmentIn(tx, teamId, plan.waveId);
        const next = await repo.nextTeamReport(tx, teamId, plan.waveId);
        const measures = (await repo.measuresOf(tx, [planId])).filter((m) => m.scaleKey);
        const row = assessment!.row;
        const before = assessment!.figures;
        const after = next?.shown ? (next.figures as TeamFigures) : null;
        const titles = new Map(assessment!.instrument?.scales.map((s) => [s.key, s.title]) ?? []);
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'team_plan_follow_up',
          recordId: planId,
          details: { nextWaveId: next?.wave_id ?? null },
        });
        return {
          planId,
          wave: waveRefOf(row.wave_id!, row.wave_name!, row.instrument_key!, row.closed_at),
          nextWave: next
            ? waveRefOf(next.wave_id, next.wave_name, next.instrument_key, next.closed_at)
            : null,
          nextShown: next ? next.shown : null,
          measures: measures.map((m) => {
            const key = m.scaleKey!;
            const a = shownScale(before?.scales[key]);
            const b = shownScale(after?.scales[key]);
            return {
              measureId: m.id,
              title: m.title,
              scaleKey: key,
              scaleTitle: titles.get(key) ?? null,
              before: a,
              after: b,
              ...compareScale(a, b, {
                hasNext: Boolean(next),
                nextShown: Boolean(next?.shown),
                beforeShown: Boolean(before),
              }),
            };
          }),
        };
      });
    },

    /** Teams with and without a plan for their latest closed wave, overdue measures, flags. */
    async overview(actor: Actor, scope: repo.OrgScope): Promise<PlanOverview> {
      return db.transaction(async (tx) => {
        const result = await buildOverview(tx, risks, scope, today());
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'team_plan_overview',
          recordId: scope.id,
          details: { level: scope.level, teams: result.teams.length },
        });
        return result;
      });
    },

    /** The overview as CSV, one row per team (CSV-injection safe); the export is audited. */
    async exportOverview(actor: Actor, scope: repo.OrgScope): Promise<string> {
      return db.transaction(async (tx) => {
        const o = await buildOverview(tx, risks, scope, today());
        await audit.record(tx, actor, {
          action: 'export',
          recordType: 'team_plan_overview',
          recordId: scope.id,
          details: { level: scope.level, teams: o.teams.length },
        });
        return overviewCsv(o);
      });
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
