import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['regional', 'national', 'service', 'academy'] }).notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
});

export const districts = pgTable(
  'districts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('districts_unit_idx').on(t.unitId)],
);

export const teamKinds = [
  'basisteam',
  'recherche',
  'intelligence',
  'ondersteuning',
  'specialistisch',
  'staf',
  'opleiding',
] as const;

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    districtId: uuid('district_id').references(() => districts.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: teamKinds }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('teams_unit_idx').on(t.unitId),
    index('teams_district_idx').on(t.districtId),
    index('teams_name_idx').on(t.name),
  ],
);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  employeeNumber: text('employee_number').notNull().unique(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  birthYear: integer('birth_year'),
  employedSince: date('employed_since'),
  email: text('email'),
  isDemo: boolean('is_demo').notNull().default(false),
});

/** A person's place in a team over time; `validTo` is exclusive and null while the membership is current. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    role: text('role', { enum: ['lid', 'teamchef'] }).notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    uniqueIndex('memberships_person_team_from_uq').on(t.personId, t.teamId, t.validFrom),
    index('memberships_team_idx').on(t.teamId, t.validFrom),
    index('memberships_current_idx')
      .on(t.personId)
      .where(sql`valid_to is null`),
  ],
);

/** Installation-wide facts, such as whether the data is a demo organisation. */
export const installation = pgTable('installation', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const importRuns = pgTable('import_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  fileSha256: text('file_sha256').notNull(),
  rows: integer('rows').notNull(),
  inserted: integer('inserted').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
