import { describe, expect, it } from 'vitest';
import { auditPlan, planDisclosure } from './plan.ts';
import { DisclosureInputError, type DisclosureGroup, type GroupDecision } from './plan.model.ts';
import { derivableSmallSets } from './testing/exact-span.ts';
import { buildOrg, node, team, type BuiltOrg } from './testing/org.builder.ts';

const rules = { minGroupSize: 5, minOpenAnswerGroupSize: 10 };

const byId = (plan: GroupDecision[]) => new Map(plan.map((d) => [d.id, d]));
const hiddenIds = (plan: GroupDecision[]) => plan.filter((d) => !d.shown).map((d) => d.id);
/** The atom sets of 1..k−1 respondents a reader can compute from the groups shown. */
const leaksOf = (org: BuiltOrg, shownIds: string[], k = rules.minGroupSize) =>
  derivableSmallSets(
    shownIds.map((id) => org.vectors.get(id)!),
    org.atoms,
    k,
  );
const shownOf = (plan: GroupDecision[]) => plan.filter((d) => d.shown).map((d) => d.id);
/** What rule 1 alone would show. */
const rule1Only = (org: BuiltOrg, k = rules.minGroupSize) =>
  org.groups.filter((g) => g.respondents >= k).map((g) => g.id);

describe('rule 1: at least k respondents and k invited', () => {
  it('hides a team of four and shows a team of five', () => {
    // The two small teams hold 6 together, so no sibling has to go for them (rule 3).
    const org = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [team('T4', 4, 10), team('T2', 2, 8), team('T5', 5), team('T30', 30)]),
      ]),
    );
    const plan = byId(planDisclosure(org.groups, rules));
    expect(plan.get('T4')).toMatchObject({ shown: false, reasons: ['below_k_respondents'] });
    expect(plan.get('T5')!.shown).toBe(true);
  });

  it('hides a group with fewer than k invited, naming every reason that applies', () => {
    const org = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [team('T', 4, 4), team('T2', 10), team('T3', 12)]),
      ]),
    );
    const plan = byId(planDisclosure(org.groups, rules));
    expect(plan.get('T')!.reasons).toEqual(['below_k_respondents', 'below_k_invited']);
  });
});

describe('rule 3: complementary suppression in the organisation tree', () => {
  // District D1 = 29 = 3 + 6 + 20. With only rule 1, D1 − T6 − T20 = 3: the small team's answers.
  const org = buildOrg(
    node('N', 'national', [
      node('U1', 'unit', [node('D1', 'district', [team('T3', 3), team('T6', 6), team('T20', 20)])]),
    ]),
  );

  it('without it, a reader subtracts shown teams from their district and finds the team of three', () => {
    expect(leaksOf(org, rule1Only(org))).toEqual([{ atoms: [0], respondents: 3 }]);
  });

  it('hides the next-smallest sibling, and then nothing small can be computed', () => {
    const plan = planDisclosure(org.groups, rules);
    expect(byId(plan).get('T6')).toMatchObject({ shown: false, reasons: ['complementary'] });
    expect(hiddenIds(plan)).toEqual(['T3', 'T6']);
    expect(leaksOf(org, shownOf(plan))).toEqual([]);
  });

  it('looks through a hidden child to the shown groups below it', () => {
    // Rule 3 read literally (only direct children) is satisfied once D2 is hidden next to D1: the
    // hidden children hold 3 + 6 = 9. But T6 under D2 is still shown, and U1 − T6 − T20 = 3.
    const deep = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [
          node('D1', 'district', [team('T3', 3)]),
          node('D2', 'district', [team('T6', 6)]),
          team('T20', 20),
        ]),
      ]),
    );
    expect(leaksOf(deep, ['N', 'U1', 'T6', 'T20'])).toEqual([{ atoms: [0], respondents: 3 }]);
    const plan = planDisclosure(deep.groups, rules);
    expect(hiddenIds(plan).sort()).toEqual(['D1', 'D2', 'T3', 'T6']);
    expect(leaksOf(deep, shownOf(plan))).toEqual([]);
  });
});

