import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { districts, memberships, people, queryRows, teams, units } from '@pvi/db';
import { createTestApp, type TestApp } from './harness.ts';
import { signInAs } from './factories.ts';
import { systemActor } from '../src/modules/audit/audit.service.ts';

/**
 * Pins what `reports.compute` stores for two seeded waves (the demo generator, fixed ids, fixed
 * seed): every group at every level, every background view, what is hidden and why, the figures
 * of what is shown, and the reports read over the API with their comparisons with the parent and
 * the previous wave. The expected contents in `fixtures/survey-report-contents.jsonl` were written
 * by the implementation that rolled item counts up in Node (before the GROUPING SETS rewrite);
 * `PVI_WRITE_FIXTURE=1` rewrites them. Counts must match exactly; means, SDs and intervals to a
 * relative 1e-9 (sums of squares in float8 depend a little on the order in which rows are added,
 * and closing a wave shuffles the rows). Independently of the fixture, the stored figures are checked against
 * the answer rows themselves.
 */
const FIXTURE = new URL('./fixtures/survey-report-contents.jsonl', import.meta.url);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Two units; districts with teams of mixed sizes (some below k) and one team without a district. */
const ORG = [
  {
    unit: 1,
    districts: [
      { district: 11, teams: [40, 14, 8, 4] },
      { district: 12, teams: [12, 6, 3] },
    ],
  },
  {
    unit: 2,
    districts: [
      { district: 21, teams: [30, 9] },
      { district: null, teams: [11] },
    ],
  },
];

let t: TestApp;
let waves: [string, string];

async function seedOrganisation(app: TestApp) {
  const db = app.database.db;
  let team = 100;
  let person = 1000;
  for (const u of ORG) {
    await db
      .insert(units)
      .values({ id: id(u.unit), code: `RU${u.unit}`, name: `Eenheid ${u.unit}`, kind: 'regional' });
    for (const d of u.districts) {
      if (d.district !== null)
        await db.insert(districts).values({
          id: id(d.district),
          unitId: id(u.unit),
          code: `RD${d.district}`,
          name: `District ${d.district}`,
        });
      for (const size of d.teams) {
        team++;
        await db.insert(teams).values({
          id: id(team),
          unitId: id(u.unit),
          districtId: d.district === null ? null : id(d.district),
          code: `RT${team}`,
          name: `Team ${team}`,
          kind: 'basisteam',
        });
        const members = Array.from({ length: size }, () => id(++person));
        await db.insert(people).values(
          members.map((p) => ({
            id: p,
            employeeNumber: `R${p.slice(-6)}`,
            givenName: 'Lid',
            familyName: p.slice(-6),
          })),
        );
        await db.insert(memberships).values(
          members.map((p, i) => ({
            personId: p,
            teamId: id(team),
            role: i === 0 ? ('teamchef' as const) : ('lid' as const),
            validFrom: '2020-01-01',
          })),
        );
      }
    }
  }
}

interface StoredRow {
  wave: string;
  group_key: string;
  level: string;
  group_id: string | null;
  name: string;
  parent_key: string | null;
  filter: string | null;
  shown: boolean;
  reasons: string[];
  data: {
    open?: Record<string, string[]> | null;
    items?: Record<string, [number, number][]> | null;
    scales?: Record<string, { n: number; mean: number | null }>;
    respondents?: number;
  } | null;
}

/** Open answers are shuffled with the wave id as seed: compare them as sets. */
function normalise(row: StoredRow) {
  const data = row.data && { ...row.data };
  if (data?.open)
    data.open = Object.fromEntries(
      Object.entries(data.open)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, [...v].sort()]),
    );
  return { ...row, data };
}

