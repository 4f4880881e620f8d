import {
  buildModel,
  DisclosureInputError,
  UNIT,
  type DisclosureGroup,
  type GroupDecision,
  type Model,
} from './plan.model.ts';
import { createState, type PlanState } from './plan.state.ts';
import { checkTable } from './plan.table.ts';
import { sweepTree } from './plan.tree.ts';
import { resolveRules, type DisclosureRules } from './rules.ts';

/**
 * Decides, for every group and view of a wave at once, whether it may be shown (README.md).
 *
 * Primary suppression (rule 1, background below unit level, the previous wave's own decision),
 * then, until nothing changes: views and comparisons of hidden groups are hidden; the regions of
 * the organisation tree hold 0 or ≥ k respondents (rule 3, and rule 4 for a parent and its only
 * shown child); every background table has no cut of 1..k−1 respondents (rules 3 and 4 for views);
 * a previous-wave figure that differs from this wave's by 1..k−1 respondents is hidden (rule 4).
 * Groups only ever become hidden, so this ends. The result does not depend on the input order.
 */
export function planDisclosure(
  groups: readonly DisclosureGroup[],
  rules: DisclosureRules,
): GroupDecision[] {
  const { model, state } = run(groups, rules, []);
  return groups.map((_, i) => {
    const m = model.order[i]!;
    return { id: model.groups[m]!.id, shown: state.shown[m]!, reasons: state.reasons[m]! };
  });
}

/**
 * Checks a plan made earlier (stored with a wave, or behind an export) against the same groups and
 * rules: starting from the plan's hidden groups, which groups would the rules still hide? An empty
 * list means the plan is a fixed point of the rules. Throws when the plan does not cover the groups.
 */
export function auditPlan(
  groups: readonly DisclosureGroup[],
  rules: DisclosureRules,
  plan: readonly GroupDecision[],
): GroupDecision[] {
  const decided = new Map(plan.map((d) => [d.id, d]));
  for (const g of groups)
    if (!decided.has(g.id)) throw new DisclosureInputError(`The plan has no decision for ${g.id}.`);
  const { model, state } = run(
    groups,
    rules,
    plan.filter((d) => !d.shown),
  );
  return model.groups.flatMap((g, i) =>
    decided.get(g.id)!.shown && !state.shown[i]
      ? [{ id: g.id, shown: false, reasons: state.reasons[i]! }]
      : [],
  );
}

function run(
  groups: readonly DisclosureGroup[],
  rules: DisclosureRules,
  hidden: readonly GroupDecision[],
): { model: Model; state: PlanState } {
  const resolved = resolveRules(rules);
  const model = buildModel(groups);
  const state = createState(model.groups.length, resolved);
  const index = new Map(model.groups.map((g, i) => [g.id, i]));
  for (const d of hidden) {
    const i = index.get(d.id);
    if (i === undefined)
      throw new DisclosureInputError(`The plan decides ${d.id}, which is not among the groups.`);
    for (const reason of d.reasons) state.hide(i, reason);
    state.shown[i] = false;
  }
  suppressPrimary(model, state);
  const passed = model.tables.map(() => new Set<string>());
  for (;;) {
    let changed = hideDependents(model, state);
    for (const layer of model.treeLayers) changed = sweepTree(model, layer, state) || changed;
    changed = hideDependents(model, state) || changed;
    changed = hideWaveOverlap(model, state) || changed;
    model.tables.forEach((table, t) => {
      changed = checkTable(model, table, state, passed[t]!) || changed;
    });
    if (!changed) break;
  }
  return { model, state };
}

function suppressPrimary(model: Model, state: PlanState) {
  const k = state.rules.minGroupSize;
  model.groups.forEach((g, i) => {
    if (g.respondents < k) state.hide(i, 'below_k_respondents');
    if (g.invited !== null && g.invited < k) state.hide(i, 'below_k_invited');
    if (g.kind === 'filtered' && g.rank < UNIT) state.hide(i, 'background_below_unit');
    if (g.hiddenInOwnWave) state.hide(i, 'hidden_in_own_wave');
  });
}

/** A view of a hidden group, or a comparison with a hidden figure, is hidden too. */
function hideDependents(model: Model, state: PlanState): boolean {
  let changed = false;
  // Views depend on groups earlier in no particular order; repeat until settled (depth ≤ 2).
  for (let again = true; again;) {
    again = false;
    model.groups.forEach((g, i) => {
      if (!state.shown[i]) return;
      if (
        (g.base !== -1 && !state.shown[g.base]) ||
        (g.partner !== -1 && !state.shown[g.partner])
      ) {
        state.hide(i, 'base_hidden');
        again = changed = true;
      }
    });
  }
  return changed;
}

/**
 * Rule 4 across waves. The two waves are different answers, so their difference is no set of
 * respondents; the rule guards against people who answered both times. The comparison is hidden,
 * not this wave's figure (README.md, "Choices").
 */
function hideWaveOverlap(model: Model, state: PlanState): boolean {
  const k = state.rules.minGroupSize;
  let changed = false;
  model.groups.forEach((g, i) => {
    if (g.partner === -1 || !state.shown[i] || !state.shown[g.partner]) return;
    const difference = Math.abs(g.respondents - model.groups[g.partner]!.respondents);
    if (difference > 0 && difference < k) {
      state.hide(i, 'overlap');
      changed = true;
    }
  });
  return changed;
}
