import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cohensD, compareMeans, summarizeMean, welchTTest, type ScoreSums } from './means.ts';

// Reference values: packages/stats/reference/means_reference.py (Python standard library; the t
// distribution by numerical integration of its density) and R's documented output.

function sumsOf(values: readonly number[]): ScoreSums {
  return {
    n: values.length,
    sum: values.reduce((a, x) => a + x, 0),
    sumSquares: values.reduce((a, x) => a + x * x, 0),
  };
}

// R's `sleep` data (Cushny & Peebles 1905; Student 1908): extra hours of sleep under two drugs.
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('summarizeMean', () => {
  it('matches R t.test(1:5): 95 % CI 1.036757 to 4.963243', () => {
    // n = 5, Σx = 15, Σx² = 55: mean 3, variance (55 − 15²/5)/4 = 2.5, sd √2.5, se √(2.5/5) = √0.5,
    // t(0.975, 4) = 2.776445105197799, interval 3 ∓ 2.776445105197799·0.7071067811865476.
    const summary = summarizeMean({ n: 5, sum: 15, sumSquares: 55 });
    expect(summary.mean).toBe(3);
    expect(summary.sd).toBeCloseTo(1.5811388300841898, 15);
    expect(summary.se).toBeCloseTo(Math.SQRT1_2, 15);
    expect(summary.df).toBe(4);
    expect(summary.lower).toBeCloseTo(1.0367568385224089, 12);
    expect(summary.upper).toBeCloseTo(4.963243161477591, 12);
    expect(summary.lower).toBeCloseTo(1.036757, 6);
    expect(summary.upper).toBeCloseTo(4.963243, 6);
  });

  it('gives only the mean for a single respondent', () => {
    const summary = summarizeMean({ n: 1, sum: 4, sumSquares: 16 });
    expect(summary.mean).toBe(4);
    expect(summary.sd).toBeNaN();
    expect(summary.lower).toBeNaN();
    expect(summary.upper).toBeNaN();
  });

  it('treats a constant score as zero spread', () => {
    const summary = summarizeMean(sumsOf([0.1, 0.1, 0.1]));
    expect(summary.sd).toBe(0);
    expect(summary.lower).toBeCloseTo(0.1, 15);
    expect(summary.upper).toBeCloseTo(0.1, 15);
  });

  it('contains the mean, and widens with the confidence level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 200 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (values, confidence) => {
          const narrow = summarizeMean(sumsOf(values), confidence);
          const wide = summarizeMean(sumsOf(values), Math.min(0.999, confidence + 0.005));
          return (
            narrow.lower <= narrow.mean &&
            narrow.mean <= narrow.upper &&
            wide.lower <= narrow.lower &&
            wide.upper >= narrow.upper
          );
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expect(() => summarizeMean({ n: 0, sum: 0, sumSquares: 0 })).toThrow(/at least 1 respondents/);
    expect(() => summarizeMean({ n: 2.5, sum: 1, sumSquares: 1 })).toThrow(RangeError);
    expect(() => summarizeMean({ n: 3, sum: 9, sumSquares: 20 })).toThrow(/inconsistent/);
    expect(() => summarizeMean({ n: 3, sum: Number.NaN, sumSquares: 1 })).toThrow(/finite/);
    expect(() => summarizeMean({ n: 3, sum: 3, sumSquares: 5 }, 1)).toThrow(/confidence/);
  });
});