describe('rule 4: overlapping groups', () => {
  it('hides the only large child of a parent that would reveal the rest', () => {
    const org = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [node('D1', 'district', [team('T20', 20), team('T3', 3)])]),
      ]),
    );
    const plan = byId(planDisclosure(org.groups, rules));
    expect(plan.get('T20')).toMatchObject({ shown: false, reasons: ['overlap'] });
    expect(plan.get('D1')!.shown).toBe(true);
    expect(leaksOf(org, shownOf([...plan.values()]))).toEqual([]);
  });

  it('hides a background view that leaves fewer than k of its unit outside it', () => {
    // Unit U1 = 40, of whom 37 answered a and 3 answered b. Showing U1|a next to U1 gives b's 3.
    const org = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [team('T1', [37, 3])]),
        node('U2', 'unit', [team('T2', [20, 20])]),
      ]),
      { answers: ['a', 'b'], at: ['N', 'U1', 'U2'] },
    );
    const plan = planDisclosure(org.groups, rules);
    const d = byId(plan);
    expect(d.get('U1|q=b')!.reasons).toEqual(['below_k_respondents']);
    expect(d.get('U1|q=a')).toMatchObject({ shown: false, reasons: ['overlap'] });
    // U1|a would come back as N|a − U2|a, so a 2 × 2 block of cells is hidden: the classic pattern.
    expect(hiddenIds(plan).sort()).toEqual(['U1|q=a', 'U1|q=b', 'U2|q=a', 'U2|q=b']);
    expect(d.get('N|q=a')!.shown && d.get('N|q=b')!.shown).toBe(true);
    expect(leaksOf(org, shownOf(plan))).toEqual([]);
  });

  it('treats the answers to one question as siblings under their group', () => {
    // U1 = 23 = 6 (a) + 3 (b) + 14 (c). No pair differs by fewer than k, yet U1 − a − c = 3.
    const org = buildOrg(node('N', 'national', [node('U1', 'unit', [team('T1', [6, 3, 14])])]), {
      answers: ['a', 'b', 'c'],
      at: ['U1'],
    });
    expect(leaksOf(org, rule1Only(org))).toEqual([{ atoms: [1], respondents: 3 }]);
    const plan = planDisclosure(org.groups, rules);
    expect(byId(plan).get('U1|q=a')).toMatchObject({ shown: false, reasons: ['complementary'] });
    expect(byId(plan).get('U1|q=c')!.shown).toBe(true);
    expect(leaksOf(org, shownOf(plan))).toEqual([]);
  });

  it('keeps a hidden view hidden when it could come back through the national column', () => {
    // k = 6. U1 = 9 = 3 (a) + 6 (b): U1|b is hidden, else U1 − U1|b = 3. Only answer b has views.
    // Each relation alone looks safe, but U1 − (N|b − U2|b) = 3 across the two.
    const org = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [team('T1', [3, 6])]),
        node('U2', 'unit', [team('T2', [19, 9]), team('T3', [15, 4])]),
      ]),
      { answers: ['a', 'b'], at: ['N', 'U1', 'U2'], only: ['b'] },
    );
    const k6 = { ...rules, minGroupSize: 6 };
    expect(leaksOf(org, ['N', 'N|q=b', 'U1', 'T1', 'U2', 'U2|q=b', 'T2', 'T3'], 6)).toEqual([
      { atoms: [0], respondents: 3 },
    ]);
    const plan = byId(planDisclosure(org.groups, k6));
    expect(plan.get('U1|q=b')).toMatchObject({ shown: false, reasons: ['overlap'] });
    expect(plan.get('U2|q=b')).toMatchObject({ shown: false, reasons: ['complementary'] });
    expect(leaksOf(org, shownOf([...plan.values()]), 6)).toEqual([]);
  });
});

