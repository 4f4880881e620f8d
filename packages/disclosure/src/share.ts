import { resolveRules, type DisclosureRules } from './rules.ts';

/**
 * A share as it may be shown. `coarsened` is a band: `atLeast 0.8` reads "≥ 80 %", `atMost 0.2`
 * reads "≤ 20 %". `suppressed` carries no number at all.
 */
export type ShownShare =
  | { kind: 'exact'; value: number }
  | { kind: 'coarsened'; bound: 'atLeast' | 'atMost'; value: number }
  | { kind: 'suppressed' };

/** Bands are whole multiples of 5 %, and never narrower than 10 %. */
const STEPS = 20;
const WIDEST_BOUND = 2;

/**
 * Rule 5. A share of fewer than k answers is not shown. Below `coarsenSharesBelow` answers, a share
 * near 0 % or 100 % becomes a band that always holds at least one non-unanimous count as well
 * (for n = 5: "≥ 80 %" is 4 or 5 of 5), and every share inside the band gets the same band — so
 * the band never tells that everyone answered alike. From `coarsenSharesBelow` on: the exact share.
 */
export function presentShare(successes: number, n: number, rules: DisclosureRules): ShownShare {
  const { minGroupSize, coarsenSharesBelow } = resolveRules(rules);
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n)
    throw new RangeError(
      `presentShare needs whole numbers 0 ≤ successes ≤ n, got ${successes} of ${n}.`,
    );
  // Two answers cannot fill two bands of two counts each (0–1 and 1–2 share the 1): no share at all.
  if (n < minGroupSize || (n < 3 && n < coarsenSharesBelow)) return { kind: 'suppressed' };
  if (n < coarsenSharesBelow) {
    // Largest multiple of 5 % at or below (n−1)/n, and smallest at or above 1/n.
    const high = Math.min(STEPS - WIDEST_BOUND, Math.floor((STEPS * (n - 1)) / n));
    const low = Math.max(WIDEST_BOUND, Math.ceil(STEPS / n));
    if (STEPS * successes >= high * n)
      return { kind: 'coarsened', bound: 'atLeast', value: high / STEPS };
    if (STEPS * successes <= low * n)
      return { kind: 'coarsened', bound: 'atMost', value: low / STEPS };
  }
  return { kind: 'exact', value: successes / n };
}
