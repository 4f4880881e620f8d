import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { queryRows, type Executor } from '@pvi/db';
import type { ControlExportQuery, ControlSource } from '@pvi/contracts';
import { CONTROL_ROW_COLUMNS, type ControlRow } from './control-row.ts';

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

const RECORDSET = sql.raw(CONTROL_ROW_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', '));
const COLUMNS = CONTROL_ROW_COLUMNS.map(([name]) => name).join(', ');
const SELECT_X = CONTROL_ROW_COLUMNS.map(([name]) => `x.${name}`).join(', ');

/** The insert every path shares; existing ids are left alone (a repeat changes nothing). */
export const insertControlsFrom = (relation: SQL) =>
  sql`insert into controls (${sql.raw(COLUMNS)}) select ${sql.raw(SELECT_X)} from ${relation}
      on conflict (id) do nothing`;

/** A value in COPY's text format. */
export function copyText(value: ControlRow[keyof ControlRow]): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export const copyLine = (row: ControlRow) =>
  `${CONTROL_ROW_COLUMNS.map(([name]) => copyText(row[name])).join('\t')}\n`;

/**
 * On PostgreSQL, each batch is COPYed (FROM STDIN) straight into `controls` inside a savepoint.
 * When a row of the batch is there already (the same rows from another file, or an interrupted
 * import tried again), the savepoint is rolled back and the batch goes through a temporary staging
 * table and the same INSERT … ON CONFLICT DO NOTHING as the other path. (PGlite has no streaming
 * COPY FROM STDIN: it always takes the INSERT path.)
 */
