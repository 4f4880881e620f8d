import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@pvi/db';
import { demoAreas } from '@pvi/db/demo/areas';
import type { ControlAnalysis, ControlAnalysisQuery } from '@pvi/contracts';
import { createAuditService, systemActor } from '../src/modules/audit/audit.service.ts';
import { insertControlRows } from '../src/modules/controls/controls.repository.ts';
import { localTime, type ControlRow } from '../src/modules/controls/control-row.ts';
import {
  createControlAnalysisService,
  type AnalysisLevel,
} from '../src/modules/controls/analysis/analysis.service.ts';
import {
  ROLLUPS,
  refreshAnalysisRollup,
  rollupMigrationSql,
} from '../src/modules/controls/analysis/analysis-rollup.ts';
import { wholeMonths } from '../src/modules/controls/analysis/analysis.repository.ts';
import { createTestDatabase, type TestDatabase } from './harness.ts';
import { buildOrg, seedAreas, type OrgFixture } from './factories.ts';

/**
 * The analysis from the rollups (whole months) plus `controls` (edge days) must give exactly what
 * it gives from `controls` alone: on 4,000 varied controls of three teams in three gemeenten and
 * imported police.uk and OPP stops, over many scopes and periods, and after a rebuild.
 */

let db: TestDatabase;
const orgs: OrgFixture[] = [];
const actor = systemActor('test');

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRows(n: number): ControlRow[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(p: number, v: T): T | null => (r() < p ? null : v);
  const buurten = demoAreas().filter(
    (a) => a.level === 'buurt' && ['GM0363', 'GM0599', 'GM0518'].includes(a.gemeenteCode),
  );
  const start = Date.UTC(2024, 9, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const rows: ControlRow[] = [];
  for (let i = 0; i < n; i++) {
    const source = r() < 0.78 ? 'pvi' : r() < 0.8 ? 'police-uk' : 'opp';
    const at = new Date(start + Math.floor(r() * span));
    at.setUTCSeconds(Math.floor(r() * 60), 0);
    const occurredAt = at.toISOString();
    const timeKnown = r() > 0.03;
    const org = pick(orgs);
    const buurt = pick(buurten);
    const reason = maybe(
      0.04,
      pick(['behaviour', 'circumstances', 'information', 'other'] as const),
    );
    const linked = maybe(0.06, r() < 0.3);
    const searched = r() < 0.3;
    const ours = source === 'pvi';
    const group = (values: string[]) => maybe(0.1, pick(values));
    rows.push({
      id: randomUUID(),
      source,
      source_area: ours ? null : pick(['city-of-london', 'metropolitan']),
      import_file_id: null,
      occurred_at: occurredAt,
      time_known: timeKnown,
      ...localTime(Date.parse(occurredAt), source, timeKnown),
      unit_id: ours ? org.unitId : null,
      district_id: ours ? org.districtId : null,
      team_id: ours ? org.teamId : null,
      officer_person_id: null,
      gemeente_code: ours ? maybe(0.02, buurt.gemeenteCode) : null,
      wijk_code: ours ? buurt.wijkCode : null,
      buurt_code: ours ? buurt.code : null,
      lat: ours ? null : maybe(0.05, 51.45 + r() * 0.15),
      lng: ours ? null : maybe(0.05, -0.2 + r() * 0.2),
      control_type: pick(['person', 'vehicle', 'both'] as const),
      initiative: maybe(0.04, pick(['proactive', 'call', 'information', 'anpr'] as const)),
      selection_reason: reason,
      reason_text: pick([null, '', '  ', 'Liep weg', 'Reed door rood']),
      legal_basis: maybe(0.06, pick(['wid', 'politiewet', 'wvw_160', 'other'] as const)),
      legal_basis_text: null,
      explained: ours ? maybe(0.05, r() < 0.85) : null,
      not_explained_why: null,
      act_identity_check: r() < 0.5,
      act_frisk: r() < 0.1,
      act_search_person: searched && r() < 0.6,
      act_search_vehicle: searched && r() < 0.5,
      outcome: linked
        ? pick(['warning', 'fine', 'arrest'] as const)
        : pick(['none', 'none', 'warning'] as const),
      outcome_text: null,
      outcome_linked: linked,
      duration_band: null,
      object_of_search: null,
      subject_kind: null,
      subject_ref: null,
      subject_sex: null,
      subject_age_band: null,
      group_self_defined:
        source === 'police-uk' ? group(['White British', ' Black ', '', 'Asian']) : null,
      group_officer_defined:
        source === 'police-uk' ? group(['White', 'Black', 'Asian', 'Other']) : null,
      group_opp: source === 'opp' ? group(['white', 'black', 'hispanic']) : null,
      extra: null,
    });
  }
  return rows;
}

/** Same order and rounding for both: row order from GROUP BY and float sums may differ. */
function normalise(a: ControlAnalysis): unknown {
  const sorted = {
    ...a,
    exclusions: [...a.exclusions].sort((x, y) =>
      `${x.analysis}|${x.reason}`.localeCompare(`${y.analysis}|${y.reason}`),
    ),
    benchmark: {
      ...a.benchmark,
      overall: { ...a.benchmark.overall, teams: byTeam(a.benchmark.overall.teams) },
      bySelectionReason: a.benchmark.bySelectionReason.map((b) => ({
        ...b,
        teams: byTeam(b.teams),
      })),
    },
  };
  return JSON.parse(JSON.stringify(sorted), (_k, v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v,
  );
}
const byTeam = <T extends { teamId: string }>(rows: T[]) =>
  [...rows].sort((x, y) => x.teamId.localeCompare(y.teamId));

async function both(level: AnalysisLevel, id: string | null, query: ControlAnalysisQuery) {
  const service = createControlAnalysisService({ db: db.db, audit: createAuditService(db.db) });
  process.env.PVI_ANALYSIS_ROLLUP = 'off';
  try {
    const raw = await service.analyse(actor, level, id, query);
    delete process.env.PVI_ANALYSIS_ROLLUP;
    const rolled = await service.analyse(actor, level, id, query);
    return { raw, rolled };
  } finally {
    delete process.env.PVI_ANALYSIS_ROLLUP;
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedAreas(db.db);
  for (const name of ['Noord', 'Zuid', 'West']) orgs.push(await buildOrg(db.db, name));
  const rows = makeRows(4000);
  // In batches, and a few one by one: the trigger adds to cells that exist already.
  for (let i = 0; i < 3990; i += 500) await insertControlRows(db.db, rows.slice(i, i + 500));
  for (const row of rows.slice(3990)) await insertControlRows(db.db, [row]);
}, 120_000);

afterAll(async () => {
  await db.drop();
});

describe('the analysis from the rollups equals the analysis from controls', () => {
  const cases: [string, AnalysisLevel, () => string | null, ControlAnalysisQuery][] = [
    ['national, whole months', 'national', () => null, { from: '2024-10-01', to: '2025-12-31' }],
    ['national, edge days', 'national', () => null, { from: '2024-11-17', to: '2025-10-26' }],
    [
      'national, within one month',
      'national',
      () => null,
      { from: '2025-03-03', to: '2025-03-29' },
    ],
    [
      'national, police.uk, officer-defined, focus Asian',
      'national',
      () => null,
      {
        from: '2024-12-02',
        to: '2025-12-31',
        source: 'police-uk',
        groupAttribute: 'officer_defined',
        referenceGroup: 'White',
        focusGroup: 'Asian',
      },
    ],
    [
      'national, OPP group',
      'national',
      () => null,
      { from: '2024-10-01', to: '2025-12-31', source: 'opp' },
    ],
    [
      'national, one gemeente',
      'national',
      () => null,
      { from: '2025-01-15', to: '2025-09-30', gemeenteCode: 'GM0599' },
    ],
    ['unit', 'unit', () => orgs[0]!.unitId, { from: '2025-01-01', to: '2025-12-31' }],
    [
      'district, edge days',
      'district',
      () => orgs[1]!.districtId,
      { from: '2025-02-11', to: '2025-08-08' },
    ],
    ['team-year', 'team', () => orgs[2]!.teamId, { from: '2024-11-01', to: '2025-10-31' }],
    [
      'team, nothing in scope',
      'team',
      () => orgs[2]!.teamId,
      { from: '2023-01-01', to: '2023-06-30' },
    ],
  ];
  for (const [name, level, id, query] of cases)
    it(name, async () => {
      const { raw, rolled } = await both(level, id(), query);
      expect(raw.quality.controls).toBeGreaterThanOrEqual(0);
      expect(normalise(rolled)).toEqual(normalise(raw));
    });

  it('has something to compare: every section ran on the national data', async () => {
    const { rolled } = await both('national', null, { from: '2024-10-01', to: '2025-12-31' });
    expect(rolled.quality.controls).toBe(4000);
    expect(rolled.benchmark.overall.teams.length).toBe(3);
    expect(rolled.disparity?.groups.length).toBeGreaterThan(2);
    expect(rolled.veilOfDarkness?.controlsUsed).toBeGreaterThan(50);
  });
});

describe('the rollups themselves', () => {
  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const r of Object.values(ROLLUPS))
      out[r.table] = await queryRows(
        db.db,
        sql.raw(
          `select * from ${r.table} order by ${[...r.keys].map((k) => `${k} nulls first`).join(', ')}`,
        ),
      );
    return out;
  };

  it('kept by the trigger equal a rebuild from controls', async () => {
    const kept = await snapshot();
    expect(kept.control_analysis_base!.length).toBeGreaterThan(10);
    await db.db.transaction((tx) => refreshAnalysisRollup(tx));
    expect(await snapshot()).toEqual(kept);
  });

  it('migration 0011 ends with the trigger function made from analysis-rollup.ts', () => {
    const file = join(
      import.meta.dirname,
      '../../../packages/db/migrations/0011_controls_darkness_classes.sql',
    );
    expect(
      readFileSync(file, 'utf8').endsWith(`--> statement-breakpoint\n${rollupMigrationSql()}`),
    ).toBe(true);
  });

  it('whole months of a period', () => {
    expect(wholeMonths('2025-01-01', '2025-12-31')).toEqual({
      first: '2025-01-01',
      end: '2026-01-01',
    });
    expect(wholeMonths('2025-01-02', '2025-03-30')).toEqual({
      first: '2025-02-01',
      end: '2025-03-01',
    });
    expect(wholeMonths('2025-12-05', '2026-01-31')).toEqual({
      first: '2026-01-01',
      end: '2026-02-01',
    });
    expect(wholeMonths('2025-03-03', '2025-03-29')).toBeNull();
  });
});
