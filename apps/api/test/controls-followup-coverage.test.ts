import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '@pvi/db';
import { createTestApp, type TestApp } from './harness.ts';
import {
  buildFollowUpFixture,
  caller,
  paramsOf,
  type FollowUpFixture,
} from './followup-fixture.ts';

/** Training and outreach per team-year and the coverage per unit and district (docs/controls-followup.md). */
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

describe('training and outreach coverage', () => {
  const year = (teamId: string) => `/teams/${teamId}/outreach/2025`;

  it('refuses bad input field by field and stores nothing', async () => {
    const res = await call('PATCH', year(f.B.id), f.chiefB, {
      ambassadorPersonIds: [f.B.memberIds[1], f.leaverB, f.A.memberIds[2], f.B.memberIds[1]],
      ibtParticipants: 4,
    });
    expect(res.statusCode).toBe(400);
    expect(paramsOf(res.json())).toEqual([
      'ambassadorPersonIds.1:not_member',
      'ambassadorPersonIds.2:not_member',
      'ambassadorPersonIds.3:duplicate',
      'ibtParticipants:exceeds_team_size',
    ]);
    const future = await call('PATCH', `/teams/${f.B.id}/outreach/2099`, f.chiefB, {
      ibtParticipants: 1,
    });
    expect(paramsOf(future.json())).toEqual(['year:in_future']);
    const vr = await call('POST', `/teams/${f.B.id}/outreach-activities`, f.chiefB, {
      kind: 'vr_session',
      heldOn: '2025-05-01',
      participants: 4,
    });
    expect(paramsOf(vr.json())).toEqual(['participants:exceeds_team_size']);
    const later = await call('POST', `/teams/${f.B.id}/outreach-activities`, f.chiefB, {
      kind: 'dialogue',
      heldOn: '2099-05-01',
      participants: 0,
    });
    expect(paramsOf(later.json()).map((p) => p.split(':')[0])).toEqual(['participants']);
    const view = (await call('GET', year(f.B.id), f.chiefB)).json();
    expect(view).toMatchObject({ version: null, ambassadors: [], ibtParticipants: null });
    expect(view.activities).toEqual([]);
    expect(view.coverage.teamSize).toBe(3);
  });

  it('refuses other teams and other units', async () => {
    expect((await call('PATCH', year(f.A.id), f.chiefB, { ibtParticipants: 'x' })).statusCode).toBe(
      403,
    );
    expect((await call('GET', year(f.A.id), f.chiefB)).statusCode).toBe(403);
    expect(
      (await call('GET', `/units/${f.org.unitId}/outreach-coverage?year=2025`, f.otherLeader))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('GET', `/units/${f.org.unitId}/outreach-coverage?year=2025`, f.chiefA))
        .statusCode,
    ).toBe(403);
  });

  it('records the year of each team and keeps the history', async () => {
    const ok = async (res: Awaited<ReturnType<typeof call>>, status = 200) => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    // A: two ambassadors, all 5 through the IBT, one dialogue, one VR session with 4.
    const a = await ok(
      await call('PATCH', year(f.A.id), f.chiefA, {
        ambassadorPersonIds: f.A.memberIds.slice(1, 3),
        ibtParticipants: 5,
      }),
    );
    expect(a.version).toBe(1);
    expect(a.ambassadors).toHaveLength(2);
    await ok(
      await call('POST', `/teams/${f.A.id}/outreach-activities`, f.chiefA, {
        kind: 'dialogue',
        heldOn: '2025-09-12',
        participants: 25,
        description: 'Buurthuis De Kolk: uitleg over controles',
      }),
      201,
    );
    await ok(
      await call('POST', `/teams/${f.A.id}/outreach-activities`, f.chiefA, {
        kind: 'vr_session',
        heldOn: '2025-10-01',
        participants: 4,
      }),
      201,
    );
    // A dialogue recorded by mistake in 2025 and removed: it counts nowhere, the history keeps it.
    const mistaken = await ok(
      await call('POST', `/teams/${f.A.id}/outreach-activities`, f.chiefA, {
        kind: 'dialogue',
        heldOn: '2025-11-01',
        participants: 10,
      }),
      201,
    );
    expect(
      (await call('DELETE', `/teams/${f.A.id}/outreach-activities/${mistaken.id}`, f.chiefA))
        .statusCode,
    ).toBe(204);

    // B: one ambassador, 2 of 3 through the IBT, no dialogue.
    await ok(
      await call('PATCH', year(f.B.id), f.chiefB, {
        ambassadorPersonIds: [f.B.memberIds[1]],
        ibtParticipants: 2,
      }),
    );
    // C (recherche): no ambassador norm, IBT not recorded, two dialogues (unit leadership records).
    for (const [day, n] of [
      ['2025-03-03', 30],
      ['2025-06-06', 12],
    ] as const)
      await ok(
        await call('POST', `/teams/${f.teamC.id}/outreach-activities`, f.leader, {
          kind: 'dialogue',
          heldOn: day,
          participants: n,
        }),
        201,
      );
    // One in 2024 does not count for 2025.
    await ok(
      await call('POST', `/teams/${f.B.id}/outreach-activities`, f.chiefB, {
        kind: 'dialogue',
        heldOn: '2024-12-31',
        participants: 8,
      }),
      201,
    );

    const changed = await ok(
      await call('PATCH', year(f.A.id), f.chiefA, { ibtParticipants: 4, version: 1 }),
    );
    expect(changed.version).toBe(2);
    await ok(await call('PATCH', year(f.A.id), f.chiefA, { ibtParticipants: 5, version: 2 }));
    expect(
      (await call('PATCH', year(f.A.id), f.chiefA, { ibtParticipants: 5, version: 1 })).statusCode,
    ).toBe(409);

    const history = (await ok(await call('GET', `${year(f.A.id)}/history`, f.memberA))).items;
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
    const res = await call('GET', `/units/${f.org.unitId}/outreach-coverage?year=2025`, f.leader);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.norms).toEqual({ ambassadorsPerBaseTeam: 2, ibtShare: 1, dialoguesPerTeam: 1 });
    const byId = new Map(o.teams.map((x: { teamId: string }) => [x.teamId, x]));
    expect(byId.get(f.A.id)).toMatchObject({
      teamSize: 5,
      ambassadors: { count: 2, status: 'met' },
      ibt: { participants: 5, share: 1, status: 'met' },
      vrSessions: { sessions: 1, participants: 4 },
      dialogue: { meetings: 1, participants: 25, status: 'met' },
      normsApplicable: 3,
      normsMet: 3,
    });
    expect(byId.get(f.B.id)).toMatchObject({
      teamSize: 3,
      ambassadors: { count: 1, status: 'not_met' },
      ibt: { participants: 2, status: 'not_met' },
      vrSessions: { sessions: 0, participants: 0 },
      dialogue: { meetings: 0, participants: 0, status: 'not_met' },
      normsApplicable: 3,
      normsMet: 0,
    });
    expect((byId.get(f.B.id) as { ibt: { share: number } }).ibt.share).toBeCloseTo(2 / 3);
    expect(byId.get(f.teamC.id)).toMatchObject({
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
    const d1 = o.districts.find((d: { districtId: string }) => d.districtId === f.org.districtId);
    expect(d1.totals).toMatchObject({ teams: 2, teamsMeetingAll: 1 });
    expect(d1.totals.ibt).toMatchObject({ participants: 7, teamSize: 8 });

    const district = (
      await call('GET', `/districts/${f.teamC.districtId}/outreach-coverage?year=2025`, f.leader)
    ).json();
    expect(district.teams.map((x: { teamId: string }) => x.teamId)).toEqual([f.teamC.id]);
    expect(district.totals.dialogue).toMatchObject({ met: 1, meetings: 2 });

    // Another year: nothing recorded, so nothing met.
    const empty = (
      await call('GET', `/units/${f.org.unitId}/outreach-coverage?year=2023`, f.leader)
    ).json();
    expect(empty.totals.teamsMeetingAll).toBe(0);
    expect(empty.totals.ibt.notRecorded).toBe(3);
  });

  it('exports the coverage as CSV, audited', async () => {
    const res = await call(
      'GET',
      `/units/${f.org.unitId}/outreach-coverage/export?year=2025`,
      f.leader,
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
