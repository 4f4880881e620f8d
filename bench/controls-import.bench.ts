/**
 * Control import throughput: 1,000,000 synthetic police.uk stop-and-search rows through the
 * importer (streaming parse, validate, COPY into a staging table, INSERT … ON CONFLICT into
 * controls, rollup, audit) on PostgreSQL, against a raw COPY of the same parsed rows into the same
 * table. See bench/README.md.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { parse } from 'csv-parse';
import { openDatabase, queryRows, type DatabaseHandle } from '@pvi/db';
import { createAuditService, systemActor } from '../apps/api/src/modules/audit/audit.service.ts';
import { fileSource } from '../apps/api/src/modules/org/import/csv.ts';
import { createControlImportService } from '../apps/api/src/modules/controls/import/controls-import.service.ts';
import { policeUkFormat } from '../apps/api/src/modules/controls/import/police-uk.ts';
import {
  CONTROL_ROW_COLUMNS,
  localTime,
  type ControlRow,
} from '../apps/api/src/modules/controls/control-row.ts';
import { copyLine } from '../apps/api/src/modules/controls/controls.repository.ts';
import {
  log,
  median,
  postgresServer,
  round,
  scratchDatabase,
  table,
  tempDir,
  timed,
  using,
  type PgServer,
} from './lib.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REAL_FILE = join(
  import.meta.dirname,
  '../../shared/data/police-uk/2026-02-city-of-london-stop-and-search.csv',
);
const FIXTURE = join(import.meta.dirname, '../apps/api/test/fixtures/controls-police-uk.csv');
const HEADER =
  'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';
const actor = systemActor('bench');

/** mulberry32, so the file is the same on every run. */
function rng32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every column's values, as they occur in the real file (or our fixture when it is absent). */
async function valueSets(): Promise<{ source: string; columns: string[][] }> {
  const path = existsSync(REAL_FILE) ? REAL_FILE : FIXTURE;
  const records = (await parse(readFileSync(path), { bom: true }).toArray()) as string[][];
  const columns = records[0]!.map((_, i) =>
    records
      .slice(1)
      .map((r) => r[i] ?? '')
      .filter((v) => v !== ''),
  );
  // A few rows in the fixture are bad on purpose; the value sets come from its good values.
  return {
    source: path === REAL_FILE ? 'the real City of London file' : 'the test fixture',
    columns,
  };
}

const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** ROWS lines drawn from the value sets: times over a year, positions around London. */
async function writeFile(path: string, columns: string[][]) {
  const rand = rng32(1);
  const pick = (i: number) => {
    const values = columns[i]!;
    return values.length ? values[Math.floor(rand() * values.length)]! : '';
  };
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  const start = Date.UTC(2025, 2, 1);
  for (let n = 0; n < ROWS; n++) {
    const at = new Date(start + Math.floor(rand() * 365 * 86_400_000));
    at.setUTCSeconds(0, 0);
    const located = rand() < 0.9;
    const line = [
      pick(0),
      at.toISOString().replace('.000Z', '+00:00'),
      '',
      '',
      located ? (51.5 + rand() * 0.04).toFixed(6) : '',
      located ? (-0.11 + rand() * 0.05).toFixed(6) : '',
      rand() < 0.97 ? pick(6) : '',
      rand() < 0.9 ? pick(7) : '',
      pick(8),
      rand() < 0.98 ? pick(9) : '',
      pick(10),
      pick(11),
      pick(12),
      pick(13),
      pick(14),
    ]
      .map(csv)
      .join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The rows the importer would write, made once (not timed) for the COPY floor. */
async function parsedRows(path: string): Promise<string[]> {
  const lines: string[] = [];
  const parser = Readable.from(readFileSync(path)).pipe(parse({ bom: true, trim: true }));
  let header: string[] | null = null;
  let n = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = record.map((h) => h.toLowerCase());
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = record[i] ?? ''));
    const mapped = policeUkFormat.map(values, {
      sourceArea: 'bench',
      importFileId: '00000000-0000-4000-8000-000000000000',
      teams: new Map(),
    });
    if (Array.isArray(mapped)) throw new Error(`bad generated row: ${mapped.join('; ')}`);
    const hex = (n++).toString(16).padStart(12, '0');
    const row: ControlRow = {
      ...mapped,
      ...localTime(Date.parse(mapped.occurred_at), 'police-uk', true),
      id: `00000000-0000-4000-8000-${hex}`,
    };
    lines.push(copyLine(row));
  }
  return lines;
}

