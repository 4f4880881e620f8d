/** Benjamini–Hochberg adjustment of a family of p-values, and the hypotheses it rejects. */
export interface FdrResult {
  /** Adjusted p-values (q-values), in the order of the input. */
  qValues: number[];
  /** Whether each hypothesis is rejected at the requested false discovery rate. */
  rejected: boolean[];
  /** How many hypotheses are rejected. */
  rejectedCount: number;
  /** The largest p-value that is rejected, or null when none is. */
  threshold: number | null;
}

function checkPValues(pValues: readonly number[]): void {
  pValues.forEach((p, i) => {
    if (!Number.isFinite(p) || p < 0 || p > 1)
      throw new RangeError(`p-value ${i} must be a number in [0, 1], got ${p}.`);
  });
}

/**
 * Benjamini–Hochberg adjusted p-values (Benjamini & Hochberg 1995; the adjusted form is
 * Yekutieli & Benjamini 1999, as R's `p.adjust(method = "BH")`): for p-values sorted
 * p(1) ≤ … ≤ p(m), q(i) = min over j ≥ i of min(1, m·p(j)/j). Rejecting every hypothesis with
 * q ≤ α controls the expected share of false discoveries at α for independent or positively
 * dependent tests. Returned in input order.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  checkPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[b]! - pValues[a]!);
  const q = new Array<number>(m);
  let running = 1;
  order.forEach((index, k) => {
    const rank = m - k;
    running = Math.min(running, (pValues[index]! * m) / rank);
    q[index] = running;
  });
  return q;
}

/**
 * The Benjamini–Hochberg step-up procedure at false discovery rate `alpha` (Benjamini &
 * Hochberg 1995): reject the k smallest p-values, k the largest i with p(i) ≤ i·α/m.
 * Equivalent to rejecting every q-value ≤ α.
 */
export function benjaminiHochbergReject(pValues: readonly number[], alpha = 0.05): FdrResult {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}.`);
  const qValues = benjaminiHochberg(pValues);
  const rejected = qValues.map((q) => q <= alpha);
  let threshold: number | null = null;
  rejected.forEach((r, i) => {
    if (r) threshold = Math.max(threshold ?? 0, pValues[i]!);
  });
  return { qValues, rejected, rejectedCount: rejected.filter(Boolean).length, threshold };
}
