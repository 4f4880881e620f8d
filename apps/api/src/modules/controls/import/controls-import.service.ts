import { hash } from 'node:crypto';
import type { DatabaseHandle } from '@pvi/db';
import type { ControlImportFormat } from '@pvi/contracts';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import type { CsvSource, Progress, ProgressListener, RowProblem } from '../../org/import/csv.ts';
import { localTime, type ControlRow } from '../control-row.ts';
import * as repo from '../controls.repository.ts';
import type { ControlFileFormat, MapContext } from './format.ts';
import { oppFormat } from './opp.ts';
import { policeUkFormat } from './police-uk.ts';
import { pviFormat } from './pvi-format.ts';
import { readRows, sha256Of } from './read-rows.ts';

export const FORMATS: Record<ControlImportFormat, ControlFileFormat> = {
  pvi: pviFormat,
  'police-uk': policeUkFormat,
  opp: oppFormat,
};

/** Rows per write. */
const BATCH = 5000;
/** Problems kept in the result; the count of rejected rows is always complete. */
export const MAX_PROBLEMS = 1000;

export interface ControlImportResult {
  /** False only when the file could not be read at all (header, not CSV). */
  ok: boolean;
  kind: 'controls';
  format: ControlImportFormat;
  rows: number;
  inserted: number;
  /** Good rows that were already there (an earlier import of the same rows). */
  unchanged: number;
  rejected: number;
  sha256: string;
  /** True when this very file was imported before: nothing was read or written. */
  alreadyImported: boolean;
  /** Bad rows with line numbers (the first MAX_PROBLEMS); good rows loaded all the same. */
  problems: RowProblem[];
}

/** Writes a batch and says how many rows were new; the default is one INSERT per batch. */
export type ControlWriter = {
  write: (rows: ControlRow[]) => Promise<number>;
  close: () => Promise<void>;
};

