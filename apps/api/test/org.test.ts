import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { buildOrg, signInAs, type OrgFixture, type Session } from './factories.ts';

let t: TestApp;
let a: OrgFixture;
let b: OrgFixture;
let national: Session;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildOrg(t.database.db, 'Alfa');
  b = await buildOrg(t.database.db, 'Beta');
  national = await signInAs(t.app, t.services, 'hr_analist', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = national.headers) =>
  t.app.inject({ method: 'GET', url, headers });

describe('organisation API', () => {
  it('lists units with counts, filters by name, and pages', async () => {
    const all = await get('/api/v1/units');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    expect(all.json().items[0]).toMatchObject({ districtCount: 1, teamCount: 1, kind: 'regional' });
    const filtered = await get('/api/v1/units?q=alfa');
    expect(filtered.json().items.map((u: { id: string }) => u.id)).toEqual([a.unitId]);
    const paged = await get('/api/v1/units?page=2&pageSize=1');
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(paged.headers.link).toContain('rel="prev"');
    expect(paged.headers.link).not.toContain('rel="next"');
  });

  it('reads a team with its unit, district, member count and chief', async () => {
    const res = await get(`/api/v1/teams/${a.teamId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: a.teamId,
      kind: 'basisteam',
      unitId: a.unitId,
      districtId: a.districtId,
      memberCount: 3,
      chief: { id: a.chiefId },
    });
    expect((await get(`/api/v1/teams/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    const badId = await get('/api/v1/teams/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().invalidParams[0].name).toBe('id');
  });

  it('filters teams and districts by unit', async () => {
    const teams = await get(`/api/v1/teams?unitId=${b.unitId}`);
    expect(teams.json().items.map((x: { id: string }) => x.id)).toEqual([b.teamId]);
    const districts = await get(`/api/v1/districts?unitId=${a.unitId}`);
    expect(districts.json().items.map((x: { id: string }) => x.id)).toEqual([a.districtId]);
    expect((await get(`/api/v1/districts/${b.districtId}`)).json()).toMatchObject({
      unitId: b.unitId,
      teamCount: 1,
    });
  });

  it('shows team members to the team chief of that team only', async () => {
    const chief = await signInAs(
      t.app,
      t.services,
      'teamchef',
      { type: 'team', id: a.teamId },
      { personId: a.chiefId },
    );
    const mine = await get(`/api/v1/teams/${a.teamId}/members`, chief.headers);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toHaveLength(3);
    expect(mine.json().find((m: { id: string }) => m.id === a.chiefId).role).toBe('teamchef');
    expect((await get(`/api/v1/teams/${b.teamId}/members`, chief.headers)).statusCode).toBe(403);
  });

  it('lets a unit leader search people in the unit, with their history on request', async () => {
    const leader = await signInAs(t.app, t.services, 'eenheidsleiding', {
      type: 'unit',
      id: b.unitId,
    });
    const people = await get('/api/v1/people?q=beta', leader.headers);
    expect(people.json().total).toBe(3);
    const none = await get('/api/v1/people?q=alfa', leader.headers);
    expect(none.json().total).toBe(0);
    const person = await get(`/api/v1/people/${b.memberIds[0]}`, {
      ...leader.headers,
      'x-purpose': 'team samenstelling',
    });
    expect(person.statusCode).toBe(200);
    expect(person.json()).toMatchObject({
      currentTeam: { id: b.teamId, role: 'lid' },
      memberships: [{ teamId: b.teamId, validFrom: '2020-01-01', validTo: null }],
    });
    const outside = await get(`/api/v1/people/${a.memberIds[0]}`, {
      ...leader.headers,
      'x-purpose': 'nieuwsgierig',
    });
    expect(outside.statusCode).toBe(403);
  });

  it('never shows people to roles without a need', async () => {
    const cdo = await signInAs(t.app, t.services, 'cdo', { type: 'national', id: null });
    expect((await get('/api/v1/people', cdo.headers)).statusCode).toBe(403);
    expect((await get('/api/v1/teams', cdo.headers)).statusCode).toBe(200);
  });
});
