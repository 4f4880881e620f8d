import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { buildOrg, createAccount, signIn, TEST_PASSWORD, type OrgFixture } from './factories.ts';

let t: TestApp;
let clock = new Date('2026-11-28T10:00:00Z');
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp({
    now: () => clock,
    config: { loginMaxFailures: 3, loginLockMinutes: 15 },
  });
  org = await buildOrg(t.database.db);
});
afterAll(async () => {
  await t.close();
});

describe('local sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the person, grants and active grant', async () => {
    const { username } = await createAccount(
      t.services,
      'teamchef',
      { type: 'team', id: org.teamId },
      { personId: org.chiefId },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^pvi_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const body = res.json();
    expect(body.person.name).toMatch(/^Chef /);
    expect(body.grants).toHaveLength(1);
    expect(body.activeGrant).toMatchObject({
      role: 'teamchef',
      scopeType: 'team',
      scopeId: org.teamId,
    });
    expect(body.activeGrant.scopeName).toMatch(/^Basisteam/);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().account.username).toBe(username);
  });

  it('marks the cookie Secure behind TLS', async () => {
    const secure = await createTestApp({ config: { secureCookies: true } });
    try {
      const { username } = await createAccount(secure.services, 'medewerker', {
        type: 'national',
        id: null,
      });
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password: TEST_PASSWORD },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });

  it('signs out: the cookie no longer works', async () => {
    const { username } = await createAccount(t.services, 'medewerker', {
      type: 'team',
      id: org.teamId,
    });
    const s = await signIn(t.app, username);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: s.headers,
    });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: s.cookie },
    });
    expect(me.statusCode).toBe(401);
  });

  it('switches the active grant only to a grant the person holds', async () => {
    const { username, accountId } = await createAccount(t.services, 'teamchef', {
      type: 'team',
      id: org.teamId,
    });
    const second = await t.services.auth.grantRole(
      accountId,
      'medewerker',
      { type: 'team', id: org.teamId },
      { requestId: null, accountId: null, personId: null, role: null, purpose: null },
    );
    const s = await signIn(t.app, username);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/session',
      headers: s.headers,
      payload: { activeGrantId: second!.id },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().activeGrant.role).toBe('medewerker');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: s.cookie },
    });
    expect(me.json().activeGrant.role).toBe('medewerker');
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/session',
      headers: s.headers,
      payload: { activeGrantId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('activeGrantId');
  });
});

describe('expiry', () => {
  it('ends a session after the idle time, and after the absolute time even when active', async () => {
    const { username } = await createAccount(t.services, 'medewerker', {
      type: 'team',
      id: org.teamId,
    });
    const start = clock;
    const s = await signIn(t.app, username);
    const get = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: s.cookie } });
    clock = new Date(start.getTime() + 29 * 60_000);
    expect((await get()).statusCode).toBe(200); // activity slides the idle window
    clock = new Date(start.getTime() + 55 * 60_000);
    expect((await get()).statusCode).toBe(200);
    clock = new Date(start.getTime() + 55 * 60_000 + 31 * 60_000);
    expect((await get()).statusCode).toBe(401);

    const s2 = await signIn(t.app, username);
    const begin = clock.getTime();
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock = new Date(begin + minutes * 60_000);
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/session',
            headers: { cookie: s2.cookie },
          })
        ).statusCode,
      ).toBe(200);
    }
    clock = new Date(begin + 12 * 3_600_000 + 1000);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/session',
          headers: { cookie: s2.cookie },
        })
      ).statusCode,
    ).toBe(401);
    clock = start;
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated change without the CSRF token, or from another origin', async () => {
    const { username } = await createAccount(t.services, 'medewerker', {
      type: 'team',
      id: org.teamId,
    });
    const s = await signIn(t.app, username);
    const noToken = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_failed');
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { ...s.headers, origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    const signInFromElsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: 'https://evil.example' },
      payload: { username, password: TEST_PASSWORD },
    });
    expect(signInFromElsewhere.statusCode).toBe(403);
  });
});

describe('throttling', () => {
  it('locks a username after repeated failures, the same way whether or not it exists', async () => {
    const { username } = await createAccount(t.services, 'medewerker', {
      type: 'team',
      id: org.teamId,
    });
    const attempt = (u: string, p: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: u, password: p },
      });
    const ghost = 'nobody-here';
    for (const u of [username, ghost]) {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await attempt(u, 'wrong-password-123'));
      expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401]);
      expect(new Set(answers.map((a) => a.json().detail)).size).toBe(1);
      const locked = await attempt(u, u === username ? TEST_PASSWORD : 'whatever-pass');
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
    const [a, b] = [await attempt(username, 'x'), await attempt(ghost, 'x')];
    expect(a.json().detail).toBe(b.json().detail);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await attempt(username, TEST_PASSWORD)).statusCode).toBe(201);
  });
});