describe('welchTTest', () => {
  it('reproduces R t.test(extra ~ group, data = sleep)', () => {
    // R: t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832.
    // Hand check: variances (34.43 − 7.5²/10)/9 = 3.2005556 and (90.37 − 23.3²/10)/9 = 4.009;
    // se = √(0.32005556 + 0.4009) = 0.8490910; t = (0.75 − 2.33)/0.8490910 = −1.86081;
    // df = 0.7209556²/(0.32005556²/9 + 0.4009²/9) = 17.7765.
    const test = welchTTest(sumsOf(SLEEP_1), sumsOf(SLEEP_2));
    expect(test.difference).toBeCloseTo(-1.58, 12);
    expect(test.se).toBeCloseTo(0.849091017238762, 12);
    expect(test.t).toBeCloseTo(-1.8608134674868526, 12);
    expect(test.df).toBeCloseTo(17.776473516178495, 10);
    expect(test.p).toBeCloseTo(0.07939414018735536, 10);
    expect(test.lower).toBeCloseTo(-3.365483230711713, 9);
    expect(test.upper).toBeCloseTo(0.2054832307117136, 9);
    expect(test.reason).toBeNull();
    // R's printed precision.
    expect(test.t).toBeCloseTo(-1.8608, 4);
    expect(test.df).toBeCloseTo(17.776, 3);
    expect(test.p).toBeCloseTo(0.07939, 5);
    expect(test.lower).toBeCloseTo(-3.3654832, 7);
    expect(test.upper).toBeCloseTo(0.2054832, 7);
  });

  it('is antisymmetric in its two groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 80 }),
        (x, y) => {
          const ab = welchTTest(sumsOf(x), sumsOf(y));
          const ba = welchTTest(sumsOf(y), sumsOf(x));
          if (ab.reason !== null) return ba.reason === 'zero_variance';
          return (
            Math.abs(ab.t + ba.t) < 1e-12 &&
            Math.abs(ab.p - ba.p) < 1e-12 &&
            Math.abs(ab.lower + ba.upper) < 1e-9 &&
            ab.p >= 0 &&
            ab.p <= 1
          );
        },
      ),
    );
  });

  it('calls a difference significant exactly when its interval excludes zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 60 }),
        (x, y) => {
          const test = welchTTest(sumsOf(x), sumsOf(y));
          if (test.reason !== null) return true;
          const excludesZero = test.lower > 0 || test.upper < 0;
          // Skip the knife edge where p is within rounding of 0.05.
          return Math.abs(test.p - 0.05) < 1e-9 || excludesZero === test.p < 0.05;
        },
      ),
    );
  });

  it('has the pooled t statistic when both groups are the same size', () => {
    // With na = nb the Welch and Student statistics coincide: √(sa²/n + sb²/n) = s_pooled·√(2/n).
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 40 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
              fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
            ),
          ),
        ([x, y]) => {
          const test = welchTTest(sumsOf(x), sumsOf(y));
          if (test.reason !== null) return true;
          const d = cohensD(sumsOf(x), sumsOf(y));
          return Math.abs(test.t - d * Math.sqrt(x.length / 2)) < 1e-9;
        },
      ),
    );
  });

  it('reports zero variance instead of dividing by zero', () => {
    const test = welchTTest(sumsOf([4, 4, 4]), sumsOf([5, 5]));
    expect(test.difference).toBe(-1);
    expect(test.reason).toBe('zero_variance');
    expect(test.p).toBeNaN();
  });

  it('needs two respondents per group', () => {
    expect(() => welchTTest(sumsOf([1]), sumsOf([1, 2]))).toThrow(/at least 2 respondents/);
  });
});

describe('cohensD', () => {
  it('matches the pooled-SD definition on the sleep data', () => {
    // s_pooled = √((9·3.2005556 + 9·4.009)/18) = 1.8986252; d = −1.58/1.8986252 = −0.83218.
    expect(cohensD(sumsOf(SLEEP_1), sumsOf(SLEEP_2))).toBeCloseTo(-0.8321810813495395, 12);
  });

  it('is NaN when nobody varies', () => {
    expect(cohensD(sumsOf([3, 3]), sumsOf([4, 4]))).toBeNaN();
  });
});

describe('compareMeans', () => {
  it('tests groups of at least minN', () => {
    const result = compareMeans(sumsOf(SLEEP_1), sumsOf(SLEEP_2), { minN: 10 });
    expect(result.reason).toBeNull();
    expect(result.test?.p).toBeCloseTo(0.07939414018735536, 10);
    expect(result.significant).toBe(false);
    expect(result.cohensD).toBeCloseTo(-0.8321810813495395, 12);
    expect(result.difference).toBeCloseTo(-1.58, 12);
    expect(compareMeans(sumsOf(SLEEP_1), sumsOf(SLEEP_2), { confidence: 0.9 }).significant).toBe(
      true,
    );
  });

  it('refuses to claim significance when a group is smaller than minN', () => {
    const small = compareMeans(
      sumsOf([1, 1, 2, 1, 1, 2, 1, 1, 1]),
      sumsOf(SLEEP_2.map((x) => x + 10)),
    );
    expect(small.significant).toBeNull();
    expect(small.reason).toBe('too_small');
    expect(small.test).toBeNull();
    expect(small.cohensD).toBeNull();
    expect(small.a.n).toBe(9);
    expect(small.difference).toBeLessThan(-10);
  });

  it('never claims significance below minN, whatever the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 31 }),
        (x, y, minN) => {
          const result = compareMeans(sumsOf(x), sumsOf(y), { minN });
          const small = x.length < minN || y.length < minN;
          return small
            ? result.significant === null && result.reason === 'too_small'
            : result.reason !== 'too_small';
        },
      ),
    );
  });

  it('reports zero variance when both groups are constant', () => {
    const result = compareMeans(
      sumsOf(new Array<number>(12).fill(4)),
      sumsOf(new Array<number>(12).fill(5)),
    );
    expect(result.significant).toBeNull();
    expect(result.reason).toBe('zero_variance');
  });

  it('rejects a minN below 2', () => {
    expect(() => compareMeans(sumsOf([1, 2]), sumsOf([1, 2]), { minN: 1 })).toThrow(/minN/);
  });
});
