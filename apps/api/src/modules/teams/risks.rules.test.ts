import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memo, weerbaarheid } from './instruments/index.ts';
import {
  defaultRiskThresholds,
  evaluateRisks,
  shortName,
  type ScaleFigures,
  type TeamFigures,
} from './risks.rules.ts';

const exact = (value: number, mean = 3.5, n = 20, sd = 0.6): ScaleFigures => ({
  n,
  mean,
  sd,
  favourable: { kind: 'exact', value },
  interval: { lower: 0, upper: 1 },
});

function team(overrides: Partial<TeamFigures> = {}): TeamFigures {
  return {
    invited: 20,
    respondents: 18,
    scales: Object.fromEntries(memo.scales.map((s) => [s.key, exact(0.7)])),
    items: {},
    ...overrides,
  };
}

const codes = (r: ReturnType<typeof evaluateRisks>) => r.flags.map((f) => f.code);

describe('risk rules', () => {
  it('flags a scale whose favourable share is below the threshold, and says why', () => {
    const current = team();
    current.scales.social_safety = exact(0.38, 3.1, 18);
    const r = evaluateRisks({ instrument: memo, current, previous: null, imported: false });
    expect(codes(r)).toEqual(['low_favourable:social_safety']);
    const flag = r.flags[0]!;
    expect(flag).toMatchObject({ rule: 'low_favourable', value: 0.38, threshold: 0.5 });
    expect(flag.explanation.nl).toContain('Sociale veiligheid: 38 % gunstig');
    expect(flag.explanation.nl).toContain('drempel van 50 %');
    expect(flag.explanation.en).toContain('38% favourable');
  });

  it('does not flag a share exactly at the threshold', () => {
    const current = team();
    current.scales.belonging = exact(0.5);
    expect(
      codes(evaluateRisks({ instrument: memo, current, previous: null, imported: false })),
    ).toEqual([]);
  });

  it('uses a coarsened share only when its band lies wholly below the threshold', () => {
    const current = team();
    current.scales.social_safety = {
      ...exact(0),
      mean: null,
      sd: null,
      favourable: { kind: 'coarsened', bound: 'atMost', value: 0.2 },
    };
    current.scales.belonging = {
      ...exact(0),
      mean: null,
      sd: null,
      favourable: { kind: 'coarsened', bound: 'atLeast', value: 0.8 },
    };
    current.scales.workload = {
      ...exact(0),
      mean: null,
      sd: null,
      favourable: { kind: 'coarsened', bound: 'atLeast', value: 0.3 },
    };
    const r = evaluateRisks({ instrument: memo, current, previous: null, imported: false });
    expect(codes(r)).toEqual(['low_favourable:social_safety']);
    expect(r.flags[0]!.explanation.nl).toContain('ten hoogste 20 % gunstig');
    const note = r.notEvaluated.find((n) => n.rule === 'low_favourable');
    expect(note?.reason.nl).toContain('Werkdruk');
  });

  it('flags a significant drop only with enough respondents in both waves', () => {
    const previous = team();
    previous.scales.psy_safety = exact(0.7, 4.0, 30, 0.5);
    const current = team();
    current.scales.psy_safety = exact(0.6, 3.4, 30, 0.5);
    const r = evaluateRisks({
      instrument: memo,
      current,
      previous,
      previousWaveName: 'MEMO 2024',
      imported: false,
    });
    expect(codes(r)).toEqual(['significant_drop:psy_safety']);
    expect(r.flags[0]!.value).toBeCloseTo(-0.6);
    expect(r.flags[0]!.explanation.nl).toContain('van 4,00 naar 3,40');
    expect(r.flags[0]!.explanation.en).toContain('MEMO 2024');

    current.scales.psy_safety = exact(0.6, 3.4, 9, 0.5);
    const small = evaluateRisks({ instrument: memo, current, previous, imported: false });
    expect(codes(small)).toEqual([]);
    expect(small.notEvaluated.map((n) => n.rule)).toContain('significant_drop');
  });

  it('does not flag a rise, nor a drop that is not significant', () => {
    const previous = team();
    previous.scales.psy_safety = exact(0.7, 3.5, 30, 0.8);
    const current = team();
    current.scales.psy_safety = exact(0.7, 3.9, 30, 0.8);
    expect(codes(evaluateRisks({ instrument: memo, current, previous, imported: false }))).toEqual(
      [],
    );
    current.scales.psy_safety = exact(0.7, 3.45, 30, 0.8);
    expect(codes(evaluateRisks({ instrument: memo, current, previous, imported: false }))).toEqual(
      [],
    );
  });

  it('says why there is no comparison when there is no previous figure', () => {
    const r = evaluateRisks({
      instrument: memo,
      current: team(),
      previous: null,
      previousMissing: 'hidden',
      imported: false,
    });
    expect(r.notEvaluated.find((n) => n.rule === 'significant_drop')?.reason.en).toContain(
      'not shown in the previous wave',
    );
  });

  it('flags the share who experienced transgressive behaviour above the threshold', () => {
    const current = team({
      items: {
        transgressive_intimidation: [
          [0, 9],
          [1, 3],
        ],
        transgressive_bullying: [
          [0, 11],
          [1, 1],
        ],
      },
    });
    const r = evaluateRisks({ instrument: memo, current, previous: null, imported: false });
    expect(codes(r)).toEqual(['transgressive_experienced:transgressive_intimidation']);
    expect(r.flags[0]!.value).toBe(0.25);
    expect(r.flags[0]!.explanation.nl).toContain('intimidatie: 25 % van de 12');
  });

  it('does not apply the transgressive rule without item distributions, and says so', () => {
    const r = evaluateRisks({
      instrument: memo,
      current: team({ items: null, respondents: 7 }),
      previous: null,
      imported: false,
    });
    expect(r.flags.filter((f) => f.rule === 'transgressive_experienced')).toEqual([]);
    expect(r.notEvaluated.find((n) => n.rule === 'transgressive_experienced')?.reason.nl).toContain(
      'minder dan 10 respondenten',
    );
    const pulse = evaluateRisks({
      instrument: weerbaarheid,
      current: team({ scales: {} }),
      previous: null,
      imported: false,
    });
    expect(pulse.notEvaluated.find((n) => n.rule === 'transgressive_experienced')?.reason.en).toBe(
      'This instrument does not ask about transgressive behaviour.',
    );
  });

  it('flags a low response rate, except for an imported wave', () => {
    const current = team({ invited: 20, respondents: 8 });
    const r = evaluateRisks({ instrument: memo, current, previous: null, imported: false });
    expect(codes(r)).toEqual(['low_response']);
    expect(r.flags[0]!.explanation.nl).toContain('Respons 40 % (8 van 20 uitgenodigd)');
    const imported = evaluateRisks({ instrument: memo, current, previous: null, imported: true });
    expect(codes(imported)).toEqual([]);
    expect(imported.notEvaluated.map((n) => n.rule)).toContain('low_response');
  });

  it('takes other thresholds', () => {
    const current = team();
    current.scales.social_safety = exact(0.6);
    const r = evaluateRisks({
      instrument: memo,
      current,
      previous: null,
      imported: false,
      thresholds: { ...defaultRiskThresholds, lowFavourableShare: 0.65 },
    });
    expect(codes(r)).toEqual(['low_favourable:social_safety']);
    expect(r.flags[0]!.explanation.en).toContain('threshold of 65%');
  });

  it('flags an exact share if and only if it is below the threshold (any share, any threshold)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (share, threshold) => {
          const current = team();
          current.scales.integrity = exact(share);
          const r = evaluateRisks({
            instrument: memo,
            current,
            previous: null,
            imported: false,
            thresholds: { ...defaultRiskThresholds, lowFavourableShare: threshold },
          });
          const flagged = r.flags.some((f) => f.code === 'low_favourable:integrity');
          return flagged === share < threshold;
        },
      ),
    );
  });

  it('reads the short name of an indicator item', () => {
    expect(shortName('Ben je … gepest? (pesten)', 'x')).toBe('pesten');
    expect(shortName('Zonder naam', 'fallback')).toBe('fallback');
  });
});
