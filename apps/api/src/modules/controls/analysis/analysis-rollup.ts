import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '@pvi/db';
import { SOURCE_TIME_ZONE } from '../control-row.ts';

/**
 * The rollups of the controls analysis (packages/db/src/schema/controls-analysis.ts): how each
 * is computed from a relation of control rows aliased `c` — `controls` itself (rebuild, and the
 * days at the edges of a period), or the rows just inserted (the trigger of migration 0009, whose
 * body is `rollupTriggerSql()`). One definition, so the rollups and the raw table cannot drift.
 */

export const AMS_MONTH = sql.raw(
  `date_trunc('month', c.occurred_at at time zone 'Europe/Amsterdam')::date`,
);
const AMS_DAY = sql.raw(`(c.occurred_at at time zone 'Europe/Amsterdam')::date`);
const SCOPE = sql.raw('c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code');
const SCOPE_COLUMNS = 'source, unit_id, district_id, team_id, gemeente_code';
const known = (col: string) => `nullif(btrim(${col}), '') is not null`;
const trimmed = (col: string) => `nullif(btrim(${col}), '') as ${col.slice(2)}`;

/**
 * The zones of the sources whose clock times come with one (SOURCE_TIME_ZONE of control-row.ts;
 * OPP's are stored as if UTC and have no known zone): the sun is read on these clocks only.
 */
export const CLOCK_ZONES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SOURCE_TIME_ZONE).filter(([source]) => source !== 'opp'),
);
const zoneCase = (orElse: string) =>
  `case c.source ${Object.entries(CLOCK_ZONES)
    .map(([source, zone]) => `when '${source}' then '${zone}'`)
    .join(' ')}${orElse} end`;

/** The zone whose clock gives a control's local time (as in analysis.repository.ts). */
export const LOCAL_TIME = sql.raw(`(c.occurred_at at time zone (${zoneCase(" else 'UTC'")}))`);

/** The first condition a control fails for the internal benchmark, or null. */
export const BENCHMARK_EXCLUSION = sql.raw(
  `case when c.team_id is null then 'no_team' when c.local_hour is null then 'no_time'
        when c.gemeente_code is null then 'no_gemeente'
        when c.selection_reason is null then 'no_selection_reason'
        when c.outcome_linked is null then 'no_outcome_link' end`,
);

interface Rollup {
  table: string;
  keys: string[];
  measures: string[];
  select: (from: SQL) => SQL;
  /** A statement to run before `select` over the same rows (what the cells need besides them). */
  prepare?: (from: SQL) => SQL;
}

const count = (condition: string) => `count(*) filter (where ${condition})::int`;

const BASE_MEASURES = [
  'controls',
  'legal',
  'reason_text',
  'explained',
  'explained_known',
  'link_known',
  'hits',
  'no_time',
  'no_reason',
  'no_legal_basis',
  'no_initiative',
  'group_self',
  'group_officer',
  'group_opp',
  'bx_no_team',
  'bx_no_time',
  'bx_no_gemeente',
  'bx_no_reason',
  'bx_no_link',
];

const base: Rollup = {
  table: 'control_analysis_base',
  keys: ['month', 'local_month', ...SCOPE_COLUMNS.split(', ')],
  measures: BASE_MEASURES,
  select: (from) =>
    sql`select ${AMS_MONTH} as month, c.local_month, ${SCOPE}, count(*)::int as controls,
      ${sql.raw(
        [
          count(`c.legal_basis is not null and c.legal_basis <> 'other'`),
          count(`coalesce(btrim(c.reason_text), '') <> ''`),
          count('c.explained'),
          count('c.explained is not null'),
          count('c.outcome_linked is not null'),
          count('c.outcome_linked'),
          count('c.local_hour is null'),
          count('c.selection_reason is null'),
          count('c.legal_basis is null'),
          count('c.initiative is null'),
          count(known('c.group_self_defined')),
          count(known('c.group_officer_defined')),
          count(known('c.group_opp')),
        ]
          .map((expr, i) => `${expr} as ${BASE_MEASURES[i + 1]}`)
          .join(', '),
      )},
      ${sql.join(
        ['no_team', 'no_time', 'no_gemeente', 'no_selection_reason', 'no_outcome_link'].map(
          (r, i) =>
            sql`count(*) filter (where ${BENCHMARK_EXCLUSION} = ${sql.raw(`'${r}'`)})::int as ${sql.raw(BASE_MEASURES[14 + i]!)}`,
        ),
        sql`, `,
      )}
    from ${from}
    group by 1, c.local_month, ${SCOPE}`,
};

