import fc from 'fast-check';
import type { DisclosureGroup } from '../plan.model.ts';

/**
 * Random organisations for the property tests, small enough for the exact check: national → 1–3
 * units → 0–3 districts → 1–4 teams (and 0–2 teams directly under a unit; sometimes no national
 * group), one or two background questions with views at unit level and above (and, to be refused,
 * below), optionally a previous wave with its own groups and views, some hidden in their own wave. Respondents are drawn
 * per atom (team × background cell × wave, at most MAX_ATOMS), so every group's vector is known.
 */
export const MAX_ATOMS = 14;

export interface Scenario {
  k: number;
  groups: DisclosureGroup[];
  /** Respondents per atom. */
  atoms: number[];
  /** Group id → 0/1 vector over the atoms. */
  vectors: Map<string, number[]>;
}

export type QuestionSet = 'none' | 'one2' | 'one3' | 'two';

interface Shape {
  k: number;
  questions: QuestionSet;
  viewedMask: number;
  waves: 1 | 2;
  units: { districts: number[]; direct: number }[];
  counts: number[];
  extras: number[];
  flags: boolean[];
  nationalViews: boolean;
  lowViews: boolean;
  viewInvited: boolean;
  withNational: boolean;
  oddInvited: boolean;
}

/** Background questions: their answers, and the cells (one answer per question) they make. */
function questionsOf(set: QuestionSet): { name: string; answers: string[] }[] {
  switch (set) {
    case 'none':
      return [];
    case 'one2':
      return [{ name: 'q1', answers: ['a', 'b'] }];
    case 'one3':
      return [{ name: 'q1', answers: ['a', 'b', 'c'] }];
    case 'two':
      return [
        { name: 'q1', answers: ['a', 'b'] },
        { name: 'q2', answers: ['u', 'v'] },
      ];
  }
}

function cellsOf(questions: { name: string; answers: string[] }[]): string[][] {
  return questions.reduce<string[][]>(
    (cells, q) => cells.flatMap((c) => q.answers.map((a) => [...c, a])),
    [[]],
  );
}

const shapeWith = (maxAtoms: number, questions: fc.Arbitrary<QuestionSet>): fc.Arbitrary<Shape> =>
  fc.record({
    k: fc.oneof(fc.constant(5), fc.integer({ min: 2, max: 6 })),
    questions,
    viewedMask: fc.integer({ min: 1, max: 7 }),
    waves: fc.constantFrom<1 | 2>(1, 2),
    units: fc.array(
      fc.record({
        districts: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
        direct: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 })), {
      minLength: maxAtoms,
      maxLength: maxAtoms,
    }),
    extras: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 64, maxLength: 64 }),
    flags: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    nationalViews: fc.boolean(),
    lowViews: fc.boolean(),
    viewInvited: fc.boolean(),
    // Mostly with a national group; sometimes a report of units alone.
    withNational: fc.oneof(fc.constant(true), fc.boolean()),
    // Sometimes a team with ≥ k respondents but fewer than k invited: a large group hidden up front.
    oddInvited: fc.boolean(),
  });

/** Organisations of at most `maxAtoms` atoms (the exact check enumerates 2^atoms unions). */
export const scenarioWith = (
  maxAtoms: number,
  questions = fc.constantFrom<QuestionSet>('none', 'one2', 'one3', 'two'),
): fc.Arbitrary<Scenario> => shapeWith(maxAtoms, questions).map((s) => build(s, maxAtoms));

export const scenario = scenarioWith(MAX_ATOMS);

interface Node {
  id: string;
  level: DisclosureGroup['level'];
  parent: Node | null;
  teams: number[];
}

