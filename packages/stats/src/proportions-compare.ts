import { normalCdf } from './distributions.ts';
import { type ProportionInterval, wilsonInterval, zFor } from './proportion.ts';

/** Below this many records (or events) in a group no significance is claimed. */
export const MIN_COUNT_FOR_TEST = 10;

/** A significance test, or why none is given. */
export type ZTestResult =
  { z: number; p: number; reason: null } | { z: null; p: null; reason: string };

export interface ProportionComparison {
  a: ProportionInterval;
  b: ProportionInterval;
  /** pA − pB with its Newcombe hybrid-score interval. */
  difference: ProportionInterval;
  /** Pooled two-proportion z-test of pA = pB, or null with the reason. */
  test: ZTestResult;
}

function checkCounts(name: string, events: number, total: number, bounded: boolean): void {
  if (!Number.isInteger(events) || !Number.isInteger(total) || events < 0 || total < 0)
    throw new RangeError(`${name} needs whole numbers ≥ 0, got ${events} of ${total}.`);
  if (bounded && events > total)
    throw new RangeError(`${name}: ${events} successes exceed ${total} records.`);
}

/**
 * Compares two proportions xA/nA and xB/nB.
 *
 * - Difference pA − pB with Newcombe's hybrid score interval (Newcombe 1998, *Statistics in
 *   Medicine* 17:873–890, method 10), built from the two Wilson intervals (lA, uA), (lB, uB):
 *   [d − √((pA − lA)² + (uB − pB)²), d + √((uA − pA)² + (pB − lB)²)]. It stays in [−1, 1] and
 *   behaves at 0 % and 100 %.
 * - Pooled two-sample z-test: z = (pA − pB) / √(p̄(1 − p̄)(1/nA + 1/nB)), p̄ = (xA + xB)/(nA + nB),
 *   two-sided normal p (equal to Pearson's χ² test without continuity correction).
 *
 * Applied to hit rates (searches that find something) by group this is the outcome test of
 * Knowles, Persico & Todd (2001, *Journal of Political Economy* 109:203–229): if officers search
 * to maximise hits, equal hit rates across groups indicate no taste-based discrimination; a lower
 * hit rate for a group suggests a lower threshold of suspicion for it. (Infra-marginality limits
 * the interpretation; Ayres 2002, Simoiu, Corbett-Davies & Goel 2017.)
 *
 * No test is given (z and p null, with the reason) when either group has fewer than
 * {@link MIN_COUNT_FOR_TEST} records, or when all or none are successes.
 */
export function compareProportions(
  xA: number,
  nA: number,
  xB: number,
  nB: number,
  confidence = 0.95,
): ProportionComparison {
  checkCounts('Group A', xA, nA, true);
  checkCounts('Group B', xB, nB, true);
  const a = wilsonInterval(xA, nA, confidence);
  const b = wilsonInterval(xB, nB, confidence);
  const d = a.estimate - b.estimate;
  const difference: ProportionInterval = {
    estimate: d,
    lower: d - Math.hypot(a.estimate - a.lower, b.upper - b.estimate),
    upper: d + Math.hypot(a.upper - a.estimate, b.estimate - b.lower),
  };
  return { a, b, difference, test: pooledZTest(xA, nA, xB, nB) };
}

function pooledZTest(xA: number, nA: number, xB: number, nB: number): ZTestResult {
  if (nA < MIN_COUNT_FOR_TEST || nB < MIN_COUNT_FOR_TEST)
    return {
      z: null,
      p: null,
      reason: `Too few records for a test: ${nA} and ${nB} (at least ${MIN_COUNT_FOR_TEST} in each group).`,
    };
  const pooled = (xA + xB) / (nA + nB);
  if (pooled === 0 || pooled === 1)
    return { z: null, p: null, reason: 'No variation: all or none of the records are successes.' };
  const z = (xA / nA - xB / nB) / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  return { z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))), reason: null };
}

export interface GroupRate {
  events: number;
  population: number;
  /** Events per 1,000 of the population. */
  ratePer1000: number;
}

export interface RateRatio {
  a: GroupRate;
  b: GroupRate;
  /** rateA / rateB (the disproportionality ratio); null when group B has no events. */
  ratio: number | null;
  /** Confidence interval of the ratio on the log scale, or null with the test's reason. */
  lower: number | null;
  upper: number | null;
  /** Wald test of log ratio = 0 (equal rates), or null with the reason. */
  test: ZTestResult;
}

/**
 * Rate of events (e.g. proactive controls) per 1,000 residents in two groups, and their ratio:
 * the "relative disparity" of the Home Office's *Police powers and procedures: stop and search*
 * statistics and the Race Disparity Unit's *Ethnicity facts and figures* (rate per 1,000 of a
 * group divided by that of the White group, residents from the census; Race Disparity Unit 2021,
 * *Stop and search data and the effect of geographical differences*). Those ratios are
 * published without an interval; ours treats events as Poisson counts over fixed populations
 * (events may exceed the population: repeat stops, visitors), log ratio ± z·√(1/eventsA +
 * 1/eventsB), exponentiated (Rothman, Greenland & Lash 2008, *Modern Epidemiology*, 3rd ed.,
 * ch. 14), with the Wald z-test of log ratio = 0.
 *
 * Residents are not the people present in public space where stops happen, and national ratios
 * mix areas where stops and groups cluster (Race Disparity Unit 2021; Ridgeway & MacDonald
 * 2010): the ratio describes, it does not prove bias; compare within small areas. No interval
 * or test when either group has fewer than {@link MIN_COUNT_FOR_TEST} events.
 */
export function rateRatio(
  eventsA: number,
  populationA: number,
  eventsB: number,
  populationB: number,
  confidence = 0.95,
): RateRatio {
  checkCounts('Group A', eventsA, populationA, false);
  checkCounts('Group B', eventsB, populationB, false);
  if (populationA === 0 || populationB === 0)
    throw new RangeError('rateRatio needs a population above 0 in both groups.');
  const a = {
    events: eventsA,
    population: populationA,
    ratePer1000: (1000 * eventsA) / populationA,
  };
  const b = {
    events: eventsB,
    population: populationB,
    ratePer1000: (1000 * eventsB) / populationB,
  };
  const ratio = eventsB === 0 ? null : a.ratePer1000 / b.ratePer1000;
  if (eventsA < MIN_COUNT_FOR_TEST || eventsB < MIN_COUNT_FOR_TEST)
    return {
      a,
      b,
      ratio,
      lower: null,
      upper: null,
      test: {
        z: null,
        p: null,
        reason: `Too few events for an interval: ${eventsA} and ${eventsB} (at least ${MIN_COUNT_FOR_TEST} in each group).`,
      },
    };
  const logRatio = Math.log(a.ratePer1000 / b.ratePer1000);
  const se = Math.sqrt(1 / eventsA + 1 / eventsB);
  const half = zFor(confidence) * se;
  const z = logRatio / se;
  return {
    a,
    b,
    ratio,
    lower: Math.exp(logRatio - half),
    upper: Math.exp(logRatio + half),
    test: { z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))), reason: null },
  };
}
