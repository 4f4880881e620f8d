import { z } from 'zod';
import { isoDate, isoDateTime, uuid } from './common.ts';

export const waveStatus = z.enum(['draft', 'open', 'closed']);
export type WaveStatus = z.infer<typeof waveStatus>;
export const instrumentKey = z.enum(['memo', 'weerbaarheid', 'teamscan']);

export const waveUnitInput = z
  .object({
    unitId: uuid,
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .refine((u) => u.closesOn >= u.opensOn, {
    error: 'closesOn must be on or after opensOn',
    path: ['closesOn'],
  });

export const createWaveBody = z
  .object({
    name: z.string().trim().min(3).max(120),
    instrumentKey,
    /** The relay: units in the order they take part, each with its own dates. */
    units: z.array(waveUnitInput).min(1).max(20),
    /** Only these teams (of the units above); all teams of the units when absent. */
    teamIds: z.array(uuid).min(1).max(5000).optional(),
    districtIds: z.array(uuid).min(1).max(200).optional(),
    previousWaveId: uuid.optional(),
  })
  .meta({ id: 'CreateWave' });
export type CreateWaveBody = z.infer<typeof createWaveBody>;

export const disclosureSettings = z
  .object({ minGroupSize: z.number().int(), minOpenAnswerGroupSize: z.number().int() })
  .meta({ id: 'DisclosureSettings' });

export const wave = z
  .object({
    id: uuid,
    name: z.string(),
    instrumentKey,
    instrumentVersion: z.number().int(),
    status: waveStatus,
    rules: disclosureSettings,
    rulesLocked: z.boolean(),
    previousWaveId: uuid.nullable(),
    openedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    imported: z.boolean(),
    units: z.array(
      z.object({
        unitId: uuid,
        unitName: z.string(),
        relayOrder: z.number().int(),
        opensOn: isoDate,
        closesOn: isoDate,
      }),
    ),
    teams: z.number().int(),
    invited: z.number().int(),
    responded: z.number().int(),
  })
  .meta({ id: 'Wave' });
export type Wave = z.infer<typeof wave>;

export const waveListQuery = z.object({ status: waveStatus.optional() });

export const waveEvent = z
  .object({ wave, mailsQueued: z.number().int() })
  .meta({ id: 'WaveEvent' });
export type WaveEvent = z.infer<typeof waveEvent>;

/** The secret of a one-time link or a team link (in the body, never in a URL the server logs). */
export const surveySecret = z.object({ secret: z.string().min(20).max(200) });

export const answerValue = z.union([
  z.number().int().min(0).max(20),
  z.array(z.number().int().min(0).max(20)).max(20),
  z.string().max(4000),
]);
export const submitResponseBody = z
  .object({
    secret: z.string().min(20).max(200),
    answers: z.record(z.string().max(80), answerValue),
  })
  .meta({ id: 'SubmitResponse' });
export type SubmitResponseBody = z.infer<typeof submitResponseBody>;

export const questionnaire = z
  .object({
    waveName: z.string(),
    teamName: z.string(),
    closesOn: isoDate,
    /** The instrument definition (see packages/contracts/src/instrument.ts). */
    instrument: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Questionnaire' });

export const mailMessage = z
  .object({
    id: uuid,
    recipient: z.string(),
    subject: z.string(),
    body: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'sent', 'held', 'failed']),
    createdAt: isoDateTime,
    sentAt: isoDateTime.nullable(),
  })
  .meta({ id: 'MailMessage' });
export type MailMessage = z.infer<typeof mailMessage>;

export const teamLink = z
  .object({ teamId: uuid, teamName: z.string(), url: z.string(), qrSvg: z.string() })
  .meta({ id: 'TeamLink' });

const text = z.object({ nl: z.string(), en: z.string() });
/** A favourable share as disclosure control lets it through: exact, or a band for unanimous small groups. */
export const shownShare = z
  .union([
    z.object({ kind: z.literal('exact'), value: z.number() }),
    z.object({
      kind: z.literal('coarsened'),
      bound: z.enum(['atLeast', 'atMost']),
      value: z.number(),
    }),
  ])
  .meta({ id: 'ShownShare' });

const comparison = z
  .object({
    difference: z.number(),
    effect: z.enum(['none', 'small', 'medium', 'large']).nullable(),
    /** null: one of the groups has fewer than 10 respondents, so no claim is made. */
    significant: z.boolean().nullable(),
    p: z.number().nullable(),
  })
  .nullable();

export const reportLevel = z.enum(['national', 'unit', 'district', 'team']);

export const surveyReport = z
  .object({
    wave: z.object({ id: uuid, name: z.string(), instrumentKey: z.string() }),
    group: z.object({
      key: z.string(),
      level: reportLevel,
      id: uuid.nullable(),
      name: z.string(),
      filter: z.string().nullable(),
      shown: z.boolean(),
      reasons: z.array(z.string()),
      invited: z.number().int().nullable(),
      respondents: z.number().int().nullable(),
      responseRate: z.number().nullable(),
    }),
    rules: disclosureSettings,
    scales: z.array(
      z.object({
        key: z.string(),
        title: text,
        n: z.number().int(),
        mean: z.number().nullable(),
        sd: z.number().nullable(),
        favourable: shownShare,
        interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
        parent: comparison,
        previous: comparison,
      }),
    ),
    items: z
      .array(
        z.object({
          key: z.string(),
          text,
          scaleKey: z.string().nullable(),
          n: z.number().int(),
          distribution: z.array(
            z.object({ value: z.number().int(), count: z.number().int(), share: z.number() }),
          ),
        }),
      )
      .nullable(),
    openAnswers: z.record(z.string(), z.array(z.string())).nullable(),
    children: z.array(
      z.object({
        key: z.string(),
        level: reportLevel,
        id: uuid.nullable(),
        name: z.string(),
        shown: z.boolean(),
        reasons: z.array(z.string()),
        respondents: z.number().int().nullable(),
        scales: z.record(z.string(), shownShare).nullable(),
      }),
    ),
    background: z.array(
      z.object({
        filter: z.string(),
        shown: z.boolean(),
        reasons: z.array(z.string()),
        respondents: z.number().int().nullable(),
        scales: z.record(z.string(), shownShare).nullable(),
      }),
    ),
    conversationKit: z
      .array(
        z.object({
          scaleKey: z.string(),
          title: text,
          prompts: z.object({ nl: z.array(z.string()), en: z.array(z.string()) }),
        }),
      )
      .nullable(),
  })
  .meta({ id: 'SurveyReport' });
export type SurveyReport = z.infer<typeof surveyReport>;

export const historyImportBody = z
  .object({
    name: z.string().trim().min(3).max(120),
    instrumentKey,
    opensOn: isoDate,
    closesOn: isoDate,
    /** The CSV: `team_code` and one column per item key. */
    csv: z.string().min(1).max(900_000),
  })
  .refine((b) => b.closesOn >= b.opensOn, {
    error: 'closesOn must be on or after opensOn',
    path: ['closesOn'],
  })
  .meta({ id: 'SurveyHistoryImport' });

export const historyImportResult = z
  .object({
    ok: z.boolean(),
    waveId: uuid.nullable(),
    rows: z.number().int(),
    teams: z.number().int(),
    problems: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    unchanged: z.boolean(),
  })
  .meta({ id: 'SurveyHistoryImportResult' });

export const scaleReliability = z
  .object({
    scaleKey: z.string(),
    title: text,
    items: z.array(z.string()),
    /** Respondents who answered every item of the scale (listwise complete cases). */
    n: z.number().int(),
    alpha: z.number().nullable(),
    reason: z.string().nullable(),
    itemDiagnostics: z.array(
      z.object({
        itemKey: z.string(),
        alphaIfDeleted: z.number().nullable(),
        correctedItemTotal: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ScaleReliability' });
export type ScaleReliabilityReport = z.infer<typeof scaleReliability>;
