/** A proportion's point estimate with its confidence interval. */
export interface ProportionInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/** Two-sided standard normal quantile for common confidence levels. */
export function zFor(confidence: number): number {
  const table: Record<string, number> = {
    '0.9': 1.6448536269514722,
    '0.95': 1.959963984540054,
    '0.99': 2.5758293035489004,
  };
  const z = table[String(confidence)];
  if (z === undefined)
    throw new RangeError(`No z value for confidence ${confidence}; use 0.9, 0.95 or 0.99.`);
  return z;
}

/**
 * Wilson score interval for `successes` out of `n` (Wilson 1927). Unlike the Wald interval it stays
 * inside [0, 1] and behaves at 0 % and 100 %, which small teams produce often.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence = 0.95,
): ProportionInterval {
  if (
    !Number.isInteger(successes) ||
    !Number.isInteger(n) ||
    n < 0 ||
    successes < 0 ||
    successes > n
  ) {
    throw new RangeError(
      `wilsonInterval needs whole numbers 0 ≤ successes ≤ n, got ${successes} of ${n}.`,
    );
  }
  if (n === 0) return { estimate: Number.NaN, lower: 0, upper: 1 };
  const z = zFor(confidence);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { estimate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
