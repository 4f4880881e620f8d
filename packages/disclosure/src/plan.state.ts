import type { SuppressionReason } from './reasons.ts';
import type { ResolvedDisclosureRules } from './rules.ts';

/** What the plan has decided so far. Groups only ever go from shown to hidden. */
export interface PlanState {
  rules: ResolvedDisclosureRules;
  shown: boolean[];
  reasons: SuppressionReason[][];
  /** Per unfiltered group: respondents of its largest shown groups below it (kept by sweepTree). */
  covered: number[];
  hide(i: number, reason: SuppressionReason): void;
}

export function createState(size: number, rules: ResolvedDisclosureRules): PlanState {
  const shown = new Array<boolean>(size).fill(true);
  const reasons = Array.from({ length: size }, (): SuppressionReason[] => []);
  return {
    rules,
    shown,
    reasons,
    covered: new Array<number>(size).fill(0),
    hide(i, reason) {
      shown[i] = false;
      if (!reasons[i]!.includes(reason)) reasons[i]!.push(reason);
    },
  };
}
