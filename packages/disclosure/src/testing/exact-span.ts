/**
 * The honest check behind the property tests, independent of the planner: every group is a 0/1
 * vector over disjoint atoms (team × background cell × wave); a reader who adds and subtracts shown
 * figures can compute the respondents of exactly the atom sets whose indicator vector lies in the
 * rational span of the shown groups' vectors. Exact arithmetic only: fraction-free elimination in
 * BigInt, then integer sums (checked to stay within Number's exact range).
 */

/** Integer basis of { y : M·y = 0 } for the rows of M (0/1 vectors of length n). */
export function nullSpaceBasis(rows: readonly (readonly number[])[], n: number): bigint[][] {
  const m = rows.map((r) => r.map((x) => BigInt(x)));
  const pivotCols: number[] = [];
  let rank = 0;
  for (let col = 0; col < n && rank < m.length; col++) {
    const p = m.findIndex((r, i) => i >= rank && r[col] !== 0n);
    if (p === -1) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pivot = m[rank]!;
    for (let i = 0; i < m.length; i++) {
      if (i === rank || m[i]![col] === 0n) continue;
      const factor = m[i]![col]!;
      const scale = pivot[col]!;
      m[i] = m[i]!.map((x, j) => x * scale - factor * pivot[j]!);
      m[i] = reduceRow(m[i]!);
    }
    pivotCols.push(col);
    rank++;
  }
  const basis: bigint[][] = [];
  const isPivot = new Set(pivotCols);
  for (let free = 0; free < n; free++) {
    if (isPivot.has(free)) continue;
    // y[free] = L, y[pivot_r] = −L·m[r][free]/m[r][pivot_r]; L = lcm of the pivots keeps it integral.
    let lcm = 1n;
    pivotCols.forEach((pc, r) => (lcm = lcmOf(lcm, abs(m[r]![pc]!))));
    const y = new Array<bigint>(n).fill(0n);
    y[free] = lcm;
    pivotCols.forEach((pc, r) => (y[pc] = (-lcm * m[r]![free]!) / m[r]![pc]!));
    basis.push(reduceRow(y));
  }
  return basis;
}

/** Whether the 0/1 vector x lies in the row space of M, by direct elimination (for cross-checks). */
export function inRowSpace(rows: readonly (readonly number[])[], x: readonly number[]): boolean {
  return rank([...rows, x]) === rank(rows);
}

export function rank(rows: readonly (readonly number[])[]): number {
  const m = rows.map((r) => r.map((x) => BigInt(x)));
  const n = m[0]?.length ?? 0;
  let r = 0;
  for (let col = 0; col < n && r < m.length; col++) {
    const p = m.findIndex((row, i) => i >= r && row[col] !== 0n);
    if (p === -1) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]!;
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![col]!;
      if (f === 0n) continue;
      m[i] = reduceRow(m[i]!.map((x, j) => x * pivot[col]! - f * pivot[j]!));
    }
    r++;
  }
  return r;
}

export interface SmallSet {
  atoms: number[];
  respondents: number;
}

/**
 * Every union of atoms with 1..k−1 respondents whose indicator lies in the span of `shown`
 * (the atom sets a reader could count). Enumerates all 2^n unions; n ≤ 20.
 */
export function derivableSmallSets(
  shown: readonly (readonly number[])[],
  atomCounts: readonly number[],
  k: number,
): SmallSet[] {
  const n = atomCounts.length;
  if (n > 20) throw new RangeError('derivableSmallSets enumerates 2^n unions; keep n ≤ 20.');
  const basis = shown.length ? nullSpaceBasis(shown, n) : identity(n);
  const numeric = basis.map((y) =>
    y.map((v) => {
      const x = Number(v);
      if (!Number.isSafeInteger(x * n))
        throw new RangeError('Null-space entries too large for exact sums.');
      return x;
    }),
  );
  const size = 1 << n;
  const total = new Int32Array(size);
  const sums = numeric.map(() => new Float64Array(size));
  const out: SmallSet[] = [];
  for (let mask = 1; mask < size; mask++) {
    const low = mask & -mask;
    const bit = 31 - Math.clz32(low);
    const rest = mask ^ low;
    total[mask] = total[rest]! + atomCounts[bit]!;
    let inSpan = true;
    for (let b = 0; b < numeric.length; b++) {
      const s = sums[b]![rest]! + numeric[b]![bit]!;
      sums[b]![mask] = s;
      if (s !== 0) inSpan = false;
    }
    const t = total[mask]!;
    if (inSpan && t >= 1 && t < k) {
      const atoms: number[] = [];
      for (let i = 0; i < n; i++) if (mask & (1 << i)) atoms.push(i);
      out.push({ atoms, respondents: t });
    }
  }
  return out;
}

function identity(n: number): bigint[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1n : 0n)),
  );
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}
const lcmOf = (a: bigint, b: bigint) => (a === 0n || b === 0n ? a || b : (a / gcd(a, b)) * b);

function reduceRow(row: bigint[]): bigint[] {
  const g = row.reduce((acc, x) => gcd(acc, x), 0n);
  return g > 1n ? row.map((x) => x / g) : row;
}
