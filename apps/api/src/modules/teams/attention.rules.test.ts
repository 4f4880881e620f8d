import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memo } from './instruments/index.ts';
import {
  attentionComponents,
  contribution,
  hrComponentValues,
  mayShowTeamFigures,
  monitorComponentValues,
  monthsUpTo,
  scoreTeam,
  type HrMonth,
} from './attention.rules.ts';
import type { TeamFigures } from './risks.rules.ts';

const rules = { minGroupSize: 5, minOpenAnswerGroupSize: 10 };
const def = (key: string) => attentionComponents.find((c) => c.key === key)!;

function month(m: string, headcount: number, values: Partial<HrMonth['values']> = {}): HrMonth {
  return {
    month: m,
    headcount,
    values: {
      absenteeismPct: null,
      absenceFrequency: null,
      turnoverPct: null,
      overtimeHours: null,
      vacancies: null,
      integrityReports: null,
      ...values,
    },
  };
}

describe('attention score', () => {
  it('counts nothing up to the threshold, the whole weight from `full`, linearly between', () => {
    const absence = def('absenteeism_pct'); // threshold 6, full 10, weight 2
    expect(contribution(absence, 5)).toBe(0);
    expect(contribution(absence, 6)).toBe(0);
    expect(contribution(absence, 8)).toBe(1);
    expect(contribution(absence, 10)).toBe(2);
    expect(contribution(absence, 30)).toBe(2);
    expect(contribution(absence, null)).toBe(0);
    // Lower is worse for the favourable share: threshold 0.5, full 0.2, weight 3.
    const share = def('lowest_favourable_share');
    expect(contribution(share, 0.6)).toBe(0);
    expect(contribution(share, 0.35)).toBe(1.5);
    expect(contribution(share, 0.1)).toBe(3);
  });

  it('stays between 0 and the weight for any value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...attentionComponents),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (c, value) => {
          const x = contribution(c, value);
          return x >= 0 && x <= c.weight;
        },
      ),
    );
  });

  it('sums the contributions and the weights of what could be evaluated', () => {
    const s = scoreTeam({
      absenteeism_pct: { value: 8, note: null },
      lowest_favourable_share: { value: 0.2, note: null },
      response_rate: { value: null, note: { nl: 'x', en: 'x' } },
    });
    expect(s.score).toBe(4);
    expect(s.maxScore).toBe(5);
    expect(s.components).toHaveLength(attentionComponents.length);
    const absence = s.components.find((c) => c.key === 'absenteeism_pct')!;
    expect(absence).toMatchObject({ value: 8, threshold: 6, weight: 2, contribution: 1 });
    expect(s.components.find((c) => c.key === 'response_rate')!.note).toEqual({ nl: 'x', en: 'x' });
  });
});

describe('HR components', () => {
  const window = ['2026-01', '2026-02', '2026-03'];

  it('averages the shown months in the window and sums integrity reports', () => {
    const v = hrComponentValues(
      [
        month('2025-12', 12, { absenteeismPct: 50 }),
        month('2026-01', 12, { absenteeismPct: 4, vacancies: 1.2, integrityReports: 1 }),
        month('2026-02', 12, { absenteeismPct: 8, vacancies: 2.4, integrityReports: 0 }),
        month('2026-03', 12, { absenteeismPct: 9 }),
      ],
      window,
      rules,
    );
    expect(v.absenteeism_pct!.value).toBe(7);
    expect(v.vacancy_rate!.value).toBeCloseTo(0.15);
    expect(v.integrity_reports!.value).toBe(1);
    expect(v.overtime_hours).toEqual({
      value: null,
      note: { nl: 'Niet aangeleverd voor deze maanden.', en: 'Not supplied for these months.' },
    });
  });

  it('shows nothing of a team with fewer members than the smallest group shown', () => {
    const v = hrComponentValues(
      [month('2026-02', 4, { absenteeismPct: 20, integrityReports: 3 })],
      window,
      rules,
    );
    for (const key of ['absenteeism_pct', 'integrity_reports', 'vacancy_rate'])
      expect(v[key]!.value, key).toBeNull();
    expect(v.absenteeism_pct!.note!.nl).toContain('minder dan 5 leden');
    expect(mayShowTeamFigures(4, rules)).toBe(false);
    expect(mayShowTeamFigures(5, rules)).toBe(true);
  });

  it('leaves out a month in which the team was too small, even when others are shown', () => {
    const v = hrComponentValues(
      [month('2026-01', 3, { absenteeismPct: 40 }), month('2026-02', 8, { absenteeismPct: 4 })],
      window,
      rules,
    );
    expect(v.absenteeism_pct!.value).toBe(4);
  });
});

describe('monitor components', () => {
  const figures: TeamFigures = {
    invited: 20,
    respondents: 12,
    scales: {
      social_safety: {
        n: 12,
        mean: 3,
        sd: 1,
        favourable: { kind: 'exact', value: 0.3 },
        interval: null,
      },
      belonging: {
        n: 12,
        mean: 4,
        sd: 1,
        favourable: { kind: 'exact', value: 0.8 },
        interval: null,
      },
    },
    items: {
      transgressive_intimidation: [
        [0, 8],
        [1, 4],
      ],
    },
  };

  it('takes the lowest share, the highest transgressive share, the drops and the response', () => {
    const v = monitorComponentValues({
      inWave: true,
      figures,
      instrument: memo,
      result: { flags: [], notEvaluated: [] },
      hasPrevious: true,
      imported: false,
    });
    expect(v.lowest_favourable_share!.value).toBe(0.3);
    expect(v.transgressive_share!.value).toBeCloseTo(1 / 3);
    expect(v.significant_drops!.value).toBe(0);
    expect(v.response_rate!.value).toBe(0.6);
  });

  it('evaluates nothing for a team hidden in the latest wave, and says so', () => {
    const v = monitorComponentValues({
      inWave: true,
      figures: null,
      instrument: memo,
      result: { flags: [], notEvaluated: [] },
      hasPrevious: false,
      imported: false,
    });
    expect(Object.values(v).every((c) => c.value === null)).toBe(true);
    expect(v.response_rate!.note!.en).toContain('not shown');
  });
});

describe('months', () => {
  it('counts back over a year boundary', () => {
    expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsUpTo('2026-12', 12)[0]).toBe('2026-01');
  });
});