const dims: Rollup = {
  table: 'control_analysis_dims',
  keys: ['month', ...SCOPE_COLUMNS.split(', '), 'dimension', 'key'],
  measures: ['controls', 'link_known', 'hits'],
  select: (from) =>
    sql`select ${AMS_MONTH} as month, ${SCOPE},
      case when grouping(c.selection_reason) = 0 then 'selectionReason'
           when grouping(c.legal_basis) = 0 then 'legalBasis' else 'initiative' end as dimension,
      case when grouping(c.selection_reason) = 0 then c.selection_reason
           when grouping(c.legal_basis) = 0 then c.legal_basis else c.initiative end as key,
      count(*)::int as controls, ${sql.raw(count('c.outcome_linked is not null'))} as link_known,
      ${sql.raw(count('c.outcome_linked'))} as hits
    from ${from}
    group by 1, ${SCOPE}, grouping sets ((c.selection_reason), (c.legal_basis), (c.initiative))`,
};

const benchmark: Rollup = {
  table: 'control_analysis_benchmark',
  keys: ['month', ...SCOPE_COLUMNS.split(', '), 'hour_band', 'selection_reason'],
  measures: ['controls', 'hits'],
  select: (from) =>
    sql`select ${AMS_MONTH} as month, ${SCOPE}, (c.local_hour / 4)::smallint as hour_band,
      c.selection_reason, count(*)::int as controls, ${sql.raw(count('c.outcome_linked'))} as hits
    from ${from}
    where c.team_id is not null and c.local_hour is not null and c.gemeente_code is not null
      and c.selection_reason is not null and c.outcome_linked is not null
    group by 1, ${SCOPE}, 7, c.selection_reason`,
};

const groups: Rollup = {
  table: 'control_analysis_groups',
  keys: [
    'month',
    ...SCOPE_COLUMNS.split(', '),
    'group_self_defined',
    'group_officer_defined',
    'group_opp',
  ],
  measures: ['controls', 'searched', 'search_hits'],
  select: (from) =>
    sql`select ${AMS_MONTH} as month, ${SCOPE}, ${sql.raw(trimmed('c.group_self_defined'))},
      ${sql.raw(trimmed('c.group_officer_defined'))}, ${sql.raw(trimmed('c.group_opp'))},
      count(*)::int as controls,
      ${sql.raw(count('c.act_search_person or c.act_search_vehicle'))} as searched,
      ${sql.raw(count(`(c.act_search_person or c.act_search_vehicle) and c.outcome <> 'none'`))} as search_hits
    from ${from}
    group by 1, ${SCOPE}, 7, 8, 9`,
};

/** The zone whose clock the sun is read on, per source (null: no known clock, as for OPP). */
const SUN_ZONE = zoneCase('');

/**
 * The controls of `from` that enter the veil of darkness (a local time and at least one group),
 * with their place `p`: sun zone, local date and clock minute, and position (own, else the
 * buurt's or gemeente's centroid, to 0.1°).
 */
const darknessRows = (from: SQL, joins: SQL = sql``) => sql`${from}
      left join areas b on b.code = c.buurt_code
      left join areas g on g.code = c.gemeente_code
      cross join lateral (select ${sql.raw(SUN_ZONE)} as zone, (${LOCAL_TIME})::date as local_date,
        (extract(hour from ${LOCAL_TIME}) * 60 + extract(minute from ${LOCAL_TIME}))::int as minute,
        round(coalesce(c.lat, b.lat, g.lat)::numeric, 1)::float8 as lat,
        round(coalesce(c.lng, b.lng, g.lng)::numeric, 1)::float8 as lng) p ${joins}
    where c.local_hour is not null and (${sql.raw(
      [known('c.group_self_defined'), known('c.group_officer_defined'), known('c.group_opp')].join(
        ' or ',
      ),
    )})`;

/**
 * The inter-twilight windows the controls of `from` need and `control_twilight_windows` lacks,
 * computed (pvi_twilight_window, migration 0011) and stored: run before their cells are folded.
 */
function twilightWindows(from: SQL): SQL {
  return sql`insert into control_twilight_windows (zone, year, lat, lng, start_minute, end_minute)
    select x.zone, x.year, x.lat, x.lng, w.start_minute, w.end_minute
    from (select distinct p.zone, extract(year from p.local_date)::smallint as year, p.lat, p.lng
          from ${darknessRows(from)}
            and p.zone is not null and p.lat is not null and p.lng is not null) x
      cross join lateral pvi_twilight_window(x.year, x.lat, x.lng, x.zone) w
    where not exists (select from control_twilight_windows t
      where t.zone = x.zone and t.year = x.year and t.lat = x.lat and t.lng = x.lng)
    on conflict do nothing`;
}

