import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, queryRows, reflectionSessions } from '@pvi/db';
import { insertControlRows } from '../src/modules/controls/controls.repository.ts';
import { localTime, type ControlRow } from '../src/modules/controls/control-row.ts';
import { createTestApp, type TestApp } from './harness.ts';
import {
  buildFollowUpFixture,
  caller,
  paramsOf,
  type FollowUpFixture,
} from './followup-fixture.ts';

/** Reflection on the team's controls: sessions with history, and the team's figures (docs/controls-followup.md). */
let t: TestApp;
let f: FollowUpFixture;
const call = caller(() => t);

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFollowUpFixture(t);
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
      const res = await call('POST', `/teams/${f.A.id}/reflection/sessions`, f.chiefB, body);
      expect(res.statusCode, res.body).toBe(403);
    }
    expect((await call('GET', `/teams/${f.A.id}/reflection/sessions`, f.chiefB)).statusCode).toBe(
      403,
    );
    // A member reads the team's sessions but may not record one.
    expect((await call('GET', `/teams/${f.A.id}/reflection/sessions`, f.memberA)).statusCode).toBe(
      200,
    );
    expect(
      (await call('POST', `/teams/${f.A.id}/reflection/sessions`, f.memberA, session())).statusCode,
    ).toBe(403);
    expect(await sessionCount(f.A.id)).toBe(0);
  });

  it('lets the team chief record a session, audited, with its history', async () => {
    const res = await call('POST', `/teams/${f.A.id}/reflection/sessions`, f.chiefA, session());
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
    const url = `/teams/${f.A.id}/reflection/sessions/${sessionId}`;
    const changed = await call('PATCH', url, f.chiefA, {
      participants: 5,
      agreedActions: ['Reden altijd uitleggen'],
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(2);
    // Unit leadership may act for the team as well.
    const byLeader = await call('PATCH', url, f.leader, { notes: null, version: 2 });
    expect(byLeader.statusCode, byLeader.body).toBe(200);
    const stale = await call('PATCH', url, f.chiefA, { participants: 3, version: 1 });
    expect(stale.statusCode).toBe(409);

    const history = (await call('GET', `${url}/history`, f.memberA)).json().items;
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
    const before = await sessionCount(f.A.id);
    const url = `/teams/${f.A.id}/reflection/sessions`;
    const tooMany = await call(
      'POST',
      url,
      f.chiefA,
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
      f.chiefA,
      session({ heldOn: '2099-01-01', periodTo: '2099-01-02' }),
    );
    expect(paramsOf(future.json())).toEqual(['heldOn:in_future', 'periodTo:after_session']);
    const shape = await call(
      'POST',
      url,
      f.chiefA,
      session({ participants: 0, agreedActions: [] }),
    );
    expect(shape.statusCode).toBe(400);
    expect(paramsOf(shape.json()).map((p) => p.split(':')[0])).toEqual([
      'agreedActions',
      'participants',
    ]);
    const badEdit = await call('PATCH', `${url}/${sessionId}`, f.chiefA, { participants: 9 });
    expect(paramsOf(badEdit.json())).toEqual(['participants:exceeds_team_size']);
    expect(await sessionCount(f.A.id)).toBe(before);
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
    unit_id: f.org.unitId,
    district_id: f.org.districtId,
    team_id: teamId,
    officer_person_id: f.A.memberIds[1]!,
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
        control(f.A.id, {
          legal_basis: i < 8 ? 'wid' : null,
          explained: i < 6,
          outcome: i < 4 ? 'fine' : 'none',
          outcome_linked: i < 4,
        }),
      ),
      ...Array.from({ length: 3 }, () => control(f.B.id, {})),
    ]);
    const res = await call(
      'GET',
      `/teams/${f.A.id}/reflection/figures?from=2025-03-01&to=2025-03-31`,
      f.memberA,
    );
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json();
    expect(figures.team.id).toBe(f.A.id);
    expect(figures.controls).toBe(10);
    expect(figures.legalBasis).toMatchObject({ n: 10, successes: 8 });
    expect(figures.explained).toMatchObject({ n: 10, successes: 6 });
    expect(figures.hitRate).toMatchObject({ n: 10, successes: 4 });
    expect(figures.hitRate.share.lower).toBeLessThan(0.4);
    expect(figures.hitRate.share.upper).toBeGreaterThan(0.4);
    expect(res.body).not.toContain(f.A.memberIds[1]);
    // Three controls: below the smallest cell shown.
    const small = (
      await call(
        'GET',
        `/teams/${f.B.id}/reflection/figures?from=2025-03-01&to=2025-03-31`,
        f.chiefB,
      )
    ).json();
    expect(small.controls).toBe(3);
    expect(small.hitRate.share).toBeNull();
    expect(small.hitRate.suppressed).toMatch(/Fewer than 5/);
    expect((await call('GET', `/teams/${f.A.id}/reflection/figures`, f.chiefB)).statusCode).toBe(
      403,
    );
  });
});
