import type { Database } from '@pvi/db';
import type { AttentionList, HrIndicatorKey } from '@pvi/contracts';
import type { DisclosureRules } from '@pvi/disclosure';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as plans from './plans.repository.ts';
import * as hr from './hr-indicators.repository.ts';
import type { RiskService } from './risks.service.ts';
import {
  hrComponentValues,
  mayShowTeamFigures,
  monitorComponentValues,
  monthsUpTo,
  scoreTeam,
  type HrMonth,
} from './attention.rules.ts';

const toHrMonth = (r: hr.HrMonthRow): HrMonth => ({
  month: r.month,
  headcount: r.headcount,
  values: {
    absenteeismPct: r.absenteeism_pct,
    absenceFrequency: r.absence_frequency,
    turnoverPct: r.turnover_pct,
    overtimeHours: r.overtime_hours,
    vacancies: r.vacancies,
    integrityReports: r.integrity_reports,
  } satisfies Record<HrIndicatorKey, number | null>,
});

/**
 * "Needs attention" for the teams of a unit or district: an explainable score from the HR
 * indicators of the last three months and the latest closed wave, with trend lines. HR figures of
 * a team with fewer members than the smallest group shown are not shown and do not count.
 */
export function createAttentionService(deps: {
  db: Database;
  audit: AuditService;
  risks: RiskService;
  rules: DisclosureRules;
}) {
  const { db, audit, risks, rules } = deps;

  async function list(
    actor: Actor,
    scope: { level: 'unit' | 'district'; id: string },
  ): Promise<AttentionList> {
    return db.transaction(async (tx) => {
      const name = await plans.scopeName(tx, scope);
      if (name === null) throw new AppError('not_found', `The ${scope.level} was not found.`);
      const latest = await hr.latestMonth(tx, scope);
      const reference = latest?.slice(0, 7) ?? null;
      // One after another: a transaction is one connection.
      const rows = await plans.teamReportRows(tx, scope);
      const trends = await plans.scaleTrends(tx, scope);
      const hrRows = latest ? await hr.indicatorsUpTo(tx, scope, latest) : [];
      const assessed = await risks.assess(tx, rows);
      const window = reference ? monthsUpTo(reference, 3) : [];
      const items = assessed.map(({ row, figures, instrument, result }) => {
        const months = hrRows.filter((r) => r.team_id === row.team_id).map(toHrMonth);
        const values = {
          ...hrComponentValues(months, window, rules),
          ...monitorComponentValues({
            inWave: Boolean(row.wave_id),
            figures,
            instrument,
            result,
            hasPrevious: Boolean(row.prev_shown && row.prev_instrument_key === row.instrument_key),
            imported: row.imported ?? false,
          }),
        };
        return {
          teamId: row.team_id,
          teamCode: row.team_code,
          teamName: row.team_name,
          ...scoreTeam(values),
          trends: {
            hr: months.map((m) => {
              const shown = mayShowTeamFigures(m.headcount, rules);
              return { month: m.month, shown, values: shown ? m.values : null };
            }),
            scales: trends
              .filter((t) => t.team_id === row.team_id)
              .map((t) => ({
                waveId: t.wave_id,
                waveName: t.wave_name,
                closedAt: t.closed_at,
                shown: t.shown,
                scales:
                  t.shown && t.scales
                    ? Object.fromEntries(
                        Object.entries(t.scales).flatMap(([k, s]) =>
                          s.favourable.kind === 'suppressed' ? [] : [[k, s.favourable]],
                        ),
                      )
                    : null,
              })),
          },
        };
      });
      items.sort(
        (a, b) =>
          b.score - a.score ||
          a.teamName.localeCompare(b.teamName, 'nl') ||
          a.teamId.localeCompare(b.teamId),
      );
      await audit.record(tx, actor, {
        action: 'read',
        recordType: 'team_attention',
        recordId: scope.id,
        details: { level: scope.level, teams: items.length, referenceMonth: reference },
      });
      return {
        scope: { level: scope.level, id: scope.id, name },
        referenceMonth: reference,
        minGroupSize: rules.minGroupSize,
        items,
      };
    });
  }

  return { list };
}
export type AttentionService = ReturnType<typeof createAttentionService>;
