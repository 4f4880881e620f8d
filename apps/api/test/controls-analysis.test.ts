import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, teams } from '@pvi/db';
import type { ControlAnalysis } from '@pvi/contracts';
import { insertControlRows } from '../src/modules/controls/controls.repository.ts';
import { localTime, type ControlRow } from '../src/modules/controls/control-row.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { buildOrg, seedAreas, signInAs, type OrgFixture, type Session } from './factories.ts';

let t: TestApp;
let org: OrgFixture;
let teamB: string;
let teamC: string;
let chiefA: Session & { accountId: string };
let chiefB: Session;
let cdo: Session;

const PERIOD = 'from=2025-03-01&to=2025-03-31';

/** A control of one of our teams: 14:30 in Amsterdam on a March day, in Kop Zeedijk. */
function ourControl(teamId: string, overrides: Partial<ControlRow> = {}): ControlRow {
  const at = overrides.occurred_at ?? '2025-03-10T13:30:00.000Z';
  const timeKnown = overrides.time_known ?? true;
  return {
    id: randomUUID(),
    source: 'pvi',
    source_area: null,
    import_file_id: null,
    occurred_at: at,
    time_known: timeKnown,
    ...localTime(Date.parse(at), 'pvi', timeKnown),
    unit_id: org.unitId,
    district_id: org.districtId,
    team_id: teamId,
    officer_person_id: null,
    gemeente_code: 'GM0363',
    wijk_code: 'WK036300',
    buurt_code: 'BU03630000',
    lat: null,
    lng: null,
    control_type: 'person',
    initiative: 'proactive',
    selection_reason: 'behaviour',
    reason_text: 'Liep weg',
    legal_basis: 'wid',
    legal_basis_text: null,
    explained: true,
    not_explained_why: null,
    act_identity_check: true,
    act_frisk: false,
    act_search_person: false,
    act_search_vehicle: false,
    outcome: 'none',
    outcome_text: null,
    outcome_linked: false,
    duration_band: '5to15',
    object_of_search: null,
    subject_kind: null,
    subject_ref: null,
    subject_sex: null,
    subject_age_band: null,
    group_self_defined: null,
    group_officer_defined: null,
    group_opp: null,
    extra: null,
    ...overrides,
  };
}

/** An imported police.uk stop in the City of London, with the self-defined group. */
function foreignControl(group: string | null, overrides: Partial<ControlRow> = {}): ControlRow {
  const at = overrides.occurred_at ?? '2025-06-15T11:00:00.000Z';
  return {
    ...ourControl(org.teamId),
    source: 'police-uk',
    source_area: 'city-of-london',
    occurred_at: at,
    ...localTime(Date.parse(at), 'police-uk', true),
    unit_id: null,
    district_id: null,
    team_id: null,
    gemeente_code: null,
    wijk_code: null,
    buurt_code: null,
    lat: 51.515,
    lng: -0.092,
    initiative: null,
    selection_reason: null,
    reason_text: null,
    legal_basis: null,
    legal_basis_text: 'Misuse of Drugs Act 1971 (section 23)',
    explained: null,
    outcome_linked: null,
    group_self_defined: group,
    ...overrides,
  };
}

/** n controls, the first `hits` of them with an outcome linked to the reason. */
const times = <T>(n: number, make: (i: number) => T) =>
  Array.from({ length: n }, (_, i) => make(i));
