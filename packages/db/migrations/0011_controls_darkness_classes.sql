CREATE TABLE "control_twilight_windows" (
	"zone" text NOT NULL,
	"year" smallint NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"start_minute" double precision,
	"end_minute" double precision,
	CONSTRAINT "control_twilight_windows_zone_year_lat_lng_pk" PRIMARY KEY("zone","year","lat","lng")
);
--> statement-breakpoint
-- The darkness cells are rebuilt below, classified.
TRUNCATE "control_analysis_darkness";--> statement-breakpoint
ALTER TABLE "control_analysis_darkness" DROP CONSTRAINT "control_analysis_darkness_key";--> statement-breakpoint
ALTER TABLE "control_analysis_darkness" ALTER COLUMN "minute" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "control_analysis_darkness" ADD COLUMN "daylight" text NOT NULL;--> statement-breakpoint
ALTER TABLE "control_analysis_darkness" DROP COLUMN "local_date";--> statement-breakpoint
ALTER TABLE "control_analysis_darkness" DROP COLUMN "lat";--> statement-breakpoint
ALTER TABLE "control_analysis_darkness" DROP COLUMN "lng";--> statement-breakpoint
ALTER TABLE "control_analysis_darkness" ADD CONSTRAINT "control_analysis_darkness_key" UNIQUE NULLS NOT DISTINCT("day","source","unit_id","district_id","team_id","gemeente_code","area","daylight","minute","group_self_defined","group_officer_defined","group_opp");--> statement-breakpoint
-- The sun in SQL, for classifying veil-of-darkness cells as controls are inserted: the same
-- arithmetic as packages/stats/src/sun.ts and twilight.ts (NOAA Solar Calculator after Meeus
-- 1998), step for step; apps/api/test/controls-sun-sql.test.ts checks they agree.
CREATE FUNCTION pvi_sun_event_minutes(jd float8, lat float8, lng float8, zenith float8)
RETURNS float8 LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  t float8 := (jd - 2451545) / 36525;
  l0 float8; m float8; e float8; center float8; omega float8; apparent float8;
  obliquity float8; declination float8; y float8; eq_time float8; cos_h float8;
BEGIN
  l0 := 280.46646 + t * (36000.76983 + t * 0.0003032);
  l0 := l0 - 360 * floor(l0 / 360);
  m := 357.52911 + t * (35999.05029 - 0.0001537 * t);
  e := 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  center := sin(m * pi() / 180) * (1.914602 - t * (0.004817 + 0.000014 * t))
    + sin(2 * m * pi() / 180) * (0.019993 - 0.000101 * t)
    + sin(3 * m * pi() / 180) * 0.000289;
  omega := 125.04 - 1934.136 * t;
  apparent := l0 + center - 0.00569 - 0.00478 * sin(omega * pi() / 180);
  obliquity := 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60
    + 0.00256 * cos(omega * pi() / 180);
  declination := asin(sin(obliquity * pi() / 180) * sin(apparent * pi() / 180)) * 180 / pi();
  y := tan(obliquity * pi() / 180 / 2) ^ 2;
  eq_time := y * sin(2 * (l0 * pi() / 180)) - 2 * e * sin(m * pi() / 180)
    + 4 * e * y * sin(m * pi() / 180) * cos(2 * (l0 * pi() / 180))
    - 0.5 * y * y * sin(4 * (l0 * pi() / 180)) - 1.25 * e * e * sin(2 * (m * pi() / 180));
  cos_h := cos(zenith * pi() / 180) / (cos(lat * pi() / 180) * cos(declination * pi() / 180))
    - tan(lat * pi() / 180) * tan(declination * pi() / 180);
  IF NOT (cos_h >= -1 AND cos_h <= 1) THEN RETURN NULL; END IF;
  -- The evening event: the hour angle west of the meridian.
  RETURN 720 - 4 * (lng - acos(cos_h) * 180 / pi()) - 4 * (eq_time * 180 / pi());
END $$;
--> statement-breakpoint
-- Sunset (zenith 90.833) or civil dusk (96) on a local date at a position, as the local clock
-- minute in a zone (seconds as a fraction, milliseconds dropped); null when it does not occur.
CREATE FUNCTION pvi_sun_local_minute(d date, lat float8, lng float8, zenith float8, zone text)
RETURNS float8 LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  yy int := extract(year from d); mm int := extract(month from d); dd int := extract(day from d);
  a int; jd float8; first float8; minutes float8; at_local timestamp; s float8;