export async function openCopyWriter(pool: pg.Pool) {
  const client = await pool.connect();
  let staged = false;
  const copy = async (table: string, text: string) => {
    await pipeline(
      Readable.from([text]),
      client.query(copyFrom(`copy ${table} (${COLUMNS}) from stdin`)),
    );
  };
  return {
    write: async (rows: ControlRow[]): Promise<number> => {
      const text = rows.map(copyLine).join('');
      await client.query('begin');
      try {
        await client.query('savepoint batch');
        try {
          await copy('controls', text);
          await client.query('commit');
          return rows.length;
        } catch (error) {
          if ((error as { code?: string }).code !== '23505') throw error;
          await client.query('rollback to savepoint batch');
        }
        if (!staged) {
          await client.query(
            `create temp table if not exists controls_stage (${CONTROL_ROW_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')}) on commit delete rows`,
          );
          staged = true;
        }
        await copy('controls_stage', text);
        const result = await client.query<{ n: number }>(
          `with ins as (insert into controls (${COLUMNS}) select ${SELECT_X} from controls_stage x
             on conflict (id) do nothing returning 1) select count(*)::int as n from ins`,
        );
        await client.query('commit');
        return result.rows[0]?.n ?? 0;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    },
    close: async () => {
      if (staged) await client.query('drop table if exists controls_stage').catch(() => undefined);
      client.release();
    },
  };
}

/** Writes rows that are not there yet (by id); returns how many were new. */
export async function insertControlRows(ex: Executor, rows: ControlRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await queryRows<{ n: number }>(
    ex,
    sql`with ins as (${insertControlsFrom(sql`jsonb_to_recordset(${json(rows)}) as x(${RECORDSET})`)} returning 1)
        select count(*)::int as n from ins`,
  );
  return result[0]?.n ?? 0;
}

export interface AreaRow {
  code: string;
  level: 'gemeente' | 'wijk' | 'buurt';
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  wijkCode: string | null;
  wijkName: string | null;
  lat: number;
  lng: number;
  distanceM: number | null;
}

const areaColumns = sql`a.code, a.level, a.name, a.gemeente_code as "gemeenteCode",
  coalesce(g.name, a.gemeente_code) as "gemeenteName", a.wijk_code as "wijkCode", w.name as "wijkName",
  a.lat, a.lng`;
const areaJoins = sql`left join areas g on g.code = a.gemeente_code
  left join areas w on w.code = a.wijk_code`;
/** Metres between centroid and point on a sphere: plain SQL, the same on PGlite and PostgreSQL. */
const distance = (lat: number, lng: number) =>
  sql`(6371000 * 2 * asin(sqrt(power(sin(radians(a.lat - ${lat}) / 2), 2)
      + cos(radians(${lat})) * cos(radians(a.lat)) * power(sin(radians(a.lng - ${lng}) / 2), 2))))`;

export async function findArea(ex: Executor, code: string): Promise<AreaRow | null> {
  const rows = await queryRows<AreaRow>(
    ex,
    sql`select ${areaColumns}, null::int as "distanceM" from areas a ${areaJoins} where a.code = ${code}`,
  );
  return rows[0] ?? null;
}

export async function listAreas(
  ex: Executor,
  q: {
    level: string;
    near?: { lat: number; lng: number };
    q?: string;
    gemeenteCode?: string;
    limit: number;
    offset: number;
  },
): Promise<{ items: AreaRow[]; total: number }> {
  const where = [sql`a.level = ${q.level}`];
  if (q.q)
    where.push(sql`lower(a.name) like ${`%${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`);
  if (q.gemeenteCode) where.push(sql`a.gemeente_code = ${q.gemeenteCode}`);
  // Nearest by centroid: a box of about 30 km first, so the index on (level, lat) does the work.
  if (q.near) where.push(sql`a.lat between ${q.near.lat - 0.3} and ${q.near.lat + 0.3}`);
  const filter = sql.join(where, sql` and `);
  const distanceM = q.near ? sql`round(${distance(q.near.lat, q.near.lng)})::int` : sql`null::int`;
  const order = q.near ? sql`"distanceM", a.code` : sql`a.name, a.code`;
  const [items, total] = await Promise.all([
    queryRows<AreaRow>(
      ex,
      sql`select ${areaColumns}, ${distanceM} as "distanceM" from areas a ${areaJoins}
          where ${filter} order by ${order} limit ${q.limit} offset ${q.offset}`,
    ),
    queryRows<{ n: number }>(ex, sql`select count(*)::int as n from areas a where ${filter}`),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function upsertAreas(
  ex: Executor,
  rows: {
    code: string;
    level: string;
    name: string;
    gemeenteCode: string;
    wijkCode: string | null;
    lat: number;
    lng: number;
  }[],
  isDemo: boolean,
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const result = await queryRows<{ inserted: boolean }>(
    ex,
    sql`insert into areas (code, level, name, gemeente_code, wijk_code, lat, lng, is_demo)
        select x.code, x.level, x.name, x."gemeenteCode", x."wijkCode", x.lat, x.lng, ${isDemo}
        from jsonb_to_recordset(${json(rows)})
          as x(code text, level text, name text, "gemeenteCode" text, "wijkCode" text, lat float8, lng float8)
        on conflict (code) do update set level = excluded.level, name = excluded.name,
          gemeente_code = excluded.gemeente_code, wijk_code = excluded.wijk_code,
          lat = excluded.lat, lng = excluded.lng
        where (areas.level, areas.name, areas.gemeente_code, areas.wijk_code, areas.lat, areas.lng)
          is distinct from (excluded.level, excluded.name, excluded.gemeente_code, excluded.wijk_code, excluded.lat, excluded.lng)
        returning (xmax = 0) as inserted`,
  );
  const inserted = result.filter((r) => r.inserted).length;
  return { inserted, updated: result.length - inserted };
}

export interface ControlDbRow {
  id: string;
  source: ControlSource;
  sourceArea: string | null;
  occurredAt: Date | string;
  teamId: string | null;
  teamName: string | null;
  unitId: string | null;
  districtId: string | null;
  officerPersonId: string | null;
  buurtCode: string | null;
  buurtName: string | null;
  wijkCode: string | null;
  wijkName: string | null;
  gemeenteCode: string | null;
  gemeenteName: string | null;
  controlType: ControlRow['control_type'];
  initiative: ControlRow['initiative'];
  selectionReason: ControlRow['selection_reason'];
  reasonText: string | null;
  legalBasis: ControlRow['legal_basis'];
  legalBasisText: string | null;
  explained: boolean | null;
  notExplainedWhy: string | null;
  act_identity_check: boolean;
  act_frisk: boolean;
  act_search_person: boolean;
  act_search_vehicle: boolean;
  outcome: ControlRow['outcome'];
  outcomeText: string | null;
  outcomeLinked: boolean | null;
  durationBand: ControlRow['duration_band'];
  subjectKind: ControlRow['subject_kind'];
  subjectKeyHash: string | null;
  subjectKeyVersion: string | null;
  bodyHash: string | null;
  createdAt: Date | string;
}

const recordColumns = sql`c.id, c.source, c.source_area as "sourceArea", c.occurred_at as "occurredAt",
  c.team_id as "teamId", t.name as "teamName", c.unit_id as "unitId", c.district_id as "districtId",
  c.officer_person_id as "officerPersonId",
  c.buurt_code as "buurtCode", b.name as "buurtName", c.wijk_code as "wijkCode", w.name as "wijkName",
  c.gemeente_code as "gemeenteCode", g.name as "gemeenteName",
  c.control_type as "controlType", c.initiative, c.selection_reason as "selectionReason",
  c.reason_text as "reasonText", c.legal_basis as "legalBasis", c.legal_basis_text as "legalBasisText",
  c.explained, c.not_explained_why as "notExplainedWhy",
  c.act_identity_check, c.act_frisk, c.act_search_person, c.act_search_vehicle,
  c.outcome, c.outcome_text as "outcomeText", c.outcome_linked as "outcomeLinked",
  c.duration_band as "durationBand", c.subject_kind as "subjectKind",
  c.subject_key_hash as "subjectKeyHash", c.subject_key_version as "subjectKeyVersion",
  c.body_hash as "bodyHash", c.created_at as "createdAt"`;
const recordJoins = sql`left join teams t on t.id = c.team_id
  left join areas b on b.code = c.buurt_code
  left join areas w on w.code = c.wijk_code
  left join areas g on g.code = c.gemeente_code`;

export async function findControl(ex: Executor, id: string): Promise<ControlDbRow | null> {
  const rows = await queryRows<ControlDbRow>(
    ex,
    sql`select ${recordColumns} from controls c ${recordJoins} where c.id = ${id}`,
  );
  return rows[0] ?? null;
}

/** Which controls a grant may see: a scope, or only the officer's own registrations. */
export type ControlScope =
  | { kind: 'national' }
  | { kind: 'unit' | 'district' | 'team'; id: string }
  | { kind: 'officer'; personId: string };

export function scopeCondition(scope: ControlScope): SQL {
  switch (scope.kind) {
    case 'national':
      return sql`true`;
    case 'unit':
      return sql`c.unit_id = ${scope.id}`;
    case 'district':
      return sql`c.district_id = ${scope.id}`;
    case 'team':
      return sql`c.team_id = ${scope.id}`;
    case 'officer':
      return sql`c.officer_person_id = ${scope.personId} and c.source = 'pvi'`;
  }
}

function filterCondition(scope: ControlScope, q: ControlExportQuery): SQL {
  const where = [scopeCondition(scope)];
  if (q.from) where.push(sql`c.occurred_at >= ${q.from}`);
  if (q.to) where.push(sql`c.occurred_at < ${q.to}`);
  if (q.teamId) where.push(sql`c.team_id = ${q.teamId}`);
  if (q.unitId) where.push(sql`c.unit_id = ${q.unitId}`);
  if (q.source) where.push(sql`c.source = ${q.source}`);
  return sql.join(where, sql` and `);
}

export async function listControls(
  ex: Executor,
  scope: ControlScope,
  q: ControlExportQuery & { limit: number; offset: number },
): Promise<{ items: ControlDbRow[]; total: number }> {
  const where = filterCondition(scope, q);
  const [items, total] = await Promise.all([
    queryRows<ControlDbRow>(
      ex,
      sql`select ${recordColumns} from controls c ${recordJoins} where ${where}
          order by c.occurred_at desc, c.id limit ${q.limit} offset ${q.offset}`,
    ),
    queryRows<{ n: number }>(ex, sql`select count(*)::int as n from controls c where ${where}`),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export interface ExportRow {
  id: string;
  source: string;
  source_area: string | null;
  occurred_at: string;
  time_known: boolean;
  team_code: string | null;
  officer_person_id: string | null;
  buurt_code: string | null;
  wijk_code: string | null;
  gemeente_code: string | null;
  lat: number | null;
  lng: number | null;
  control_type: string;
  initiative: string | null;
  selection_reason: string | null;
  reason_text: string | null;
  legal_basis: string | null;
  legal_basis_text: string | null;
  explained: boolean | null;
  not_explained_why: string | null;
  act_identity_check: boolean;
  act_frisk: boolean;
  act_search_person: boolean;
  act_search_vehicle: boolean;
  outcome: string;
  outcome_text: string | null;
  outcome_linked: boolean | null;
  duration_band: string | null;
  object_of_search: string | null;
  subject_kind: string | null;
  subject_ref: string | null;
  subject_sex: string | null;
  subject_age_band: string | null;
  group_self_defined: string | null;
  group_officer_defined: string | null;
  group_opp: string | null;
  extra: Record<string, unknown> | null;
}

/** One page of the export, in (occurred_at, id) order after the given key (keyset paging). */
export async function exportPage(
  ex: Executor,
  scope: ControlScope,
  q: ControlExportQuery,
  after: { occurredAt: string; id: string } | null,
  limit: number,
): Promise<(ExportRow & { key_at: string })[]> {
  const where = [filterCondition(scope, q)];
  if (after)
    where.push(sql`(c.occurred_at, c.id) > (${after.occurredAt}::timestamptz, ${after.id})`);
  return queryRows(
    ex,
    sql`select c.id, c.source, c.source_area,
          to_char(c.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
          to_char(c.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key_at,
          (c.local_hour is not null) as time_known, t.code as team_code, c.officer_person_id,
          c.buurt_code, c.wijk_code, c.gemeente_code, c.lat, c.lng, c.control_type, c.initiative,
          c.selection_reason, c.reason_text, c.legal_basis, c.legal_basis_text, c.explained,
          c.not_explained_why, c.act_identity_check, c.act_frisk, c.act_search_person,
          c.act_search_vehicle, c.outcome, c.outcome_text, c.outcome_linked, c.duration_band,
          c.object_of_search, c.subject_kind, c.subject_ref, c.subject_sex, c.subject_age_band,
          c.group_self_defined, c.group_officer_defined, c.group_opp, c.extra
        from controls c left join teams t on t.id = c.team_id
        where ${sql.join(where, sql` and `)}
        order by c.occurred_at, c.id limit ${limit}`,
  );
}

export async function teamsByCode(ex: Executor) {
  return queryRows<{ code: string; id: string; unitId: string; districtId: string | null }>(
    ex,
    sql`select code, id, unit_id as "unitId", district_id as "districtId" from teams`,
  );
}

/** Person ids by employee number (the demo names officers by employee number). */
export async function personIdsByEmployeeNumber(ex: Executor): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; employeeNumber: string }>(
    ex,
    sql`select id, employee_number as "employeeNumber" from people`,
  );
  return new Map(rows.map((r) => [r.employeeNumber, r.id]));
}

// ------------------------------------------------------------------ import files

export async function findImportFile(ex: Executor, sha256: string) {
  const rows = await queryRows<{
    id: string;
    status: 'running' | 'done';
    rows: number;
    inserted: number;
    rejected: number;
  }>(
    ex,
    sql`select id, status, rows, inserted, rejected from control_import_files where sha256 = ${sha256}`,
  );
  return rows[0] ?? null;
}

/** Records the start of a file's import (again, after an interrupted one); returns its id. */
export async function startImportFile(
  ex: Executor,
  values: { format: string; sha256: string; sourceArea: string | null },
): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`insert into control_import_files (format, sha256, source_area, status)
        values (${values.format}, ${values.sha256}, ${values.sourceArea}, 'running')
        on conflict (sha256) do update set status = 'running', started_at = now()
        returning id`,
  );
  return rows[0]!.id;
}

export async function finishImportFile(
  ex: Executor,
  id: string,
  counts: { rows: number; inserted: number; rejected: number },
) {
  await ex.execute(
    sql`update control_import_files set status = 'done', finished_at = now(), rows = ${counts.rows},
          inserted = inserted + ${counts.inserted}, rejected = ${counts.rejected}
        where id = ${id}`,
  );
}

// ------------------------------------------------------------------ rollup

/** Rebuilds the monthly rollup for the months from `from` to `to` (YYYY-MM-01, inclusive). */
export async function refreshMonthly(ex: Executor, from: string, to: string): Promise<number> {
  await ex.execute(
    sql`delete from control_monthly where month between ${from}::date and ${to}::date`,
  );
  const rows = await queryRows<{ n: number }>(
    ex,
    sql`with ins as (
          insert into control_monthly (month, source, unit_id, district_id, team_id, control_type,
            initiative, selection_reason, legal_basis, outcome_linked, controls, hits, warnings,
            fines, arrests, seizures, referrals, explained, with_reason_text, frisks, searches,
            with_subject_key)
          select local_month, source, unit_id, district_id, team_id, control_type, initiative,
            selection_reason, legal_basis, outcome_linked,
            count(*),
            count(*) filter (where outcome <> 'none'),
            count(*) filter (where outcome = 'warning'),
            count(*) filter (where outcome = 'fine'),
            count(*) filter (where outcome = 'arrest'),
            count(*) filter (where outcome = 'seizure'),
            count(*) filter (where outcome = 'referral'),
            count(*) filter (where explained),
            count(*) filter (where coalesce(reason_text, '') <> ''),
            count(*) filter (where act_frisk),
            count(*) filter (where act_search_person or act_search_vehicle),
            count(*) filter (where subject_ref is not null)
          from controls
          where local_month between ${from}::date and ${to}::date
          group by local_month, source, unit_id, district_id, team_id, control_type, initiative,
            selection_reason, legal_basis, outcome_linked
          returning 1)
        select count(*)::int as n from ins`,
  );
  return rows[0]?.n ?? 0;
}

export async function monthRange(ex: Executor, importFileId?: string) {
  const rows = await queryRows<{ from: string | null; to: string | null }>(
    ex,
    sql`select min(local_month)::text as "from", max(local_month)::text as "to" from controls
        ${importFileId ? sql`where import_file_id = ${importFileId}` : sql``}`,
  );
  return rows[0] ?? { from: null, to: null };
}

export async function keyVersionCounts(ex: Executor) {
  return queryRows<{ version: string; n: number }>(
    ex,
    sql`select subject_key_version as version, count(*)::int as n from controls
        where subject_key_hash is not null group by 1 order by 1`,
  );
}

/** Forgets pseudonyms made with keys that are no longer configured; subject_ref stays. */
export async function purgeKeyVersions(ex: Executor, keep: string[]): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`update controls set subject_key_hash = null, subject_key_version = null
        where subject_key_hash is not null
          and subject_key_version not in (select jsonb_array_elements_text(${json(keep)}))
        returning id`,
  );
  return rows.length;
}
