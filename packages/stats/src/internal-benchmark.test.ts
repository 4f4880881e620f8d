import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { internalBenchmark, type BenchmarkCell } from './internal-benchmark.ts';
import { compareProportions } from './proportions-compare.ts';

const places = ['centrum', 'noord', 'zuid'];
const bands = ['dag', 'avond'];
/** Hit rate of each legal reason, and a small place effect: the truth every team shares. */
const reasonRate: Record<string, number> = { verkeer: 0.08, signalement: 0.4, overlast: 0.2 };
const placeShift: Record<string, number> = { centrum: 0.04, noord: 0, zuid: -0.03 };

/**
 * A team's cells: `perReason` controls per place × band for each reason, hits = n × true rate
 * (rounded), except where `override` gives the team another rate for a reason.
 */
function team(
  unit: string,
  perReason: Record<string, number>,
  override: Record<string, number> = {},
): BenchmarkCell[] {
  return places.flatMap((place) =>
    bands.flatMap((band) =>
      Object.entries(perReason).map(([reason, n]) => {
        const rate = (override[reason] ?? reasonRate[reason]!) + placeShift[place]!;
        return { unit, stratum: `${place}|${band}|${reason}`, n, hits: Math.round(n * rate) };
      }),
    ),
  );
}

const usual = { verkeer: 40, signalement: 25, overlast: 35 };
const district: BenchmarkCell[] = [
  ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6'].flatMap((u) => team(u, usual)),
  // Works mostly on traffic, where hits are rare; within each stratum the same rates as peers.
  ...team('MIX', { verkeer: 120, signalement: 5, overlast: 15 }),
  // Same mix as the others, but finds far less when controlling on a description (signalement).
  ...team('LOW', usual, { signalement: 0.12 }),
];
const byUnit = (unit: string, results = internalBenchmark(district)) =>
  results.find((r) => r.unit === unit)!;

