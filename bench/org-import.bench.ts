/**
 * Org/people import throughput: the importer (parse + validate + write, all or nothing) on
 * PostgreSQL and PGlite, against a raw COPY of the same rows into the same tables.
 * See bench/README.md.
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, queryRows, type DatabaseHandle } from '@pvi/db';
import { generateDemoOrganisation } from '@pvi/db/demo';
import { toOrgCsv, toPeopleCsv } from '@pvi/db/demo/csv';
import { createAuditService, systemActor } from '../apps/api/src/modules/audit/audit.service.ts';
import { fileSource, readCsv, type Progress } from '../apps/api/src/modules/org/import/csv.ts';
import {
  createOrgImportService,
  type ImportResult,
} from '../apps/api/src/modules/org/import/org-import.service.ts';
import {
  PEOPLE_HEADER,
  PeopleFile,
  type MembershipRow,
  type PersonRow,
} from '../apps/api/src/modules/org/import/people-file.ts';
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

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SEED = 1;
const actor = systemActor('bench');

interface Files {
  orgCsv: string;
  peopleCsv: string;
  /** Data lines in people.csv (header not counted): the unit of every rate below. */
  lines: number;
  people: PersonRow[];
  memberships: Omit<MembershipRow, 'line'>[];
}

/** Wall-clock split of one importPeople call, from its progress events. */
interface Phases {
  readValidate: number;
  teamCheck: number;
  writePeople: number;
  writeMemberships: number;
  finish: number;
}

interface ImportRun {
  orgMs: number;
  peopleMs: number;
  phases: Phases;
}

function check(result: ImportResult, what: string): void {
  if (!result.ok) {
    const first = result.problems.slice(0, 3).map((p) => `line ${p.line}: ${p.reason}`);
    throw new Error(`${what} import failed: ${first.join('; ')}`);
  }
}

async function countRows(handle: DatabaseHandle) {
  const [row] = await queryRows<{ people: number; memberships: number }>(
    handle.db,
    sql`select (select count(*)::int from people) as people, (select count(*)::int from memberships) as memberships`,
  );
  return row ?? { people: 0, memberships: 0 };
}

async function expectRows(handle: DatabaseHandle, files: Files, what: string): Promise<void> {
  const found = await countRows(handle);
  if (found.people !== files.people.length || found.memberships !== files.memberships.length)
    throw new Error(
      `${what}: expected ${files.people.length} people and ${files.memberships.length} memberships, found ${found.people} and ${found.memberships}`,
    );
}

async function importOrg(handle: DatabaseHandle, files: Files): Promise<number> {
  const service = createOrgImportService({ db: handle.db, audit: createAuditService(handle.db) });
  const { ms, value } = await timed(async () =>
    service.importOrg(await fileSource(files.orgCsv), { actor }),
  );
  check(value, 'org');
  return ms;
}

/** migrate, import org (timed apart), then time importPeople end to end. */
async function importerRun(handle: DatabaseHandle, files: Files): Promise<ImportRun> {
  await handle.migrate();
  const orgMs = await importOrg(handle, files);
  const service = createOrgImportService({ db: handle.db, audit: createAuditService(handle.db) });
  const marks: { at: number; progress: Progress }[] = [];
  const onProgress = (progress: Progress) => marks.push({ at: performance.now(), progress });
  const start = performance.now();
  const result = await service.importPeople(await fileSource(files.peopleCsv), {
    actor,
    onProgress,
  });
  const peopleMs = performance.now() - start;
  check(result, 'people');
  await expectRows(handle, files, 'importer');
  return { orgMs, peopleMs, phases: phasesOf(marks, start, files.people.length) };
}

function phasesOf(
  marks: { at: number; progress: Progress }[],
  start: number,
  peopleCount: number,
): Phases {
  const first = (test: (p: Progress) => boolean) => marks.find((m) => test(m.progress))?.at;
  const checking = first((p) => p.phase === 'checking') ?? start;
  const writing = first((p) => p.phase === 'writing') ?? checking;
  const peopleDone = first((p) => p.phase === 'writing' && p.done >= peopleCount) ?? writing;
  const lastWrite = marks.filter((m) => m.progress.phase === 'writing').at(-1)?.at ?? peopleDone;
  const done = first((p) => p.phase === 'done') ?? lastWrite;
  return {
    readValidate: checking - start,
    teamCheck: writing - checking,
    writePeople: peopleDone - writing,
    writeMemberships: lastWrite - peopleDone,
    finish: done - lastWrite,
  };
}

// ------------------------------------------------------------------ COPY