describe('background views', () => {
  it('are never shown below unit level', () => {
    const org = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [node('D1', 'district', [team('T1', [20, 20]), team('T2', [30, 30])])]),
      ]),
      { answers: ['a', 'b'], at: ['N', 'U1', 'D1', 'T1'] },
    );
    const plan = byId(planDisclosure(org.groups, rules));
    for (const id of ['D1|q=a', 'D1|q=b', 'T1|q=a', 'T1|q=b'])
      expect(plan.get(id)).toMatchObject({ shown: false, reasons: ['background_below_unit'] });
    expect(plan.get('U1|q=a')!.shown).toBe(true);
  });

  it('of a hidden group are hidden', () => {
    // U2 (6) is hidden to protect U1 (3); its view of 5 would otherwise be shown.
    const org = buildOrg(
      node('N', 'national', [
        node('U1', 'unit', [team('T1', [2, 1])]),
        node('U2', 'unit', [team('T2', [5, 1])]),
        node('U3', 'unit', [team('T3', [20, 20])]),
      ]),
      { answers: ['a', 'b'], at: ['U2'] },
    );
    const plan = byId(planDisclosure(org.groups, rules));
    expect(plan.get('U2')!.reasons).toEqual(['complementary']);
    expect(plan.get('U2|q=a')).toMatchObject({ shown: false, reasons: ['base_hidden'] });
  });
});

describe('the previous wave', () => {
  const current = buildOrg(
    node('N', 'national', [node('U1', 'unit', [team('T1', 12), team('T2', 14), team('T3', 20)])]),
  );
  const previous = (
    id: string,
    respondents: number,
    extra: Partial<DisclosureGroup> = {},
  ): DisclosureGroup => ({
    id: `prev:${id}`,
    parentId: null,
    level: current.groups.find((g) => g.id === id)!.level,
    kind: 'previousWave',
    respondents,
    invited: respondents,
    baseId: id,
    ...extra,
  });

  it('hides a comparison that differs by 1..k−1 respondents, not this wave’s figure', () => {
    const groups = [
      ...current.groups,
      previous('N', 46),
      previous('U1', 46),
      previous('T1', 10),
      previous('T2', 14),
      previous('T3', 22),
    ];
    const plan = byId(planDisclosure(groups, rules));
    expect(plan.get('prev:T1')).toMatchObject({ shown: false, reasons: ['overlap'] });
    expect(plan.get('prev:T3')).toMatchObject({ shown: false, reasons: ['overlap'] });
    expect(plan.get('T1')!.shown && plan.get('T3')!.shown).toBe(true);
    expect(plan.get('prev:T2')!.shown && plan.get('prev:U1')!.shown).toBe(true);
  });

  it('keeps hidden what its own wave hid', () => {
    const groups = [...current.groups, previous('T2', 14, { hiddenInOwnWave: true })];
    expect(byId(planDisclosure(groups, rules)).get('prev:T2')!.reasons).toEqual([
      'hidden_in_own_wave',
    ]);
  });

  it('applies rule 3 in the previous wave’s own tree', () => {
    // prev:U1 − prev:T2 − prev:T3 would give the previous wave's team of three.
    const groups = [
      ...current.groups,
      previous('U1', 37),
      previous('T1', 3, { invited: 9 }),
      previous('T2', 14),
      previous('T3', 20),
    ];
    const plan = byId(planDisclosure(groups, rules));
    expect(plan.get('prev:T1')!.reasons).toEqual(['below_k_respondents']);
    expect(plan.get('prev:T2')).toMatchObject({ shown: false, reasons: ['complementary'] });
    expect(plan.get('prev:U1')!.shown && plan.get('prev:T3')!.shown).toBe(true);
  });
});

