#!/usr/bin/env python3
"""Reference values for packages/stats/src/means.test.ts.

Standard library only and independent of means.ts / distributions.ts: Student's t distribution
function by Simpson integration of the density (math.lgamma for the constant), the quantile by
bisection on it, means and variances by two-pass sums over the raw values.

Data: the `sleep` data of R (Cushny & Peebles 1905, as used by Student 1908), extra hours of sleep
of ten patients under two drugs; R documents t.test(extra ~ group, data = sleep), the Welch test,
as t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent confidence interval
-3.3654832 0.2054832, means 0.75 and 2.33. And 1:5, for which R's t.test gives the 95 percent
confidence interval 1.036757 4.963243.

Run: python3 packages/stats/reference/means_reference.py
"""
import math

SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def t_density(u, df):
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_c - (df + 1) / 2 * math.log1p(u * u / df))


def t_cdf(t, df, steps=20000):
    """P(T <= t) = 1/2 + sign(t) * integral_0^|t| f(u) du, composite Simpson."""
    a, b = 0.0, abs(t)
    h = (b - a) / steps
    total = t_density(a, df) + t_density(b, df)
    for i in range(1, steps):
        total += (4 if i % 2 else 2) * t_density(a + i * h, df)
    area = total * h / 3
    return 0.5 + area if t >= 0 else 0.5 - area


def t_quantile(p, df):
    lo, hi = 0.0, 50.0
    for _ in range(70):
        mid = (lo + hi) / 2
        if t_cdf(mid, df, 4000) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def summary(values):
    n = len(values)
    m = sum(values) / n
    var = sum((x - m) ** 2 for x in values) / (n - 1)
    return n, m, var


def main():
    n, m, var = summary([1, 2, 3, 4, 5])
    q = t_quantile(0.975, n - 1)
    se = math.sqrt(var / n)
    print("1:5")
    print(f"  mean {m!r}, sd {math.sqrt(var)!r}, se {se!r}, t(0.975, 4) {q!r}")
    print(f"  95 % CI {m - q * se!r} {m + q * se!r}")

    n1, m1, v1 = summary(SLEEP_1)
    n2, m2, v2 = summary(SLEEP_2)
    print("sleep")
    print(f"  group 1: n {n1}, sum {sum(SLEEP_1)!r}, sum of squares {sum(x * x for x in SLEEP_1)!r}")
    print(f"  group 2: n {n2}, sum {sum(SLEEP_2)!r}, sum of squares {sum(x * x for x in SLEEP_2)!r}")
    print(f"  means {m1!r} {m2!r}, variances {v1!r} {v2!r}")
    w1, w2 = v1 / n1, v2 / n2
    se = math.sqrt(w1 + w2)
    d = m1 - m2
    t = d / se
    df = (w1 + w2) ** 2 / (w1 * w1 / (n1 - 1) + w2 * w2 / (n2 - 1))
    p = 2 * t_cdf(-abs(t), df)
    q = t_quantile(0.975, df)
    print(f"  Welch: difference {d!r}, se {se!r}, t {t!r}, df {df!r}, p {p!r}")
    print(f"  t(0.975, df) {q!r}, 95 % CI {d - q * se!r} {d + q * se!r}")
    pooled = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
    print(f"  pooled sd {pooled!r}, Cohen's d {d / pooled!r}")


if __name__ == "__main__":
    main()
