#!/usr/bin/env python3
"""Independent reference values for packages/stats/src/distributions.test.ts.

Standard library only. Nothing here shares code or method with distributions.ts:
- normal: statistics.NormalDist (cdf from math.erf, inv_cdf is Wichura's AS241);
- log-gamma: math.lgamma;
- Student's t CDF for integer df: the exact finite sums of Abramowitz & Stegun (1964) 26.7.3/26.7.4,
  and its quantile by bisection on that CDF;
- regularized incomplete beta for integer a, b: the exact binomial sum
  I_x(a, b) = sum_{j=a}^{a+b-1} C(a+b-1, j) x^j (1-x)^(a+b-1-j), in rational arithmetic.

Run: python3 packages/stats/reference/distributions_reference.py
"""
import math
from fractions import Fraction
from statistics import NormalDist


def t_cdf(t, df):
    """P(T <= t) for integer df >= 1 (A&S 26.7.3 odd df, 26.7.4 even df)."""
    theta = math.atan(abs(t) / math.sqrt(df))
    s, c = math.sin(theta), math.cos(theta)
    if df % 2 == 1:
        total, term = 0.0, 0.0
        if df > 1:
            term = c
            total = c
            for k in range(3, df - 1, 2):  # (2*4*...(k-1))/(1*3*...k) cos^k
                term *= (k - 1) / k * c * c
                total += term
        a = 2 / math.pi * (theta + s * total)
    else:
        term, total = 1.0, 1.0
        for k in range(2, df - 1, 2):  # (1*3*...(k-1))/(2*4*...k) cos^k
            term *= (k - 1) / k * c * c
            total += term
        a = s * total
    return 0.5 + a / 2 if t >= 0 else 0.5 - a / 2


def t_quantile(p, df):
    lo, hi = -1e6, 1e6
    for _ in range(400):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def beta_binomial_sum(x, a, b):
    x = Fraction(x)
    n = a + b - 1
    return float(sum(math.comb(n, j) * x**j * (1 - x) ** (n - j) for j in range(a, n + 1)))


if __name__ == "__main__":
    nd = NormalDist()
    print("normal cdf")
    for x in (-3.0, -1.959963984540054, -1.0, 0.0, 0.5, 1.0, 2.5, 6.0):
        print(f"  {x!r}: {nd.cdf(x)!r}")
    print("normal quantile")
    for p in (1e-10, 0.001, 0.025, 0.1, 0.5, 0.8, 0.975, 0.999):
        print(f"  {p!r}: {nd.inv_cdf(p)!r}")
    print("log-gamma")
    for x in (0.5, 1.0, 3.5, 10.0, 100.0, 1234.5):
        print(f"  {x!r}: {math.lgamma(x)!r}")
    print("t cdf")
    for t, df in ((2.0, 10), (-2.0, 3), (1.0, 1), (0.7, 2), (2.5, 5), (-1.3, 7), (3.0, 30)):
        print(f"  t={t!r} df={df}: {t_cdf(t, df)!r}")
    print("t quantile")
    for p, df in ((0.975, 10), (0.975, 30), (0.995, 5), (0.95, 20), (0.9, 4), (0.025, 7), (0.999, 3)):
        print(f"  p={p!r} df={df}: {t_quantile(p, df)!r}")
    print("incomplete beta (integer a, b)")
    for x, a, b in (("0.3", 3, 7), ("0.5", 2, 3), ("0.9", 10, 2), ("0.05", 1, 30), ("0.62", 12, 9)):
        print(f"  I_{x}({a}, {b}) = {beta_binomial_sum(x, a, b)!r}")
