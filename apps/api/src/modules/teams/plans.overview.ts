import type { Executor } from '@pvi/db';
import type { PlanOverview } from '@pvi/contracts';
import { AppError } from '../../errors.ts';
import { toCsv } from '../../http/csv.ts';
import * as repo from './plans.repository.ts';
import { waveRefOf, type RiskService } from './risks.service.ts';

/**
 * The leadership overview of plans: every team of the scope with its latest closed wave, its plan
 * for that wave and its flags, and every overdue measure (due before `day`, neither done nor
 * stopped). The caller audits the read.
 */
export async function buildOverview(
  ex: Executor,
  risks: RiskService,
  scope: repo.OrgScope,
  day: string,
): Promise<PlanOverview> {
  const name = await repo.scopeName(ex, scope);
  if (name === null) throw new AppError('not_found', `The ${scope.level} was not found.`);
  // One after another: a transaction is one connection.
  const rows = await repo.teamReportRows(ex, scope);
  const plans = await repo.planCounts(ex, scope, day);
  const overdueRows = await repo.overdueMeasures(ex, scope, day);
  const assessed = await risks.assess(ex, rows);
  const planOf = new Map(plans.map((p) => [`${p.team_id}:${p.wave_id}`, p]));
  const teams = assessed.map(({ row, result }) => {
    const plan = row.wave_id ? planOf.get(`${row.team_id}:${row.wave_id}`) : undefined;
    return {
      teamId: row.team_id,
      teamCode: row.team_code,
      teamName: row.team_name,
      districtName: row.district_name,
      wave: row.wave_id
        ? waveRefOf(row.wave_id, row.wave_name!, row.instrument_key!, row.closed_at)
        : null,
      shown: row.wave_id ? Boolean(row.shown) : null,
      plan: plan
        ? {
            id: plan.id,
            conversationOn: plan.conversation_on,
            measures: plan.measures,
            done: plan.done,
            overdue: plan.overdue,
          }
        : null,
      flags: result.flags,
    };
  });
  const surveyed = teams.filter((t) => t.wave).length;
  const withPlan = teams.filter((t) => t.plan).length;
  return {
    scope: { level: scope.level as PlanOverview['scope']['level'], id: scope.id, name },
    today: day,
    summary: {
      teams: teams.length,
      surveyed,
      withPlan,
      withoutPlan: surveyed - withPlan,
      flagged: teams.filter((t) => t.flags.length).length,
      overdueMeasures: overdueRows.length,
    },
    teams,
    overdue: overdueRows.map((m) => ({
      teamId: m.team_id,
      teamName: m.team_name,
      planId: m.plan_id,
      waveName: m.wave_name,
      measureId: m.measure_id,
      title: m.title,
      owner: m.owner,
      dueOn: m.due_on,
      status: m.status,
      daysOverdue: m.days_overdue,
    })),
  };
}

/** The overview as CSV, one row per team; `toCsv` makes cells safe from formula injection. */
export function overviewCsv(o: PlanOverview): string {
  const overdueOf = new Map<string, string[]>();
  for (const m of o.overdue)
    overdueOf.set(m.teamId, [...(overdueOf.get(m.teamId) ?? []), `${m.title} (${m.dueOn})`]);
  return toCsv(
    [
      'team_code',
      'team_name',
      'district',
      'latest_wave',
      'shown_in_report',
      'has_plan',
      'conversation_on',
      'measures',
      'measures_done',
      'measures_overdue',
      'overdue_measures',
      'flags',
    ],
    o.teams.map((t) => [
      t.teamCode,
      t.teamName,
      t.districtName,
      t.wave?.name ?? null,
      t.shown === null ? null : t.shown ? 'yes' : 'no',
      t.plan ? 'yes' : 'no',
      t.plan?.conversationOn ?? null,
      t.plan?.measures ?? 0,
      t.plan?.done ?? 0,
      overdueOf.get(t.teamId)?.length ?? 0,
      (overdueOf.get(t.teamId) ?? []).join('; '),
      t.flags.map((f) => f.code).join('; '),
    ]),
  );
}
