import type { DisparityGroupRow } from '@pvi/contracts';
import type { RateRatio } from '@pvi/stats';

/**
 * A group's controls per 1,000 residents and its rate ratio to the reference group (the Home
 * Office method), as the disparity section shows it — for the analysis of records and of CBS
 * aggregates alike. Null without a population figure for the group; without a ratio (`ratio`
 * null) when the reference group has none.
 */
export function populationRate(
  controls: number,
  residents: number | undefined,
  ratio: RateRatio | null,
): DisparityGroupRow['populationRate'] {
  if (residents === undefined) return null;
  return {
    residents,
    perThousand: (1000 * controls) / residents,
    ratio: ratio?.ratio ?? null,
    lower: ratio?.lower ?? null,
    upper: ratio?.upper ?? null,
    test: ratio
      ? { z: ratio.test.z, p: ratio.test.p, reason: ratio.test.reason }
      : { z: null, p: null, reason: 'No population for the reference group.' },
  };
}
