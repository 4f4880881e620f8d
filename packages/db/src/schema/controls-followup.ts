import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { outreachActivityKinds } from '@pvi/contracts';
import { people, teams } from './org.ts';

/**
 * Pillar 4 after the figures: the team's reflection sessions on its controls (Blauw
 * Vakmanschap), and the training and outreach each team records per year (ambassadors, IBT,
 * VR sessions, dialogue meetings with citizens). See docs/controls-followup.md.
 */

/** One reflection session of a team: when, how many took part, what was agreed. */
export const reflectionSessions = pgTable(
  'reflection_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    heldOn: date('held_on').notNull(),
    participants: integer('participants').notNull(),
    /** The agreed actions, as a list of short texts. */
    agreedActions: jsonb('agreed_actions').notNull(),
    notes: text('notes'),
    /** The period of the figures discussed (inclusive). */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reflection_sessions_team_idx').on(t.teamId, t.heldOn),
    check('reflection_sessions_participants_ck', sql`${t.participants} >= 1`),
    check('reflection_sessions_period_ck', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** A team's yearly training record: the IBT participation (members who took part). */
export const teamTrainingYears = pgTable(
  'team_training_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    year: smallint('year').notNull(),
    /** Team members who took part in the IBT (integrale beroepsvaardigheidstraining); null: not recorded. */
    ibtParticipants: integer('ibt_participants'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('team_training_years_team_year_uq').on(t.teamId, t.year),
    check('team_training_years_ibt_ck', sql`${t.ibtParticipants} >= 0`),
  ],
);

/** The team's ambassadors (people of the team) designated for a year. */
export const teamAmbassadors = pgTable(
  'team_ambassadors',
  {
    trainingYearId: uuid('training_year_id')
      .notNull()
      .references(() => teamTrainingYears.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('team_ambassadors_year_person_uq').on(t.trainingYearId, t.personId)],
);

/** A VR session or a dialogue meeting with citizens held by a team. */
export const outreachActivities = pgTable(
  'outreach_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind', { enum: outreachActivityKinds }).notNull(),
    heldOn: date('held_on').notNull(),
    participants: integer('participants').notNull(),
    /** The place and what it was about (dialogue), or what was trained (VR). */
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outreach_activities_team_idx').on(t.teamId, t.heldOn),
    check('outreach_activities_participants_ck', sql`${t.participants} >= 1`),
  ],
);

/**
 * The history of reflection sessions and training records: one row per change, never updated or
 * deleted (a trigger refuses both). `changes` holds the new record for a creation and
 * `{ field: [before, after] }` for an update.
 */
export const controlFollowUpEvents = pgTable(
  'control_follow_up_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    subjectType: text('subject_type', {
      enum: ['reflection_session', 'training_year', 'outreach_activity'],
    }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The year of a training record or activity, so a team-year's history survives removals. */
    year: smallint('year'),
    action: text('action', { enum: ['created', 'updated', 'removed'] }).notNull(),
    changes: jsonb('changes').notNull(),
    /** The subject's version after this change. */
    version: integer('version').notNull(),
    actorPersonId: uuid('actor_person_id').references(() => people.id),
    actorRole: text('actor_role'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('control_follow_up_events_subject_idx').on(t.subjectId, t.seq),
    index('control_follow_up_events_team_year_idx').on(t.teamId, t.year, t.seq),
  ],
);
