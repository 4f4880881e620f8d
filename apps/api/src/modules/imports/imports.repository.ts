import { and, eq, lt, sql } from 'drizzle-orm';
import { importJobs, type Executor } from '@pvi/db';
import type { ImportKind, ImportPhase, ImportResult } from '@pvi/contracts';

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function insertJob(
  ex: Executor,
  values: { kind: ImportKind; total: number; createdBy: string | null },
): Promise<ImportJobRow> {
  const rows = await ex
    .insert(importJobs)
    .values({ ...values, status: 'running', phase: 'reading', done: 0 })
    .returning();
  return rows[0]!;
}

export async function findJob(ex: Executor, id: string): Promise<ImportJobRow | null> {
  const rows = await ex.select().from(importJobs).where(eq(importJobs.id, id));
  return rows[0] ?? null;
}

/** Progress of a running job; a finished job is left alone. */
export async function updateProgress(
  ex: Executor,
  id: string,
  progress: { phase: ImportPhase; done: number; total: number },
): Promise<void> {
  await ex
    .update(importJobs)
    .set({ ...progress, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

/** The end of a job: its result, or why it failed. Overrides a stale-marking (the work did end). */
export async function finishJob(
  ex: Executor,
  id: string,
  values:
    | { status: 'done'; done: number; total: number; result: ImportResult }
    | { status: 'failed'; error: string },
): Promise<void> {
  await ex
    .update(importJobs)
    .set(
      values.status === 'done'
        ? { ...values, phase: 'done', error: null, updatedAt: sql`now()` }
        : { ...values, updatedAt: sql`now()` },
    )
    .where(eq(importJobs.id, id));
}

/** Marks a running job failed when it has not moved for `minutes`; returns the row if it did. */
export async function failIfStale(
  ex: Executor,
  id: string,
  minutes: number,
  error: string,
): Promise<ImportJobRow | null> {
  const rows = await ex
    .update(importJobs)
    .set({ status: 'failed', error, updatedAt: sql`now()` })
    .where(
      and(
        eq(importJobs.id, id),
        eq(importJobs.status, 'running'),
        lt(importJobs.updatedAt, sql`now() - make_interval(mins => ${minutes})`),
      ),
    )
    .returning();
  return rows[0] ?? null;
}
