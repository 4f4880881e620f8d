import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@pvi/db';
import { cronbachAlpha } from '@pvi/stats';
import { createTestApp, type TestApp } from './harness.ts';
import { buildSurveyOrg, signInAs, type SurveyOrgFixture } from './factories.ts';
import { systemActor } from '../src/modules/audit/audit.service.ts';

let t: TestApp;
let org: SurveyOrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await buildSurveyOrg(t.database.db, [30, 24, 12, 4]);
});
afterAll(async () => {
  await t.close();
});

describe('demo history of the team monitor', () => {
  it('loads two closed waves with reports, the later compared with the earlier, once', async () => {
    const loaded = await t.services.surveyDemo.load({ seed: 1, actor: systemActor('test') });
    expect(loaded.waves).toHaveLength(2);
    expect(loaded.responses).toBeGreaterThan(50);
    const again = await t.services.surveyDemo.load({ seed: 1, actor: systemActor('test') });
    expect(again.waves).toEqual(loaded.waves);

    const [first, second] = loaded.waves as [string, string];
    const waves = await queryRows<{ id: string; status: string; previous_wave_id: string | null }>(
      t.database.db,
      sql`select id, status, previous_wave_id from survey_waves where is_demo order by name`,
    );
    expect(waves.map((w) => w.status)).toEqual(['closed', 'closed']);
    expect(waves.find((w) => w.id === second)!.previous_wave_id).toBe(first);

    const hr = await signInAs(t.app, t.services, 'hr_analist', { type: 'national', id: null });
    const res = await t.app.inject({
      url: `/api/v1/survey/waves/${second}/reports/units/${org.unitId}`,
      headers: hr.headers,
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.group.shown).toBe(true);
    expect(report.scales.length).toBe(7);
    // Large enough for item distributions and open answers, and compared with 2024.
    expect(report.items.length).toBeGreaterThan(30);
    // Compared with 2024 unless rule 4 forbids it (the two waves' counts differ by 1..k−1).
    const [stored] = await queryRows<{ comparable: boolean }>(
      t.database.db,
      sql`select (data->>'previousComparable')::boolean as comparable from survey_group_reports
          where wave_id = ${second} and group_key = ${`unit:${org.unitId}`}`,
    );
    const compared = report.scales.filter((s: { previous: unknown }) => s.previous !== null);
    expect(compared.length).toBe(stored!.comparable ? report.scales.length : 0);
    // Background views exist at unit level, through the same rules; never below it.
    expect(report.background.length).toBeGreaterThan(0);
    for (const view of report.background) {
      expect(view.filter).toMatch(/^(age_band|gender|service_band|origin)=\d+$/);
      if (view.shown) expect(view.respondents).toBeGreaterThanOrEqual(5);
      else expect(view.respondents).toBeNull();
    }
    const teamReport = await t.app.inject({
      url: `/api/v1/survey/waves/${second}/reports/teams/${org.teams[0]!.id}`,
      headers: hr.headers,
    });
    expect(teamReport.json().background).toEqual([]);
    // Reliability on the pooled answers: the demo's answers share a team climate and a personal
    // tendency, so every scale coheres.
    const alpha = await t.app.inject({
      url: `/api/v1/survey/waves/${second}/reliability`,
      headers: hr.headers,
    });
    expect(alpha.statusCode).toBe(200);
    expect(alpha.json().items).toHaveLength(7);
    for (const scale of alpha.json().items) {
      expect(scale.n).toBeGreaterThan(10);
      expect(scale.alpha).toBeGreaterThan(0.3);
      expect(scale.alpha).toBeLessThan(1);
      expect(scale.itemDiagnostics).toHaveLength(scale.items.length);
    }
    // The SQL sums give the same alpha as the answers themselves (read here, in the test only).
    const safety = alpha
      .json()
      .items.find((x: { scaleKey: string }) => x.scaleKey === 'social_safety');
    const answers = await queryRows<{ response_id: string; item_key: string; scored: number }>(
      t.database.db,
      sql`select response_id, item_key, scored from survey_answers
          where wave_id = ${second} and item_key like 'social_safety_%'`,
    );
    const byResponse = new Map<string, Record<string, number>>();
    for (const a of answers)
      byResponse.set(a.response_id, { ...byResponse.get(a.response_id), [a.item_key]: a.scored });
    const fromRows = cronbachAlpha(
      [...byResponse.values()].map((r) => safety.items.map((k: string) => r[k] ?? null)),
    );
    expect(fromRows.n).toBe(safety.n);
    expect(safety.alpha).toBeCloseTo(fromRows.alpha, 9);
    const chief = await signInAs(t.app, t.services, 'teamchef', {
      type: 'team',
      id: org.teams[0]!.id,
    });
    expect(
      (
        await t.app.inject({
          url: `/api/v1/survey/waves/${second}/reliability`,
          headers: chief.headers,
        })
      ).statusCode,
    ).toBe(403);
    // The team of four is hidden in the heatmap.
    const small = report.children.find((c: { id: string }) => c.id === org.districtId);
    expect(small).toBeDefined();
    const district = await t.app.inject({
      url: `/api/v1/survey/waves/${second}/reports/districts/${org.districtId}`,
      headers: hr.headers,
    });
    const tiny = district.json().children.find((c: { id: string }) => c.id === org.teams[3]!.id);
    expect(tiny.shown).toBe(false);
  });
});
