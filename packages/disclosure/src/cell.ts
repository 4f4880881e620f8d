import type { GroupDecision } from './plan.model.ts';
import type { SuppressionReason } from './reasons.ts';

/**
 * A figure as it may leave the service: the value exists only on the shown branch, so a caller
 * has to check `shown` before the compiler lets it read `value`.
 */
export type Cell<T> =
  | { readonly shown: true; readonly value: T }
  | { readonly shown: false; readonly reasons: readonly SuppressionReason[] };

export type Suppressed = Extract<Cell<never>, { shown: false }>;

/**
 * Applies a plan to figures keyed by group id. Hidden groups get their reasons and never their
 * figure. Throws when a shown group has no figure, or a figure has no decision (a figure the plan
 * never saw must not slip through).
 */
export function applyPlan<T>(
  plan: readonly GroupDecision[],
  figures: ReadonlyMap<string, T>,
): Map<string, Cell<T>> {
  const decided = new Set(plan.map((d) => d.id));
  for (const id of figures.keys())
    if (!decided.has(id)) throw new Error(`The plan has no decision for group ${id}.`);
  const out = new Map<string, Cell<T>>();
  for (const d of plan) {
    if (!d.shown) {
      out.set(d.id, { shown: false, reasons: [...d.reasons] });
      continue;
    }
    if (!figures.has(d.id)) throw new Error(`Group ${d.id} is shown but has no figure.`);
    out.set(d.id, { shown: true, value: figures.get(d.id) as T });
  }
  return out;
}

/** Transforms a shown value; a suppressed cell stays suppressed with the same reasons. */
export function mapCell<T, U>(cell: Cell<T>, f: (value: T) => U): Cell<U> {
  return cell.shown ? { shown: true, value: f(cell.value) } : cell;
}
