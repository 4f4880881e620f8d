import type { CoverageOverview } from '@pvi/contracts';
import { toCsv } from '../../http/csv.ts';

/** The coverage as CSV: one row per team against each norm; `toCsv` guards against formulas. */
export function coverageCsv(o: CoverageOverview): string {
  return toCsv(
    [
      'year',
      'team_code',
      'team_name',
      'team_kind',
      'district',
      'team_size',
      'ambassadors',
      'ambassadors_status',
      'ibt_participants',
      'ibt_share',
      'ibt_status',
      'vr_sessions',
      'vr_participants',
      'dialogue_meetings',
      'dialogue_participants',
      'dialogue_status',
      'norms_met',
      'norms_applicable',
    ],
    o.teams.map((t) => [
      o.year,
      t.teamCode,
      t.teamName,
      t.teamKind,
      t.districtName,
      t.teamSize,
      t.ambassadors.count,
      t.ambassadors.status,
      t.ibt.participants,
      t.ibt.share === null ? null : t.ibt.share.toFixed(3),
      t.ibt.status,
      t.vrSessions.sessions,
      t.vrSessions.participants,
      t.dialogue.meetings,
      t.dialogue.participants,
      t.dialogue.status,
      t.normsMet,
      t.normsApplicable,
    ]),
  );
}
