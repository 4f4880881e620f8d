import { describe, expect, it } from 'vitest';
import { compareScale, shownScale } from './plans.follow-up.ts';
import type { ScaleFigures } from './risks.rules.ts';

const scale = (n: number, mean: number, sd: number, share = 0.5): ScaleFigures => ({
  n,
  mean,
  sd,
  favourable: { kind: 'exact', value: share },
  interval: null,
});
const seen = { hasNext: true, nextShown: true, beforeShown: true };

describe('follow-up of a measure’s scale', () => {
  it('tests the change from 10 respondents on both sides', () => {
    const r = compareScale(
      shownScale(scale(30, 3, 0.6, 0.4)),
      shownScale(scale(30, 3.6, 0.6, 0.7)),
      seen,
    );
    expect(r.comparison).toMatchObject({ significant: true });
    expect(r.comparison!.difference).toBeCloseTo(0.6);
    expect(r.comparison!.favourableDifference).toBeCloseTo(0.3);
    expect(r.comparison!.p).toBeLessThan(0.001);
    expect(r.explanation.nl).toContain('steeg van 3,00 naar 3,60 (+0,60)');
    // The uncertainty: Welch's 95 % interval, 0.6 ± t(0.975; 58) × √(2 × 0.36 / 30).
    const half = 2.001717 * Math.sqrt((2 * 0.36) / 30);
    expect(r.comparison!.interval!.lower).toBeCloseTo(0.6 - half, 4);
    expect(r.comparison!.interval!.upper).toBeCloseTo(0.6 + half, 4);
    expect(r.explanation.nl).toContain(
      '95%-betrouwbaarheidsinterval van het verschil: +0,29 tot +0,91',
    );
  });

  it('makes no claim below 10 respondents, but shows the difference', () => {
    const r = compareScale(shownScale(scale(9, 3, 0.6)), shownScale(scale(30, 4, 0.6)), seen);
    expect(r.comparison).toMatchObject({
      difference: 1,
      significant: null,
      p: null,
      interval: null,
    });
    expect(r.explanation.en).toContain('no claim about significance');
  });

  it('compares nothing when a wave is missing, hidden, banded or suppressed', () => {
    const a = shownScale(scale(20, 3, 0.5));
    expect(compareScale(a, a, { ...seen, hasNext: false }).comparison).toBeNull();
    expect(compareScale(a, a, { ...seen, nextShown: false }).comparison).toBeNull();
    const banded = shownScale({
      ...scale(8, 0, 0),
      mean: null,
      sd: null,
      favourable: { kind: 'coarsened', bound: 'atLeast', value: 0.8 },
    });
    expect(compareScale(a, banded, seen).explanation.en).toContain('banded');
    expect(shownScale({ ...scale(3, 3, 1), favourable: { kind: 'suppressed' } })).toBeNull();
    expect(compareScale(a, null, seen).comparison).toBeNull();
  });
});