/** A UUID (version 8, RFC 9562: custom) from the first 16 bytes of a digest. */
function uuidFrom(digest: Buffer): string {
  const b = Buffer.from(digest.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The month (YYYY-MM-01) before or after the month of an ISO timestamp. */
function monthShift(isoTime: string, delta: number): string {
  const d = new Date(`${isoTime.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + delta);
  return d.toISOString().slice(0, 10);
}

export function createControlImportService(deps: {
  database: DatabaseHandle;
  audit: AuditService;
}) {
  const { database, audit } = deps;
  const db = database.db;

  /**
   * Imports a control file as a stream: good rows are written in batches while bad rows are
   * reported with their line numbers. The same file twice changes nothing (its SHA-256 is
   * remembered), and so does the same row in another file (its id is derived from its content).
   */
  async function importControls(
    source: CsvSource,
    options: {
      format: ControlImportFormat;
      sourceArea?: string | null;
      actor: Actor;
      onProgress?: ProgressListener;
      /** Use INSERT even on PostgreSQL (the benchmark compares both). */
      writer?: 'insert' | 'copy';
    },
  ): Promise<ControlImportResult> {
    const format = FORMATS[options.format];
    const sourceArea = options.sourceArea?.trim() || null;
    const sha256 = await sha256Of(source, options.onProgress);
    const base = { kind: 'controls' as const, format: options.format, sha256 };
    const known = await repo.findImportFile(db, sha256);
    if (known?.status === 'done') {
      await db.transaction(async (tx) => {
        await audit.record(tx, options.actor, {
          action: 'import',
          recordType: 'control',
          details: {
            format: options.format,
            sha256,
            sourceArea,
            alreadyImported: true,
            inserted: 0,
          },
        });
      });
      options.onProgress?.({ phase: 'done', done: known.rows, total: known.rows });
      return {
        ...base,
        ok: true,
        rows: known.rows,
        inserted: 0,
        unchanged: known.rows - known.rejected,
        rejected: known.rejected,
        alreadyImported: true,
        problems: [],
      };
    }
    const fileId = await repo.startImportFile(db, {
      format: options.format,
      sha256,
      sourceArea,
    });
    const ctx: MapContext = {
      sourceArea,
      importFileId: fileId,
      teams: new Map(
        options.format === 'pvi'
          ? (await repo.teamsByCode(db)).map((t) => [t.code, t] as const)
          : [],
      ),
    };
    const problems: RowProblem[] = [];
    let rejected = 0;
    const state = { fatal: false };
    const report = (p: RowProblem, fileLevel = false) => {
      if (fileLevel) state.fatal = true;
      else rejected++;
      if (problems.length < MAX_PROBLEMS || fileLevel) problems.push(p);
    };
    const writer: ControlWriter =
      database.kind === 'postgres' && options.writer !== 'insert'
        ? await repo.openCopyWriter(database.pool)
        : {
            write: (rows) => repo.insertControlRows(db, rows),
            close: async () => undefined,
          };

    let rows = 0;
    let inserted = 0;
    let minTime: string | null = null;
    let maxTime: string | null = null;
    let batch: ControlRow[] = [];
    let pending: Promise<number> | null = null;
    /** One batch is written while the next is parsed. */
    const flush = async () => {
      if (pending) inserted += await pending;
      pending = batch.length ? writer.write(batch) : null;
      batch = [];
    };
    /** How often each content key was seen: true duplicates in one file stay apart. */
    const seen = new Map<string, number>();
    const keyPrefix = `${options.format}\u001f${sourceArea ?? ''}\u001f`;
    try {
      // Reading and writing go together: the bytes read are the progress of the writing phase.
      const onBytes = options.onProgress
        ? (p: Progress) => options.onProgress?.({ ...p, phase: 'writing' })
        : undefined;
      for await (const items of readRows(source, format.required, report, onBytes)) {
        for (const item of items) {
          if ('header' in item) continue;
          rows++;
          if ('bad' in item) {
            report({ line: item.line, reason: item.bad });
            continue;
          }
          const mapped = format.map(item.values, ctx);
          if (Array.isArray(mapped)) {
            report({ line: item.line, reason: `${mapped.join('; ')}.` });
            continue;
          }
          let id = mapped.id;
          if (!id) {
            const digest = hash('sha256', keyPrefix + item.fields.join('\u001f'), 'buffer');
            id = uuidFrom(digest);
            const n = seen.get(id) ?? 0;
            seen.set(id, n + 1);
            if (n > 0) id = uuidFrom(hash('sha256', `${id}#${n}`, 'buffer'));
          }
          const at = mapped.occurred_at;
          if (!minTime || at < minTime) minTime = at;
          if (!maxTime || at > maxTime) maxTime = at;
          const row = mapped as ControlRow;
          row.id = id;
          const local = localTime(Date.parse(at), mapped.source, mapped.time_known);
          row.local_month = local.local_month;
          row.local_hour = local.local_hour;
          row.local_weekday = local.local_weekday;
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
      }
      await flush();
      await flush();
    } finally {
      await writer.close();
    }
    // A file that could not be read to its end is not marked done: importing it again retries.
    if (!state.fatal) await repo.finishImportFile(db, fileId, { rows, inserted, rejected });
    if (minTime && maxTime)
      await db.transaction((tx) =>
        repo.refreshMonthly(tx, monthShift(minTime, -1), monthShift(maxTime, 1)),
      );
    await db.transaction(async (tx) => {
      await audit.record(tx, options.actor, {
        action: 'import',
        recordType: 'control',
        details: { format: options.format, sha256, sourceArea, rows, inserted, rejected },
      });
    });
    options.onProgress?.({ phase: 'done', done: rows, total: rows });
    return {
      ...base,
      ok: !state.fatal,
      rows,
      inserted,
      unchanged: rows - rejected - inserted,
      rejected,
      alreadyImported: false,
      problems: problems.sort((a, b) => a.line - b.line),
    };
  }

  return { importControls };
}
export type ControlImportService = ReturnType<typeof createControlImportService>;
