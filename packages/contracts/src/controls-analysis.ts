import { z } from 'zod';
import { isoDate } from './common.ts';
import { controlSources } from './controls.ts';

/** The group attributes imported data carries, each named by its source (docs/controls.md). */
export const groupAttributes = ['self_defined', 'officer_defined', 'opp'] as const;
export type GroupAttribute = (typeof groupAttributes)[number];

export const controlAnalysisQuery = z.object({
  from: isoDate
    .optional()
    .describe('First day (inclusive, Amsterdam calendar day); default a year before `to`'),
  to: isoDate.optional().describe('Last day (inclusive); default today'),
  gemeenteCode: z
    .string()
    .regex(/^GM\d{4}$/)
    .optional()
    .describe('Only controls in this gemeente'),
  source: z
    .enum(controlSources)
    .optional()
    .describe('Only controls from this source; default all sources in scope'),
  groupAttribute: z
    .enum(groupAttributes)
    .optional()
    .describe('Group attribute for the disparity sections; default the one most often filled'),
  referenceGroup: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Reference group; default the largest'),
  focusGroup: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Focus group of the veil of darkness; default the largest other than the reference'),
});
export type ControlAnalysisQuery = z.infer<typeof controlAnalysisQuery>;

export const controlPopulationBody = z
  .object({
    population: z
      .array(
        z.object({
          group: z.string().min(1).max(100),
          residents: z.number().int().positive(),
        }),
      )
      .max(200)
      .default([])
      .describe('Residents per group in the scope; groups without a figure get no rate'),
  })
  .meta({ id: 'ControlPopulation' });
export type ControlPopulationBody = z.infer<typeof controlPopulationBody>;

const interval = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() });

/**
 * A share of n controls: shown with its Wilson 95 % interval, or suppressed (fewer than k
 * controls), with the reason.
 */
export const analysisShare = z
  .object({
    n: z.number().int(),
    successes: z.number().int().nullable(),
    share: interval.nullable(),
    suppressed: z.string().nullable(),
  })
  .meta({ id: 'AnalysisShare' });
export type AnalysisShare = z.infer<typeof analysisShare>;

export const analysisExclusion = z
  .object({
    analysis: z.string(),
    reason: z.string(),
    description: z.string(),
    controls: z.number().int(),
  })
  .meta({ id: 'AnalysisExclusion' });
export type AnalysisExclusion = z.infer<typeof analysisExclusion>;

const qualityRow = z.object({
  key: z.string(),
  label: z.string(),
  controls: z.number().int(),
  legalBasis: analysisShare,
  reasonText: analysisShare,
  explained: analysisShare,
});
export type QualityRow = z.infer<typeof qualityRow>;

const rateRow = z.object({ key: z.string(), label: z.string(), hitRate: analysisShare });
export type RateRow = z.infer<typeof rateRow>;

const benchmarkRow = z.object({
  teamId: z.string(),
  teamName: z.string(),
  n: z.number().int(),
  hits: z.number().int().nullable(),
  ownRate: z.number().nullable(),
  benchmarkRate: z.number().nullable(),
  difference: z.number().nullable(),
  effectivePeerSize: z.number().nullable(),
  z: z.number().nullable(),
  p: z.number().nullable(),
  q: z.number().nullable(),
  flagged: z.boolean(),
  reason: z.string().nullable(),
  unmatchedControls: z.number().int(),
});
export type BenchmarkRow = z.infer<typeof benchmarkRow>;

const benchmarkTable = z.object({
  selectionReason: z.string().nullable(),
  teams: z.array(benchmarkRow),
});

const testResult = z.object({
  z: z.number().nullable(),
  p: z.number().nullable(),
  reason: z.string().nullable(),
});

const groupRow = z.object({
  group: z.string(),
  controls: z.number().int().nullable(),
  searchRate: analysisShare,
  hitRateOfSearches: analysisShare,
  outcomeTest: z
    .object({ difference: interval, test: testResult })
    .nullable()
    .describe('Hit rate of searches vs the reference group (compareProportions)'),
  populationRate: z
    .object({
      residents: z.number().int(),
      perThousand: z.number(),
      ratio: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      test: testResult,
    })
    .nullable()
    .describe('Controls per 1,000 residents and the ratio to the reference group (rateRatio)'),
  suppressed: z.string().nullable(),
});
export type DisparityGroupRow = z.infer<typeof groupRow>;

export const controlAnalysis = z
  .object({
    scope: z.object({
      level: z.enum(['team', 'district', 'unit', 'national']),
      id: z.string().nullable(),
      from: isoDate,
      to: isoDate,
      gemeenteCode: z.string().nullable(),
      source: z.string().nullable(),
    }),
    minCellSize: z.number().int(),
    quality: z.object({
      controls: z.number().int(),
      total: qualityRow,
      byTeam: z.array(qualityRow),
      byMonth: z.array(qualityRow),
    }),
    effectiveness: z.object({
      total: analysisShare,
      bySelectionReason: z.array(rateRow),
      byLegalBasis: z.array(rateRow),
      byInitiative: z.array(rateRow),
      byTeam: z.array(rateRow),
    }),
    benchmark: z.object({
      method: z.string(),
      overall: benchmarkTable,
      bySelectionReason: z.array(benchmarkTable),
    }),
    disparity: z
      .object({
        groupAttribute: z.enum(groupAttributes),
        referenceGroup: z.string(),
        groups: z.array(groupRow),
      })
      .nullable(),
    disparityReason: z.string().nullable(),
    veilOfDarkness: z
      .object({
        focusGroup: z.string(),
        groupAttribute: z.enum(groupAttributes),
        darkness: z
          .object({
            oddsRatio: z.number(),
            oddsRatioLower: z.number(),
            oddsRatioUpper: z.number(),
            z: z.number(),
            p: z.number(),
          })
          .nullable(),
        reason: z.string().nullable(),
        controlsUsed: z.number().int(),
        darkControls: z.number().int(),
        lightControls: z.number().int(),
        cellsUsed: z.number().int(),
        areasUsed: z.number().int(),
      })
      .nullable(),
    veilOfDarknessReason: z.string().nullable(),
    exclusions: z.array(analysisExclusion),
  })
  .meta({ id: 'ControlAnalysis' });
export type ControlAnalysis = z.infer<typeof controlAnalysis>;

/** The disparity row, reused by the analysis of CBS aggregates. */
export { groupRow as disparityGroupRow };
