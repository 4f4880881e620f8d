import { Readable } from 'node:stream';
import type { Database } from '@pvi/db';
import type { ImportJob, ImportKind, ImportStarted } from '@pvi/contracts';
import { notFound } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { CsvSource, Progress } from '../org/import/csv.ts';
import type { OrgImportService } from '../org/import/org-import.service.ts';
import * as repo from './imports.repository.ts';

/** At most this often a job's progress is written (about four times a second). */
const PROGRESS_INTERVAL_MS = 250;
/** A running job whose row has not moved for this long has lost the process that ran it. */
export const STALE_AFTER_MINUTES = 60;
const STALE_ERROR =
  'No progress for an hour: the server process that ran this import has probably stopped. ' +
  'An import writes all or nothing, and importing the same file again changes nothing that is already in.';
const FAILED_ERROR = 'The import stopped with an unexpected error; nothing was written.';

export interface ImportJobsLog {
  error: (details: { err: unknown; importJobId: string }, message: string) => void;
}

/**
 * Imports started over HTTP: the upload is answered at once with a job id, the import runs in
 * the background in this process (the org import service does the work and audits it), and the
 * job row carries its progress and result for whoever polls it.
 */
export function createImportJobsService(deps: {
  db: Database;
  audit: AuditService;
  orgImport: OrgImportService;
  log?: ImportJobsLog;
}) {
  const { db, audit, orgImport, log } = deps;
  const running = new Set<Promise<void>>();

  /** Reports progress to the job row: at most one write in flight, at most ~4 a second. */
  function progressWriter(id: string) {
    let latest: Progress | null = null;
    let lastWrite = 0;
    let inFlight: Promise<void> | null = null;
    const write = () => {
      const progress = latest!;
      latest = null;
      lastWrite = Date.now();
      inFlight = repo
        .updateProgress(db, id, progress)
        .catch((err: unknown) => log?.error({ err, importJobId: id }, 'import progress not saved'))
        .finally(() => {
          inFlight = null;
        });
    };
    return {
      report: (progress: Progress) => {
        latest = progress;
        if (!inFlight && Date.now() - lastWrite >= PROGRESS_INTERVAL_MS) write();
      },
      /** Waits for the write in flight, so it cannot land after the final result. */
      settle: async () => {
        await inFlight;
      },
    };
  }

  async function run(id: string, kind: ImportKind, source: CsvSource, actor: Actor) {
    const progress = progressWriter(id);
    try {
      const options = { actor, onProgress: progress.report };
      const r =
        kind === 'org'
          ? await orgImport.importOrg(source, options)
          : await orgImport.importPeople(source, options);
      await progress.settle();
      await repo.finishJob(db, id, {
        status: 'done',
        done: r.rows,
        total: r.rows,
        result: {
          ok: r.ok,
          rows: r.rows,
          inserted: r.inserted,
          updated: r.updated,
          unchanged: r.unchanged,
          sha256: r.sha256,
          problems: r.problems,
        },
      });
    } catch (err) {
      log?.error({ err, importJobId: id }, 'import failed');
      await progress.settle();
      await repo
        .finishJob(db, id, { status: 'failed', error: FAILED_ERROR })
        .catch((e: unknown) => log?.error({ err: e, importJobId: id }, 'import job not closed'));
    }
  }

  /** Records the job (audited: who uploaded which kind of file), then imports in the background. */
  async function start(kind: ImportKind, csv: string, actor: Actor): Promise<ImportStarted> {
    const buffer = Buffer.from(csv, 'utf8');
    const source: CsvSource = { stream: () => Readable.from([buffer]), size: buffer.length };
    const job = await db.transaction(async (tx) => {
      const row = await repo.insertJob(tx, {
        kind,
        total: buffer.length,
        createdBy: actor.accountId,
      });
      await audit.record(tx, actor, {
        action: 'create',
        recordType: 'import_job',
        recordId: row.id,
        details: { kind, bytes: buffer.length },
      });
      return row;
    });
    const task = run(job.id, kind, source, actor).finally(() => running.delete(task));
    running.add(task);
    return { id: job.id, status: job.status };
  }

  /**
   * A job as it stands. A job still "running" after an hour without progress lost its process
   * (a restart or crash): it is marked failed here, when it is read.
   */
  async function get(id: string): Promise<ImportJob> {
    let row = await repo.findJob(db, id);
    if (!row) throw notFound('The import');
    if (row.status === 'running')
      row = (await repo.failIfStale(db, id, STALE_AFTER_MINUTES, STALE_ERROR)) ?? row;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      phase: row.phase,
      done: row.done,
      total: row.total,
      result: (row.result ?? null) as ImportJob['result'],
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** Resolves when the imports this process is running have ended (on shutdown, in tests). */
  async function settle(): Promise<void> {
    await Promise.allSettled([...running]);
  }

  return { start, get, settle };
}
export type ImportJobsService = ReturnType<typeof createImportJobsService>;
