/**
 * The controls measuring instrument at national scale: the analysis service (every section) over
 * three years of 1,000,000 and 10,000,000 synthetic controls on PostgreSQL, one team-year, and the
 * same aggregates computed by DuckDB on the same 10,000,000 rows as the near-limit reference.
 * See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseHandle } from '@pvi/db';
import { createAuditService, systemActor } from '../apps/api/src/modules/audit/audit.service.ts';
import { createControlAnalysisService } from '../apps/api/src/modules/controls/analysis/analysis.service.ts';
import {
  ROLLUPS,
  refreshAnalysisRollup,
} from '../apps/api/src/modules/controls/analysis/analysis-rollup.ts';
import * as repo from '../apps/api/src/modules/controls/analysis/analysis.repository.ts';
import { darknessFromDatabase } from '../apps/api/src/modules/controls/analysis/analysis-darkness.ts';
import { FIRST_DAY, LAST_DAY, generateControls, seedStructure } from './controls-report-data.ts';
import { duckdbReference } from './controls-report-duckdb.ts';
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
} from './lib.ts';

const SMALL = Number(process.env.BENCH_SMALL_ROWS ?? 1_000_000);
const LARGE = Number(process.env.BENCH_ROWS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SKIP_DUCKDB = process.env.BENCH_DUCKDB === '0';
const TEAM_YEAR = { from: '2025-11-01', to: LAST_DAY };
const actor = systemActor('bench');

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface Measured {
  full: number[];
  team: number[];
  sections: [string, number][];
}

/** Runs `fn` once to warm up, then RUNS times; the milliseconds of the measured runs. */
async function repeat(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) out.push((await timed(fn)).ms);
  return out;
}

async function measure(handle: DatabaseHandle, teamId: string): Promise<Measured> {
  const service = createControlAnalysisService({
    db: handle.db,
    audit: createAuditService(handle.db),
    now: () => new Date(`${LAST_DAY}T12:00:00Z`),
  });
  const full = await repeat(() =>
    service.analyse(actor, 'national', null, { from: FIRST_DAY, to: LAST_DAY }),
  );
  const team = await repeat(() => service.analyse(actor, 'team', teamId, TEAM_YEAR));
  // Where the time goes: the national queries one by one (as the service sends them).
  const where = repo.baseWhere({ kind: 'national' }, { from: FIRST_DAY, to: LAST_DAY });
  const db = handle.db;
  const sections: [string, number][] = [];
  const time = async (name: string, fn: () => Promise<unknown>) =>
    sections.push([name, (await timed(fn)).ms]);
  await time('exclusion counts', () => repo.exclusionCounts(db, where));
  await time('quality', () => repo.qualityCounts(db, where));
  await time('effectiveness', () => repo.effectivenessCounts(db, where));
  await time('benchmark cells', () => repo.benchmarkCells(db, where));
  await time('benchmark exclusions', () => repo.benchmarkExclusions(db, where));
  await time('group counts', () => repo.groupCounts(db, where, 'officer_defined'));
  await time('veil of darkness (classified cells)', () =>
    darknessFromDatabase(db, where, 'officer_defined', 'Black'),
  );
  return { full, team, sections };
}