/** COPY text format: backslash, tab and line breaks escaped; null is \N. */
function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function* copyLines<T>(
  rows: readonly T[],
  fields: (row: T) => (string | number | boolean | null)[],
) {
  const BATCH = 1000;
  for (let i = 0; i < rows.length; i += BATCH) {
    let chunk = '';
    for (const row of rows.slice(i, i + BATCH))
      chunk += `${fields(row).map(copyField).join('\t')}\n`;
    yield chunk;
  }
}

async function copyInto(
  client: pg.PoolClient,
  statement: string,
  lines: Iterable<string>,
): Promise<void> {
  await pipeline(Readable.from(lines), client.query(copyFrom(statement)));
}

interface CopyRun {
  ms: number;
  /** COPY people; the rest is COPY memberships and the commit. */
  people: number;
  memberships: number;
}

/**
 * The same rows the importer writes, by COPY, into a fresh database with the org loaded.
 * Person ids are made here and team ids looked up before the clock starts.
 */
async function copyRun(handle: DatabaseHandle, files: Files): Promise<CopyRun> {
  if (handle.kind !== 'postgres') throw new Error('COPY needs PostgreSQL');
  await handle.migrate();
  await importOrg(handle, files);
  const teamRows = await queryRows<{ id: string; code: string }>(
    handle.db,
    sql`select id, code from teams`,
  );
  const teamIds = new Map(teamRows.map((t) => [t.code, t.id]));
  const personIds = new Map(files.people.map((p) => [p.employeeNumber, randomUUID()]));
  const memberships = files.memberships.map((m) => {
    const personId = personIds.get(m.employeeNumber);
    const teamId = teamIds.get(m.teamCode);
    if (!personId || !teamId) throw new Error(`unresolved membership ${JSON.stringify(m)}`);
    return { ...m, personId, teamId };
  });
  const client = await handle.pool.connect();
  try {
    let peopleDone = 0;
    const start = performance.now();
    const { ms } = await timed(async () => {
      await client.query('begin');
      await copyInto(
        client,
        'copy people (id, employee_number, given_name, family_name, birth_year, employed_since, email, is_demo) from stdin',
        copyLines(files.people, (p) => [
          personIds.get(p.employeeNumber)!,
          p.employeeNumber,
          p.givenName,
          p.familyName,
          p.birthYear,
          p.employedSince,
          p.email,
          false,
        ]),
      );
      peopleDone = performance.now();
      await copyInto(
        client,
        'copy memberships (person_id, team_id, role, valid_from, valid_to) from stdin',
        copyLines(memberships, (m) => [m.personId, m.teamId, m.role, m.validFrom, m.validTo]),
      );
      await client.query('commit');
    });
    await expectRows(handle, files, 'COPY');
    return { ms, people: peopleDone - start, memberships: ms - (peopleDone - start) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// ------------------------------------------------------------------ runs

async function onScratch<T>(server: PgServer, fn: (handle: DatabaseHandle) => Promise<T>) {
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

async function onPglite<T>(fn: (handle: DatabaseHandle) => Promise<T>) {
  const dir = await tempDir('pvi-bench-pglite-');
  const handle = await openDatabase({ dataDir: dir.path });
  return using(
    () => fn(handle),
    async () => {
      await handle.close();
      await dir.remove();
    },
  );
}

/** Parse-only (csv-parse + SHA-256) and parse + PeopleFile validation, without a database. */
async function parseValidate(files: Files): Promise<{ parse: number; validate: number }> {
  const source = await fileSource(files.peopleCsv);
  const parse = await timed(() => readCsv(source, PEOPLE_HEADER, () => undefined));
  const file = new PeopleFile();
  const both = await timed(() =>
    readCsv(source, PEOPLE_HEADER, (row) => {
      file.add(row);
    }),
  );
  if (file.problems.length) throw new Error(`people.csv has problems: ${file.problems[0]?.reason}`);
  return { parse: parse.ms, validate: both.ms - parse.ms };
}

async function prepareFiles(folder: string): Promise<Files> {
  const org = generateDemoOrganisation({ scale: 'national', seed: SEED });
  const orgCsv = join(folder, 'org.csv');
  const peopleCsv = join(folder, 'people.csv');
  await writeFile(orgCsv, toOrgCsv(org));
  await writeFile(peopleCsv, toPeopleCsv(org));
  // Parse once with the importer's own code: these are the rows COPY writes.
  const file = new PeopleFile();
  const read = await readCsv(await fileSource(peopleCsv), PEOPLE_HEADER, (row) => {
    file.add(row);
  });
  if (read.problems.length || file.problems.length) throw new Error('people.csv does not parse');
  const text = await readFile(peopleCsv, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0).length - 1;
  return {
    orgCsv,
    peopleCsv,
    lines,
    people: [...file.people.values()].map(({ line: _line, ...p }) => p),
    memberships: file.memberships.map(({ line: _line, ...m }) => m),
  };
}

const rate = (lines: number, ms: number) => lines / (ms / 1000);
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function phaseTable(name: string, runs: ImportRun[]): string {
  const keys: (keyof Phases)[] = [
    'readValidate',
    'teamCheck',
    'writePeople',
    'writeMemberships',
    'finish',
  ];
  const labels: Record<keyof Phases, string> = {
    readValidate: 'read + parse + validate',
    teamCheck: 'team codes lookup',
    writePeople: 'upsert people (jsonb)',
    writeMemberships: 'upsert memberships (jsonb)',
    finish: 'close periods + audit + commit',
  };
  const total = median(runs.map((r) => r.peopleMs));
  return `${name}: where importPeople spends its time (median of ${runs.length})\n${table(
    ['phase', 'time', 'share'],
    keys.map((k) => {
      const ms = median(runs.map((r) => r.phases[k]));
      return [labels[k], fmt(ms), `${Math.round((100 * ms) / total)}%`];
    }),
  )}`;
}

async function main(): Promise<void> {
  const folder = await tempDir('pvi-bench-import-');
  const server = await postgresServer();
  await using(
    async () => {
      const prep = await timed(() => prepareFiles(folder.path));
      const files = prep.value;
      log(
        `national demo (seed ${SEED}): ${files.lines} people-file rows, ${files.people.length} people, ${files.memberships.length} memberships (generated in ${fmt(prep.ms)})`,
      );
      log(`PostgreSQL: ${server.source}; ${RUNS} runs each\n`);

      const pgRuns: ImportRun[] = [];
      const copyRuns: CopyRun[] = [];
      const pgliteRuns: ImportRun[] = [];
      const parse: { parse: number; validate: number }[] = [];
      for (let i = 1; i <= RUNS; i++) {
        const imp = await onScratch(server, (h) => importerRun(h, files));
        pgRuns.push(imp);
        log(`run ${i}  pg import   ${fmt(imp.peopleMs)}  (org ${fmt(imp.orgMs)})`);
        const copy = await onScratch(server, (h) => copyRun(h, files));
        copyRuns.push(copy);
        log(`run ${i}  pg COPY     ${fmt(copy.ms)}  (people ${fmt(copy.people)})`);
        const lite = await onPglite((h) => importerRun(h, files));
        pgliteRuns.push(lite);
        log(`run ${i}  pglite      ${fmt(lite.peopleMs)}  (org ${fmt(lite.orgMs)})`);
        parse.push(await parseValidate(files));
      }

      const pgMs = median(pgRuns.map((r) => r.peopleMs));
      const copyMs = copyRuns.map((r) => r.ms);
      const cpMs = median(copyMs);
      const liteMs = median(pgliteRuns.map((r) => r.peopleMs));
      const pgRate = rate(files.lines, pgMs);
      const copyRate = rate(files.lines, cpMs);
      const liteRate = rate(files.lines, liteMs);
      const ratio = pgRate / copyRate;

      log(
        `\n${table(
          ['people.csv → database', 'median', 'rows/s', 'runs'],
          [
            [
              'importer, PostgreSQL',
              fmt(pgMs),
              Math.round(pgRate),
              pgRuns.map((r) => fmt(r.peopleMs)).join(' / '),
            ],
            ['COPY, PostgreSQL', fmt(cpMs), Math.round(copyRate), copyMs.map(fmt).join(' / ')],
            [
              'importer, PGlite',
              fmt(liteMs),
              Math.round(liteRate),
              pgliteRuns.map((r) => fmt(r.peopleMs)).join(' / '),
            ],
          ],
        )}ratio importer/COPY on PostgreSQL = ${ratio.toFixed(3)} (target ≥ 0.3)\n`,
      );
      log(phaseTable('PostgreSQL', pgRuns));
      log(phaseTable('PGlite', pgliteRuns));
      log(
        `PostgreSQL COPY: people ${fmt(median(copyRuns.map((r) => r.people)))}, memberships + commit ${fmt(median(copyRuns.map((r) => r.memberships)))} (median of ${copyRuns.length})`,
      );
      const parseMs = median(parse.map((p) => p.parse));
      const validateMs = median(parse.map((p) => p.validate));
      log(
        `without a database: csv-parse + SHA-256 ${fmt(parseMs)}, PeopleFile validation ${fmt(validateMs)} (median of ${parse.length})\n`,
      );

      process.stdout.write(
        `BENCH org-import pg_rows_per_s=${round(pgRate)} copy_rows_per_s=${round(copyRate)} ratio=${ratio.toFixed(3)} pglite_rows_per_s=${round(liteRate)}\n`,
      );
    },
    async () => {
      await server.stop();
      await folder.remove();
    },
  );
}

await main();
