import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { buildOrg, signIn, signInAs, type OrgFixture, type Session } from './factories.ts';

let t: TestApp;
let org: OrgFixture;
let admin: Session & { accountId: string };

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t.database.db);
  admin = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: admin.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('account administration', () => {
  it('creates an account, grants a scoped role, and the person can sign in with it', async () => {
    const created = await send('POST', '/api/v1/accounts', {
      username: 'nieuw.lid',
      password: 'een-heel-goed-wachtwoord',
      personId: org.memberIds[0],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const granted = await send('POST', `/api/v1/accounts/${id}/grants`, {
      role: 'teamchef',
      scopeType: 'team',
      scopeId: org.teamId,
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().scopeName).toMatch(/^Basisteam/);
    expect(
      (
        await send('POST', `/api/v1/accounts/${id}/grants`, {
          role: 'teamchef',
          scopeType: 'team',
          scopeId: org.teamId,
        })
      ).statusCode,
    ).toBe(409);
    const s = await signIn(t.app, 'nieuw.lid', 'een-heel-goed-wachtwoord');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: s.cookie },
    });
    expect(me.json().activeGrant).toMatchObject({ role: 'teamchef', scopeId: org.teamId });

    const listed = await send('GET', '/api/v1/accounts?q=nieuw');
    expect(listed.json().items).toHaveLength(1);
    expect(listed.json().items[0]).toMatchObject({
      username: 'nieuw.lid',
      signIn: 'local',
      grants: [{ role: 'teamchef' }],
    });

    const removed = await send(
      'DELETE',
      `/api/v1/accounts/${id}/grants/${granted.json().id as string}`,
    );
    expect(removed.statusCode).toBe(204);
    expect((await send('GET', `/api/v1/accounts/${id}`)).json().grants).toEqual([]);
  });

  it('lists every invalid field of a bad account or grant', async () => {
    const bad = await send('POST', '/api/v1/accounts', { username: 'x y', password: 'kort' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['password', 'username']);
    const created = await send('POST', '/api/v1/accounts', {
      username: 'tweede',
      password: 'een-heel-goed-wachtwoord',
    });
    const id = created.json().id as string;
    const noScope = await send('POST', `/api/v1/accounts/${id}/grants`, {
      role: 'teamchef',
      scopeType: 'team',
    });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().invalidParams[0].name).toBe('scopeId');
    const ghost = await send('POST', `/api/v1/accounts/${id}/grants`, {
      role: 'teamchef',
      scopeType: 'unit',
      scopeId: org.teamId,
    });
    expect(ghost.statusCode).toBe(400);
    expect(
      (
        await send('POST', '/api/v1/accounts', {
          username: 'tweede',
          password: 'een-heel-goed-wachtwoord',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('disabling an account signs it out everywhere; an admin cannot disable themselves', async () => {
    const created = await send('POST', '/api/v1/accounts', {
      username: 'weg',
      password: 'een-heel-goed-wachtwoord',
    });
    const id = created.json().id as string;
    await send('POST', `/api/v1/accounts/${id}/grants`, {
      role: 'medewerker',
      scopeType: 'national',
      scopeId: null,
    });
    const s = await signIn(t.app, 'weg', 'een-heel-goed-wachtwoord');
    const off = await send('PATCH', `/api/v1/accounts/${id}`, { disabled: true });
    expect(off.json().disabled).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    const attempt = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'weg', password: 'een-heel-goed-wachtwoord' },
    });
    expect(attempt.statusCode).toBe(401);
    expect(
      (await send('PATCH', `/api/v1/accounts/${admin.accountId}`, { disabled: true })).statusCode,
    ).toBe(409);
  });

  it('is for a national beheerder only', async () => {
    const unitAdmin = await signInAs(t.app, t.services, 'beheerder', {
      type: 'unit',
      id: org.unitId,
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: unitAdmin.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});