describe('internalBenchmark', () => {
  it('flags a team with a markedly lower hit rate for one reason than peers with the same mix', () => {
    const low = byUnit('LOW');
    expect(low.flagged).toBe(true);
    expect(low.difference!).toBeLessThan(-0.05);
    expect(low.z!).toBeLessThan(-3);
    expect(low.q!).toBeLessThan(0.05);
  });

  it('does not flag a team that differs only in its mix, though its raw rate is far lower', () => {
    const mix = byUnit('MIX');
    expect(mix.flagged).toBe(false);
    expect(Math.abs(mix.z!)).toBeLessThan(1.5);
    expect(mix.ownRate!).toBeLessThan(0.15);
    // The unweighted comparison with everyone else would call it significant: the point of reweighting.
    const others = district.filter((c) => c.unit !== 'MIX');
    const naive = compareProportions(
      mix.hits,
      mix.n,
      others.reduce((s, c) => s + c.hits, 0),
      others.reduce((s, c) => s + c.n, 0),
    );
    expect(naive.test.p!).toBeLessThan(0.001);
  });

  it('flags no ordinary team and gives every team its counts, rates and q', () => {
    const results = internalBenchmark(district);
    expect(results.map((r) => r.unit)).toEqual(['LOW', 'MIX', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(results.filter((r) => r.flagged).map((r) => r.unit)).toEqual(['LOW']);
    const t1 = byUnit('T1', results);
    expect(t1.n).toBe(600);
    expect(t1.q).not.toBeNull();
    expect(t1.q!).toBeGreaterThanOrEqual(t1.p!);
    expect(t1.effectivePeerSize!).toBeGreaterThan(t1.n);
  });

  it('computes the benchmark, variance and effective size by the documented formulas', () => {
    // Two strata. Team A: 10/40 and 2/10. Peers: 20/100 and 30/300.
    const cells: BenchmarkCell[] = [
      { unit: 'A', stratum: 's1', n: 40, hits: 10 },
      { unit: 'A', stratum: 's2', n: 10, hits: 2 },
      { unit: 'B', stratum: 's1', n: 60, hits: 12 },
      { unit: 'C', stratum: 's1', n: 40, hits: 8 },
      { unit: 'B', stratum: 's2', n: 300, hits: 30 },
    ];
    const a = byUnit('A', internalBenchmark(cells));
    const [w1, w2] = [0.8, 0.2];
    const benchmark = w1 * 0.2 + w2 * 0.1;
    const pooled1 = 30 / 140;
    const pooled2 = 32 / 310;
    const variance =
      w1 ** 2 * pooled1 * (1 - pooled1) * (1 / 40 + 1 / 100) +
      w2 ** 2 * pooled2 * (1 - pooled2) * (1 / 10 + 1 / 300);
    expect(a.ownRate).toBeCloseTo(12 / 50, 12);
    expect(a.benchmarkRate).toBeCloseTo(benchmark, 12);
    expect(a.z).toBeCloseTo((12 / 50 - benchmark) / Math.sqrt(variance), 10);
    expect(a.effectivePeerSize).toBeCloseTo(1 / (w1 ** 2 / 100 + w2 ** 2 / 300), 10);
  });

  it('reports strata no peer works in as unmatched and leaves them out', () => {
    const cells = [...district, { unit: 'T1', stratum: 'haven|nacht|verkeer', n: 30, hits: 29 }];
    const t1 = byUnit('T1', internalBenchmark(cells));
    expect(t1.unmatched).toEqual({ strata: 1, controls: 30, hits: 29 });
    expect(t1.n).toBe(600);
    expect(t1.flagged).toBe(false);
  });

  it('does not test a team with too few controls or none matched, and says why', () => {
    const cells = [
      ...district,
      { unit: 'TINY', stratum: 'centrum|dag|verkeer', n: 6, hits: 0 },
      { unit: 'ALONE', stratum: 'elders', n: 50, hits: 5 },
    ];
    const results = internalBenchmark(cells);
    const tiny = byUnit('TINY', results);
    expect(tiny.p).toBeNull();
    expect(tiny.flagged).toBe(false);
    expect(tiny.reason).toMatch(/Too few controls/);
    const alone = byUnit('ALONE', results);
    expect(alone.ownRate).toBeNull();
    expect(alone.unmatched.controls).toBe(50);
    expect(alone.reason).toMatch(/No controls in strata/);
  });

  it('gives a zero difference to any team whose rate equals its peers’ in every stratum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 8, maxLength: 8 }),
        (peerStrata, multipliers) => {
          const cells = peerStrata.flatMap(([n, h], s) => {
            const hits = Math.min(h, n);
            const k = multipliers[s]!;
            return [
              { unit: 'peer', stratum: `s${s}`, n, hits },
              { unit: 'team', stratum: `s${s}`, n: k * n, hits: k * hits },
            ];
          });
          const t = byUnit('team', internalBenchmark(cells));
          return t.n === 0 || Math.abs(t.difference!) < 1e-12;
        },
      ),
    );
  });

  it('has an effective peer size equal to the peers’ count when the mixes are proportional', () => {
    const cells: BenchmarkCell[] = [
      { unit: 'A', stratum: 'x', n: 10, hits: 3 },
      { unit: 'A', stratum: 'y', n: 30, hits: 3 },
      { unit: 'B', stratum: 'x', n: 50, hits: 10 },
      { unit: 'B', stratum: 'y', n: 150, hits: 20 },
    ];
    expect(byUnit('A', internalBenchmark(cells)).effectivePeerSize).toBeCloseTo(200, 10);
  });

  it('refuses malformed cells and options', () => {
    expect(() => internalBenchmark([{ unit: 'A', stratum: 's', n: 2, hits: 3 }])).toThrow(
      RangeError,
    );
    expect(() => internalBenchmark([{ unit: '', stratum: 's', n: 2, hits: 1 }])).toThrow(
      RangeError,
    );
    expect(() => internalBenchmark([{ unit: 'A', stratum: 's', n: 2.5, hits: 1 }])).toThrow(
      RangeError,
    );
    expect(() => internalBenchmark(district, { alpha: 0 })).toThrow(RangeError);
    expect(() => internalBenchmark(district, { minControls: 0 })).toThrow(RangeError);
  });

  it('returns nothing for no cells', () => {
    expect(internalBenchmark([])).toEqual([]);
  });
});
