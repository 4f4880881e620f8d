import type { Model } from './plan.model.ts';
import type { PlanState } from './plan.state.ts';

/**
 * Rule 3 on the organisation tree, in its exact form. The shown groups of a tree are nested, so the
 * sets a reader can compute from them by adding and subtracting are exactly the unions of their
 * regions: a shown group minus its largest shown groups below it. So every region must hold 0 or at
 * least k respondents. Where one does not, the smallest shown group bordering it is hidden too (the
 * "next-smallest sibling", looking through hidden groups), and the group is checked again.
 *
 * One sweep, children before parents: hiding below a group changes only that group's region.
 */
export function sweepTree(model: Model, layer: number[], state: PlanState): boolean {
  const { groups } = model;
  const { shown, covered } = state;
  const k = state.rules.minGroupSize;
  const coveredOf = (i: number) =>
    groups[i]!.children.reduce((s, c) => s + (shown[c] ? groups[c]!.respondents : covered[c]!), 0);
  let changed = false;
  for (const p of layer) {
    covered[p] = coveredOf(p);
    if (!shown[p]) continue;
    for (;;) {
      const region = groups[p]!.respondents - covered[p];
      if (region === 0 || region >= k) break;
      const candidates = maximalShownBelow(model, p, shown);
      const pick = candidates.sort(
        (a, b) =>
          groups[a]!.respondents - groups[b]!.respondents ||
          (groups[a]!.id < groups[b]!.id ? -1 : 1),
      )[0]!;
      state.hide(pick, candidates.length === 1 ? 'overlap' : 'complementary');
      changed = true;
      for (let a = groups[pick]!.parent; ; a = groups[a]!.parent) {
        covered[a] = coveredOf(a);
        if (a === p) break;
      }
    }
  }
  return changed;
}

/** The shown groups under `p` with no shown group between them and `p`. */
export function maximalShownBelow(model: Model, p: number, shown: boolean[]): number[] {
  const out: number[] = [];
  const walk = (i: number) => {
    for (const c of model.groups[i]!.children) {
      if (shown[c]) out.push(c);
      else walk(c);
    }
  };
  walk(p);
  return out;
}
