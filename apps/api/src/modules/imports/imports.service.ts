import { Readable } from 'node:stream';
import type { Database } from '@pvi/db';
import type {
  ControlImportFormat,
  ImportJob,
  ImportKind,
  ImportResult,
  ImportStarted,
} from '@pvi/contracts';
import { notFound } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { CsvSource, Progress } from '../org/import/csv.ts';
import type { OrgImportService } from '../org/import/org-import.service.ts';
import type { ControlImportService } from '../controls/import/controls-import.service.ts';
import * as repo from './imports.repository.ts';

/** At most this often a job's progress is written (about four times a second). */
const PROGRESS_INTERVAL_MS = 250;
/** A running job whose row has not moved for this long has lost the process that ran it. */
export const STALE_AFTER_MINUTES = 60;
const STALE_ERROR =
  'No progress for an hour: the server process that ran this import has probably stopped. ' +
  'An org or people import writes all or nothing; a control import keeps the rows it wrote. ' +
  'Importing the same file again changes nothing that is already in.';
const FAILED_ERROR = 'The import stopped with an unexpected error; nothing was written.';

/** For control files: the format and, for foreign data, the area it covers. */
export interface StartOptions {
  format?: ControlImportFormat;
  sourceArea?: string;
}

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
  controlImport: ControlImportService;
  log?: ImportJobsLog;
}) {
  const { db, audit, orgImport, controlImport, log } = deps;
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

  /** Runs the import of one kind and gives its result in the job's terms. */
  async function importOf(
    kind: ImportKind,
    source: CsvSource,
    actor: Actor,
    options: StartOptions,
    onProgress: (p: Progress) => void,
  ): Promise<ImportResult> {
    if (kind === 'controls') {
      const r = await controlImport.importControls(source, {
        format: options.format ?? 'pvi',
        sourceArea: options.sourceArea,
        actor,
        onProgress,
      });
      return {
        ok: r.ok,
        rows: r.rows,
        inserted: r.inserted,
        updated: 0,
        unchanged: r.unchanged,
        sha256: r.sha256,
        problems: r.problems,
        rejected: r.rejected,
        alreadyImported: r.alreadyImported,
      };
    }
    const r =
      kind === 'org'
        ? await orgImport.importOrg(source, { actor, onProgress })
        : await orgImport.importPeople(source, { actor, onProgress });
    return {
      ok: r.ok,
      rows: r.rows,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      sha256: r.sha256,
      problems: r.problems,
    };
  }

  async function run(
    id: string,
    kind: ImportKind,
    source: CsvSource,
    actor: Actor,
    options: StartOptions,
  ) {
    const progress = progressWriter(id);
    try {
      const result = await importOf(kind, source, actor, options, progress.report);
      await progress.settle();
      await repo.finishJob(db, id, {
        status: 'done',
        done: result.rows,
        total: result.rows,
        result,
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
  async function start(
    kind: ImportKind,
    csv: string,
    actor: Actor,
    options: StartOptions = {},
  ): Promise<ImportStarted> {
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
        details: { kind, bytes: buffer.length, ...options },
      });
      return row;
    });
    const task = run(job.id, kind, source, actor, options).finally(() => running.delete(task));
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