/** Deep equality; integers exactly, other numbers to a relative 1e-9. Returns the first difference. */
function difference(actual: unknown, expected: unknown, path: string): string | null {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected) && Number.isInteger(actual))
      return actual === expected ? null : `${path}: ${actual} ≠ ${expected}`;
    const scale = Math.max(Math.abs(expected), Math.abs(actual), 1e-9);
    return Math.abs(actual - expected) / scale <= 1e-9 ? null : `${path}: ${actual} ≠ ${expected}`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length)
      return `${path}: length ${actual.length} ≠ ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of [...keys].sort()) {
      const d = difference(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
    return null;
  }
  return Object.is(actual, expected)
    ? null
    : `${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
  const loaded = await t.services.surveyDemo.load({ seed: 4, actor: systemActor('test') });
  waves = loaded.waves as [string, string];
});
afterAll(async () => {
  await t.close();
});

async function storedRows(): Promise<StoredRow[]> {
  const rows = await queryRows<StoredRow & { wave_id: string }>(
    t.database.db,
    sql`select wave_id, group_key, level, group_id, name, parent_key, filter, shown, reasons, data
        from survey_group_reports where wave_id in (${waves[0]}, ${waves[1]})
        order by group_key`,
  );
  return rows
    .map(({ wave_id, ...r }) => ({ ...r, wave: wave_id === waves[0] ? '2024' : '2025' }))
    .sort((a, b) => a.wave.localeCompare(b.wave) || a.group_key.localeCompare(b.group_key));
}

/** Every unfiltered group's report of the later wave as the API gives it (national HR analyst). */
async function apiReports() {
  const hr = await signInAs(t.app, t.services, 'hr_analist', { type: 'national', id: null });
  const groups = await queryRows<{ level: string; group_id: string | null; group_key: string }>(
    t.database.db,
    sql`select level, group_id, group_key from survey_group_reports
        where wave_id = ${waves[1]} and filter is null order by group_key`,
  );
  const path = { national: 'national', unit: 'units', district: 'districts', team: 'teams' };
  const out = [];
  for (const g of groups) {
    const url = `/api/v1/survey/waves/${waves[1]}/reports/${path[g.level as keyof typeof path]}${g.group_id ? `/${g.group_id}` : ''}`;
    const res = await t.app.inject({ url, headers: hr.headers });
    expect(res.statusCode, url).toBe(200);
    const report = res.json();
    if (report.openAnswers)
      report.openAnswers = Object.fromEntries(
        Object.entries(report.openAnswers as Record<string, string[]>)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, [...v].sort()]),
      );
    // The API leaves the order of child groups and background views to the database.
    report.children.sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key));
    report.background.sort((a: { filter: string }, b: { filter: string }) =>
      a.filter.localeCompare(b.filter),
    );
    // Item texts and conversation prompts come from the instrument, not from the computation.
    if (report.items)
      report.items = report.items.map((i: { key: string; n: number; distribution: unknown }) => ({
        key: i.key,
        n: i.n,
        distribution: i.distribution,
      }));
    if (report.conversationKit)
      report.conversationKit = report.conversationKit.map((k: { scaleKey: string }) => k.scaleKey);
    out.push({ wave: 'api', group_key: g.group_key, report: { ...report, wave: undefined } });
  }
  return out;
}

