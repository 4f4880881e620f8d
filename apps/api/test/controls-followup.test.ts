import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
  auditLog,
  districts,
  memberships,
  people,
  queryRows,
  reflectionSessions,
  teams,
} from '@pvi/db';
import { insertControlRows } from '../src/modules/controls/controls.repository.ts';
import { localTime, type ControlRow } from '../src/modules/controls/control-row.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { buildSurveyOrg, signInAs, type Session, type SurveyOrgFixture } from './factories.ts';

/**
 * Reflection sessions and training/outreach coverage (docs/controls-followup.md). One unit with
 * base teams A (5 people) and B (3 people, plus one who left in 2024) in district 1, and team C
 * (recherche, 4 people) in district 2; a second unit for scope checks.
 */
let t: TestApp;
let org: SurveyOrgFixture;
let other: SurveyOrgFixture;
let teamC: { id: string; memberIds: string[]; districtId: string };
let leaverB: string;
let chiefA: Session;
let chiefB: Session;
let memberA: Session;
let leader: Session;
let otherLeader: Session;
const A = () => org.teams[0]!;
const B = () => org.teams[1]!;

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  session: Session | null,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: session?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const paramsOf = (body: { invalidParams?: { name: string; code: string }[] }) =>
  (body.invalidParams ?? []).map((p) => `${p.name}:${p.code}`).sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  org = await buildSurveyOrg(db, [5, 3]);
  other = await buildSurveyOrg(db, [2]);
  const [d2] = await db
    .insert(districts)
    .values({ code: `D2-${randomUUID().slice(0, 6)}`, name: 'District Twee', unitId: org.unitId })
    .returning();
  const [c] = await db
    .insert(teams)
    .values({
      code: `TC-${randomUUID().slice(0, 6)}`,
      name: 'Recherche C',
      kind: 'recherche',
      unitId: org.unitId,
      districtId: d2!.id,
    })
    .returning();
  const persons = await db
    .insert(people)
    .values(
      ['C1', 'C2', 'C3', 'C4', 'Leaver'].map((n) => ({
        employeeNumber: `${n}-${randomUUID().slice(0, 8)}`,
        givenName: n,
        familyName: 'Test',
      })),
    )
    .returning();
  await db.insert(memberships).values([
    ...persons.slice(0, 4).map((p) => ({
      personId: p.id,
      teamId: c!.id,
      role: 'lid' as const,
      validFrom: '2020-01-01',
    })),
    // Left team B in 2024: not in its 2025 team size, not an ambassador for 2025.
    {
      personId: persons[4]!.id,
      teamId: B().id,
      role: 'lid' as const,
      validFrom: '2020-01-01',
      validTo: '2024-06-01',
    },
  ]);
  teamC = { id: c!.id, memberIds: persons.slice(0, 4).map((p) => p.id), districtId: d2!.id };
  leaverB = persons[4]!.id;
  chiefA = await signInAs(
    t.app,
    t.services,
    'teamchef',
    { type: 'team', id: A().id },
    { personId: A().memberIds[0]! },
  );
  chiefB = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: B().id });
  memberA = await signInAs(t.app, t.services, 'medewerker', { type: 'team', id: A().id });
  leader = await signInAs(t.app, t.services, 'eenheidsleiding', { type: 'unit', id: org.unitId });
  otherLeader = await signInAs(t.app, t.services, 'eenheidsleiding', {
    type: 'unit',
    id: other.unitId,
  });
});
afterAll(async () => {
  await t.close();
});

