import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  areaLevels,
  controlImportFormats,
  controlInitiatives,
  controlOutcomes,
  controlSources,
  controlTypes,
  durationBands,
  legalBases,
  selectionReasons,
  subjectKinds,
} from '@pvi/contracts';

/**
 * CBS areas: gemeente → wijk → buurt, with a centroid. Codes embed their parents
 * (BU03630000 lies in WK036300 in GM0363), so the parent codes are stored as given.
 */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: areaLevels }).notNull(),
    name: text('name').notNull(),
    gemeenteCode: text('gemeente_code').notNull(),
    wijkCode: text('wijk_code'),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('areas_level_lat_idx').on(t.level, t.lat),
    index('areas_gemeente_idx').on(t.gemeenteCode),
    index('areas_name_idx').on(sql`lower(${t.name})`),
  ],
);

/**
 * One row per control: our own registrations and imported foreign stop data alike. Columns are
 * the analysis' group-by keys as short text enums and booleans; the organisation (unit, district,
 * team) and the area (gemeente, wijk, buurt) are denormalised onto the row so that aggregates need
 * no joins. No foreign keys: bulk loads stay fast and the table can be distributed by unit_id.
 */
export const controls = pgTable(
  'controls',
  {
    /** Client-made for registrations; derived from the source row for imports. */
    id: uuid('id').primaryKey(),
    source: text('source', { enum: controlSources }).notNull(),
    /** For foreign data: the force or place the file covers (e.g. city-of-london). */
    sourceArea: text('source_area'),
    importFileId: uuid('import_file_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** Local clock (Europe/Amsterdam for ours, the source's zone for foreign data). */
    localMonth: date('local_month').notNull(),
    localHour: smallint('local_hour'),
    /** ISO weekday, 1 = Monday. */
    localWeekday: smallint('local_weekday'),
    /** Null for foreign data: it belongs to its source, not to one of our teams. */
    unitId: uuid('unit_id'),
    districtId: uuid('district_id'),
    teamId: uuid('team_id'),
    officerPersonId: uuid('officer_person_id'),
    gemeenteCode: text('gemeente_code'),
    wijkCode: text('wijk_code'),
    buurtCode: text('buurt_code'),
    /** Foreign data's own coordinates; our registrations keep only the buurt. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    controlType: text('control_type', { enum: controlTypes }).notNull(),
    initiative: text('initiative', { enum: controlInitiatives }),
    selectionReason: text('selection_reason', { enum: selectionReasons }),
    reasonText: text('reason_text'),
    legalBasis: text('legal_basis', { enum: legalBases }),
    /** The source's own wording of the legal basis (police.uk Legislation). */
    legalBasisText: text('legal_basis_text'),
    explained: boolean('explained'),
    notExplainedWhy: text('not_explained_why'),
    actIdentityCheck: boolean('act_identity_check').notNull().default(false),
    actFrisk: boolean('act_frisk').notNull().default(false),
    actSearchPerson: boolean('act_search_person').notNull().default(false),
    actSearchVehicle: boolean('act_search_vehicle').notNull().default(false),
    outcome: text('outcome', { enum: controlOutcomes }).notNull(),
    /** The source's own wording of the outcome. */
    outcomeText: text('outcome_text'),
    outcomeLinked: boolean('outcome_linked'),
    durationBand: text('duration_band', { enum: durationBands }),
    objectOfSearch: text('object_of_search'),
    subjectKind: text('subject_kind', { enum: subjectKinds }),
    /** HMAC-SHA-256 of the subject key under key `subject_key_version`; never returned. */
    subjectKeyHash: text('subject_key_hash'),
    subjectKeyVersion: text('subject_key_version'),
    /** Random id shared by every control of the same subject, across key rotations. */
    subjectRef: uuid('subject_ref'),
    subjectSex: text('subject_sex'),
    subjectAgeBand: text('subject_age_band'),
    /** Analysis attributes, each named by its source: police.uk self-/officer-defined, OPP. */
    groupSelfDefined: text('group_self_defined'),
    groupOfficerDefined: text('group_officer_defined'),
    groupOpp: text('group_opp'),
    /** Format-specific fields without a column (police.uk strip search, OPP search basis, …). */
    extra: jsonb('extra'),
    /** SHA-256 of the registration as sent, to tell a repeat from a conflicting reuse of the id. */
    bodyHash: text('body_hash'),
    createdByAccountId: uuid('created_by_account_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('controls_team_time_idx').on(t.teamId, t.occurredAt),
    index('controls_unit_time_idx').on(t.unitId, t.occurredAt),
    index('controls_source_time_idx').on(t.source, t.occurredAt),
    index('controls_subject_idx')
      .on(t.subjectKeyHash)
      .where(sql`subject_key_hash is not null`),
  ],
);

/** A control file imported (or being imported): the per-file idempotency key is its SHA-256. */
export const controlImportFiles = pgTable('control_import_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  format: text('format', { enum: controlImportFormats }).notNull(),
  sha256: text('sha256').notNull().unique(),
  sourceArea: text('source_area'),
  status: text('status', { enum: ['running', 'done'] }).notNull(),
  rows: integer('rows').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/**
 * Monthly counts per team and the analysis' main keys, rebuilt by month from `controls`
 * (after every import and demo load, and by `pvi controls rollup`). Reports over years read
 * this; the current month and breakdowns by buurt or hour read `controls` directly. Outcomes
 * and explanation are measures, not keys, to keep the rollup far smaller than the table.
 */
export const controlMonthly = pgTable(
  'control_monthly',
  {
    month: date('month').notNull(),
    source: text('source').notNull(),
    unitId: uuid('unit_id'),
    districtId: uuid('district_id'),
    teamId: uuid('team_id'),
    controlType: text('control_type').notNull(),
    initiative: text('initiative'),
    selectionReason: text('selection_reason'),
    legalBasis: text('legal_basis'),
    outcomeLinked: boolean('outcome_linked'),
    controls: bigint('controls', { mode: 'number' }).notNull(),
    /** Controls with an outcome other than none. */
    hits: bigint('hits', { mode: 'number' }).notNull(),
    warnings: bigint('warnings', { mode: 'number' }).notNull(),
    fines: bigint('fines', { mode: 'number' }).notNull(),
    arrests: bigint('arrests', { mode: 'number' }).notNull(),
    seizures: bigint('seizures', { mode: 'number' }).notNull(),
    referrals: bigint('referrals', { mode: 'number' }).notNull(),
    explained: bigint('explained', { mode: 'number' }).notNull(),
    withReasonText: bigint('with_reason_text', { mode: 'number' }).notNull(),
    frisks: bigint('frisks', { mode: 'number' }).notNull(),
    searches: bigint('searches', { mode: 'number' }).notNull(),
    withSubjectKey: bigint('with_subject_key', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('control_monthly_unit_idx').on(t.unitId, t.month),
    index('control_monthly_team_idx').on(t.teamId, t.month),
  ],
);