function build(s: Shape, maxAtoms: number): Scenario {
  const questions = questionsOf(s.questions);
  const cells = cellsOf(questions);
  const maxTeams = Math.max(1, Math.floor(maxAtoms / (cells.length * s.waves)));

  // The organisation, cut to the atom budget.
  const nodes: Node[] = [];
  const national: Node = { id: 'N', level: 'national', parent: null, teams: [] };
  nodes.push(national);
  let teamCount = 0;
  const addTeam = (parent: Node, id: string) => {
    if (teamCount >= maxTeams) return;
    const team: Node = { id, level: 'team', parent, teams: [teamCount] };
    nodes.push(team);
    for (let p: Node | null = parent; p; p = p.parent) p.teams.push(teamCount);
    teamCount++;
  };
  s.units.forEach((u, ui) => {
    const unit: Node = {
      id: `U${ui + 1}`,
      level: 'unit',
      parent: s.withNational ? national : null,
      teams: [],
    };
    nodes.push(unit);
    u.districts.forEach((teams, di) => {
      const district: Node = {
        id: `${unit.id}.D${di + 1}`,
        level: 'district',
        parent: unit,
        teams: [],
      };
      nodes.push(district);
      for (let t = 0; t < teams; t++) addTeam(district, `${district.id}.T${t + 1}`);
    });
    for (let t = 0; t < u.direct; t++) addTeam(unit, `${unit.id}.T${t + 1}`);
    if (u.districts.length === 0 && u.direct === 0) addTeam(unit, `${unit.id}.T1`);
  });
  if (teamCount === 0)
    addTeam(
      nodes.find((n) => n.level === 'unit')!,
      'U1.T0',
    );
  const live = nodes.filter((n) => (n.level === 'national' ? s.withNational : n.teams.length > 0));

  // Atoms: wave × team × cell.
  const atomIndex = (wave: number, team: number, cell: number) =>
    (wave * teamCount + team) * cells.length + cell;
  const atoms = Array.from({ length: s.waves * teamCount * cells.length }, (_, i) => s.counts[i]!);
  const vectorOf = (wave: number, node: Node, where: (cell: string[]) => boolean) => {
    const v = new Array<number>(atoms.length).fill(0);
    for (const t of node.teams)
      cells.forEach((c, ci) => {
        if (where(c)) v[atomIndex(wave, t, ci)] = 1;
      });
    return v;
  };
  const sum = (v: number[]) => v.reduce((acc, x, i) => acc + x * atoms[i]!, 0);

  let flag = 0;
  const nextFlag = () => s.flags[flag++ % s.flags.length]!;
  let extra = 0;
  const nextExtra = () => s.extras[extra++ % s.extras.length]!;

  const groups: DisclosureGroup[] = [];
  const vectors = new Map<string, number[]>();
  const invitedOf = new Map<string, number>();
  const add = (g: DisclosureGroup, v: number[]) => {
    groups.push(g);
    vectors.set(g.id, v);
  };
  // Invited: teams add a few non-respondents; parents sum their children.
  const invited = (wave: number, node: Node): number => {
    const key = `${wave}:${node.id}`;
    const known = invitedOf.get(key);
    if (known !== undefined) return known;
    const odd = s.oddInvited && nextFlag() && nextFlag();
    const value =
      node.level === 'team'
        ? odd
          ? s.k - 1
          : sum(vectorOf(wave, node, () => true)) + nextExtra()
        : live.filter((c) => c.parent === node).reduce((acc, c) => acc + invited(wave, c), 0);
    invitedOf.set(key, value);
    return value;
  };

  const viewed = questions.map((q, qi) =>
    q.answers.filter((_, ai) => qi > 0 || s.viewedMask & (1 << ai)),
  );
  const addViews = (wave: number, node: Node, baseId: string) => {
    questions.forEach((q, qi) => {
      const level = node.level;
      if (level === 'national' && !s.nationalViews) return;
      if ((level === 'team' || level === 'district') && !(s.lowViews && qi === 0)) return;
      for (const a of viewed[qi]!) {
        const v = vectorOf(wave, node, (c) => c[qi] === a);
        const respondents = sum(v);
        // Absent unit views count as empty: only empty ones may be left out.
        if (respondents === 0 && level === 'unit' && !nextFlag()) continue;
        add(
          {
            id: `${baseId}|${q.name}=${a}`,
            parentId: null,
            level,
            kind: 'filtered',
            respondents,
            ...(s.viewInvited ? { invited: respondents } : {}),
            baseId,
            filterKey: `${q.name}=${a}`,
          },
          v,
        );
      }
    });
  };

  for (const node of live) {
    const v = vectorOf(0, node, () => true);
    add(
      {
        id: node.id,
        parentId: node.parent?.id ?? null,
        level: node.level,
        kind: 'base',
        respondents: sum(v),
        invited: invited(0, node),
      },
      v,
    );
    addViews(0, node, node.id);
  }
  if (s.waves === 2)
    for (const node of live) {
      if (node.level !== 'national' && !nextFlag()) continue;
      const v = vectorOf(1, node, () => true);
      const id = `prev:${node.id}`;
      add(
        {
          id,
          parentId: null,
          level: node.level,
          kind: 'previousWave',
          respondents: sum(v),
          invited: invited(1, node),
          baseId: node.id,
          hiddenInOwnWave: nextFlag() && nextFlag() && nextFlag(),
        },
        v,
      );
      addViews(1, node, id);
    }
  return { k: s.k, groups, atoms, vectors };
}
