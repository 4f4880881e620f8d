import type { DisclosureGroup, GroupLevel } from '../plan.model.ts';

/**
 * Hand-written organisations for example tests. A team gives its respondents per answer of one
 * background question (or one number without a question); groups and their atom vectors follow.
 */
export interface OrgNode {
  id: string;
  level: GroupLevel;
  children?: OrgNode[];
  /** Teams only: respondents per answer (one entry without a background question). */
  counts?: number[];
  /** Invited; default: respondents (summed for parents). */
  invited?: number;
}

export const team = (id: string, counts: number | number[], invited?: number): OrgNode => ({
  id,
  level: 'team',
  counts: typeof counts === 'number' ? [counts] : counts,
  ...(invited === undefined ? {} : { invited }),
});
export const node = (id: string, level: GroupLevel, children: OrgNode[]): OrgNode => ({
  id,
  level,
  children,
});

export interface BuiltOrg {
  groups: DisclosureGroup[];
  atoms: number[];
  vectors: Map<string, number[]>;
}

/**
 * Base groups for every node, and with `views` a filtered view `id|q=answer` at every node listed
 * in `views.at`, for every answer (or those in `only`), left out where empty as SQL would.
 */
export function buildOrg(
  root: OrgNode,
  views?: { answers: string[]; at: string[]; only?: string[] },
): BuiltOrg {
  const teams: OrgNode[] = [];
  const collect = (n: OrgNode) => (n.counts ? teams.push(n) : n.children?.forEach(collect));
  collect(root);
  const width = views?.answers.length ?? 1;
  const atoms = teams.flatMap((t) => {
    if (t.counts!.length !== width) throw new Error(`Team ${t.id} needs ${width} counts.`);
    return t.counts!;
  });
  const teamsUnder = (n: OrgNode): number[] =>
    n.counts ? [teams.indexOf(n)] : (n.children ?? []).flatMap(teamsUnder);
  const vectorOf = (n: OrgNode, answer: number | null) => {
    const v = new Array<number>(atoms.length).fill(0);
    for (const t of teamsUnder(n))
      for (let a = 0; a < width; a++) if (answer === null || answer === a) v[t * width + a] = 1;
    return v;
  };
  const sum = (v: number[]) => v.reduce((s, x, i) => s + x * atoms[i]!, 0);
  const invitedOf = (n: OrgNode): number =>
    n.invited ??
    (n.counts ? sum(vectorOf(n, null)) : (n.children ?? []).reduce((s, c) => s + invitedOf(c), 0));

  const groups: DisclosureGroup[] = [];
  const vectors = new Map<string, number[]>();
  const visit = (n: OrgNode, parentId: string | null) => {
    const v = vectorOf(n, null);
    groups.push({
      id: n.id,
      parentId,
      level: n.level,
      kind: 'base',
      respondents: sum(v),
      invited: invitedOf(n),
    });
    vectors.set(n.id, v);
    if (views?.at.includes(n.id))
      views.answers.forEach((answer, a) => {
        const va = vectorOf(n, a);
        if (sum(va) === 0 || (views.only && !views.only.includes(answer))) return;
        const id = `${n.id}|q=${answer}`;
        groups.push({
          id,
          parentId: null,
          level: n.level,
          kind: 'filtered',
          respondents: sum(va),
          baseId: n.id,
          filterKey: `q=${answer}`,
        });
        vectors.set(id, va);
      });
    n.children?.forEach((c) => {
      visit(c, n.id);
    });
  };
  visit(root, null);
  return { groups, atoms, vectors };
}
