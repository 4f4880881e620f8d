/**
 * The near-limit reference for the controls-report benchmark: the same rows copied out of
 * PostgreSQL to CSV, loaded into an in-memory DuckDB (not timed), and the analysis' grouped
 * queries of analysis.repository.ts (the raw-table versions, national scope, three years) run
 * there, translated to DuckDB's SQL.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { to as copyTo } from 'pg-copy-streams';
import type { DatabaseHandle } from '@pvi/db';
import { FIRST_DAY, LAST_DAY } from './controls-report-data.ts';
import { timed } from './lib.ts';

const COLUMNS = [
  'occurred_at',
  'source',
  'source_area',
  'unit_id',
  'district_id',
  'team_id',
  'gemeente_code',
  'buurt_code',
  'local_month',
  'local_hour',
  'lat',
  'lng',
  'selection_reason',
  'reason_text',
  'legal_basis',
  'initiative',
  'explained',
  'outcome',
  'outcome_linked',
  'act_search_person',
  'act_search_vehicle',
  'group_self_defined',
  'group_officer_defined',
  'group_opp',
];

async function copyOut(handle: DatabaseHandle, query: string, file: string): Promise<void> {
  if (handle.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
  const client = await handle.pool.connect();
  try {
    await client.query(`set timezone = 'UTC'`);
    await pipeline(
      client.query(copyTo(`copy (${query}) to stdout with (format csv, header)`)),
      createWriteStream(file),
    );
  } finally {
    await client.query('reset timezone').catch(() => undefined);
    client.release();
  }
}

const WHERE = `c.occurred_at >= ('${FIRST_DAY}'::timestamp at time zone 'Europe/Amsterdam')
  and c.occurred_at < (('${LAST_DAY}'::date + 1)::timestamp at time zone 'Europe/Amsterdam')`;
const LOCAL_TIME = `timezone(case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk'
  then 'Europe/London' else 'UTC' end, c.occurred_at)`;
const known = (col: string) => `nullif(trim(${col}), '') is not null`;

/** The queries the service sends for the national scope (officer-defined groups, focus Black). */
const QUERIES: [string, string][] = [
  [
    'exclusion counts',
    `select count(*) as total, count(*) filter (where c.team_id is null),
       count(*) filter (where c.local_hour is null), count(*) filter (where c.gemeente_code is null),
       count(*) filter (where c.selection_reason is null), count(*) filter (where c.outcome_linked is null),
       count(*) filter (where c.legal_basis is null), count(*) filter (where c.initiative is null),
       count(*) filter (where c.explained is null),
       count(*) filter (where ${known('c.group_self_defined')}),
       count(*) filter (where ${known('c.group_officer_defined')}),
       count(*) filter (where ${known('c.group_opp')})
     from controls c where ${WHERE}`,
  ],
  [
    'quality',
    `select c.team_id, max(t.name), strftime(c.local_month, '%Y-%m'),
       grouping(c.team_id) = 0, grouping(c.local_month) = 0, count(*),
       count(*) filter (where c.legal_basis is not null and c.legal_basis <> 'other'),
       count(*) filter (where coalesce(trim(c.reason_text), '') <> ''),
       count(*) filter (where c.explained), count(*) filter (where c.explained is not null)
     from controls c left join teams t on t.id = c.team_id where ${WHERE}
     group by grouping sets ((c.team_id), (c.local_month), ())`,
  ],
  [
    'effectiveness',
    `select case when grouping(c.selection_reason) = 0 then 'selectionReason'
            when grouping(c.legal_basis) = 0 then 'legalBasis'
            when grouping(c.initiative) = 0 then 'initiative'
            when grouping(c.team_id) = 0 then 'team' else 'total' end,
       coalesce(c.selection_reason, c.legal_basis, c.initiative, c.team_id::varchar), max(t.name),
       count(*) filter (where c.outcome_linked is not null), count(*) filter (where c.outcome_linked),
       count(*) filter (where c.outcome_linked is null)
     from controls c left join teams t on t.id = c.team_id where ${WHERE}
     group by grouping sets ((c.selection_reason), (c.legal_basis), (c.initiative), (c.team_id), ())`,
  ],
  [
    'benchmark cells',
    `select c.team_id, max(t.name), c.gemeente_code, c.local_hour // 4, c.selection_reason,
       count(*), count(*) filter (where c.outcome_linked)
     from controls c left join teams t on t.id = c.team_id
     where ${WHERE} and c.team_id is not null and c.local_hour is not null
       and c.gemeente_code is not null and c.selection_reason is not null
       and c.outcome_linked is not null
     group by c.team_id, c.gemeente_code, c.local_hour // 4, c.selection_reason`,
  ],
  [
    'benchmark exclusions',
    `select reason, count(*) from (
       select case when c.team_id is null then 'no_team' when c.local_hour is null then 'no_time'
         when c.gemeente_code is null then 'no_gemeente'
         when c.selection_reason is null then 'no_selection_reason'
         when c.outcome_linked is null then 'no_outcome_link' end as reason
       from controls c where ${WHERE}) x
     where reason is not null group by reason`,
  ],
  [
    'group counts',
    `select nullif(trim(c.group_officer_defined), ''), count(*),
       count(*) filter (where c.act_search_person or c.act_search_vehicle),
       count(*) filter (where (c.act_search_person or c.act_search_vehicle) and c.outcome <> 'none')
     from controls c where ${WHERE} group by 1`,
  ],
  [
    'darkness cells',
    `select source, area, local_date, minute, lat, lng, count(*), count(*) filter (where focus)
     from (
       select c.source, coalesce(c.gemeente_code, c.source_area, 'unknown') as area,
         strftime(${LOCAL_TIME}, '%Y-%m-%d') as local_date,
         (hour(${LOCAL_TIME}) * 60 + minute(${LOCAL_TIME}))::int as minute,
         round(coalesce(c.lat, b.lat, g.lat), 1) as lat, round(coalesce(c.lng, b.lng, g.lng), 1) as lng,
         trim(c.group_officer_defined) = 'Black' as focus
       from controls c left join areas b on b.code = c.buurt_code
         left join areas g on g.code = c.gemeente_code
       where ${WHERE} and c.local_hour is not null and ${known('c.group_officer_defined')}) x
     group by source, area, local_date, minute, lat, lng`,
  ],
];