const hit = { outcome: 'arrest', outcome_linked: true } as const;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedAreas(db);
  org = await buildOrg(db, 'Analyse');
  const extra = await db
    .insert(teams)
    .values(
      ['B', 'C'].map((x) => ({
        code: `T${x}${randomUUID().slice(0, 6)}`,
        name: `Basisteam Analyse ${x}`,
        kind: 'basisteam' as const,
        unitId: org.unitId,
        districtId: org.districtId,
      })),
    )
    .returning();
  teamB = extra[0]!.id;
  teamC = extra[1]!.id;
  const rows: ControlRow[] = [
    // Team A: 40 behaviour controls at 14:30 in GM0363, 4 hits; legal basis wid for 30, 'other'
    // for 6, none for 4; the last three on a call.
    ...times(40, (i) =>
      ourControl(org.teamId, {
        ...(i < 4 ? hit : {}),
        legal_basis: i < 30 ? 'wid' : i < 36 ? 'other' : null,
        initiative: i >= 37 ? 'call' : 'proactive',
      }),
    ),
    // Teams B and C: the same place, hours and reason, 15 of 40 hits each.
    ...times(40, (i) => ourControl(teamB, i < 15 ? hit : {})),
    ...times(40, (i) => ourControl(teamC, i < 15 ? hit : {})),
    // Team B: two controls without a time of day.
    ...times(2, () => ourControl(teamB, { time_known: false })),
    // Outside the period: never counted.
    ourControl(org.teamId, { occurred_at: '2025-04-02T10:00:00.000Z' }),
    // Foreign data: 100 White (50 searched, 20 found), 60 Black (40 searched, 8 found),
    // 3 Other, 7 unknown.
    ...times(100, (i) =>
      foreignControl('White', {
        act_search_person: i < 50,
        outcome: i < 20 ? 'arrest' : 'none',
      }),
    ),
    ...times(60, (i) =>
      foreignControl('Black', {
        act_search_person: i < 40,
        outcome: i < 8 ? 'arrest' : 'none',
      }),
    ),
    ...times(3, () => foreignControl('Other')),
    ...times(7, () => foreignControl(null)),
    // 2024, for the veil of darkness: four clock times in London, each on a dark and on a light
    // evening, 20 controls a minute apart of which 5 Black; 6 in twilight and 4 at noon.
    ...[
      '2024-12-15T17:30:00Z',
      '2024-04-15T16:30:00Z',
      '2024-01-15T18:30:00Z',
      '2024-05-15T17:30:00Z',
      '2024-11-15T19:30:00Z',
      '2024-06-15T18:30:00Z',
      '2024-10-30T20:30:00Z',
      '2024-07-15T19:30:00Z',
    ].flatMap((at) =>
      times(20, (i) =>
        foreignControl(i % 4 === 0 ? 'Black' : 'White', {
          occurred_at: new Date(Date.parse(at) + i * 60_000).toISOString(),
        }),
      ),
    ),
    ...times(6, (i) =>
      foreignControl(i < 2 ? 'Black' : 'White', { occurred_at: '2024-06-21T20:40:00Z' }),
    ),
    ...times(4, () => foreignControl('White', { occurred_at: '2024-03-01T12:00:00Z' })),
  ];
  await insertControlRows(db, rows);
  chiefA = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: org.teamId });
  chiefB = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: teamB });
  cdo = await signInAs(t.app, t.services, 'cdo', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const get = async (session: Session, url: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/controls/analysis/${url}`,
    headers: session.headers,
  });

async function analysis(session: Session, url: string): Promise<ControlAnalysis> {
  const res = await get(session, url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ControlAnalysis>();
}

describe('registration quality and effectiveness (team scope)', () => {
  it('counts the share with a legal basis, with its Wilson 95 % interval', async () => {
    const a = await analysis(chiefA, `teams/${org.teamId}?${PERIOD}`);
    expect(a.quality.controls).toBe(40);
    // 30 of 40: Wilson (1927) by hand, z = 1.959964: centre (30 + z²/2)/(40 + z²) = 0.72809,
    // half-width z·√(p(1−p)/n + z²/4n²)/(1 + z²/n) = 0.13003.
    expect(a.quality.total.legalBasis.successes).toBe(30);
    expect(a.quality.total.legalBasis.share!.estimate).toBeCloseTo(0.75, 6);
    expect(a.quality.total.legalBasis.share!.lower).toBeCloseTo(0.5981, 3);
    expect(a.quality.total.legalBasis.share!.upper).toBeCloseTo(0.8581, 3);
    expect(a.quality.total.reasonText.successes).toBe(40);
    expect(a.quality.total.explained.successes).toBe(40);
    expect(a.quality.byTeam.map((r) => r.key)).toEqual([org.teamId]);
    expect(a.quality.byMonth.map((r) => [r.key, r.controls])).toEqual([['2025-03', 40]]);
  });

  it('gives hit rates with intervals, and suppresses a cell of fewer than 5 controls', async () => {
    const a = await analysis(chiefA, `teams/${org.teamId}?${PERIOD}`);
    expect(a.effectiveness.total.successes).toBe(4);
    expect(a.effectiveness.total.share!.estimate).toBeCloseTo(0.1, 6);
    // Wilson 4 of 40: 0.0396 to 0.2305.
    expect(a.effectiveness.total.share!.lower).toBeCloseTo(0.0396, 3);
    expect(a.effectiveness.total.share!.upper).toBeCloseTo(0.2305, 3);
    const call = a.effectiveness.byInitiative.find((r) => r.key === 'call')!;
    expect(call.hitRate).toEqual({
      n: 3,
      successes: null,
      share: null,
      suppressed: 'Fewer than 5 controls: not shown.',
    });
    const proactive = a.effectiveness.byInitiative.find((r) => r.key === 'proactive')!;
    expect(proactive.hitRate.successes).toBe(4);
    expect(proactive.hitRate.n).toBe(37);
    expect(a.effectiveness.byLegalBasis.map((r) => r.key).sort()).toEqual(['other', 'wid']);
    expect(a.exclusions).toContainEqual(
      expect.objectContaining({ analysis: 'effectiveness:legalBasis', controls: 4 }),
    );
    expect(a.disparity).toBeNull();
    expect(a.disparityReason).toMatch(/No group attribute/);
    expect(a.veilOfDarkness).toBeNull();
  });

  it("refuses another team's chief, and audits every read", async () => {
    const res = await get(chiefB, `teams/${org.teamId}?${PERIOD}`);
    expect(res.statusCode).toBe(403);
    expect((await get(chiefA, `districts/${org.districtId}?${PERIOD}`)).statusCode).toBe(403);
    const audited = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log
          where record_type = 'control_analysis' and record_id = ${org.teamId}
            and actor_account_id = ${chiefA.accountId}`,
    );
    expect(audited[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('rejects a period that ends before it starts', async () => {
    const res = await get(chiefA, `teams/${org.teamId}?from=2025-03-31&to=2025-03-01`);
    expect(res.statusCode).toBe(400);
  });
});

describe('internal benchmark (district scope)', () => {
  it('flags the team with a much lower hit rate at the same places, hours and reason', async () => {
    const a = await analysis(cdo, `districts/${org.districtId}?${PERIOD}`);
    const byTeam = new Map(a.benchmark.overall.teams.map((r) => [r.teamId, r]));
    const teamA = byTeam.get(org.teamId)!;
    expect(teamA.ownRate).toBeCloseTo(0.1, 6);
    // Peers B and C: 30 of 80 in the one stratum.
    expect(teamA.benchmarkRate).toBeCloseTo(0.375, 6);
    expect(teamA.z!).toBeLessThan(-3);
    expect(teamA.flagged).toBe(true);
    expect(teamA.q!).toBeLessThan(0.05);
    expect(byTeam.get(teamB)!.flagged).toBe(false);
    expect(byTeam.get(teamC)!.flagged).toBe(false);
    const behaviour = a.benchmark.bySelectionReason.find((b) => b.selectionReason === 'behaviour')!;
    expect(behaviour.teams.find((r) => r.teamId === org.teamId)!.flagged).toBe(true);
    // Team B's two controls without a time are left out, and said so.
    expect(a.exclusions).toContainEqual(
      expect.objectContaining({ analysis: 'benchmark', reason: 'no_time', controls: 2 }),
    );
    expect(a.quality.controls).toBe(122);
  });
});

describe('disparity and the veil of darkness (imported data, national scope)', () => {
  const NATIONAL = 'national?from=2025-01-01&to=2025-12-31&source=police-uk';

  it('compares search and hit rates by group, and suppresses a small group', async () => {
    const a = await analysis(cdo, NATIONAL);
    expect(a.disparity!.groupAttribute).toBe('self_defined');
    expect(a.disparity!.referenceGroup).toBe('White');
    const black = a.disparity!.groups.find((g) => g.group === 'Black')!;
    expect(black.searchRate.successes).toBe(40);
    expect(black.hitRateOfSearches.share!.estimate).toBeCloseTo(0.2, 6);
    // 0.2 − 0.4 = −0.2; pooled p̄ = 28/90, z = −0.2/√(p̄(1−p̄)(1/40 + 1/50)) = −2.0365.
    expect(black.outcomeTest!.difference.estimate).toBeCloseTo(-0.2, 6);
    expect(black.outcomeTest!.test.z!).toBeCloseTo(-2.0365, 3);
    const other = a.disparity!.groups.find((g) => g.group === 'Other')!;
    expect(other.controls).toBeNull();
    expect(other.suppressed).toMatch(/Fewer than 5/);
    expect(a.exclusions).toContainEqual(
      expect.objectContaining({ analysis: 'disparity', reason: 'unknown_group', controls: 7 }),
    );
    // Every control is at 12:00 London time in June: outside the inter-twilight window.
    expect(a.veilOfDarkness!.focusGroup).toBe('Black');
    expect(a.veilOfDarkness!.darkness).toBeNull();
    expect(a.exclusions).toContainEqual(
      expect.objectContaining({
        analysis: 'veilOfDarkness',
        reason: 'outside_window',
        controls: 163,
      }),
    );
  });

  it('gives the disparity ratio per 1,000 residents from a population in the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/controls/analysis/${NATIONAL.replace('?', '/population?')}`,
      headers: cdo.headers,
      payload: {
        population: [
          { group: 'White', residents: 1000 },
          { group: 'Black', residents: 200 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<ControlAnalysis>();
    const black = a.disparity!.groups.find((g) => g.group === 'Black')!;
    // 60 per 200 = 300 per 1,000 against 100 per 1,000: ratio 3.
    expect(black.populationRate!.perThousand).toBeCloseTo(300, 6);
    expect(black.populationRate!.ratio).toBeCloseTo(3, 6);
    // exp(ln 3 ± 1.96·√(1/60 + 1/100)) = 2.178 to 4.132.
    expect(black.populationRate!.lower!).toBeCloseTo(2.1784, 3);
    expect(black.populationRate!.upper!).toBeCloseTo(4.1316, 3);
    expect(a.exclusions).toContainEqual(
      expect.objectContaining({ reason: 'population_missing', controls: 3 }),
    );
  });
  it('runs the veil of darkness on dark and light evenings at the same clock times', async () => {
    const a = await analysis(cdo, 'national?from=2024-01-01&to=2024-12-31&source=police-uk');
    const v = a.veilOfDarkness!;
    expect(v.focusGroup).toBe('Black');
    expect(v.controlsUsed).toBe(160);
    expect(v.darkControls).toBe(80);
    expect(v.lightControls).toBe(80);
    expect(v.reason).toBeNull();
    // The same share of the focus group, dark or light: an odds ratio of 1.
    expect(v.darkness!.oddsRatio).toBeCloseTo(1, 6);
    expect(v.darkness!.oddsRatioLower).toBeLessThan(1);
    expect(v.darkness!.oddsRatioUpper).toBeGreaterThan(1);
    const veil = a.exclusions.filter((x) => x.analysis === 'veilOfDarkness');
    expect(veil).toContainEqual(expect.objectContaining({ reason: 'twilight', controls: 6 }));
    expect(veil).toContainEqual(expect.objectContaining({ reason: 'outside_window', controls: 4 }));
  });
});

describe('CSV export', () => {
  it('has every section, and is audited like the read', async () => {
    const res = await get(cdo, `districts/${org.districtId}/export?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'section,breakdown,key,label,measure,n,successes,estimate,lower,upper,note',
    );
    const sections = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect([...sections].sort()).toEqual(
      [
        'benchmark',
        'disparity',
        'effectiveness',
        'exclusions',
        'quality',
        'veil_of_darkness',
      ].sort(),
    );
    expect(res.body).toContain('flagged');
  });
});
