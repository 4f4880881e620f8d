/**
 * Statistical disclosure control. Every figure about people passes through this package before
 * it is shown or exported. Pure: no I/O, nothing of ours imported. See README.md.
 */
export {
  assertValidRules,
  defaultDisclosureRules,
  resolveRules,
  validateRules,
  type DisclosureRules,
  type ResolvedDisclosureRules,
  type RuleProblem,
} from './rules.ts';
export {
  explainSuppression,
  suppressionReasons,
  type Locale,
  type SuppressionReason,
} from './reasons.ts';
export {
  DisclosureInputError,
  type DisclosureGroup,
  type GroupDecision,
  type GroupKind,
  type GroupLevel,
} from './plan.model.ts';
export { auditPlan, planDisclosure } from './plan.ts';
export { presentShare, type ShownShare } from './share.ts';
export { mayShowOpenAnswers, shuffleOpenAnswers } from './open-answers.ts';
export { applyPlan, mapCell, type Cell, type Suppressed } from './cell.ts';
