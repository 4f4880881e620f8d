import type { CoverageNorms, CoverageStatus, CoverageTotals, TeamCoverage } from '@pvi/contracts';

/**
 * The norms of the programme (issue 5, item 7): two ambassadors per base team; every member of a
 * team through the IBT in the year; at least one dialogue meeting with citizens per team per year.
 * VR sessions are recorded without a norm.
 */
export const NORMS: CoverageNorms = {
  ambassadorsPerBaseTeam: 2,
  ibtShare: 1,
  dialoguesPerTeam: 1,
};

/** Team kinds the ambassador norm applies to; the IBT and dialogue norms apply to every team. */
export const AMBASSADOR_TEAM_KINDS: readonly string[] = ['basisteam'];

/** What is recorded for one team in one year. */
export interface TeamYearFigures {
  teamId: string;
  teamCode: string;
  teamName: string;
  teamKind: string;
  districtId: string | null;
  districtName: string | null;
  teamSize: number;
  ambassadors: number;
  /** Null: nothing recorded for the year. */
  ibtParticipants: number | null;
  vrSessions: number;
  vrParticipants: number;
  dialogues: number;
  dialogueParticipants: number;
}

const statusOf = (applies: boolean, recorded: boolean, met: boolean): CoverageStatus =>
  !applies ? 'not_applicable' : !recorded ? 'not_recorded' : met ? 'met' : 'not_met';

/** One team against each norm. A team without members has no IBT norm (nothing to share). */
export function teamCoverageOf(f: TeamYearFigures, norms: CoverageNorms = NORMS): TeamCoverage {
  const ambassadors = statusOf(
    AMBASSADOR_TEAM_KINDS.includes(f.teamKind),
    true,
    f.ambassadors >= norms.ambassadorsPerBaseTeam,
  );
  const share =
    f.ibtParticipants !== null && f.teamSize > 0 ? f.ibtParticipants / f.teamSize : null;
  // Compared as counts, so that 100 % of 7 is not lost to rounding.
  const ibt = statusOf(
    f.teamSize > 0,
    f.ibtParticipants !== null,
    f.ibtParticipants !== null && f.ibtParticipants >= Math.ceil(norms.ibtShare * f.teamSize),
  );
  const dialogue = statusOf(true, true, f.dialogues >= norms.dialoguesPerTeam);
  const statuses = [ambassadors, ibt, dialogue];
  return {
    teamId: f.teamId,
    teamCode: f.teamCode,
    teamName: f.teamName,
    teamKind: f.teamKind,
    districtId: f.districtId,
    districtName: f.districtName,
    teamSize: f.teamSize,
    ambassadors: { count: f.ambassadors, status: ambassadors },
    ibt: { participants: f.ibtParticipants, share, status: ibt },
    vrSessions: { sessions: f.vrSessions, participants: f.vrParticipants },
    dialogue: { meetings: f.dialogues, participants: f.dialogueParticipants, status: dialogue },
    normsApplicable: statuses.filter((s) => s !== 'not_applicable').length,
    normsMet: statuses.filter((s) => s === 'met').length,
  };
}

const countOf = (teams: TeamCoverage[], pick: (t: TeamCoverage) => CoverageStatus) => {
  const statuses = teams.map(pick);
  return {
    applicable: statuses.filter((s) => s !== 'not_applicable').length,
    met: statuses.filter((s) => s === 'met').length,
    notMet: statuses.filter((s) => s === 'not_met').length,
    notRecorded: statuses.filter((s) => s === 'not_recorded').length,
  };
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Totals over teams: per norm how many teams it applies to and how many meet it. The IBT share is
 * participants over the summed size of the teams that recorded it (unrecorded teams are counted
 * apart, not as zero).
 */
export function coverageTotalsOf(teams: TeamCoverage[]): CoverageTotals {
  const ibtTeams = teams.filter((t) => t.ibt.participants !== null && t.teamSize > 0);
  const participants = sum(ibtTeams.map((t) => t.ibt.participants!));
  const size = sum(ibtTeams.map((t) => t.teamSize));
  return {
    teams: teams.length,
    teamsMeetingAll: teams.filter((t) => t.normsMet === t.normsApplicable).length,
    ambassadors: {
      ...countOf(teams, (t) => t.ambassadors.status),
      count: sum(teams.map((t) => t.ambassadors.count)),
    },
    ibt: {
      ...countOf(teams, (t) => t.ibt.status),
      participants,
      teamSize: size,
      share: size > 0 ? participants / size : null,
    },
    vrSessions: {
      sessions: sum(teams.map((t) => t.vrSessions.sessions)),
      participants: sum(teams.map((t) => t.vrSessions.participants)),
    },
    dialogue: {
      ...countOf(teams, (t) => t.dialogue.status),
      meetings: sum(teams.map((t) => t.dialogue.meetings)),
    },
  };
}

/** The last day whose memberships count for a year: its 31 December, or today in the year itself. */
export function referenceDay(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}
