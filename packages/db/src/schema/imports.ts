import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './auth.ts';

export const importJobKinds = ['org', 'people', 'controls'] as const;
export const importJobStatuses = ['running', 'done', 'failed'] as const;
export const importJobPhases = ['reading', 'checking', 'writing', 'done'] as const;

/**
 * CSV imports started from the browser: the import runs in the background in the API process
 * that received the file, and writes its progress and finally its result here.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: importJobKinds }).notNull(),
    status: text('status', { enum: importJobStatuses }).notNull().default('running'),
    phase: text('phase', { enum: importJobPhases }).notNull().default('reading'),
    /** Progress within the phase: bytes while reading, rows while writing. */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** The import's outcome: counts, or every bad row with its line number. */
    result: jsonb('result'),
    /** Why a job failed (not a validation report: that is a result with ok = false). */
    error: text('error'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Moves with every progress report; a running job that stops moving has lost its process. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('import_jobs_status_idx').on(t.status, t.updatedAt)],
);