const darkness: Rollup = {
  table: 'control_analysis_darkness',
  keys: [
    'day',
    ...SCOPE_COLUMNS.split(', '),
    'area',
    'daylight',
    'minute',
    'group_self_defined',
    'group_officer_defined',
    'group_opp',
  ],
  measures: ['controls'],
  prepare: twilightWindows,
  select: (from) =>
    sql`select ${AMS_DAY} as day, ${SCOPE},
      coalesce(c.gemeente_code, c.source_area, 'unknown') as area, k.daylight,
      (case when k.daylight in ('light', 'dark') then p.minute end)::smallint as minute,
      ${sql.raw(trimmed('c.group_self_defined'))}, ${sql.raw(trimmed('c.group_officer_defined'))},
      ${sql.raw(trimmed('c.group_opp'))}, count(*)::int as controls
    from ${darknessRows(
      from,
      sql`left join control_twilight_windows w on w.zone = p.zone
        and w.year = extract(year from p.local_date) and w.lat = p.lat and w.lng = p.lng
      cross join lateral (select pvi_daylight_class(p.zone, p.local_date, p.minute, p.lat, p.lng,
        w.start_minute, w.end_minute) as daylight) k`,
    )}
    group by 1, ${SCOPE}, 7, 8, 9, 10, 11, 12`,
};

export const ROLLUPS = { base, dims, benchmark, groups, darkness } as const;

/** Insert (adding to existing cells) what `from` contributes to one rollup. */
function upsert(r: Rollup, from: SQL): SQL {
  const sets = r.measures.map((m) => `${m} = ${r.table}.${m} + excluded.${m}`).join(', ');
  return sql`insert into ${sql.raw(r.table)} (${sql.raw([...r.keys, ...r.measures].join(', '))})
    ${r.select(from)}
    on conflict on constraint ${sql.raw(`${r.table}_key`)} do update set ${sql.raw(sets)}`;
}

/** Rebuilds every analysis rollup from `controls` (`pvi controls rollup`, the benchmark). */
export async function refreshAnalysisRollup(ex: Executor): Promise<void> {
  for (const r of Object.values(ROLLUPS)) {
    await ex.execute(sql.raw(`truncate ${r.table}`));
    if (r.prepare) await ex.execute(r.prepare(sql`controls c`));
    await ex.execute(
      sql`insert into ${sql.raw(r.table)} (${sql.raw([...r.keys, ...r.measures].join(', '))})
        ${r.select(sql`controls c`)}`,
    );
  }
}

/** The statements of the trigger function: the inserted rows (`new_rows`) into every rollup. */
export function rollupUpserts(): SQL[] {
  return Object.values(ROLLUPS).flatMap((r) => [
    ...(r.prepare ? [r.prepare(sql`new_rows c`)] : []),
    upsert(r, sql`new_rows c`),
  ]);
}

/**
 * The trigger function and the refill of the darkness rollup at the end of migration 0011 (0009
 * made the first trigger and fill, 0011 the darkness classes), from the definitions above:
 * `npx tsx -e "import('./apps/api/src/modules/controls/analysis/analysis-rollup.ts').then((m) =>
 * process.stdout.write(m.rollupMigrationSql()))"`. A test checks the migration still ends so.
 */
export function rollupMigrationSql(): string {
  const dialect = new PgDialect();
  const text = (s: SQL) => dialect.sqlToQuery(s).sql.replace(/\n\s*/g, ' ').trim();
  const { darkness: d } = ROLLUPS;
  const out = [
    '-- The analysis rollups (0008) kept up to date on every insert into controls (the trigger of',
    '-- 0009), the darkness cells now classified as they are folded, and refilled from the rows',
    '-- there already. Made by rollupMigrationSql() in',
    '-- apps/api/src/modules/controls/analysis/analysis-rollup.ts; a test checks they still match.',
    'CREATE OR REPLACE FUNCTION control_analysis_fold() RETURNS trigger LANGUAGE plpgsql AS $$',
    'BEGIN',
    ...rollupUpserts().map((s) => `  ${text(s)};`),
    '  RETURN NULL;',
    'END $$;',
    '--> statement-breakpoint',
    `${text(d.prepare!(sql`controls c`))};`,
    '--> statement-breakpoint',
    `INSERT INTO ${d.table} (${[...d.keys, ...d.measures].join(', ')}) ${text(d.select(sql`controls c`))};`,
  ];
  return `${out.join('\n')}\n`;
}