async function countControls(handle: DatabaseHandle): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from controls`,
  );
  return row?.n ?? 0;
}

interface ImportRun {
  ms: number;
  readMs: number;
  rollupAuditMs: number;
}

async function importerRun(handle: DatabaseHandle, file: string): Promise<ImportRun> {
  await handle.migrate();
  const service = createControlImportService({
    database: handle,
    audit: createAuditService(handle.db),
  });
  let lastWrite = 0;
  let firstWrite = 0;
  const start = performance.now();
  const { ms, value } = await timed(async () =>
    service.importControls(await fileSource(file), {
      format: 'police-uk',
      sourceArea: 'bench',
      actor,
      onProgress: (p) => {
        if (p.phase === 'writing') {
          if (!firstWrite) firstWrite = performance.now();
          lastWrite = performance.now();
        }
      },
    }),
  );
  if (value.inserted !== ROWS || value.rejected !== 0)
    throw new Error(`importer wrote ${value.inserted} of ${ROWS} (rejected ${value.rejected})`);
  if ((await countControls(handle)) !== ROWS) throw new Error('importer: wrong row count');
  return { ms, readMs: firstWrite - start, rollupAuditMs: start + ms - lastWrite };
}

async function copyRun(handle: DatabaseHandle, lines: string[]): Promise<number> {
  await handle.migrate();
  if (handle.kind !== 'postgres') throw new Error('COPY needs PostgreSQL');
  const client = await handle.pool.connect();
  const columns = CONTROL_ROW_COLUMNS.map(([c]) => c).join(', ');
  try {
    const { ms } = await timed(async () => {
      await client.query('begin');
      await pipeline(
        Readable.from(chunks(lines)),
        client.query(copyFrom(`copy controls (${columns}) from stdin`)),
      );
      await client.query('commit');
    });
    if ((await countControls(handle)) !== ROWS) throw new Error('COPY: wrong row count');
    return ms;
  } finally {
    client.release();
  }
}

/** Lines in chunks of 5,000, so the stream does not pay per line. */
function* chunks(lines: string[]) {
  for (let i = 0; i < lines.length; i += 5000) yield lines.slice(i, i + 5000).join('');
}

async function onScratch<T>(server: PgServer, fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const scratch = await scratchDatabase(server);
  const handle = await openDatabase({ databaseUrl: scratch.url });
  return using(
    () => fn(handle),
    async () => {
      await handle.close();
      await scratch.drop();
    },
  );
}

async function main() {
  const dir = await tempDir('pvi-bench-controls-');
  const server = await postgresServer();
  await using(
    async () => {
      const sets = await valueSets();
      const file = join(dir.path, 'police-uk-1m.csv');
      log(`Writing ${ROWS.toLocaleString('en')} police.uk rows (value sets from ${sets.source})…`);
      await writeFile(file, sets.columns);
      log(`PostgreSQL: ${server.source}`);
      const lines = await parsedRows(file);
      const importer: ImportRun[] = [];
      const copies: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const r = await onScratch(server, (h) => importerRun(h, file));
        importer.push(r);
        const c = await onScratch(server, (h) => copyRun(h, lines));
        copies.push(c);
        log(`run ${run}: importer ${round(r.ms / 1000)} s, COPY ${round(c / 1000)} s`);
      }
      const ms = median(importer.map((r) => r.ms));
      const copyMs = median(copies);
      const rowsPerS = Math.round(ROWS / (ms / 1000));
      const copyRowsPerS = Math.round(ROWS / (copyMs / 1000));
      const ratio = round(rowsPerS / copyRowsPerS);
      const mid = importer.find((r) => r.ms === ms)!;
      log(
        `\n${table(
          ['measure', 'seconds', 'rows/s'],
          [
            ['importer (end to end)', round(ms / 1000), rowsPerS],
            ['  of which SHA-256 pass', round(mid.readMs / 1000), ''],
            ['  of which rollup + audit after the last row', round(mid.rollupAuditMs / 1000), ''],
            ['COPY of the parsed rows', round(copyMs / 1000), copyRowsPerS],
          ],
        )}`,
      );
      process.stdout.write(
        `BENCH controls-import rows_per_s=${rowsPerS} copy_rows_per_s=${copyRowsPerS} ratio=${ratio}\n`,
      );
    },
    async () => {
      await server.stop();
      await dir.remove();
    },
  );
}

await main();