describe('planDisclosure', () => {
  const org = buildOrg(
    node('N', 'national', [node('U1', 'unit', [team('A', 3), team('B', 6), team('C', 20)])]),
  );

  it('answers in input order, whatever that order', () => {
    const reversed = [...org.groups].reverse();
    const plan = planDisclosure(reversed, rules);
    expect(plan.map((d) => d.id)).toEqual(reversed.map((g) => g.id));
    expect(byId(plan)).toEqual(byId(planDisclosure(org.groups, rules)));
  });

  it('works without a national group (a report for one unit)', () => {
    const unit = buildOrg(node('U1', 'unit', [team('A', [3, 10]), team('B', [10, 10])]), {
      answers: ['a', 'b'],
      at: ['U1'],
    });
    const plan = planDisclosure(unit.groups, rules);
    expect(leaksOf(unit, shownOf(plan))).toEqual([]);
  });

  it('refuses rules that are not valid', () => {
    expect(() =>
      planDisclosure(org.groups, { minGroupSize: 1, minOpenAnswerGroupSize: 10 }),
    ).toThrow(RangeError);
  });

  const base = (
    id: string,
    parentId: string | null,
    level: DisclosureGroup['level'],
    respondents: number,
  ): DisclosureGroup => ({
    id,
    parentId,
    level,
    kind: 'base',
    respondents,
    invited: respondents,
  });
  const view = (
    id: string,
    baseId: string,
    level: DisclosureGroup['level'],
    respondents: number,
  ): DisclosureGroup => ({
    id,
    parentId: null,
    level,
    kind: 'filtered',
    respondents,
    baseId,
    filterKey: id.split('|')[1]!,
  });
  const N = base('N', null, 'national', 30);
  const U1 = base('U1', 'N', 'unit', 30);
  const T1 = base('T1', 'U1', 'team', 30);
  it.each<[string, DisclosureGroup[], RegExp]>([
    ['a duplicate id', [N, U1, T1, T1], /appears twice/],
    ['an unknown parent', [N, U1, { ...T1, parentId: 'X' }], /not among the groups/],
    [
      'a team above its unit',
      [N, { ...U1, parentId: 'T1' }, { ...T1, parentId: 'N' }],
      /not a higher level|must hang under/,
    ],
    ['children larger than their parent', [N, U1, { ...T1, respondents: 31 }], /more than its 30/],
    [
      'a view with a parent',
      [N, U1, T1, { ...view('U1|q=a', 'U1', 'unit', 5), parentId: 'N' }],
      /parentId null/,
    ],
    [
      'a view larger than its group',
      [N, U1, T1, view('U1|q=a', 'U1', 'unit', 31)],
      /more respondents than its base/,
    ],
    [
      'views of one question adding up to more than the group',
      [N, U1, T1, view('U1|q=a', 'U1', 'unit', 20), view('U1|q=b', 'U1', 'unit', 20)],
      /more than the group itself/,
    ],
    [
      'a national view without the unit views',
      [N, U1, T1, view('N|q=a', 'N', 'national', 10)],
      /pass every unit view/,
    ],
    ['a base group without invited', [N, U1, { ...T1, invited: undefined }], /needs invited/],
    ['a fractional count', [N, U1, { ...T1, respondents: 2.5 }], /whole number/],
  ])('refuses %s', (_, groups, message) => {
    expect(() => planDisclosure(groups, rules)).toThrow(DisclosureInputError);
    expect(() => planDisclosure(groups, rules)).toThrow(message);
  });
});

describe('auditPlan', () => {
  const org = buildOrg(
    node('N', 'national', [
      node('U1', 'unit', [node('D1', 'district', [team('T3', 3), team('T6', 6), team('T20', 20)])]),
    ]),
  );

  it('finds what a hand-made plan shows too much', () => {
    const showAll = org.groups.map((g) => ({ id: g.id, shown: true, reasons: [] }));
    expect(auditPlan(org.groups, rules, showAll).map((d) => d.id)).toEqual(['T3', 'T6']);
  });

  it('finds nothing in a plan it made itself', () => {
    expect(auditPlan(org.groups, rules, planDisclosure(org.groups, rules))).toEqual([]);
  });
});
