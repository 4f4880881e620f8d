import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { veilOfDarkness, type DarknessCell } from './veil-of-darkness.ts';

/** Mulberry32: a small seeded generator, so every simulation is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Controls in the inter-twilight window (17:10–22:55 in 5-minute steps) in `areas` areas. A clock
 * time is dark on a share of evenings that grows through the window. The focus group's log odds
 * are an area effect, a smooth clock-time effect and `beta` when dark. Aggregated into cells.
 */
function simulate(seed: number, beta: number, controls = 30_000, areas = 12): DarknessCell[] {
  const random = mulberry32(seed);
  const areaEffect = Array.from({ length: areas }, () => -1 + 1.5 * (random() - 0.5));
  const cells = new Map<string, DarknessCell>();
  for (let i = 0; i < controls; i += 1) {
    const area = Math.floor(random() * areas);
    const minuteOfDay = 1030 + 5 * Math.floor(random() * 70);
    const dark = random() < (minuteOfDay - 1030) / 350;
    const eta = areaEffect[area]! + 0.6 * Math.sin((minuteOfDay - 1030) / 110) + (dark ? beta : 0);
    const focus = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    const key = `${area}|${minuteOfDay}|${dark}`;
    const cell = cells.get(key) ?? { minuteOfDay, dark, area: `A${area}`, focusGroup: 0, total: 0 };
    cell.focusGroup += focus;
    cell.total += 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

describe('veilOfDarkness on simulated data', () => {
  it('recovers a true darkness effect of −0.5 (seed 20060901)', () => {
    const result = veilOfDarkness(simulate(20060901, -0.5));
    const d = result.darkness!;
    expect(result.reason).toBeNull();
    expect(d.lower).toBeLessThan(-0.5);
    expect(d.upper).toBeGreaterThan(-0.5);
    expect(d.upper).toBeLessThan(0);
    expect(d.p).toBeLessThan(0.001);
    expect(d.oddsRatio).toBeCloseTo(Math.exp(d.coefficient), 12);
    expect(result.controlsUsed).toBe(30_000);
    expect(result.areasUsed).toBe(12);
    expect(result.knots).toHaveLength(5);
    expect(result.excluded).toEqual([]);
  });

  it('finds no effect where there is none (seed 7)', () => {
    const d = veilOfDarkness(simulate(7, 0)).darkness!;
    expect(d.lower).toBeLessThan(0);
    expect(d.upper).toBeGreaterThan(0);
    expect(d.p).toBeGreaterThan(0.05);
    expect(d.oddsRatioLower).toBeLessThan(1);
    expect(d.oddsRatioUpper).toBeGreaterThan(1);
  });

  it('gives the same estimate however the controls are split into cells', () => {
    const cells = simulate(11, -0.3, 4000, 4);
    const whole = veilOfDarkness(cells, { knots: [1060, 1150, 1250, 1350] }).darkness!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const random = mulberry32(seed);
        const between = (lo: number, hi: number): number =>
          lo + Math.floor(random() * (hi - lo + 1));
        const split = cells.flatMap((c) => {
          const total = between(0, c.total);
          const focusGroup = between(
            Math.max(0, c.focusGroup - (c.total - total)),
            Math.min(c.focusGroup, total),
          );
          return [
            { ...c, total, focusGroup },
            { ...c, total: c.total - total, focusGroup: c.focusGroup - focusGroup },
          ];
        });
        const parts = veilOfDarkness(split, { knots: [1060, 1150, 1250, 1350] }).darkness!;
        return Math.abs(parts.coefficient - whole.coefficient) < 1e-7;
      }),
      { numRuns: 10 },
    );
  });
});

