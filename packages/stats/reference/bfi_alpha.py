#!/usr/bin/env python3
"""Reference values of Cronbach's alpha for the bfi Agreeableness items (A1 reverse-keyed).

Standard library only, written independently of reliability.ts: it works from the raw rows with
two-pass means (no sums of cross-products), in exact rational arithmetic where it can.

Data: packages/stats/test-data/bfi-agreeableness.csv (see packages/stats/REFERENCES.md).

It prints
1. a check of the copy against the published describe() statistics of psych (n, mean, sd of each
   item, A1 reversed);
2. listwise (complete cases) alpha, alpha if an item is deleted, and corrected item-total
   correlations: what cronbachAlpha and cronbachAlphaFromSums must reproduce;
3. the same from the pairwise-complete covariance matrix, which is what psych::alpha() uses by
   default (use = "pairwise") and therefore what the published values were computed from.

Run: python3 packages/stats/reference/bfi_alpha.py
"""
import csv
import math
from fractions import Fraction
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "test-data" / "bfi-agreeableness.csv"
ITEMS = ["A1", "A2", "A3", "A4", "A5"]
REVERSED = {"A1"}  # "Am indifferent to the feelings of others", scored 1..6
LOW, HIGH = 1, 6


def load():
    rows = []
    with DATA.open(newline="") as f:
        for record in csv.DictReader(f):
            row = []
            for item in ITEMS:
                cell = record[item].strip()
                if cell in ("", "NA"):
                    row.append(None)
                else:
                    value = int(cell)
                    row.append(LOW + HIGH - value if item in REVERSED else value)
            rows.append(row)
    return rows


def mean(values):
    return Fraction(sum(values), len(values))


def covariance(pairs):
    """Sample covariance of (x, y) pairs, two-pass, exact."""
    mx = mean([x for x, _ in pairs])
    my = mean([y for _, y in pairs])
    return sum((x - mx) * (y - my) for x, y in pairs) / (len(pairs) - 1)


def alpha_from(cov):
    k = len(cov)
    total = sum(sum(r) for r in cov)
    trace = sum(cov[i][i] for i in range(k))
    return Fraction(k, k - 1) * (1 - trace / total)


def drop(cov, d):
    keep = [i for i in range(len(cov)) if i != d]
    return [[cov[i][j] for j in keep] for i in keep]


def corrected_item_total(cov, d):
    rest = drop(cov, d)
    rest_var = sum(sum(r) for r in rest)
    cov_with_rest = sum(cov[d][j] for j in range(len(cov)) if j != d)
    return float(cov_with_rest) / math.sqrt(float(cov[d][d]) * float(rest_var))


def report(title, cov, n_text):
    print(title)
    print(f"  {n_text}")
    print(f"  alpha = {float(alpha_from(cov))!r}")
    for d, item in enumerate(ITEMS):
        print(
            f"  {item}: alpha if deleted = {float(alpha_from(drop(cov, d)))!r}, "
            f"corrected item-total r = {corrected_item_total(cov, d)!r}"
        )


def main():
    rows = load()
    print(f"{len(rows)} rows read from {DATA.name}")

    print("describe() check (published: psych, A1 reversed)")
    for j, item in enumerate(ITEMS):
        values = [r[j] for r in rows if r[j] is not None]
        m = mean(values)
        sd = math.sqrt(float(sum((v - m) ** 2 for v in values) / (len(values) - 1)))
        print(f"  {item}: n = {len(values)}, mean = {float(m):.6f}, sd = {sd:.7f}")

    complete = [r for r in rows if all(v is not None for v in r)]
    k = len(ITEMS)
    listwise = [
        [covariance([(r[i], r[j]) for r in complete]) for j in range(k)] for i in range(k)
    ]
    report(
        "listwise (complete cases)",
        listwise,
        f"n used = {len(complete)}, dropped = {len(rows) - len(complete)}",
    )
    sums = [sum(r[i] for r in complete) for i in range(k)]
    cross = [[sum(r[i] * r[j] for r in complete) for j in range(k)] for i in range(k)]
    print(f"  sufficient statistics: n = {len(complete)}, sums = {sums}")
    print(f"  cross-products = {cross}")

    pairwise = [
        [
            covariance([(r[i], r[j]) for r in rows if r[i] is not None and r[j] is not None])
            for j in range(k)
        ]
        for i in range(k)
    ]
    report("pairwise-complete covariances (psych::alpha default)", pairwise, "n = 2800 rows")
    print("  covariance matrix:")
    for row in pairwise:
        print("   ", [float(v) for v in row])


if __name__ == "__main__":
    main()
