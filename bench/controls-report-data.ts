/**
 * Synthetic controls for the controls-report benchmark, made inside PostgreSQL with
 * INSERT … SELECT from generate_series and a seeded random() (no rows pass through Node).
 *
 * Organisation: 12 units, 96 districts, 1,500 base teams. Areas: 342 gemeenten (as many as the
 * Netherlands has), each with 8 wijken of 4 buurten (10,944 buurten), centroids spread over the
 * country. Each team has a home gemeente (≈ 4.4 teams share one, so the internal benchmark has
 * peers) and works there 90 % of the time, else in the next gemeente.
 *
 * Controls, over three years (Amsterdam days 2023-11-01 … 2026-10-31):
 * - 90 % our own registrations (`pvi`): busy evenings, reasons, legal bases correlated with the
 *   reason, initiative, reason text, explanation, actions, outcome and the link to the reason as in
 *   the demo generator (`packages/db/src/demo/controls.ts`), with one team in 97 registering poorly
 *   and one in 89 hitting less for `behaviour`;
 * - 10 % imported police.uk stop and search in five English forces: no team, own coordinates,
 *   Europe/London clock, self- and officer-defined ethnicity (the disparity and veil-of-darkness
 *   sections run on these), a legal basis text, the outcome linked or not.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@pvi/db';

export const TEAMS = 1500;
export const GEMEENTEN = 342;
export const FIRST_DAY = '2023-11-01';
export const LAST_DAY = '2026-10-31';
const DAYS = 1096;

/** Units, districts, teams, areas and a lookup of team → home gemeente. */
export async function seedStructure(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  await db.execute(sql`
    insert into units (code, name, kind)
    select 'BU' || u, 'Bench-eenheid ' || u, 'regional' from generate_series(1, 12) u`);
  await db.execute(sql`
    insert into districts (unit_id, code, name)
    select u.id, u.code || '-D' || d, u.name || ' district ' || d
    from units u cross join generate_series(1, 8) d`);
  await db.execute(sql`
    insert into teams (unit_id, district_id, code, name, kind)
    select d.unit_id, d.id, 'BT' || n, 'Bench-team ' || n, 'basisteam'
    from generate_series(1, ${TEAMS}) n
    join (select id, unit_id, row_number() over (order by code) - 1 as i from districts) d
      on d.i = n % 96`);
  // Centroids from the golden-ratio sequence over the Netherlands' bounding box.
  await db.execute(sql`
    insert into areas (code, level, name, gemeente_code, wijk_code, lat, lng)
    select 'GM' || lpad(g::text, 4, '0'), 'gemeente', 'Bench-gemeente ' || g,
      'GM' || lpad(g::text, 4, '0'), null,
      50.8 + 2.5 * ((g * 0.6180339887) - floor(g * 0.6180339887)),
      3.4 + 3.6 * ((g * 0.7548776662) - floor(g * 0.7548776662))
    from generate_series(1, ${GEMEENTEN}) g`);
  await db.execute(sql`
    insert into areas (code, level, name, gemeente_code, wijk_code, lat, lng)
    select 'WK' || substr(g.code, 3) || lpad(w::text, 2, '0'), 'wijk', g.name || ' wijk ' || w,
      g.code, null, g.lat + 0.004 * (w - 4), g.lng + 0.003 * (w % 3)
    from areas g cross join generate_series(0, 7) w where g.level = 'gemeente'`);
  await db.execute(sql`
    insert into areas (code, level, name, gemeente_code, wijk_code, lat, lng)
    select 'BU' || substr(w.code, 3) || lpad(b::text, 2, '0'), 'buurt', w.name || ' buurt ' || b,
      w.gemeente_code, w.code, w.lat + 0.001 * b, w.lng - 0.001 * b
    from areas w cross join generate_series(0, 3) b where w.level = 'wijk'`);
  await db.execute(sql`
    create table bench_teams as
    select row_number() over (order by code)::int - 1 as n, id, unit_id, district_id,
      'GM' || lpad(((row_number() over (order by code) - 1) % ${GEMEENTEN} + 1)::text, 4, '0') as home,
      'GM' || lpad(((row_number() over (order by code)) % ${GEMEENTEN} + 1)::text, 4, '0') as next
    from teams`);
  await db.execute(sql`create unique index on bench_teams (n)`);
  await db.execute(sql`analyze`);
}