BEGIN
  IF mm <= 2 THEN yy := yy - 1; mm := mm + 12; END IF;
  a := floor(yy / 100.0);
  jd := floor(365.25 * (yy + 4716)) + floor(30.6001 * (mm + 1)) + dd + (2 - a + floor(a / 4.0)) - 1524.5;
  first := pvi_sun_event_minutes(jd, lat, lng, zenith);
  IF first IS NULL THEN RETURN NULL; END IF;
  minutes := pvi_sun_event_minutes(jd + first / 1440, lat, lng, zenith);
  IF minutes IS NULL THEN RETURN NULL; END IF;
  at_local := (d::timestamp + floor(minutes * 60000 + 0.5) * interval '1 millisecond')
    AT TIME ZONE 'UTC' AT TIME ZONE zone;
  s := floor(extract(epoch from at_local - date_trunc('day', at_local)));
  RETURN floor(s / 3600) * 60 + floor((s - 3600 * floor(s / 3600)) / 60) + (s - 60 * floor(s / 60)) / 60;
END $$;
--> statement-breakpoint
-- The inter-twilight window of a year at a place (interTwilightWindow of @pvi/stats): the
-- earliest and latest local clock minute of civil dusk over the year; nulls when some day has no
-- dusk or dusk after local midnight.
CREATE FUNCTION pvi_twilight_window(y int, lat float8, lng float8, zone text,
  OUT start_minute float8, OUT end_minute float8)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN bool_and(m >= 720) THEN min(m) END, CASE WHEN bool_and(m >= 720) THEN max(m) END
  FROM (SELECT coalesce(pvi_sun_local_minute(d::date, lat, lng, 96, zone), -1) AS m
        FROM generate_series(make_date(y, 1, 1), make_date(y, 12, 31), interval '1 day') d) x
  WHERE y BETWEEN 1900 AND 2200
$$;
--> statement-breakpoint
-- A control's daylight class for the veil of darkness (darknessInput in
-- apps/api/src/modules/controls/analysis/analysis-darkness.ts, the same checks in the same
-- order): no_time_zone, no_coordinates, no_sun_times, outside_window, light, twilight or dark.
-- Below 65° of latitude the sun sets every day, so outside the window no sunset is computed.
CREATE FUNCTION pvi_daylight_class(zone text, local_date date, minute int, lat float8,
  lng float8, window_start float8, window_end float8)
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  sunset float8; dusk float8;
BEGIN
  IF zone IS NULL THEN RETURN 'no_time_zone'; END IF;
  IF lat IS NULL OR lng IS NULL THEN RETURN 'no_coordinates'; END IF;
  IF window_start IS NULL OR window_end IS NULL THEN RETURN 'no_sun_times'; END IF;
  IF NOT (minute >= window_start AND minute <= window_end) AND abs(lat) < 65 THEN
    RETURN 'outside_window';
  END IF;
  sunset := pvi_sun_local_minute(local_date, lat, lng, 90.833, zone);
  dusk := pvi_sun_local_minute(local_date, lat, lng, 96, zone);
  IF sunset IS NULL OR dusk IS NULL THEN RETURN 'no_sun_times'; END IF;
  IF NOT (minute >= window_start AND minute <= window_end) THEN RETURN 'outside_window'; END IF;
  IF minute < sunset THEN RETURN 'light'; END IF;
  IF minute < dusk THEN RETURN 'twilight'; END IF;
  RETURN 'dark';
