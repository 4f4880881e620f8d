import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';
import { analysisShare, disparityGroupRow } from './controls-analysis.ts';

/** Darkness of a control's local time at its buurt centroid (docs/controls-analysis.md, CBS linking). */
export const cbsDarknessValues = ['daylight', 'twilight', 'dark'] as const;
export type CbsDarkness = (typeof cbsDarknessValues)[number];

export const cbsLinkingExportQuery = z.object({
  from: isoDate.describe('First day (inclusive, Amsterdam calendar day)'),
  to: isoDate.describe('Last day (inclusive)'),
});
export type CbsLinkingExportQuery = z.infer<typeof cbsLinkingExportQuery>;

export const cbsDatasetImportQuery = z.object({
  title: z.string().trim().min(1).max(200).describe('A title for the dataset (stored as its name)'),
  source: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Where it comes from, e.g. "CBS Microdata, project 9123, output of 2026-03-01"'),
  description: z.string().trim().max(2000).optional().describe('What it covers, how it was made'),
});
export type CbsDatasetImportQuery = z.infer<typeof cbsDatasetImportQuery>;

export const cbsImportBody = z.string().describe('CSV, RFC 4180 (docs/controls-analysis.md)');

const rowProblem = z.object({ line: z.number().int(), reason: z.string() });

export const cbsDataset = z
  .object({
    id: z.uuid(),
    name: z.string(),
    source: z.string(),
    description: z.string().nullable(),
    fileSha256: z.string(),
    rowsLoaded: z.number().int(),
    rowsRejected: z.number().int(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'CbsDataset' });
export type CbsDataset = z.infer<typeof cbsDataset>;

export const cbsImportResult = z
  .object({
    dataset: cbsDataset,
    alreadyImported: z.boolean(),
    outcomeRows: z.number().int(),
    darknessRows: z.number().int(),
    problems: z.array(rowProblem).describe('Bad rows (the first 1,000), by line number'),
  })
  .meta({ id: 'CbsImportResult' });
export type CbsImportResult = z.infer<typeof cbsImportResult>;

export const cbsAnalysisQuery = z.object({
  referenceGroup: z.string().min(1).max(100).optional().describe('Default the largest group'),
  focusGroup: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Focus group of the veil of darkness; default the largest other than the reference'),
});
export type CbsAnalysisQuery = z.infer<typeof cbsAnalysisQuery>;

/** A count as it may be shown: null when disclosure control hides it, with the reason. */
const shownCount = z.object({
  controls: z.number().int().nullable(),
  suppressed: z.string().nullable(),
});

const crossCell = shownCount.extend({
  group: z.string(),
  key: z.string().describe('The selection reason or outcome (empty key: not recorded)'),
  outcomeLinked: analysisShare.nullable().describe('Hit rate (outcome linked to the reason)'),
});
export type CbsCrossCell = z.infer<typeof crossCell>;

const margin = shownCount.extend({ key: z.string() });

const crossTable = z.object({
  cells: z.array(crossCell),
  margins: z.array(margin).describe('Column totals over the known groups'),
});

export const cbsExclusion = z.object({
  analysis: z.string(),
  reason: z.string(),
  description: z.string(),
  controls: z.number().int().nullable().describe('Null when fewer than k (not shown)'),
});
export type CbsExclusion = z.infer<typeof cbsExclusion>;

export const cbsAnalysis = z
  .object({
    dataset: cbsDataset,
    minCellSize: z.number().int(),
    total: shownCount.describe('Controls of a known group'),
    disparity: z
      .object({ referenceGroup: z.string(), groups: z.array(disparityGroupRow) })
      .nullable(),
    disparityReason: z.string().nullable(),
    bySelectionReason: crossTable,
    byOutcome: crossTable,
    veilOfDarkness: z
      .object({
        focusGroup: z.string(),
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
        controlsUsed: z.number().int().nullable().describe('Null when fewer than k'),
        darkControls: z.number().int().nullable(),
        lightControls: z.number().int().nullable(),
        cellsUsed: z.number().int(),
        areasUsed: z.number().int(),
      })
      .nullable(),
    veilOfDarknessReason: z.string().nullable(),
    exclusions: z.array(cbsExclusion),
  })
  .meta({ id: 'CbsAnalysis' });
export type CbsAnalysis = z.infer<typeof cbsAnalysis>;
