// Continuous distributions: the normal and Student's t, with the special functions they need.
// References: Press, Teukolsky, Vetterling & Flannery (2007), Numerical Recipes, 3rd ed.
// (NR3) §6.1 (log-gamma), §6.2 (incomplete gamma), §6.4 (incomplete beta, Student's t);
// Acklam (2003) for the starting value of the normal quantile.

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;
const LN_SQRT_2PI = 0.9189385332046728;

// NR3's coefficients, written as the nearest doubles.
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 1.580887032249125e-4,
  -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
];

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0: the Lanczos approximation with
 * g = 671/128 and 14 terms of Numerical Recipes (Press et al. 2007, §6.1), relative error below
 * 1e-15.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}.`);
  if (x === Infinity) return Infinity;
  let y = x;
  const tmp = x + 5.2421875;
  let series = 0.9999999999999971;
  for (const c of LANCZOS) series += c / ++y;
  return (x + 0.5) * Math.log(tmp) - tmp + Math.log((2.5066282746310007 * series) / x);
}

/** Stirling's correction series of ln Γ(z) for z ≥ 10 (terms up to z⁻⁷). */
function stirlingSeries(z: number): number {
  const z2 = z * z;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * z2)) / z2) / z2) / z;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When one argument is large, ln Γ(a) − ln Γ(a + b)
 * is taken from Stirling's series instead of subtracting two large, nearly equal numbers, so the
 * t-distribution stays accurate for very many degrees of freedom.
 */
function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 1000) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const difference =
    -small * Math.log(big) -
    ((big + small - 0.5) * Math.log1p(small / big) - small) +
    stirlingSeries(big) -
    stirlingSeries(big + small);
  return logGamma(small) + difference;
}

/** Modified Lentz evaluation of the continued fraction for I_x(a, b) (NR3 §6.4, `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) return h;
  }
  throw new RangeError(`Incomplete beta did not converge for a = ${a}, b = ${b}, x = ${x}.`);
}

/**
 * I_x(a, b) given both x and y = 1 − x, so that callers who know 1 − x more precisely than the
 * subtraction would give (Student's t) lose no digits.
 */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  // The continued fraction converges quickly only below (a + 1)/(a + b + 2); use symmetry above.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/**
 * Regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b) for 0 ≤ x ≤ 1 and
 * a, b > 0, by the continued fraction of Numerical Recipes (Press et al. 2007, §6.4) with the
 * modified Lentz method (Lentz 1976; Thompson & Barnett 1986).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(
      `regularizedIncompleteBeta needs finite a, b > 0, got a = ${a}, b = ${b}.`,
    );
  }
  if (!(x >= 0 && x <= 1)) {
    throw new RangeError(`regularizedIncompleteBeta needs 0 ≤ x ≤ 1, got ${x}.`);
  }
  return incompleteBeta(x, 1 - x, a, b);
}

function incompleteGammaSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS)
      return sum * Math.exp(a * Math.log(x) - x - logGamma(a));
  }
  throw new RangeError(`Incomplete gamma series did not converge for a = ${a}, x = ${x}.`);
}

function incompleteGammaFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) return Math.exp(a * Math.log(x) - x - logGamma(a)) * h;
  }
  throw new RangeError(`Incomplete gamma fraction did not converge for a = ${a}, x = ${x}.`);
}

/**
 * Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x) (NR3 §6.2): the series
 * below x = a + 1 and the continued fraction above, each giving the smaller one to full relative
 * precision.
 */
function lowerIncompleteGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? incompleteGammaSeries(a, x) : 1 - incompleteGammaFraction(a, x);
}

function upperIncompleteGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - incompleteGammaSeries(a, x) : incompleteGammaFraction(a, x);
}

function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI);
}

/**
 * Standard normal distribution function Φ(x), via Φ(−|x|) = ½·erfc(|x|/√2) = ½·Q(½, x²/2) with
 * the regularized incomplete gamma function of Numerical Recipes (Press et al. 2007, §6.2).
 * The smaller tail is computed directly, so Φ(−30) ≈ 4.9e−198 keeps full relative precision.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const lowerTail = 0.5 * upperIncompleteGamma(0.5, 0.5 * x * x);
  return x < 0 ? lowerTail : 1 - lowerTail;
}

const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const c of coefficients) value = value * x + c;
  return value;
}

/** Acklam's (2003) rational approximation of Φ⁻¹(p) for 0 < p ≤ ½ (relative error < 1.2e−9). */
function acklamLowerHalf(p: number): number {
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(ACKLAM_A, r) * q) / (polynomial(ACKLAM_B, r) * r + 1);
}

/**
 * Φ(x) − p for x ≤ 0 and p ≤ ½. Near the centre it is taken as (½ − p) − P(0 < Z < |x|): both
 * terms are then exact or relatively precise, so quantiles close to ½ keep their relative accuracy.
 */
function normalLowerHalfExcess(x: number, p: number): number {
  if (p < 0.25) return normalCdf(x) - p;
  return 0.5 - p - 0.5 * lowerIncompleteGamma(0.5, 0.5 * x * x);
}