/** The hour of a control: weights of the demo generator (quiet mornings, busy evenings). */
const HOUR_WEIGHTS = [
  6, 5, 4, 3, 2, 1.5, 2, 3, 4, 5, 6, 6.5, 7, 7, 7.5, 8, 9, 10, 10.5, 11, 11.5, 11, 10, 8,
];
/** Every hour repeated by twice its weight: draw one at random. */
const HOUR_BAG = `{${HOUR_WEIGHTS.flatMap((w, h) => Array<number>(Math.round(w * 2)).fill(h)).join(',')}}`;

/**
 * Inserts controls number `from` … `to` (1-based). random() is seeded per call from `from`, so
 * the data set is the same on every run; rows are independent draws, so the first 1,000,000
 * are a sample of the 10,000,000.
 */
export async function generateControls(
  handle: DatabaseHandle,
  from: number,
  to: number,
): Promise<void> {
  if (handle.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
  const client = await handle.pool.connect();
  try {
    // One statement per million rows, so progress is visible and no statement runs for minutes.
    for (let start = from; start <= to; start += 1_000_000) {
      const end = Math.min(to, start + 999_999);
      await client.query('select setseed($1)', [((start * 7919) % 100_003) / 100_003]);
      await client.query(insertSql(start, end));
    }
  } finally {
    client.release();
  }
}

export function insertSql(start: number, end: number): string {
  const bag = `('${HOUR_BAG}'::int[])`;
  return `
  insert into controls (id, source, source_area, occurred_at, local_month, local_hour,
    local_weekday, unit_id, district_id, team_id, gemeente_code, wijk_code, buurt_code, lat, lng,
    control_type, initiative, selection_reason, reason_text, legal_basis, legal_basis_text,
    explained, act_identity_check, act_frisk, act_search_person, act_search_vehicle, outcome,
    outcome_linked, duration_band, group_self_defined, group_officer_defined)
  select id, source, source_area, at, date_trunc('month', local)::date,
    extract(hour from local)::smallint, extract(isodow from local)::smallint,
    unit_id, district_id, team_id, gemeente_code, wijk_code, buurt_code, lat, lng,
    control_type, initiative, selection_reason, reason_text, legal_basis, legal_basis_text,
    explained, act_identity, act_frisk, act_search_person, act_search_vehicle, outcome,
    outcome_linked, duration_band, group_self, group_officer
  from (
    select y.*, y.at at time zone y.zone as local from (
      select x.*,
        (x.local_ts at time zone x.zone) as at
      from (
        select w.*,
          ('${FIRST_DAY}'::date + w.day_n)::timestamp
            + make_interval(mins => w.hour * 60 + floor(w.r_min * 60)::int) as local_ts,
          case when w.uk then 'Europe/London' else 'Europe/Amsterdam' end as zone,
          case when w.search then w.r_hit < least(0.9, w.hit_rate * 1.4) else w.r_hit < w.hit_rate end as hit
        from (
          select v.*,
            v.r_search < case when v.uk then 2 else (case when v.reason = 'information' then 0.3 else 0.09 end) end as search,
            case v.reason when 'behaviour' then case when v.t_n % 89 = 0 then 0.07 else 0.24 end
              when 'circumstances' then 0.17 when 'information' then 0.34
              when 'traffic_violation' then 0.62 else 0.12 end as hit_rate
          from (
            select u.*,
              case when u.uk then null
                   when u.r_reason < 0.35 then 'behaviour' when u.r_reason < 0.55 then 'circumstances'
                   when u.r_reason < 0.70 then 'information'
                   when u.r_reason < case when u.ctype = 'person' then 0.78 else 0.95 end
                     then 'traffic_violation' else 'other' end as reason
            from (
              select s.*, t.n as t_n, t.id as t_id, t.unit_id as t_unit,
                t.district_id as t_district, t.home, t.next
              from (select i, random() < 0.1 as uk, floor(random() * ${TEAMS})::int as tn,
                floor(random() * ${DAYS})::int as day_n, ${bag}[1 + floor(random() * cardinality(${bag}))::int] as hour,
                random() as r_min, random() as r_reason, random() as r_search, random() as r_hit,
                random() as r_a, random() as r_b, random() as r_c, random() as r_d,
                case when random() < 0.45 then 'person' when random() < 0.7 then 'vehicle' else 'both' end as ctype
              from generate_series(${start}, ${end}) i) s
              join bench_teams t on t.n = s.tn
            ) u
          ) v
        ) w
      ) x
    ) y
  ) z0
  cross join lateral (select
    (lpad(to_hex(z0.i), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(z0.i), 12, '0'))::uuid as id,
    case when z0.uk then 'police-uk' else 'pvi' end as source,
    case when z0.uk then (array['city-of-london','metropolitan','west-midlands','greater-manchester','merseyside'])[1 + floor(z0.r_a * 5)::int] end as source_area,
    case when z0.uk then null else z0.t_unit end as unit_id,
    case when z0.uk then null else z0.t_district end as district_id,
    case when z0.uk then null else z0.t_id end as team_id,
    case when z0.uk then null when z0.r_a < 0.9 then z0.home else z0.next end as gemeente_code,
    case when z0.uk then null else 'WK' || substr(case when z0.r_a < 0.9 then z0.home else z0.next end, 3) || lpad(floor(z0.r_b * 8)::text, 2, '0') end as wijk_code,
    case when z0.uk then null else 'BU' || substr(case when z0.r_a < 0.9 then z0.home else z0.next end, 3) || lpad(floor(z0.r_b * 8)::text, 2, '0') || lpad(floor(z0.r_c * 4)::text, 2, '0') end as buurt_code,
    case when z0.uk then (array[51.515, 51.507, 52.486, 53.480, 53.408])[1 + floor(z0.r_a * 5)::int] + (z0.r_b - 0.5) * 0.2 end as lat,
    case when z0.uk then (array[-0.092, -0.128, -1.890, -2.242, -2.991])[1 + floor(z0.r_a * 5)::int] + (z0.r_c - 0.5) * 0.3 end as lng,
    z0.ctype as control_type,
    case when z0.uk then null when z0.r_d < 0.55 then 'proactive' when z0.r_d < 0.75 then 'call'
         when z0.r_d < 0.85 or z0.reason = 'information' then 'information'
         when z0.r_d < 0.95 and z0.ctype <> 'person' then 'anpr' else 'other' end as initiative,
    z0.reason as selection_reason,
    case when z0.uk then null
         when z0.reason = 'other' or z0.r_c < case when z0.t_n % 97 = 0 then 0.4 else 0.93 end
           then 'Reden ' || z0.reason || ' ' || floor(z0.r_b * 5) end as reason_text,
    case when z0.uk then 'other'
         when z0.r_b < case when z0.t_n % 97 = 0 then 0.55 else 0.03 end then null
         when z0.reason = 'traffic_violation' then 'wvw_160'
         when z0.reason = 'information' then (array['opiumwet','opiumwet','wwm','politiewet'])[1 + floor(z0.r_c * 4)::int]
         when z0.reason = 'circumstances' then (array['apv','politiewet','wid'])[1 + floor(z0.r_c * 3)::int]
         else (array['wid','wid','politiewet','wvw_160','other'])[1 + floor(z0.r_c * 5)::int] end as legal_basis,
    case when z0.uk then (array['Misuse of Drugs Act 1971 (section 23)','Police and Criminal Evidence Act 1984 (section 1)','Criminal Justice and Public Order Act 1994 (section 60)'])[1 + floor(z0.r_b * 3)::int] end as legal_basis_text,
    case when z0.uk then null else z0.r_d < case when z0.t_n % 97 = 0 then 0.35 else 0.9 end end as explained,
    not z0.uk and z0.r_c < 0.6 as act_identity,
    not z0.uk and z0.ctype <> 'vehicle' and z0.r_search < 0.07 as act_frisk,
    z0.search and z0.ctype <> 'vehicle' as act_search_person,
    z0.search and z0.ctype <> 'person' as act_search_vehicle,
    case when not z0.hit then 'none' when z0.reason = 'traffic_violation' then (array['fine','fine','warning'])[1 + floor(z0.r_min * 3)::int]
         else (array['warning','warning','fine','arrest','seizure','referral'])[1 + floor(z0.r_min * 6)::int] end as outcome,
    case when z0.uk and z0.r_d < 0.15 then null else z0.hit and z0.r_c < 0.8 end as outcome_linked,
    case when z0.uk then null else (array['lt5','5to15','5to15','15to30'])[1 + floor(z0.r_b * 4)::int] end as duration_band,
    case when not z0.uk or z0.r_c < 0.1 then null
         else (array['White - English/Welsh/Scottish/Northern Irish/British','White - Any other White background','Black/African/Caribbean/Black British - Any other Black/African/Caribbean background','Asian/Asian British - Any other Asian background','Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background','Other ethnic group - Not stated'])[1 + floor(z0.r_d * 6)::int] end as group_self,
    case when not z0.uk or z0.r_b < 0.05 then null
         else (array['White','White','White','Black','Asian','Mixed','Other'])[1 + floor(z0.r_d * 7)::int] end as group_officer
  ) z`;
}
