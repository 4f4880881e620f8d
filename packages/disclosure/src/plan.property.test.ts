import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditPlan, planDisclosure } from './plan.ts';
import type { GroupDecision } from './plan.model.ts';
import { derivableSmallSets } from './testing/exact-span.ts';
import { scenario, type Scenario } from './testing/org.arbitrary.ts';

const rulesFor = (k: number) => ({
  minGroupSize: k,
  minOpenAnswerGroupSize: Math.max(10, k),
});

function leaks(s: Scenario, plan: readonly GroupDecision[]) {
  const shown = plan.filter((d) => d.shown).map((d) => s.vectors.get(d.id)!);
  return derivableSmallSets(shown, s.atoms, s.k);
}

const RUNS = 3000;
// Thousands of exact span checks take longer than vitest's default five seconds.
const SLOW = { timeout: 120_000 };

describe('planDisclosure on random organisations', () => {
  it(
    'lets no sum or difference of shown figures count 1..k−1 respondents (exact span check)',
    SLOW,
    () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const plan = planDisclosure(s.groups, rulesFor(s.k));
          expect(leaks(s, plan)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it(
    'shows only groups of at least k respondents and k invited, and no background view below unit level',
    SLOW,
    () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const plan = planDisclosure(s.groups, rulesFor(s.k));
          plan.forEach((d, i) => {
            const g = s.groups[i]!;
            expect(d.id).toBe(g.id);
            if (!d.shown) return;
            expect(g.respondents).toBeGreaterThanOrEqual(s.k);
            if (g.invited !== undefined) expect(g.invited).toBeGreaterThanOrEqual(s.k);
            if (g.kind === 'filtered') expect(['unit', 'national']).toContain(g.level);
          });
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('gives every hidden group a reason and no shown group one', SLOW, () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const d of planDisclosure(s.groups, rulesFor(s.k)))
          expect(d.reasons.length > 0).toBe(!d.shown);
      }),
      { numRuns: RUNS },
    );
  });

  it('decides the same whatever the order of the input', SLOW, () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (s, keys) => {
        const plan = planDisclosure(s.groups, rulesFor(s.k));
        const shuffled = s.groups
          .map((g, i) => ({ g, key: keys[i % keys.length]! * 1000 + i }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.g);
        const again = new Map(planDisclosure(shuffled, rulesFor(s.k)).map((d) => [d.id, d]));
        for (const d of plan) expect(again.get(d.id)).toEqual(d);
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it('is stable: starting from its own hidden groups, the rules hide nothing more', SLOW, () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const plan = planDisclosure(s.groups, rulesFor(s.k));
        expect(auditPlan(s.groups, rulesFor(s.k), plan)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it(
    'has teeth: with rule 1 alone, the exact check finds leaks in many organisations',
    SLOW,
    () => {
      const samples = fc.sample(scenario, { numRuns: 400, seed: 42 });
      const leaking = samples.filter((s) => {
        const rule1Only = s.groups.map((g) => ({
          id: g.id,
          shown:
            g.respondents >= s.k &&
            (g.invited ?? s.k) >= s.k &&
            !(g.kind === 'filtered' && (g.level === 'team' || g.level === 'district')),
          reasons: [],
        }));
        return leaks(s, rule1Only).length > 0;
      });
      expect(leaking.length).toBeGreaterThan(samples.length / 4);
    },
  );
});
