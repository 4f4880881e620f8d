/**
 * The disclosure rules of an installation. They are copied into a wave when it opens and locked
 * there, so a wave is always reported under the rules its respondents were promised.
 */
export interface DisclosureRules {
  /** k: the smallest number of respondents (and of invited people) a shown group may have. */
  minGroupSize: number;
  /** The smallest group whose open answers may be shown. */
  minOpenAnswerGroupSize: number;
  /**
   * Shares of groups with fewer answers than this are shown as a band when they are near 0 % or
   * 100 %, so nobody can read that everyone answered alike. Absent: 10 (rules stored before this
   * field existed keep working).
   */
  coarsenSharesBelow?: number;
}

export const defaultDisclosureRules: DisclosureRules = {
  minGroupSize: 5,
  minOpenAnswerGroupSize: 10,
  coarsenSharesBelow: 10,
};

/** The rules with every optional field filled in. */
export type ResolvedDisclosureRules = Required<DisclosureRules>;

export function resolveRules(rules: DisclosureRules): ResolvedDisclosureRules {
  assertValidRules(rules);
  return {
    minGroupSize: rules.minGroupSize,
    minOpenAnswerGroupSize: rules.minOpenAnswerGroupSize,
    coarsenSharesBelow: rules.coarsenSharesBelow ?? 10,
  };
}

export interface RuleProblem {
  /** The field of `DisclosureRules` the problem is about (or `rules` for the whole object). */
  field: string;
  message: string;
}

const MAX_GROUP_SIZE = 1000;
const knownFields = new Set(['minGroupSize', 'minOpenAnswerGroupSize', 'coarsenSharesBelow']);

function wholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Checks rules that come from configuration or a request, without zod: every problem is returned
 * at once, each naming its field. An empty list means the rules are valid.
 */
export function validateRules(rules: unknown): RuleProblem[] {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules))
    return [{ field: 'rules', message: 'The disclosure rules must be an object.' }];
  const r = rules as Record<string, unknown>;
  const problems: RuleProblem[] = [];
  for (const key of Object.keys(r))
    if (!knownFields.has(key))
      problems.push({ field: key, message: `${key} is not a disclosure rule.` });

  const k = r.minGroupSize;
  if (!wholeNumber(k) || k < 2 || k > MAX_GROUP_SIZE)
    problems.push({
      field: 'minGroupSize',
      message: `minGroupSize must be a whole number from 2 to ${MAX_GROUP_SIZE}; a group of one would show a single person's answers.`,
    });
  const kOrTwo = wholeNumber(k) && k >= 2 ? k : 2;

  const open = r.minOpenAnswerGroupSize;
  if (!wholeNumber(open) || open < kOrTwo || open > MAX_GROUP_SIZE)
    problems.push({
      field: 'minOpenAnswerGroupSize',
      message: `minOpenAnswerGroupSize must be a whole number from minGroupSize (${kOrTwo}) to ${MAX_GROUP_SIZE}: open answers are more identifying than figures.`,
    });

  const coarsen = r.coarsenSharesBelow;
  if (
    coarsen !== undefined &&
    (!wholeNumber(coarsen) || coarsen < kOrTwo || coarsen > MAX_GROUP_SIZE)
  )
    problems.push({
      field: 'coarsenSharesBelow',
      message: `coarsenSharesBelow must be a whole number from minGroupSize (${kOrTwo}) to ${MAX_GROUP_SIZE}, or absent for 10.`,
    });
  return problems;
}

/** Throws a RangeError listing every problem; used by every function that takes rules. */
export function assertValidRules(rules: unknown): asserts rules is DisclosureRules {
  const problems = validateRules(rules);
  if (problems.length)
    throw new RangeError(
      `Invalid disclosure rules: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`,
    );
}