describe('veilOfDarkness exclusions', () => {
  const base = simulate(3, -0.2, 6000, 3);

  it('leaves out empty cells, single-cell areas and areas without variation, and says why', () => {
    const extra: DarknessCell[] = [
      { minuteOfDay: 1100, dark: true, area: 'A0', focusGroup: 0, total: 0 },
      { minuteOfDay: 1200, dark: false, area: 'lonely', focusGroup: 2, total: 9 },
      { minuteOfDay: 1200, dark: false, area: 'lonely', focusGroup: 1, total: 4 },
      { minuteOfDay: 1100, dark: true, area: 'none', focusGroup: 0, total: 7 },
      { minuteOfDay: 1300, dark: false, area: 'none', focusGroup: 0, total: 5 },
      { minuteOfDay: 1100, dark: true, area: 'all', focusGroup: 3, total: 3 },
      { minuteOfDay: 1300, dark: false, area: 'all', focusGroup: 6, total: 6 },
    ];
    const result = veilOfDarkness([...base, ...extra]);
    const clean = veilOfDarkness(base);
    expect(result.excluded).toEqual([
      expect.objectContaining({ reason: 'zero-total', cells: 1, controls: 0 }),
      expect.objectContaining({
        reason: 'single-cell-area',
        cells: 2,
        controls: 13,
        areas: ['lonely'],
      }),
      expect.objectContaining({
        reason: 'no-variation-area',
        cells: 4,
        controls: 21,
        areas: ['all', 'none'],
      }),
    ]);
    expect(result.controlsUsed).toBe(6000);
    expect(result.darkness!.coefficient).toBeCloseTo(clean.darkness!.coefficient, 10);
  });

  it('returns no estimate, with the reason, with fewer than 10 dark or light controls', () => {
    const light = veilOfDarkness(base.filter((c) => !c.dark));
    expect(light.darkness).toBeNull();
    expect(light.reason).toMatch(/daylight and in the dark/);
    const few = veilOfDarkness([
      ...base.filter((c) => !c.dark),
      { ...base.find((c) => c.dark)!, total: 9, focusGroup: 3 },
    ]);
    expect(few.darkness).toBeNull();
    expect(few.darkControls).toBe(9);
    const nothing = veilOfDarkness([]);
    expect(nothing.darkness).toBeNull();
    expect(nothing.reason).toMatch(/No controls/);
  });

  it('returns no estimate when darkness predicts the focus group perfectly', () => {
    const cells: DarknessCell[] = [1100, 1150, 1200, 1250].flatMap((minuteOfDay, i) => [
      { minuteOfDay, dark: i % 2 === 0, area: 'A', focusGroup: i % 2 === 0 ? 0 : 4, total: 8 },
      { minuteOfDay, dark: i % 2 === 0, area: 'B', focusGroup: i % 2 === 0 ? 0 : 3, total: 6 },
    ]);
    const result = veilOfDarkness(cells, { knots: 3 });
    expect(result.darkness).toBeNull();
    expect(result.reason).toMatch(/cannot be estimated/);
  });

  it('uses fewer knots when clock times are tied, down to a linear term', () => {
    const two = base.map((c) => ({ ...c, minuteOfDay: c.minuteOfDay < 1200 ? 1100 : 1300 }));
    const result = veilOfDarkness(two);
    expect(result.knots).toEqual([]);
    expect(result.darkness).not.toBeNull();
  });

  it('refuses malformed cells and options', () => {
    const ok = { minuteOfDay: 1100, dark: true, area: 'A', focusGroup: 1, total: 2 };
    expect(() => veilOfDarkness([{ ...ok, minuteOfDay: 1440 }])).toThrow(RangeError);
    expect(() => veilOfDarkness([{ ...ok, focusGroup: 3 }])).toThrow(RangeError);
    expect(() => veilOfDarkness([{ ...ok, total: 2.5 }])).toThrow(RangeError);
    expect(() => veilOfDarkness([{ ...ok, area: '' }])).toThrow(RangeError);
    expect(() => veilOfDarkness(base, { knots: 9 })).toThrow(RangeError);
    expect(() => veilOfDarkness(base, { knots: [1300, 1200, 1250] })).toThrow(RangeError);
  });
});
