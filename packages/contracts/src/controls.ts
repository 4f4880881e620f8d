import { z } from 'zod';
import { pageQuery, uuid } from './common.ts';

/** Where a control record comes from: our own registration, or a foreign data set. */
export const controlSources = ['pvi', 'police-uk', 'opp'] as const;
export type ControlSource = (typeof controlSources)[number];
/** The file formats `pvi import controls --format` and the import API take. */
export const controlImportFormats = ['pvi', 'police-uk', 'opp'] as const;
export type ControlImportFormat = (typeof controlImportFormats)[number];

export const controlTypes = ['person', 'vehicle', 'both'] as const;
export const controlInitiatives = ['proactive', 'call', 'information', 'anpr', 'other'] as const;
export const selectionReasons = [
  'behaviour',
  'circumstances',
  'information',
  'traffic_violation',
  'other',
] as const;
/**
 * wvw_160 Wegenverkeerswet art. 160, wid Wet op de identificatieplicht, politiewet Politiewet
 * 2012, wwm Wet wapens en munitie, opiumwet Opiumwet, apv Algemene plaatselijke verordening,
 * vreemdelingenwet Vreemdelingenwet 2000.
 */
export const legalBases = [
  'wvw_160',
  'wid',
  'politiewet',
  'wwm',
  'opiumwet',
  'apv',
  'vreemdelingenwet',
  'other',
] as const;
export const controlActions = [
  'identity_check',
  'frisk',
  'search_person',
  'search_vehicle',
] as const;
export const controlOutcomes = [
  'none',
  'warning',
  'fine',
  'arrest',
  'seizure',
  'referral',
] as const;
export const durationBands = ['lt5', '5to15', '15to30', 'gt30'] as const;
export const subjectKinds = ['person', 'vehicle'] as const;

export type ControlType = (typeof controlTypes)[number];
export type ControlInitiative = (typeof controlInitiatives)[number];
export type SelectionReason = (typeof selectionReasons)[number];
export type LegalBasis = (typeof legalBases)[number];
export type ControlAction = (typeof controlActions)[number];
export type ControlOutcome = (typeof controlOutcomes)[number];
export type DurationBand = (typeof durationBands)[number];
export type SubjectKind = (typeof subjectKinds)[number];

const shortText = z.string().trim().max(280);

/**
 * `POST /controls`: one control as the officer registers it. The client makes the id (a UUID)
 * so that sending again after a lost answer is safe. The rules between fields (no vehicle
 * search in a person-only control, a reason when not explained, …) are checked by the service;
 * see docs/controls.md.
 */
export const controlRegistration = z
  .object({
    id: uuid.describe('Made by the client; sending the same registration again is harmless'),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the control took place (default: now); not in the future'),
    buurtCode: z
      .string()
      .regex(/^BU[0-9A-Z]{8}$/, 'A CBS buurt code such as BU03630000.')
      .optional()
      .describe('The buurt (from GET /api/v1/areas); or send position'),
    position: z
      .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .optional()
      .describe('GPS position; the nearest buurt is stored, never the position'),
    controlType: z.enum(controlTypes),
    initiative: z.enum(controlInitiatives),
    selectionReason: z.enum(selectionReasons),
    reasonText: shortText.optional().describe('Short text; no names, BSN or licence plates'),
    legalBasis: z.enum(legalBases).optional(),
    explained: z.boolean().describe('Whether the reason was explained to the person'),
    notExplainedWhy: shortText.optional().describe('Required when explained is false'),
    actions: z.array(z.enum(controlActions)).max(4).default([]),
    outcome: z.enum(controlOutcomes),
    outcomeLinked: z.boolean().describe('Whether the outcome is linked to the selection reason'),
    durationBand: z.enum(durationBands),
    subjectKind: z.enum(subjectKinds).optional(),
    subjectKey: z
      .string()
      .trim()
      .min(4)
      .max(40)
      .optional()
      .describe(
        'BSN, document number or licence plate; pseudonymised on the server (HMAC) and never returned',
      ),
  })
  .meta({ id: 'ControlRegistration' });
export type ControlRegistration = z.infer<typeof controlRegistration>;

export const areaRef = z.object({ code: z.string(), name: z.string() });

/** A stored control. Never carries a subject key or its pseudonym. */
export const controlRecord = z
  .object({
    id: uuid,
    source: z.enum(controlSources),
    sourceArea: z.string().nullable(),
    occurredAt: z.iso.datetime(),
    team: z.object({ id: uuid, name: z.string() }).nullable(),
    unitId: uuid.nullable(),
    districtId: uuid.nullable(),
    /** The registering officer (a person id); only for team chiefs and above. */
    officerId: uuid.nullable(),
    buurt: areaRef.nullable(),
    wijk: areaRef.nullable(),
    gemeente: areaRef.nullable(),
    controlType: z.enum(controlTypes),
    initiative: z.enum(controlInitiatives).nullable(),
    selectionReason: z.enum(selectionReasons).nullable(),
    reasonText: z.string().nullable(),
    legalBasis: z.enum(legalBases).nullable(),
    legalBasisText: z.string().nullable(),
    explained: z.boolean().nullable(),
    notExplainedWhy: z.string().nullable(),
    actions: z.array(z.enum(controlActions)),
    outcome: z.enum(controlOutcomes),
    outcomeText: z.string().nullable(),
    outcomeLinked: z.boolean().nullable(),
    durationBand: z.enum(durationBands).nullable(),
    /** Whether a subject key was given (the key and its pseudonym are never returned). */
    subjectKeyGiven: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ControlRecord' });
export type ControlRecord = z.infer<typeof controlRecord>;

const dateTimeFilter = z.iso.datetime({ offset: true });

export const controlListQuery = pageQuery.extend({
  from: dateTimeFilter.optional().describe('From this moment (inclusive)'),
  to: dateTimeFilter.optional().describe('Until this moment (exclusive)'),
  teamId: uuid.optional(),
  unitId: uuid.optional(),
  source: z.enum(controlSources).optional(),
});
export type ControlListQuery = z.infer<typeof controlListQuery>;
export const controlExportQuery = controlListQuery.omit({ page: true, pageSize: true });
export type ControlExportQuery = z.infer<typeof controlExportQuery>;

export const areaLevels = ['gemeente', 'wijk', 'buurt'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export const areaListQuery = pageQuery.extend({
  near: z
    .string()
    .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'Give near as lat,lng, e.g. 52.372,4.893.')
    .optional()
    .describe('lat,lng: the nearest areas first (by centroid)'),
  q: z.string().trim().min(2).max(100).optional().describe('Part of the name'),
  level: z.enum(areaLevels).default('buurt'),
  gemeenteCode: z
    .string()
    .regex(/^GM\d{4}$/)
    .optional(),
});
export type AreaListQuery = z.infer<typeof areaListQuery>;

export const area = z
  .object({
    code: z.string(),
    level: z.enum(areaLevels),
    name: z.string(),
    gemeente: areaRef,
    wijk: areaRef.nullable(),
    lat: z.number(),
    lng: z.number(),
    /** Metres from `near` (centroid to point), when asked for. */
    distanceM: z.number().int().nullable(),
  })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof area>;