export interface DuckResult {
  version: string;
  exportMs: number;
  loadMs: number;
  runs: number[];
  sections: [string, number][];
}

export async function duckdbReference(
  handle: DatabaseHandle,
  dir: string,
  runs: number,
): Promise<DuckResult> {
  const files = {
    controls: join(dir, 'controls.csv'),
    teams: join(dir, 'teams.csv'),
    areas: join(dir, 'areas.csv'),
  };
  const exported = await timed(async () => {
    await copyOut(handle, `select ${COLUMNS.join(', ')} from controls`, files.controls);
    await copyOut(handle, 'select id, name from teams', files.teams);
    await copyOut(handle, 'select code, lat, lng from areas', files.areas);
  });
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const loaded = await timed(async () => {
      await db.run(`set timezone = 'UTC'`);
      await db.run(
        `create table controls as select * from read_csv('${files.controls}', header = true,
          types = {'occurred_at': 'TIMESTAMPTZ', 'unit_id': 'UUID', 'district_id': 'UUID',
            'team_id': 'UUID', 'local_month': 'DATE', 'local_hour': 'SMALLINT', 'lat': 'DOUBLE',
            'lng': 'DOUBLE', 'explained': 'BOOLEAN', 'outcome_linked': 'BOOLEAN',
            'act_search_person': 'BOOLEAN', 'act_search_vehicle': 'BOOLEAN',
            'group_opp': 'VARCHAR', 'group_self_defined': 'VARCHAR',
            'group_officer_defined': 'VARCHAR', 'source_area': 'VARCHAR', 'reason_text': 'VARCHAR'})`,
      );
      await db.run(
        `create table teams as select * from read_csv('${files.teams}', header = true, types = {'id': 'UUID'})`,
      );
      await db.run(`create table areas as select * from read_csv('${files.areas}', header = true)`);
    });
    const version = (await db.runAndReadAll('select version() as v')).getRowObjects()[0]!.v;
    const all = async (sections?: [string, number][]) => {
      for (const [name, query] of QUERIES) {
        const { ms } = await timed(() => db.runAndReadAll(query));
        sections?.push([name, ms]);
      }
    };
    await all(); // warm-up
    const times: number[] = [];
    let sections: [string, number][] = [];
    for (let i = 0; i < runs; i++) {
      const s: [string, number][] = [];
      times.push((await timed(() => all(s))).ms);
      sections = s;
    }
    return {
      version: String(version),
      exportMs: exported.ms,
      loadMs: loaded.ms,
      runs: times,
      sections,
    };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
