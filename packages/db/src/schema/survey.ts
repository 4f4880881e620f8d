import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { districts, people, teams, units } from './org.ts';

/**
 * Pillar 1, the team monitor. Two halves that share nothing but the wave and the team:
 *
 * - who was invited and whether they answered (`survey_participation`), and
 * - what was answered (`survey_responses`, `survey_answers`, `survey_scale_scores`,
 *   `survey_open_answers`).
 *
 * The answer tables have no person, no invitation, no token and no time finer than the wave, and
 * the service rewrites their physical order when a wave closes (insertion order is not a
 * join path either). `apps/api/test/survey-anonymity.test.ts` checks the schema and a dump.
 */

/** An instrument version: the full definition (scales, items, pages) as JSON. Never updated. */
export const surveyInstrumentVersions = pgTable(
  'survey_instrument_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_instrument_versions_key_version_uq').on(t.key, t.version)],
);

export const waveStatuses = ['draft', 'open', 'closed'] as const;

export const surveyWaves = pgTable(
  'survey_waves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    instrumentVersionId: uuid('instrument_version_id')
      .notNull()
      .references(() => surveyInstrumentVersions.id),
    status: text('status', { enum: waveStatuses }).notNull().default('draft'),
    /** Disclosure rules; copied from the installation's when the wave is created, locked when it opens. */
    rules: jsonb('rules').notNull(),
    /** The earlier wave this one is compared with. */
    previousWaveId: uuid('previous_wave_id'),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Imported from an earlier tool: responses only, no invitations. */
    imported: boolean('imported').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('survey_waves_status_idx').on(t.status)],
);

/** The relay ("estafette"): each unit's open and close dates within the wave. */
export const surveyWaveUnits = pgTable(
  'survey_wave_units',
  {
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    relayOrder: integer('relay_order').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.unitId] })],
);

/**
 * The teams in a wave, snapshotted when the wave opens: where the team sat in the organisation and
 * how many were invited. A draft wave may list teams to narrow its units' population.
 */
export const surveyWaveTeams = pgTable(
  'survey_wave_teams',
  {
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    districtId: uuid('district_id').references(() => districts.id),
    invited: integer('invited').notNull().default(0),
    /** SHA-256 of the team link's secret (for people without e-mail); null before the wave opens. */
    linkHash: text('link_hash'),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.teamId] }),
    uniqueIndex('survey_wave_teams_link_uq').on(t.linkHash),
  ],
);

/**
 * Who was invited and whether they answered: nothing about what they answered, and no time. The
 * one-time link's secret is stored only as its SHA-256.
 */
export const surveyParticipation = pgTable(
  'survey_participation',
  {
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    tokenHash: text('token_hash').notNull(),
    /** The latest reminder's link; the invitation's link keeps working beside it. */
    reminderTokenHash: text('reminder_token_hash'),
    answered: boolean('answered').notNull().default(false),
    remindersSent: integer('reminders_sent').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.personId] }),
    uniqueIndex('survey_participation_token_uq').on(t.tokenHash),
    uniqueIndex('survey_participation_reminder_token_uq').on(t.reminderTokenHash),
    index('survey_participation_team_idx').on(t.waveId, t.teamId),
  ],
);

/**
 * One questionnaire as answered. No person, invitation, token, channel or time: only the wave,
 * where the team sat, and the optional background answers (reported at unit level and above).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull(),
    districtId: uuid('district_id'),
    unitId: uuid('unit_id').notNull(),
    ageBand: smallint('age_band'),
    gender: smallint('gender'),
    serviceBand: smallint('service_band'),
    origin: smallint('origin'),
  },
  (t) => [index('survey_responses_wave_team_idx').on(t.waveId, t.teamId)],
);

/** Closed answers, one row per item answered; `scored` is after reverse-keying. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    waveId: uuid('wave_id').notNull(),
    teamId: uuid('team_id').notNull(),
    itemKey: text('item_key').notNull(),
    value: smallint('value').notNull(),
    scored: smallint('scored'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.itemKey, t.value] }),
    index('survey_answers_wave_item_idx').on(t.waveId, t.itemKey),
  ],
);

/** A respondent's mean on each scale they answered (at least half its items), for fast reports. */
export const surveyScaleScores = pgTable(
  'survey_scale_scores',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    waveId: uuid('wave_id').notNull(),
    teamId: uuid('team_id').notNull(),
    scaleKey: text('scale_key').notNull(),
    score: real('score').notNull(),
    favourable: boolean('favourable').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.scaleKey] }),
    index('survey_scale_scores_wave_idx').on(t.waveId, t.scaleKey),
  ],
);

/** Open answers, kept apart from the response they came with (no key joins them). */
export const surveyOpenAnswers = pgTable(
  'survey_open_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull(),
    districtId: uuid('district_id'),
    unitId: uuid('unit_id').notNull(),
    itemKey: text('item_key').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('survey_open_answers_wave_team_idx').on(t.waveId, t.teamId)],
);

/**
 * Mail to send: the outbox is also the queue. Without SMTP configured the mail stays here for the
 * administrator to read in the browser (status `held`).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'held', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_queued_idx')
      .on(t.createdAt)
      .where(sql`status = 'queued'`),
  ],
);

/**
 * A wave's reports, computed once when the wave closes (or its history is imported): one row per
 * group (national, unit, district, team, and unit × background answer). Only what disclosure
 * control lets through is stored: a hidden group keeps its reasons and no figures.
 */
export const surveyGroupReports = pgTable(
  'survey_group_reports',
  {
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    level: text('level', { enum: ['national', 'unit', 'district', 'team'] }).notNull(),
    groupId: uuid('group_id'),
    name: text('name').notNull(),
    parentKey: text('parent_key'),
    /** `gender=2` and the like for a background view; null for the group itself. */
    filter: text('filter'),
    shown: boolean('shown').notNull(),
    reasons: jsonb('reasons').notNull(),
    data: jsonb('data'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.groupKey] }),
    index('survey_group_reports_parent_idx').on(t.waveId, t.parentKey),
  ],
);