describe('survey report contents of a seeded wave and its previous wave', () => {
  it('are what the fixture pins: every level, suppressed cells, background views, comparisons', async () => {
    const actual = [...(await storedRows()).map(normalise), ...(await apiReports())];
    if (process.env.PVI_WRITE_FIXTURE === '1')
      writeFileSync(FIXTURE, actual.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const expected = readFileSync(FIXTURE, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    // The seed gives what the pin is about: hidden teams, complementary suppression, hidden and
    // shown background views, item distributions, open answers, comparisons between waves.
    const stored = actual.filter((r): r is ReturnType<typeof normalise> => 'level' in r);
    const reasons = new Set(stored.flatMap((r) => r.reasons));
    for (const r of ['below_k_respondents', 'complementary']) expect(reasons).toContain(r);
    expect(stored.some((r) => r.filter && r.shown)).toBe(true);
    expect(stored.some((r) => r.filter && !r.shown)).toBe(true);
    expect(stored.some((r) => r.data?.items && r.data.open)).toBe(true);
    expect(
      actual.some(
        (r) => 'report' in r && r.report.scales.some((s: { previous: unknown }) => s.previous),
      ),
    ).toBe(true);
    expect(actual.length).toBe(expected.length);
    actual.forEach((row, i) => {
      expect(difference(row, expected[i], `${row.wave} ${row.group_key}`)).toBeNull();
    });
  });

  it('are the sums of the answer rows themselves, for every shown group and view', async () => {
    const answers = await queryRows<{
      wave_id: string;
      team_id: string;
      district_id: string | null;
      unit_id: string;
      item_key: string;
      value: number;
    }>(
      t.database.db,
      sql`select a.wave_id, a.team_id, r.district_id, r.unit_id, a.item_key, a.value
          from survey_answers a join survey_responses r on r.id = a.response_id`,
    );
    const scores = await queryRows<{
      wave_id: string;
      team_id: string;
      district_id: string | null;
      unit_id: string;
      scale_key: string;
      score: number;
      favourable: boolean;
      background: Record<string, number | null>;
    }>(
      t.database.db,
      sql`select s.wave_id, s.team_id, r.district_id, r.unit_id, s.scale_key, s.score, s.favourable,
                 json_build_object('age_band', r.age_band, 'gender', r.gender,
                   'service_band', r.service_band, 'origin', r.origin) as background
          from survey_scale_scores s join survey_responses r on r.id = s.response_id`,
    );
    const responses = await queryRows<{
      wave_id: string;
      team_id: string;
      district_id: string | null;
      unit_id: string;
      background: Record<string, number | null>;
    }>(
      t.database.db,
      sql`select wave_id, team_id, district_id, unit_id,
                 json_build_object('age_band', age_band, 'gender', gender,
                   'service_band', service_band, 'origin', origin) as background
          from survey_responses`,
    );
    const inGroup = (
      key: string,
      r: { team_id: string; district_id: string | null; unit_id: string },
    ) =>
      key === 'national' ||
      key === `team:${r.team_id}` ||
      key === `district:${r.district_id}` ||
      key === `unit:${r.unit_id}`;
    const waveOf = { '2024': waves[0], '2025': waves[1] } as Record<string, string>;
    let checked = 0;
    for (const row of await storedRows()) {
      if (!row.shown || !row.data) continue;
      const wave = waveOf[row.wave];
      const [base, filter] = row.group_key.split('|') as [string, string | undefined];
      const [question, answer] = filter?.split('=') ?? [];
      expect(row.data.respondents).toBe(
        responses.filter(
          (x) =>
            x.wave_id === wave &&
            inGroup(base, x) &&
            (!question || x.background[question] === Number(answer)),
        ).length,
      );
      for (const [scaleKey, s] of Object.entries(row.data.scales ?? {})) {
        const own = scores.filter(
          (x) =>
            x.wave_id === wave &&
            x.scale_key === scaleKey &&
            inGroup(base, x) &&
            (!question || x.background[question] === Number(answer)),
        );
        expect(s.n).toBe(own.length);
        expect(s.n).toBeGreaterThan(0);
        if (s.mean !== null)
          expect(s.mean).toBeCloseTo(own.reduce((a, x) => a + x.score, 0) / own.length, 5);
        checked++;
      }
      if (!row.data.items) continue;
      const counts = new Map<string, Map<number, number>>();
      for (const a of answers) {
        if (a.wave_id !== wave || !inGroup(base, a)) continue;
        const dist = counts.get(a.item_key) ?? new Map<number, number>();
        dist.set(a.value, (dist.get(a.value) ?? 0) + 1);
        counts.set(a.item_key, dist);
      }
      expect(Object.keys(row.data.items).sort()).toEqual([...counts.keys()].sort());
      for (const [itemKey, dist] of counts) {
        expect(row.data.items[itemKey]).toEqual([...dist.entries()].sort((a, b) => a[0] - b[0]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
