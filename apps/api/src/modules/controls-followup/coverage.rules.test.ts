import { describe, expect, it } from 'vitest';
import {
  coverageTotalsOf,
  referenceDay,
  teamCoverageOf,
  type TeamYearFigures,
} from './coverage.rules.ts';

const team = (overrides: Partial<TeamYearFigures> = {}): TeamYearFigures => ({
  teamId: 't',
  teamCode: 'T',
  teamName: 'Team',
  teamKind: 'basisteam',
  districtId: null,
  districtName: null,
  teamSize: 7,
  ambassadors: 2,
  ibtParticipants: 7,
  vrSessions: 0,
  vrParticipants: 0,
  dialogues: 1,
  dialogueParticipants: 20,
  ...overrides,
});

describe('coverage against the norms', () => {
  it('meets the IBT norm only when every member took part', () => {
    expect(teamCoverageOf(team()).ibt.status).toBe('met');
    expect(teamCoverageOf(team({ ibtParticipants: 6 })).ibt.status).toBe('not_met');
  });

  it('tells not recorded and not applicable apart from not met', () => {
    const c = teamCoverageOf(
      team({ teamKind: 'recherche', ibtParticipants: null, dialogues: 0, ambassadors: 0 }),
    );
    expect(c.ambassadors.status).toBe('not_applicable');
    expect(c.ibt.status).toBe('not_recorded');
    expect(c.dialogue.status).toBe('not_met');
    expect([c.normsApplicable, c.normsMet]).toEqual([2, 0]);
    // A team without members has nobody to train.
    expect(teamCoverageOf(team({ teamSize: 0, ibtParticipants: null })).ibt.status).toBe(
      'not_applicable',
    );
  });

  it('sums the IBT share over the teams that recorded it only', () => {
    const totals = coverageTotalsOf([
      teamCoverageOf(team({ teamSize: 10, ibtParticipants: 9 })),
      teamCoverageOf(team({ teamSize: 5, ibtParticipants: null })),
      teamCoverageOf(team({ teamSize: 6, ibtParticipants: 6 })),
    ]);
    expect(totals.ibt).toEqual({
      applicable: 3,
      met: 1,
      notMet: 1,
      notRecorded: 1,
      participants: 15,
      teamSize: 16,
      share: 15 / 16,
    });
    expect(totals.teamsMeetingAll).toBe(1);
    expect(coverageTotalsOf([]).ibt.share).toBeNull();
  });

  it('counts memberships up to today in the current year and to 31 December before', () => {
    expect(referenceDay(2025, '2026-03-01')).toBe('2025-12-31');
    expect(referenceDay(2026, '2026-03-01')).toBe('2026-03-01');
  });
});
