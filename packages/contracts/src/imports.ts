import { z } from 'zod';
import { uuid } from './common.ts';
import { controlImportFormats } from './controls.ts';

export const importKinds = ['org', 'people', 'controls'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importStatuses = ['running', 'done', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importPhases = ['reading', 'checking', 'writing', 'done'] as const;
export type ImportPhase = (typeof importPhases)[number];

/** `POST /imports?kind=org|people|controls`: which file the CSV body is (see the README). */
export const importStartQuery = z
  .object({
    kind: z
      .enum(importKinds)
      .describe(
        'org: units, districts and teams; people: people and memberships; controls: control data (give format)',
      ),
    format: z
      .enum(controlImportFormats)
      .optional()
      .describe('For kind=controls: pvi (our export), police-uk or opp'),
    sourceArea: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\p{L}\p{N} ._'-]+$/u)
      .optional()
      .describe(
        'For foreign control data: the force or place the file covers, e.g. city-of-london',
      ),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'controls' && !q.format)
      ctx.addIssue({
        code: 'custom',
        path: ['format'],
        message: 'Give the format of the control file.',
      });
    if (q.kind !== 'controls' && (q.format || q.sourceArea))
      ctx.addIssue({
        code: 'custom',
        path: ['format'],
        message: 'format and sourceArea belong to kind=controls.',
      });
  });

/** The CSV file itself, sent as `text/csv` (UTF-8, header row first). */
export const importCsvBody = z
  .string()
  .min(1, 'Send the CSV file as the request body.')
  .describe('The CSV file, UTF-8, header row first; at most 50 MB');

export const importStarted = z
  .object({ id: uuid, status: z.enum(importStatuses) })
  .meta({ id: 'ImportStarted' });
export type ImportStarted = z.infer<typeof importStarted>;

export const importProblem = z.object({ line: z.number().int(), reason: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;

export const importResult = z
  .object({
    /** False when the file has bad rows; then nothing was written. */
    ok: z.boolean(),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    sha256: z.string(),
    /** Every bad row with its line number in the file (controls: the first 1000). */
    problems: z.array(importProblem),
    /** Controls: bad rows, reported in problems while the good rows loaded. */
    rejected: z.number().int().optional(),
    /** Controls: this very file was imported before, so nothing was read or written. */
    alreadyImported: z.boolean().optional(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResult>;

export const importJob = z
  .object({
    id: uuid,
    kind: z.enum(importKinds),
    status: z.enum(importStatuses),
    phase: z.enum(importPhases),
    /** Progress within the phase: bytes while reading, records while writing. */
    done: z.number().int(),
    total: z.number().int(),
    /** Set when the job is done. */
    result: importResult.nullable(),
    /** Why a failed job failed. */
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJob>;
