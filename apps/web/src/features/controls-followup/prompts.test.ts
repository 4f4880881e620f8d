import { describe, expect, it } from 'vitest';
import type { AnalysisShare, ReflectionFigures } from '@pvi/contracts';
import { promptsFor } from './prompts.ts';

const share = (successes: number, n: number, lower?: number, upper?: number): AnalysisShare => ({
  n,
  successes,
  share: {
    estimate: successes / n,
    lower: lower ?? successes / n - 0.05,
    upper: upper ?? successes / n + 0.05,
  },
  suppressed: null,
});
const suppressed: AnalysisShare = { n: 3, successes: null, share: null, suppressed: 'few' };

const figures = (overrides: Partial<ReflectionFigures> = {}): ReflectionFigures => ({
  team: { id: '00000000-0000-4000-8000-000000000001', name: 'Team' },
  from: '2025-01-01',
  to: '2025-12-31',
  minCellSize: 5,
  controls: 200,
  legalBasis: share(198, 200),
  reasonText: share(190, 200),
  explained: share(190, 200),
  hitRate: share(60, 200),
  bySelectionReason: [
    { key: 'traffic', label: 'traffic', hitRate: share(40, 100, 0.31, 0.5) },
    { key: 'behaviour', label: 'behaviour', hitRate: share(20, 100, 0.13, 0.29) },
  ],
  byLegalBasis: [],
  exclusions: [],
  ...overrides,
});
const reasonsOf = (f: ReflectionFigures | null) =>
  Object.fromEntries(promptsFor(f).map((p) => [p.theme, p.reasons.map((r) => r.key)]));

describe('conversation prompts from the figures', () => {
  it('points at neutral selection when a reason’s interval lies wholly below the team’s rate', () => {
    const reasons = promptsFor(figures()).find((p) => p.theme === 'neutral')!.reasons;
    expect(reasons).toEqual([
      { key: 'lowHitRate', values: { reason: 'behaviour', share: 0.2, overall: 0.3 } },
    ]);
  });

  it('does not point at a reason whose interval still reaches the team’s rate', () => {
    const f = figures({
      bySelectionReason: [{ key: 'behaviour', label: 'b', hitRate: share(20, 100, 0.13, 0.31) }],
    });
    expect(reasonsOf(f).neutral).toEqual([]);
  });

  it('points at the law and the explanation when those shares are low', () => {
    const f = figures({ legalBasis: share(180, 200), explained: share(150, 200) });
    expect(reasonsOf(f)).toMatchObject({
      lawful: ['lowLegalBasis'],
      explanation: ['lowExplained'],
      treatment: [],
      reflection: [],
    });
  });

  it('gives no reason from suppressed figures or without figures, but keeps every theme', () => {
    const f = figures({
      controls: 3,
      legalBasis: suppressed,
      reasonText: suppressed,
      explained: suppressed,
      hitRate: suppressed,
      bySelectionReason: [],
    });
    for (const given of [f, null]) {
      const prompts = promptsFor(given);
      expect(prompts.map((p) => p.theme)).toEqual([
        'lawful',
        'neutral',
        'explanation',
        'treatment',
        'reflection',
      ]);
      expect(prompts.every((p) => p.reasons.length === 0)).toBe(true);
    }
  });
});