/**
 * Standard normal quantile Φ⁻¹(p) for 0 ≤ p ≤ 1: Acklam's (2003) rational approximation refined by
 * Halley steps on `normalCdf`, which brings it to full double precision (Φ⁻¹(0.975) =
 * 1.959963984540054). Returns ∓Infinity at p = 0 and p = 1.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs 0 ≤ p ≤ 1, got ${p}.`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Work in the lower half; 1 − p is exact for p ≥ ½ (Sterbenz), so nothing is lost by symmetry.
  const lower = p < 0.5 ? p : 1 - p;
  let x = acklamLowerHalf(lower);
  for (let step = 0; step < 3; step++) {
    const density = normalDensity(x);
    if (!(density > 0)) break;
    const u = normalLowerHalfExcess(x, lower) / density;
    const next = x - u / (1 + (x * u) / 2);
    if (next === x) break;
    x = next;
  }
  return p < 0.5 ? x : -x;
}

function checkDegreesOfFreedom(name: string, df: number): void {
  if (!(df > 0)) throw new RangeError(`${name} needs degrees of freedom df > 0, got ${df}.`);
}

/**
 * For very many degrees of freedom the continued fraction converges slowly and loses digits, while
 * Fisher's (1925) expansion of Student's integral around the normal is then almost exact:
 * P(T > t) = Φ(−t) + φ(t)·[(t³ + t)/(4ν) + (3t⁷ − 7t⁵ − 5t³ − 3t)/(96ν²)] + O(ν⁻³).
 */
function useFisherExpansion(t: number, df: number): boolean {
  return df >= 1e6 && t * t * t * t <= 1e-4 * df;
}

function fisherCorrection(t: number, df: number): number {
  const t2 = t * t;
  const first = ((t2 + 1) * t) / 4;
  const second = ((((3 * t2 - 7) * t2 - 5) * t2 - 3) * t) / 96;
  return (normalDensity(t) * (first + second / df)) / df;
}

/** Upper tail P(T > t) for t ≥ 0: ½·I_{ν/(ν+t²)}(ν/2, ½) (NR3 §6.14). */
function studentUpperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  if (useFisherExpansion(t, df)) {
    return 0.5 * upperIncompleteGamma(0.5, 0.5 * t * t) + fisherCorrection(t, df);
  }
  const ratio = (t / df) * t; // t²/ν without overflowing t² first
  return 0.5 * incompleteBeta(1 / (1 + ratio), ratio / (1 + ratio), df / 2, 0.5);
}

/** P(0 < T < t) for t ≥ 0, ½·I_{t²/(ν+t²)}(½, ν/2), precise in relative terms for small t. */
function studentCentral(t: number, df: number): number {
  if (useFisherExpansion(t, df)) {
    return 0.5 * lowerIncompleteGamma(0.5, 0.5 * t * t) - fisherCorrection(t, df);
  }
  const ratio = (t / df) * t;
  return 0.5 * incompleteBeta(ratio / (1 + ratio), 1 / (1 + ratio), 0.5, df / 2);
}

function studentDensity(t: number, df: number): number {
  const ratio = (t / df) * t;
  const logKernel = Number.isFinite(ratio)
    ? Math.log1p(ratio)
    : 2 * Math.log(Math.abs(t)) - Math.log(df);
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * logKernel);
}

/**
 * Student's t distribution function P(T ≤ t) with df > 0 degrees of freedom (df = Infinity gives
 * the normal), through the regularized incomplete beta function (Press et al. 2007, §6.14):
 * P(|T| > |t|) = I_{df/(df+t²)}(df/2, ½). Tails are computed directly, not as 1 − CDF. From
 * df = 10⁶ on, near the centre, Fisher's (1925) expansion around the normal to order 1/df² is used
 * instead, which is then more accurate than the slowly converging continued fraction.
 */
export function studentTCdf(t: number, df: number): number {
  checkDegreesOfFreedom('studentTCdf', df);
  if (Number.isNaN(t)) return Number.NaN;
  if (df === Infinity) return normalCdf(t);
  const tail = studentUpperTail(Math.abs(t), df);
  return t < 0 ? tail : 1 - tail;
}

/** Cornish–Fisher expansion of the t quantile around the normal one (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = ((z2 + 1) * z) / 4;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * Quantile of Student's t distribution: the t with P(T ≤ t) = p, for 0 ≤ p ≤ 1 and df > 0
 * (t(0.975, 10) = 2.228138851986274). Closed forms for df = 1 and 2; otherwise safeguarded Newton
 * iterations on the upper tail (`studentTCdf`), started from the Cornish–Fisher expansion
 * (Abramowitz & Stegun 1964, 26.7.5) and kept inside a bracket by bisection.
 */
export function studentTQuantile(p: number, df: number): number {
  checkDegreesOfFreedom('studentTQuantile', df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile needs 0 ≤ p ≤ 1, got ${p}.`);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // upper-tail probability of |t|, exact by symmetry
  const t = upperTailQuantile(q, df);
  return p < 0.5 ? -t : t;
}

function upperTailQuantile(q: number, df: number): number {
  // Closed forms: F(t) = ½ + atan(t)/π for df = 1; F(t) = ½ + t/(2√(2 + t²)) for df = 2.
  if (df === 1) return q < 0.25 ? 1 / Math.tan(Math.PI * q) : Math.tan(Math.PI * (0.5 - q));
  if (df === 2) return (1 - 2 * q) * Math.sqrt(2 / (4 * q * (1 - q)));
  let lo = 0;
  let hi = Infinity;
  const start = cornishFisher(-normalQuantile(q), df);
  let t = start > 0 && Number.isFinite(start) ? start : 1;
  for (let i = 0; i < 2000; i++) {
    // P(T > t) − q, written as (½ − q) − P(0 < T < t) near the centre to keep relative precision.
    const excess = q < 0.25 ? studentUpperTail(t, df) - q : 0.5 - q - studentCentral(t, df);
    if (excess === 0) return t;
    if (excess > 0) lo = t;
    else hi = t;
    let next = t + excess / studentDensity(t, df);
    if (!(next > lo && next < hi))
      next = hi === Infinity ? 2 * t : lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}
