import {
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The CBS linking pseudonym of a control's person key: HMAC-SHA-256 under a key shared with CBS
 * (`PVI_CBS_LINK_KEYS`, distinct from the internal pseudonym key), written at registration. Kept
 * apart from `controls` so that only the CBS export reads it; never returned by any other API.
 */
export const controlCbsLinks = pgTable('control_cbs_links', {
  controlId: uuid('control_id').primaryKey(),
  linkHash: text('link_hash').notNull(),
  keyVersion: text('key_version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An aggregate file returned from CBS's secure environment; idempotent by its SHA-256. */
export const cbsDatasets = pgTable('cbs_datasets', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  source: text('source').notNull(),
  description: text('description'),
  fileSha256: text('file_sha256').notNull().unique(),
  rowsLoaded: integer('rows_loaded').notNull(),
  rowsRejected: integer('rows_rejected').notNull(),
  /** The first problems found (line and reason), as reported at import. */
  problems: jsonb('problems').notNull(),
  createdByAccountId: uuid('created_by_account_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Table `outcomes` of a dataset: controls by origin group × selection reason × outcome. */
export const cbsOutcomeCounts = pgTable(
  'cbs_outcome_counts',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => cbsDatasets.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    /** Null: not linked or group unknown at CBS. */
    groupLabel: text('group_label'),
    selectionReason: text('selection_reason'),
    outcome: text('outcome').notNull(),
    controls: integer('controls').notNull(),
    searches: integer('searches').notNull(),
    outcomeLinked: integer('outcome_linked').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.line] })],
);

/** Table `darkness` of a dataset: controls by origin group × area × clock minute × darkness. */
export const cbsDarknessCounts = pgTable(
  'cbs_darkness_counts',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => cbsDatasets.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    groupLabel: text('group_label'),
    area: text('area').notNull(),
    clockMinute: smallint('clock_minute').notNull(),
    darkness: text('darkness', { enum: ['daylight', 'twilight', 'dark'] }).notNull(),
    controls: integer('controls').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.line] })],
);