END $$;
--> statement-breakpoint
-- The analysis rollups (0008) kept up to date on every insert into controls (the trigger of
-- 0009), the darkness cells now classified as they are folded, and refilled from the rows
-- there already. Made by rollupMigrationSql() in
-- apps/api/src/modules/controls/analysis/analysis-rollup.ts; a test checks they still match.
CREATE OR REPLACE FUNCTION control_analysis_fold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  insert into control_analysis_base (month, local_month, source, unit_id, district_id, team_id, gemeente_code, controls, legal, reason_text, explained, explained_known, link_known, hits, no_time, no_reason, no_legal_basis, no_initiative, group_self, group_officer, group_opp, bx_no_team, bx_no_time, bx_no_gemeente, bx_no_reason, bx_no_link) select date_trunc('month', c.occurred_at at time zone 'Europe/Amsterdam')::date as month, c.local_month, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, count(*)::int as controls, count(*) filter (where c.legal_basis is not null and c.legal_basis <> 'other')::int as legal, count(*) filter (where coalesce(btrim(c.reason_text), '') <> '')::int as reason_text, count(*) filter (where c.explained)::int as explained, count(*) filter (where c.explained is not null)::int as explained_known, count(*) filter (where c.outcome_linked is not null)::int as link_known, count(*) filter (where c.outcome_linked)::int as hits, count(*) filter (where c.local_hour is null)::int as no_time, count(*) filter (where c.selection_reason is null)::int as no_reason, count(*) filter (where c.legal_basis is null)::int as no_legal_basis, count(*) filter (where c.initiative is null)::int as no_initiative, count(*) filter (where nullif(btrim(c.group_self_defined), '') is not null)::int as group_self, count(*) filter (where nullif(btrim(c.group_officer_defined), '') is not null)::int as group_officer, count(*) filter (where nullif(btrim(c.group_opp), '') is not null)::int as group_opp, count(*) filter (where case when c.team_id is null then 'no_team' when c.local_hour is null then 'no_time' when c.gemeente_code is null then 'no_gemeente' when c.selection_reason is null then 'no_selection_reason' when c.outcome_linked is null then 'no_outcome_link' end = 'no_team')::int as bx_no_team, count(*) filter (where case when c.team_id is null then 'no_team' when c.local_hour is null then 'no_time' when c.gemeente_code is null then 'no_gemeente' when c.selection_reason is null then 'no_selection_reason' when c.outcome_linked is null then 'no_outcome_link' end = 'no_time')::int as bx_no_time, count(*) filter (where case when c.team_id is null then 'no_team' when c.local_hour is null then 'no_time' when c.gemeente_code is null then 'no_gemeente' when c.selection_reason is null then 'no_selection_reason' when c.outcome_linked is null then 'no_outcome_link' end = 'no_gemeente')::int as bx_no_gemeente, count(*) filter (where case when c.team_id is null then 'no_team' when c.local_hour is null then 'no_time' when c.gemeente_code is null then 'no_gemeente' when c.selection_reason is null then 'no_selection_reason' when c.outcome_linked is null then 'no_outcome_link' end = 'no_selection_reason')::int as bx_no_reason, count(*) filter (where case when c.team_id is null then 'no_team' when c.local_hour is null then 'no_time' when c.gemeente_code is null then 'no_gemeente' when c.selection_reason is null then 'no_selection_reason' when c.outcome_linked is null then 'no_outcome_link' end = 'no_outcome_link')::int as bx_no_link from new_rows c group by 1, c.local_month, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code on conflict on constraint control_analysis_base_key do update set controls = control_analysis_base.controls + excluded.controls, legal = control_analysis_base.legal + excluded.legal, reason_text = control_analysis_base.reason_text + excluded.reason_text, explained = control_analysis_base.explained + excluded.explained, explained_known = control_analysis_base.explained_known + excluded.explained_known, link_known = control_analysis_base.link_known + excluded.link_known, hits = control_analysis_base.hits + excluded.hits, no_time = control_analysis_base.no_time + excluded.no_time, no_reason = control_analysis_base.no_reason + excluded.no_reason, no_legal_basis = control_analysis_base.no_legal_basis + excluded.no_legal_basis, no_initiative = control_analysis_base.no_initiative + excluded.no_initiative, group_self = control_analysis_base.group_self + excluded.group_self, group_officer = control_analysis_base.group_officer + excluded.group_officer, group_opp = control_analysis_base.group_opp + excluded.group_opp, bx_no_team = control_analysis_base.bx_no_team + excluded.bx_no_team, bx_no_time = control_analysis_base.bx_no_time + excluded.bx_no_time, bx_no_gemeente = control_analysis_base.bx_no_gemeente + excluded.bx_no_gemeente, bx_no_reason = control_analysis_base.bx_no_reason + excluded.bx_no_reason, bx_no_link = control_analysis_base.bx_no_link + excluded.bx_no_link;
  insert into control_analysis_dims (month, source, unit_id, district_id, team_id, gemeente_code, dimension, key, controls, link_known, hits) select date_trunc('month', c.occurred_at at time zone 'Europe/Amsterdam')::date as month, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, case when grouping(c.selection_reason) = 0 then 'selectionReason' when grouping(c.legal_basis) = 0 then 'legalBasis' else 'initiative' end as dimension, case when grouping(c.selection_reason) = 0 then c.selection_reason when grouping(c.legal_basis) = 0 then c.legal_basis else c.initiative end as key, count(*)::int as controls, count(*) filter (where c.outcome_linked is not null)::int as link_known, count(*) filter (where c.outcome_linked)::int as hits from new_rows c group by 1, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, grouping sets ((c.selection_reason), (c.legal_basis), (c.initiative)) on conflict on constraint control_analysis_dims_key do update set controls = control_analysis_dims.controls + excluded.controls, link_known = control_analysis_dims.link_known + excluded.link_known, hits = control_analysis_dims.hits + excluded.hits;
  insert into control_analysis_benchmark (month, source, unit_id, district_id, team_id, gemeente_code, hour_band, selection_reason, controls, hits) select date_trunc('month', c.occurred_at at time zone 'Europe/Amsterdam')::date as month, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, (c.local_hour / 4)::smallint as hour_band, c.selection_reason, count(*)::int as controls, count(*) filter (where c.outcome_linked)::int as hits from new_rows c where c.team_id is not null and c.local_hour is not null and c.gemeente_code is not null and c.selection_reason is not null and c.outcome_linked is not null group by 1, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, 7, c.selection_reason on conflict on constraint control_analysis_benchmark_key do update set controls = control_analysis_benchmark.controls + excluded.controls, hits = control_analysis_benchmark.hits + excluded.hits;
  insert into control_analysis_groups (month, source, unit_id, district_id, team_id, gemeente_code, group_self_defined, group_officer_defined, group_opp, controls, searched, search_hits) select date_trunc('month', c.occurred_at at time zone 'Europe/Amsterdam')::date as month, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, nullif(btrim(c.group_self_defined), '') as group_self_defined, nullif(btrim(c.group_officer_defined), '') as group_officer_defined, nullif(btrim(c.group_opp), '') as group_opp, count(*)::int as controls, count(*) filter (where c.act_search_person or c.act_search_vehicle)::int as searched, count(*) filter (where (c.act_search_person or c.act_search_vehicle) and c.outcome <> 'none')::int as search_hits from new_rows c group by 1, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, 7, 8, 9 on conflict on constraint control_analysis_groups_key do update set controls = control_analysis_groups.controls + excluded.controls, searched = control_analysis_groups.searched + excluded.searched, search_hits = control_analysis_groups.search_hits + excluded.search_hits;
  insert into control_twilight_windows (zone, year, lat, lng, start_minute, end_minute) select x.zone, x.year, x.lat, x.lng, w.start_minute, w.end_minute from (select distinct p.zone, extract(year from p.local_date)::smallint as year, p.lat, p.lng from new_rows c left join areas b on b.code = c.buurt_code left join areas g on g.code = c.gemeente_code cross join lateral (select case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' end as zone, ((c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end)))::date as local_date, (extract(hour from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))) * 60 + extract(minute from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))))::int as minute, round(coalesce(c.lat, b.lat, g.lat)::numeric, 1)::float8 as lat, round(coalesce(c.lng, b.lng, g.lng)::numeric, 1)::float8 as lng) p  where c.local_hour is not null and (nullif(btrim(c.group_self_defined), '') is not null or nullif(btrim(c.group_officer_defined), '') is not null or nullif(btrim(c.group_opp), '') is not null) and p.zone is not null and p.lat is not null and p.lng is not null) x cross join lateral pvi_twilight_window(x.year, x.lat, x.lng, x.zone) w where not exists (select from control_twilight_windows t where t.zone = x.zone and t.year = x.year and t.lat = x.lat and t.lng = x.lng) on conflict do nothing;
  insert into control_analysis_darkness (day, source, unit_id, district_id, team_id, gemeente_code, area, daylight, minute, group_self_defined, group_officer_defined, group_opp, controls) select (c.occurred_at at time zone 'Europe/Amsterdam')::date as day, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, coalesce(c.gemeente_code, c.source_area, 'unknown') as area, k.daylight, (case when k.daylight in ('light', 'dark') then p.minute end)::smallint as minute, nullif(btrim(c.group_self_defined), '') as group_self_defined, nullif(btrim(c.group_officer_defined), '') as group_officer_defined, nullif(btrim(c.group_opp), '') as group_opp, count(*)::int as controls from new_rows c left join areas b on b.code = c.buurt_code left join areas g on g.code = c.gemeente_code cross join lateral (select case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' end as zone, ((c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end)))::date as local_date, (extract(hour from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))) * 60 + extract(minute from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))))::int as minute, round(coalesce(c.lat, b.lat, g.lat)::numeric, 1)::float8 as lat, round(coalesce(c.lng, b.lng, g.lng)::numeric, 1)::float8 as lng) p left join control_twilight_windows w on w.zone = p.zone and w.year = extract(year from p.local_date) and w.lat = p.lat and w.lng = p.lng cross join lateral (select pvi_daylight_class(p.zone, p.local_date, p.minute, p.lat, p.lng, w.start_minute, w.end_minute) as daylight) k where c.local_hour is not null and (nullif(btrim(c.group_self_defined), '') is not null or nullif(btrim(c.group_officer_defined), '') is not null or nullif(btrim(c.group_opp), '') is not null) group by 1, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, 7, 8, 9, 10, 11, 12 on conflict on constraint control_analysis_darkness_key do update set controls = control_analysis_darkness.controls + excluded.controls;
  RETURN NULL;
END $$;
--> statement-breakpoint
insert into control_twilight_windows (zone, year, lat, lng, start_minute, end_minute) select x.zone, x.year, x.lat, x.lng, w.start_minute, w.end_minute from (select distinct p.zone, extract(year from p.local_date)::smallint as year, p.lat, p.lng from controls c left join areas b on b.code = c.buurt_code left join areas g on g.code = c.gemeente_code cross join lateral (select case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' end as zone, ((c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end)))::date as local_date, (extract(hour from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))) * 60 + extract(minute from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))))::int as minute, round(coalesce(c.lat, b.lat, g.lat)::numeric, 1)::float8 as lat, round(coalesce(c.lng, b.lng, g.lng)::numeric, 1)::float8 as lng) p  where c.local_hour is not null and (nullif(btrim(c.group_self_defined), '') is not null or nullif(btrim(c.group_officer_defined), '') is not null or nullif(btrim(c.group_opp), '') is not null) and p.zone is not null and p.lat is not null and p.lng is not null) x cross join lateral pvi_twilight_window(x.year, x.lat, x.lng, x.zone) w where not exists (select from control_twilight_windows t where t.zone = x.zone and t.year = x.year and t.lat = x.lat and t.lng = x.lng) on conflict do nothing;
--> statement-breakpoint
INSERT INTO control_analysis_darkness (day, source, unit_id, district_id, team_id, gemeente_code, area, daylight, minute, group_self_defined, group_officer_defined, group_opp, controls) select (c.occurred_at at time zone 'Europe/Amsterdam')::date as day, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, coalesce(c.gemeente_code, c.source_area, 'unknown') as area, k.daylight, (case when k.daylight in ('light', 'dark') then p.minute end)::smallint as minute, nullif(btrim(c.group_self_defined), '') as group_self_defined, nullif(btrim(c.group_officer_defined), '') as group_officer_defined, nullif(btrim(c.group_opp), '') as group_opp, count(*)::int as controls from controls c left join areas b on b.code = c.buurt_code left join areas g on g.code = c.gemeente_code cross join lateral (select case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' end as zone, ((c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end)))::date as local_date, (extract(hour from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))) * 60 + extract(minute from (c.occurred_at at time zone (case c.source when 'pvi' then 'Europe/Amsterdam' when 'police-uk' then 'Europe/London' else 'UTC' end))))::int as minute, round(coalesce(c.lat, b.lat, g.lat)::numeric, 1)::float8 as lat, round(coalesce(c.lng, b.lng, g.lng)::numeric, 1)::float8 as lng) p left join control_twilight_windows w on w.zone = p.zone and w.year = extract(year from p.local_date) and w.lat = p.lat and w.lng = p.lng cross join lateral (select pvi_daylight_class(p.zone, p.local_date, p.minute, p.lat, p.lng, w.start_minute, w.end_minute) as daylight) k where c.local_hour is not null and (nullif(btrim(c.group_self_defined), '') is not null or nullif(btrim(c.group_officer_defined), '') is not null or nullif(btrim(c.group_opp), '') is not null) group by 1, c.source, c.unit_id, c.district_id, c.team_id, c.gemeente_code, 7, 8, 9, 10, 11, 12;