/** refreshAnalysisRollup with the rollups' keys and indexes dropped first and built after. */
async function rebuildRollups(handle: DatabaseHandle): Promise<void> {
  const tables = Object.values(ROLLUPS).map((r) => r.table);
  const constraints = await queryRows<{ tbl: string; name: string; def: string }>(
    handle.db,
    sql`select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
        from pg_constraint where conrelid::regclass::text in ${tables}`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    handle.db,
    sql`select indexname as name, indexdef as def from pg_indexes
        where tablename in ${tables} and indexname not in (select conname from pg_constraint)`,
  );
  for (const i of indexes) await handle.db.execute(sql.raw(`drop index ${i.name}`));
  for (const c of constraints)
    await handle.db.execute(sql.raw(`alter table ${c.tbl} drop constraint ${c.name}`));
  await refreshAnalysisRollup(handle.db);
  for (const c of constraints)
    await handle.db.execute(sql.raw(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`));
  for (const i of indexes) await handle.db.execute(sql.raw(i.def));
}

function rawService(handle: DatabaseHandle) {
  return createControlAnalysisService({ db: handle.db, audit: createAuditService(handle.db) });
}

async function withoutRollup<T>(fn: () => Promise<T>): Promise<T> {
  process.env.PVI_ANALYSIS_ROLLUP = 'off';
  try {
    return await fn();
  } finally {
    delete process.env.PVI_ANALYSIS_ROLLUP;
  }
}

async function tableSize(handle: DatabaseHandle, name: string): Promise<string> {
  const [row] = await queryRows<{ size: string; rows: number }>(
    handle.db,
    sql`select pg_size_pretty(pg_total_relation_size(${name}::regclass)) as size,
          (select count(*)::int from ${sql.identifier(name)}) as rows`,
  );
  return `${row!.rows.toLocaleString('en')} rows, ${row!.size}`;
}

function report(label: string, m: Measured) {
  log(
    `\n${label}\n${table(
      ['measure', `median of ${RUNS} (s)`, 'runs (s)'],
      [
        [
          `national, ${FIRST_DAY} … ${LAST_DAY}`,
          round(median(m.full) / 1000),
          m.full.map((x) => round(x / 1000)).join(' '),
        ],
        [
          `one team, ${TEAM_YEAR.from} … ${TEAM_YEAR.to}`,
          round(median(m.team) / 1000),
          m.team.map((x) => round(x / 1000)).join(' '),
        ],
      ],
    )}${table(
      ['national query (alone)', 's'],
      m.sections.map(([n, ms]) => [n, round(ms / 1000)]),
    )}`,
  );
}

async function main() {
  const dir = await tempDir('pvi-bench-controls-report-');
  const server = await postgresServer();
  const scratch = await scratchDatabase(server);
  const handle = await openDatabase({ databaseUrl: scratch.url });
  await using(
    async () => {
      log(`PostgreSQL: ${server.source}; load average ${load()}`);
      await handle.migrate();
      await seedStructure(handle);
      const [team] = await queryRows<{ id: string }>(
        handle.db,
        sql`select id from bench_teams where n = 0`,
      );
      /** Generated with the trigger off and without the secondary indexes; both rebuilt after. */
      const generate = async (from: number, to: number) => {
        const indexes = await queryRows<{ name: string; def: string }>(
          handle.db,
          sql`select indexname as name, indexdef as def from pg_indexes
              where tablename = 'controls' and indexname <> 'controls_pkey'`,
        );
        for (const i of indexes) await handle.db.execute(sql.raw(`drop index ${i.name}`));
        await handle.db.execute(sql`alter table controls disable trigger controls_analysis_rollup`);
        const gen = await timed(() => generateControls(handle, from, to));
        await handle.db.execute(sql`alter table controls enable trigger controls_analysis_rollup`);
        const idx = await timed(async () => {
          for (const i of indexes) await handle.db.execute(sql.raw(i.def));
        });
        const rollup = await timed(() => rebuildRollups(handle));
        await handle.db.execute(sql`vacuum analyze`);
        log(
          `generated controls ${from.toLocaleString('en')} … ${to.toLocaleString('en')} in ${round(gen.ms / 1000)} s; ` +
            `indexes ${round(idx.ms / 1000)} s; analysis rollups rebuilt in ${round(rollup.ms / 1000)} s; load average ${load()}`,
        );
        for (const t of ['controls', ...Object.values(ROLLUPS).map((r) => r.table)])
          log(`  ${t}: ${await tableSize(handle, t)}`);
      };

      await generate(1, SMALL);
      const small = await measure(handle, team!.id);
      report(`${SMALL.toLocaleString('en')} controls (load average ${load()})`, small);

      // Before the rollups: the same service reading controls alone, one run.
      const rawFull = await withoutRollup(() =>
        timed(() =>
          rawService(handle).analyse(actor, 'national', null, { from: FIRST_DAY, to: LAST_DAY }),
        ),
      );
      log(
        `${SMALL.toLocaleString('en')} controls from controls alone (PVI_ANALYSIS_ROLLUP=off): national ${round(rawFull.ms / 1000)} s`,
      );

      await generate(SMALL + 1, LARGE);
      const large = await measure(handle, team!.id);
      report(`${LARGE.toLocaleString('en')} controls (load average ${load()})`, large);

      let duck: number | null = null;
      if (!SKIP_DUCKDB) {
        const d = await duckdbReference(handle, dir.path, RUNS);
        duck = median(d.runs);
        log(
          `\nDuckDB (${d.version}), same ${LARGE.toLocaleString('en')} rows: export ${round(d.exportMs / 1000)} s, ` +
            `load ${round(d.loadMs / 1000)} s (not counted); the same aggregates: median ${round(duck / 1000)} s ` +
            `(runs ${d.runs.map((x) => round(x / 1000)).join(' ')}); load average ${load()}`,
        );
        log(
          table(
            ['DuckDB query', 's'],
            d.sections.map(([n, ms]) => [n, round(ms / 1000)]),
          ),
        );
      }
      log(`uptime: ${execFileSync('uptime').toString().trim()}`);
      const full1m = round(median(small.full) / 1000);
      const full10m = round(median(large.full) / 1000);
      const teamYear = round(median(large.team) / 1000);
      const duckS = duck === null ? 'na' : round(duck / 1000);
      const ratio = duck === null ? 'na' : round(median(large.full) / duck);
      process.stdout.write(
        `BENCH controls-report full_1m_s=${full1m} full_10m_s=${full10m} team_year_s=${teamYear} duckdb_10m_s=${duckS} ratio_vs_duckdb=${ratio}\n`,
      );
    },
    async () => {
      await handle.close();
      await scratch.drop();
      await server.stop();
      await dir.remove();
    },
  );
}

await main();