const session = (overrides: Record<string, unknown> = {}) => ({
  heldOn: '2025-04-10',
  participants: 4,
  agreedActions: ['Reden altijd uitleggen', 'Wettelijke grondslag vastleggen'],
  notes: 'Goed gesprek',
  periodFrom: '2025-01-01',
  periodTo: '2025-03-31',
  ...overrides,
});
const sessionCount = async (teamId: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from reflection_sessions where team_id = ${teamId}`,
    )
  )[0]!.n;

describe('reflection sessions', () => {
  let sessionId: string;

  it('refuses the chief of another team (403), whatever the body, and stores nothing', async () => {
    for (const body of [session(), { participants: 0 }]) {
      const res = await call('POST', `/teams/${A().id}/reflection/sessions`, chiefB, body);
      expect(res.statusCode, res.body).toBe(403);
    }
    expect((await call('GET', `/teams/${A().id}/reflection/sessions`, chiefB)).statusCode).toBe(
      403,
    );
    // A member reads the team's sessions but may not record one.
    expect((await call('GET', `/teams/${A().id}/reflection/sessions`, memberA)).statusCode).toBe(
      200,
    );
    expect(
      (await call('POST', `/teams/${A().id}/reflection/sessions`, memberA, session())).statusCode,
    ).toBe(403);
    expect(await sessionCount(A().id)).toBe(0);
  });

  it('lets the team chief record a session, audited, with its history', async () => {
    const res = await call('POST', `/teams/${A().id}/reflection/sessions`, chiefA, session());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    sessionId = body.id;
    expect(body).toMatchObject({ participants: 4, version: 1, periodTo: '2025-03-31' });
    expect(body.agreedActions).toEqual([
      'Reden altijd uitleggen',
      'Wettelijke grondslag vastleggen',
    ]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.recordId, sessionId));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('keeps every change in the history, refuses a stale version, and the history is append-only', async () => {
    const url = `/teams/${A().id}/reflection/sessions/${sessionId}`;
    const changed = await call('PATCH', url, chiefA, {
      participants: 5,
      agreedActions: ['Reden altijd uitleggen'],
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(2);
    // Unit leadership may act for the team as well.
    const byLeader = await call('PATCH', url, leader, { notes: null, version: 2 });
    expect(byLeader.statusCode, byLeader.body).toBe(200);
    const stale = await call('PATCH', url, chiefA, { participants: 3, version: 1 });
    expect(stale.statusCode).toBe(409);

    const history = (await call('GET', `${url}/history`, memberA)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'updated',
      'updated',
    ]);
    expect(history[1].changes).toEqual({
      participants: [4, 5],
      agreedActions: [
        ['Reden altijd uitleggen', 'Wettelijke grondslag vastleggen'],
        ['Reden altijd uitleggen'],
      ],
    });
    expect(history[1].by).toEqual({ role: 'teamchef', name: expect.stringMatching(/^Lid0 /) });
    expect(history[2]).toMatchObject({ version: 3, changes: { notes: ['Goed gesprek', null] } });
    expect(history[2].by.role).toBe('eenheidsleiding');
    const refused = await t.database.db
      .execute(sql`update control_follow_up_events set version = 9`)
      .then(
        () => null,
        (error: unknown) => error as { cause?: { message?: string } },
      );
    expect(refused?.cause?.message).toMatch(/append-only \(UPDATE refused\)/);
  });

  it('refuses bad input field by field (400) and stores nothing', async () => {
    const before = await sessionCount(A().id);
    const url = `/teams/${A().id}/reflection/sessions`;
    const tooMany = await call(
      'POST',
      url,
      chiefA,
      session({ participants: 6, periodFrom: '2025-02-10', periodTo: '2025-02-01' }),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(paramsOf(tooMany.json())).toEqual([
      'participants:exceeds_team_size',
      'periodTo:before_from',
    ]);
    const future = await call(
      'POST',
      url,
      chiefA,
      session({ heldOn: '2099-01-01', periodTo: '2099-01-02' }),
    );
    expect(paramsOf(future.json())).toEqual(['heldOn:in_future', 'periodTo:after_session']);
    const shape = await call('POST', url, chiefA, session({ participants: 0, agreedActions: [] }));
    expect(shape.statusCode).toBe(400);
    expect(paramsOf(shape.json()).map((p) => p.split(':')[0])).toEqual([
      'agreedActions',
      'participants',
    ]);
    const badEdit = await call('PATCH', `${url}/${sessionId}`, chiefA, { participants: 9 });
    expect(paramsOf(badEdit.json())).toEqual(['participants:exceeds_team_size']);
    expect(await sessionCount(A().id)).toBe(before);
    const [stored] = await t.database.db
      .select()
      .from(reflectionSessions)
      .where(eq(reflectionSessions.id, sessionId));
    expect(stored!.participants).toBe(5);
  });
});

function control(teamId: string, overrides: Partial<ControlRow>): ControlRow {
  const at = '2025-03-10T13:30:00.000Z';
  return {
    id: randomUUID(),
    source: 'pvi',
    source_area: null,
    import_file_id: null,
    occurred_at: at,
    time_known: true,
    ...localTime(Date.parse(at), 'pvi', true),
    unit_id: org.unitId,
    district_id: org.districtId,
    team_id: teamId,
    officer_person_id: A().memberIds[1]!,
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

describe("the team's figures", () => {
  it('shows aggregates from the controls analysis to the team, never an officer', async () => {
    // Team A: 10 controls in March 2025; 8 with a legal basis, 6 explained, 4 hits.
    await insertControlRows(t.database.db, [
      ...Array.from({ length: 10 }, (_, i) =>
        control(A().id, {
          legal_basis: i < 8 ? 'wid' : null,
          explained: i < 6,
          outcome: i < 4 ? 'fine' : 'none',
          outcome_linked: i < 4,
        }),
      ),
      ...Array.from({ length: 3 }, () => control(B().id, {})),
    ]);
    const res = await call(
      'GET',
      `/teams/${A().id}/reflection/figures?from=2025-03-01&to=2025-03-31`,
      memberA,
    );
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.team.id).toBe(A().id);
    expect(f.controls).toBe(10);
    expect(f.legalBasis).toMatchObject({ n: 10, successes: 8 });
    expect(f.explained).toMatchObject({ n: 10, successes: 6 });
    expect(f.hitRate).toMatchObject({ n: 10, successes: 4 });
    expect(f.hitRate.share.lower).toBeLessThan(0.4);
    expect(f.hitRate.share.upper).toBeGreaterThan(0.4);
    expect(res.body).not.toContain(A().memberIds[1]!);
    // Three controls: below the smallest cell shown.
    const small = (
      await call('GET', `/teams/${B().id}/reflection/figures?from=2025-03-01&to=2025-03-31`, chiefB)
    ).json();
    expect(small.controls).toBe(3);
    expect(small.hitRate.share).toBeNull();
    expect(small.hitRate.suppressed).toMatch(/Fewer than 5/);
    expect((await call('GET', `/teams/${A().id}/reflection/figures`, chiefB)).statusCode).toBe(403);
  });
});

describe('training and outreach coverage', () => {
  const year = (teamId: string) => `/teams/${teamId}/outreach/2025`;

  it('refuses bad input field by field and stores nothing', async () => {
    const res = await call('PATCH', year(B().id), chiefB, {
      ambassadorPersonIds: [B().memberIds[1], leaverB, A().memberIds[2], B().memberIds[1]],
      ibtParticipants: 4,
    });
    expect(res.statusCode).toBe(400);
    expect(paramsOf(res.json())).toEqual([
      'ambassadorPersonIds.1:not_member',
      'ambassadorPersonIds.2:not_member',
      'ambassadorPersonIds.3:duplicate',
      'ibtParticipants:exceeds_team_size',
    ]);
    const future = await call('PATCH', `/teams/${B().id}/outreach/2099`, chiefB, {
      ibtParticipants: 1,
    });
    expect(paramsOf(future.json())).toEqual(['year:in_future']);
    const vr = await call('POST', `/teams/${B().id}/outreach-activities`, chiefB, {
      kind: 'vr_session',
      heldOn: '2025-05-01',
      participants: 4,
    });
    expect(paramsOf(vr.json())).toEqual(['participants:exceeds_team_size']);
    const later = await call('POST', `/teams/${B().id}/outreach-activities`, chiefB, {
      kind: 'dialogue',
      heldOn: '2099-05-01',
      participants: 0,
    });
    expect(paramsOf(later.json()).map((p) => p.split(':')[0])).toEqual(['participants']);
    const view = (await call('GET', year(B().id), chiefB)).json();
    expect(view).toMatchObject({ version: null, ambassadors: [], ibtParticipants: null });
    expect(view.activities).toEqual([]);
    expect(view.coverage.teamSize).toBe(3);
  });

  it('refuses other teams and other units', async () => {
    expect((await call('PATCH', year(A().id), chiefB, { ibtParticipants: 'x' })).statusCode).toBe(
      403,
    );
    expect((await call('GET', year(A().id), chiefB)).statusCode).toBe(403);
    expect(
      (await call('GET', `/units/${org.unitId}/outreach-coverage?year=2025`, otherLeader))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('GET', `/units/${org.unitId}/outreach-coverage?year=2025`, chiefA)).statusCode,
    ).toBe(403);
  });

  it('records the year of each team and keeps the history', async () => {
    const ok = async (res: Awaited<ReturnType<typeof call>>, status = 200) => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    // A: two ambassadors, all 5 through the IBT, one dialogue, one VR session with 4.
    const a = await ok(
      await call('PATCH', year(A().id), chiefA, {
        ambassadorPersonIds: A().memberIds.slice(1, 3),
        ibtParticipants: 5,
      }),
    );
    expect(a.version).toBe(1);
    expect(a.ambassadors).toHaveLength(2);
    await ok(
      await call('POST', `/teams/${A().id}/outreach-activities`, chiefA, {
        kind: 'dialogue',
        heldOn: '2025-09-12',
        participants: 25,
        description: 'Buurthuis De Kolk: uitleg over controles',
      }),
      201,
    );
    await ok(
      await call('POST', `/teams/${A().id}/outreach-activities`, chiefA, {
        kind: 'vr_session',
        heldOn: '2025-10-01',
        participants: 4,
      }),
      201,
    );
    // A dialogue recorded by mistake in 2025 and removed: it counts nowhere, the history keeps it.
    const mistaken = await ok(
      await call('POST', `/teams/${A().id}/outreach-activities`, chiefA, {
        kind: 'dialogue',
        heldOn: '2025-11-01',
        participants: 10,
      }),
      201,
    );
    expect(
      (await call('DELETE', `/teams/${A().id}/outreach-activities/${mistaken.id}`, chiefA))
        .statusCode,
    ).toBe(204);

    // B: one ambassador, 2 of 3 through the IBT, no dialogue.
    await ok(
      await call('PATCH', year(B().id), chiefB, {
        ambassadorPersonIds: [B().memberIds[1]],
        ibtParticipants: 2,
      }),
    );
    // C (recherche): no ambassador norm, IBT not recorded, two dialogues (unit leadership records).
    for (const [day, n] of [
      ['2025-03-03', 30],
      ['2025-06-06', 12],
    ] as const)
      await ok(
        await call('POST', `/teams/${teamC.id}/outreach-activities`, leader, {
          kind: 'dialogue',
          heldOn: day,
          participants: n,
        }),
        201,
      );
    // One in 2024 does not count for 2025.
    await ok(
      await call('POST', `/teams/${B().id}/outreach-activities`, chiefB, {
        kind: 'dialogue',
        heldOn: '2024-12-31',
        participants: 8,
      }),
      201,
    );

    const changed = await ok(
      await call('PATCH', year(A().id), chiefA, { ibtParticipants: 4, version: 1 }),
    );
    expect(changed.version).toBe(2);
    await ok(await call('PATCH', year(A().id), chiefA, { ibtParticipants: 5, version: 2 }));
    expect(
      (await call('PATCH', year(A().id), chiefA, { ibtParticipants: 5, version: 1 })).statusCode,
    ).toBe(409);

    const history = (await ok(await call('GET', `${year(A().id)}/history`, memberA))).items;
    expect(
      history.map((e: { subjectType: string; action: string }) => `${e.subjectType}:${e.action}`),
    ).toEqual([
      'training_year:created',
      'outreach_activity:created',
      'outreach_activity:created',
      'outreach_activity:created',
      'outreach_activity:removed',
      'training_year:updated',
      'training_year:updated',
    ]);
    expect(history[5].changes).toEqual({ ibtParticipants: [5, 4] });
  });

  it('computes the coverage of the unit and each district against the norms', async () => {
    const res = await call('GET', `/units/${org.unitId}/outreach-coverage?year=2025`, leader);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.norms).toEqual({ ambassadorsPerBaseTeam: 2, ibtShare: 1, dialoguesPerTeam: 1 });
    const byId = new Map(o.teams.map((x: { teamId: string }) => [x.teamId, x]));
    expect(byId.get(A().id)).toMatchObject({
      teamSize: 5,
      ambassadors: { count: 2, status: 'met' },
      ibt: { participants: 5, share: 1, status: 'met' },
      vrSessions: { sessions: 1, participants: 4 },
      dialogue: { meetings: 1, participants: 25, status: 'met' },
      normsApplicable: 3,
      normsMet: 3,
    });
    expect(byId.get(B().id)).toMatchObject({
      teamSize: 3,
      ambassadors: { count: 1, status: 'not_met' },
      ibt: { participants: 2, status: 'not_met' },
      vrSessions: { sessions: 0, participants: 0 },
      dialogue: { meetings: 0, participants: 0, status: 'not_met' },
      normsApplicable: 3,
      normsMet: 0,
    });
    expect((byId.get(B().id) as { ibt: { share: number } }).ibt.share).toBeCloseTo(2 / 3);
    expect(byId.get(teamC.id)).toMatchObject({
      teamSize: 4,
      ambassadors: { count: 0, status: 'not_applicable' },
      ibt: { participants: null, share: null, status: 'not_recorded' },
      dialogue: { meetings: 2, participants: 42, status: 'met' },
      normsApplicable: 2,
      normsMet: 1,
    });
    // Hand-computed: IBT 7 of 8 members in the teams that recorded it.
    expect(o.totals).toEqual({
      teams: 3,
      teamsMeetingAll: 1,
      ambassadors: { applicable: 2, met: 1, notMet: 1, notRecorded: 0, count: 3 },
      ibt: {
        applicable: 3,
        met: 1,
        notMet: 1,
        notRecorded: 1,
        participants: 7,
        teamSize: 8,
        share: 7 / 8,
      },
      vrSessions: { sessions: 1, participants: 4 },
      dialogue: { applicable: 3, met: 2, notMet: 1, notRecorded: 0, meetings: 3 },
    });
    const d1 = o.districts.find((d: { districtId: string }) => d.districtId === org.districtId);
    expect(d1.totals).toMatchObject({ teams: 2, teamsMeetingAll: 1 });
    expect(d1.totals.ibt).toMatchObject({ participants: 7, teamSize: 8 });

    const district = (
      await call('GET', `/districts/${teamC.districtId}/outreach-coverage?year=2025`, leader)
    ).json();
    expect(district.teams.map((x: { teamId: string }) => x.teamId)).toEqual([teamC.id]);
    expect(district.totals.dialogue).toMatchObject({ met: 1, meetings: 2 });

    // Another year: nothing recorded, so nothing met.
    const empty = (
      await call('GET', `/units/${org.unitId}/outreach-coverage?year=2023`, leader)
    ).json();
    expect(empty.totals.teamsMeetingAll).toBe(0);
    expect(empty.totals.ibt.notRecorded).toBe(3);
  });

  it('exports the coverage as CSV, audited', async () => {
    const res = await call(
      'GET',
      `/units/${org.unitId}/outreach-coverage/export?year=2025`,
      leader,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^year,team_code,team_name,/);
    expect(lines).toHaveLength(4);
    const rowB = lines.find((l) => l.includes(',3,1,not_met,2,0.667,not_met,'));
    expect(rowB).toBeDefined();
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.recordType, 'outreach_coverage'));
    expect(audits.map((a) => a.action)).toContain('export');
  });
});
