import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Rollups for the controls analysis (docs/controls-analysis.md, "Computation"): each holds the
 * grouped counts one part of the analysis needs, keyed by the month (Amsterdam calendar month of
 * `occurred_at`) or, for the veil of darkness, the Amsterdam day, and by every column the
 * analysis filters on (source, unit, district, team, gemeente). They are kept up to date by a
 * statement-level trigger on inserts into `controls` (registrations, imports, the demo load), and
 * rebuilt from `controls` by `pvi controls rollup`. The analysis reads whole months here and the
 * days at the edges of the period from `controls`, so every figure is the same as from the table.
 */
const scopeColumns = {
  source: text('source').notNull(),
  unitId: uuid('unit_id'),
  districtId: uuid('district_id'),
  teamId: uuid('team_id'),
  gemeenteCode: text('gemeente_code'),
};

/** Per month and scope: the counts behind quality, effectiveness totals and exclusions. */
export const controlAnalysisBase = pgTable(
  'control_analysis_base',
  {
    month: date('month').notNull(),
    localMonth: date('local_month').notNull(),
    ...scopeColumns,
    controls: integer('controls').notNull(),
    legal: integer('legal').notNull(),
    reasonText: integer('reason_text').notNull(),
    explained: integer('explained').notNull(),
    explainedKnown: integer('explained_known').notNull(),
    linkKnown: integer('link_known').notNull(),
    hits: integer('hits').notNull(),
    noTime: integer('no_time').notNull(),
    noReason: integer('no_reason').notNull(),
    noLegalBasis: integer('no_legal_basis').notNull(),
    noInitiative: integer('no_initiative').notNull(),
    groupSelf: integer('group_self').notNull(),
    groupOfficer: integer('group_officer').notNull(),
    groupOpp: integer('group_opp').notNull(),
    /** Benchmark exclusions, each control under its first failing condition. */
    bxNoTeam: integer('bx_no_team').notNull(),
    bxNoTime: integer('bx_no_time').notNull(),
    bxNoGemeente: integer('bx_no_gemeente').notNull(),
    bxNoReason: integer('bx_no_reason').notNull(),
    bxNoLink: integer('bx_no_link').notNull(),
  },
  (t) => [
    unique('control_analysis_base_key')
      .on(t.month, t.localMonth, t.source, t.unitId, t.districtId, t.teamId, t.gemeenteCode)
      .nullsNotDistinct(),
    index('control_analysis_base_team_idx').on(t.teamId, t.month),
  ],
);

/** Per month and scope: hits by selection reason, legal basis and initiative. */
export const controlAnalysisDims = pgTable(
  'control_analysis_dims',
  {
    month: date('month').notNull(),
    ...scopeColumns,
    /** selectionReason, legalBasis or initiative. */
    dimension: text('dimension').notNull(),
    key: text('key'),
    controls: integer('controls').notNull(),
    linkKnown: integer('link_known').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [
    unique('control_analysis_dims_key')
      .on(t.month, t.source, t.unitId, t.districtId, t.teamId, t.gemeenteCode, t.dimension, t.key)
      .nullsNotDistinct(),
    index('control_analysis_dims_team_idx').on(t.teamId, t.month),
  ],
);

/** Internal-benchmark cells per month: team × gemeente × 4-hour band × selection reason. */
export const controlAnalysisBenchmark = pgTable(
  'control_analysis_benchmark',
  {
    month: date('month').notNull(),
    ...scopeColumns,
    hourBand: smallint('hour_band').notNull(),
    selectionReason: text('selection_reason').notNull(),
    controls: integer('controls').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [
    unique('control_analysis_benchmark_key')
      .on(
        t.month,
        t.source,
        t.unitId,
        t.districtId,
        t.teamId,
        t.gemeenteCode,
        t.hourBand,
        t.selectionReason,
      )
      .nullsNotDistinct(),
    index('control_analysis_benchmark_team_idx').on(t.teamId, t.month),
  ],
);

/** Per month and scope: controls, searches and searches with an outcome, by group (trimmed). */
export const controlAnalysisGroups = pgTable(
  'control_analysis_groups',
  {
    month: date('month').notNull(),
    ...scopeColumns,
    groupSelfDefined: text('group_self_defined'),
    groupOfficerDefined: text('group_officer_defined'),
    groupOpp: text('group_opp'),
    controls: integer('controls').notNull(),
    searched: integer('searched').notNull(),
    searchHits: integer('search_hits').notNull(),
  },
  (t) => [
    unique('control_analysis_groups_key')
      .on(
        t.month,
        t.source,
        t.unitId,
        t.districtId,
        t.teamId,
        t.gemeenteCode,
        t.groupSelfDefined,
        t.groupOfficerDefined,
        t.groupOpp,
      )
      .nullsNotDistinct(),
  ],
);

/**
 * Veil-of-darkness cells of controls with a local time and at least one group: by Amsterdam day
 * (the period filter), area, the control's daylight class (outside the inter-twilight window,
 * light, twilight, dark, or why it has none: no time zone, no coordinates, no sun times), the
 * local clock minute (light and dark only) and the three group attributes (trimmed). The class is
 * computed when the control is inserted, by the SQL functions of migration 0011 (the NOAA sun
 * of @pvi/stats; a test checks both agree), at the control's own position or its buurt's or
 * gemeente's centroid, to 0.1°.
 */
export const controlAnalysisDarkness = pgTable(
  'control_analysis_darkness',
  {
    day: date('day').notNull(),
    ...scopeColumns,
    area: text('area').notNull(),
    daylight: text('daylight').notNull(),
    minute: smallint('minute'),
    groupSelfDefined: text('group_self_defined'),
    groupOfficerDefined: text('group_officer_defined'),
    groupOpp: text('group_opp'),
    controls: integer('controls').notNull(),
  },
  (t) => [
    unique('control_analysis_darkness_key')
      .on(
        t.day,
        t.source,
        t.unitId,
        t.districtId,
        t.teamId,
        t.gemeenteCode,
        t.area,
        t.daylight,
        t.minute,
        t.groupSelfDefined,
        t.groupOfficerDefined,
        t.groupOpp,
      )
      .nullsNotDistinct(),
  ],
);

/**
 * The inter-twilight window (earliest to latest civil dusk of the year, local clock minutes) per
 * time zone, year and position (0.1°), as `interTwilightWindow` of @pvi/stats computes it; both
 * minutes null where there is none (no dusk on some day, or dusk after midnight). Filled by the
 * analysis rollup trigger for the places it meets, before it classifies their controls.
 */
export const controlTwilightWindows = pgTable(
  'control_twilight_windows',
  {
    zone: text('zone').notNull(),
    year: smallint('year').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    startMinute: doublePrecision('start_minute'),
    endMinute: doublePrecision('end_minute'),
  },
  (t) => [primaryKey({ columns: [t.zone, t.year, t.lat, t.lng] })],
);
