import type { Database, Executor } from '@pvi/db';
import type { Instrument, RiskThresholds, TeamRisks } from '@pvi/contracts';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as repo from './plans.repository.ts';
import {
  defaultRiskThresholds,
  evaluateRisks,
  type RiskResult,
  type TeamFigures,
} from './risks.rules.ts';

/** A team's place in a wave as the risk rules see it, with the rules' outcome. */
export interface TeamAssessment {
  row: repo.TeamReportRow;
  instrument: Instrument | null;
  figures: TeamFigures | null;
  result: RiskResult;
}

const HIDDEN = {
  nl: 'De uitkomsten van het team zijn in deze meting niet getoond (anonimiteitsdrempel): er worden geen markeringen berekend.',
  en: 'The team’s results were not shown in this wave (anonymity threshold): no flags are computed.',
};

export const waveRefOf = (
  id: string,
  name: string,
  instrumentKey: string,
  closedAt: string | null,
) => ({ id, name, instrumentKey, closedAt });

/**
 * Risk flags from the stored group reports of closed waves. A team hidden by disclosure control
 * gets no flags; the rules only see figures that were shown.
 */
export function createRiskService(deps: {
  db: Database;
  audit: AuditService;
  thresholds?: RiskThresholds;
}) {
  const { db, audit } = deps;
  const thresholds = deps.thresholds ?? defaultRiskThresholds;

  /** Applies the rules to each team's row (latest or chosen wave against the one before). */
  async function assess(ex: Executor, rows: repo.TeamReportRow[]): Promise<TeamAssessment[]> {
    const ids = [...new Set(rows.flatMap((r) => r.instrument_version_id ?? []))];
    const definitions = new Map(
      (await repo.instrumentDefinitions(ex, ids)).map((d) => [d.id, d.definition as Instrument]),
    );
    return rows.map((row) => {
      const instrument = row.instrument_version_id
        ? (definitions.get(row.instrument_version_id) ?? null)
        : null;
      const figures = row.shown ? (row.figures as TeamFigures) : null;
      if (!instrument || !figures)
        return {
          row,
          instrument,
          figures,
          result: {
            flags: [],
            notEvaluated: row.wave_id
              ? (
                  [
                    'low_favourable',
                    'significant_drop',
                    'transgressive_experienced',
                    'low_response',
                  ] as const
                ).map((rule) => ({ rule, reason: HIDDEN }))
              : [],
          },
        };
      const previous =
        row.prev_shown && row.prev_instrument_key === row.instrument_key
          ? (row.prev_figures as TeamFigures)
          : null;
      const previousMissing = previous
        ? undefined
        : row.prev_wave_id && row.prev_instrument_key !== row.instrument_key
          ? ('other_instrument' as const)
          : row.prev_wave_id
            ? ('hidden' as const)
            : row.declared_previous_wave_id
              ? ('not_in_wave' as const)
              : ('no_previous_wave' as const);
      const result = evaluateRisks({
        instrument,
        current: figures,
        previous,
        previousMissing,
        previousWaveName: row.prev_wave_name,
        imported: row.imported ?? false,
        thresholds,
      });
      return { row, instrument, figures, result };
    });
  }

  /** The flags of one team in its latest closed wave, or in `waveId`. The read is audited. */
  async function forTeam(actor: Actor, teamId: string, waveId?: string): Promise<TeamRisks> {
    return db.transaction(async (tx) => {
      const [row] = await repo.teamReportRows(tx, { level: 'team', id: teamId }, waveId);
      if (!row) throw new AppError('not_found', 'The team was not found.');
      if (waveId && !row.wave_id)
        throw new AppError(
          'not_found',
          'The team was not in that wave, or the wave has not closed.',
        );
      const [assessment] = await assess(tx, [row]);
      await audit.record(tx, actor, {
        action: 'read',
        recordType: 'team_risks',
        recordId: teamId,
        details: { waveId: row.wave_id, flags: assessment!.result.flags.length },
      });
      return {
        team: { id: row.team_id, name: row.team_name },
        wave: row.wave_id
          ? waveRefOf(row.wave_id, row.wave_name!, row.instrument_key!, row.closed_at)
          : null,
        previousWave: row.prev_wave_id
          ? waveRefOf(
              row.prev_wave_id,
              row.prev_wave_name!,
              row.prev_instrument_key!,
              row.prev_closed_at,
            )
          : null,
        shown: row.wave_id ? Boolean(row.shown) : null,
        reasons: row.reasons ?? [],
        thresholds,
        flags: assessment!.result.flags,
        notEvaluated: assessment!.result.notEvaluated,
      };
    });
  }

  return { forTeam, assess, thresholds };
}
export type RiskService = ReturnType<typeof createRiskService>;
