import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people, teams } from './org.ts';
import { surveyWaves } from './survey.ts';

/**
 * Pillar 1 after the report: the team's plan of approach ("plan van aanpak") per wave, its
 * measures and its history, and the monthly HR indicators the "needs attention" view combines
 * with the monitor. Risk flags are not stored: they are computed from the stored group reports.
 */

export const planMeasureStatuses = ['planned', 'in_progress', 'done', 'stopped'] as const;

/** One plan per team per wave, agreed by the team chief and the team. */
export const teamPlans = pgTable(
  'team_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    /** The chosen risks: `{ kind: 'flag', code }` (a risk rule's flag) or `{ kind: 'theme', text }`. */
    risks: jsonb('risks').notNull(),
    /** The date of the team conversation in which the plan was agreed. */
    conversationOn: date('conversation_on'),
    summary: text('summary'),
    /** Raised on every change to the plan or its measures (optimistic concurrency). */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('team_plans_team_wave_uq').on(t.teamId, t.waveId),
    index('team_plans_wave_idx').on(t.waveId),
  ],
);

/** A measure of a plan: who does what by when, how far it is, optionally aimed at one scale. */
export const teamPlanMeasures = pgTable(
  'team_plan_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => teamPlans.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** A name or a role, as free text: no person id is needed. */
    owner: text('owner').notNull(),
    dueOn: date('due_on'),
    status: text('status', { enum: planMeasureStatuses }).notNull().default('planned'),
    /** 0–100. */
    progress: smallint('progress'),
    progressNote: text('progress_note'),
    /** The scale of the plan's instrument this measure aims to improve. */
    scaleKey: text('scale_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('team_plan_measures_plan_idx').on(t.planId, t.position),
    index('team_plan_measures_open_due_idx')
      .on(t.dueOn)
      .where(sql`status in ('planned', 'in_progress')`),
  ],
);

/**
 * The history of a plan: one row per change, never updated or deleted (a trigger refuses both).
 * `changes` holds the new record for a creation and `{ field: [before, after] }` for an update.
 */
export const teamPlanEvents = pgTable(
  'team_plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order of events (several may share a transaction's timestamp). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => teamPlans.id),
    measureId: uuid('measure_id'),
    action: text('action', {
      enum: ['plan_created', 'plan_updated', 'measure_added', 'measure_updated'],
    }).notNull(),
    changes: jsonb('changes').notNull(),
    /** The plan's version after this change. */
    version: integer('version').notNull(),
    actorPersonId: uuid('actor_person_id').references(() => people.id),
    actorRole: text('actor_role'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('team_plan_events_plan_idx').on(t.planId, t.seq)],
);

/**
 * Monthly HR indicators per team, imported by HR analysts. `month` is the first day of the month.
 * Empty cells in the file are stored as null (not known).
 */
export const teamHrIndicators = pgTable(
  'team_hr_indicators',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    month: date('month').notNull(),
    /** Sickness absence as a percentage of contracted hours. */
    absenteeismPct: doublePrecision('absenteeism_pct'),
    /** Sickness reports per employee, per year (meldingsfrequentie). */
    absenceFrequency: doublePrecision('absence_frequency'),
    /** Leavers in the month as a percentage of the team. */
    turnoverPct: doublePrecision('turnover_pct'),
    /** Overtime hours per employee in the month. */
    overtimeHours: doublePrecision('overtime_hours'),
    /** Open positions (FTE) at the end of the month. */
    vacancies: doublePrecision('vacancies'),
    /** Integrity reports concerning the team registered in the month. */
    integrityReports: integer('integrity_reports'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.month] }),
    index('team_hr_indicators_month_idx').on(t.month),
  ],
);
