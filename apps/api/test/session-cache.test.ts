import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { systemActor } from '../src/modules/audit/audit.service.ts';
import { createTestApp, testConfig, type TestApp } from './harness.ts';
import { buildOrg, createAccount, signIn, signInAs, type OrgFixture } from './factories.ts';

/**
 * Resolved sessions are cached in memory for PVI_SESSION_CACHE_SECONDS (5 by default): changes
 * made through this process take effect at once, changes made elsewhere within that time.
 */
let t: TestApp;
let org: OrgFixture;
let clock = new Date('2026-11-29T10:00:00Z');
let admin: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await buildOrg(t.database.db);
  admin = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const teamScope = () => ({ type: 'team' as const, id: org.teamId });

async function officer() {
  const account = await createAccount(t.services, 'medewerker', teamScope(), {
    personId: org.memberIds[0],
  });
  const session = await signIn(t.app, account.username);
  return { ...account, session };
}

const listControls = (app: TestApp['app'], cookie: string) =>
  app.inject({ method: 'GET', url: '/api/v1/controls', headers: { cookie } });

const grantIdOf = async (cookie: string) => {
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
  return me.json<{ activeGrant: { id: string } }>().activeGrant.id;
};

describe('session cache: changes through this process', () => {
  it('refuses a grant revoked through the API on the very next request', async () => {
    const o = await officer();
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(200);
    const grantId = await grantIdOf(o.session.cookie);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/accounts/${o.accountId}/grants/${grantId}`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(403);
  });

  it('refuses the cookie at once after signing out, and sees a role switch at once', async () => {
    const o = await officer();
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${o.accountId}/grants`,
      headers: admin.headers,
      payload: { role: 'teamchef', scopeType: 'team', scopeId: org.teamId },
    });
    expect(extra.statusCode).toBe(201);
    // Given after sign-in: the cached session must learn of it.
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: o.session.cookie },
    });
    expect(me.json<{ grants: unknown[] }>().grants).toHaveLength(2);
    const switched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/session',
      headers: o.session.headers,
      payload: { activeGrantId: extra.json<{ id: string }>().id },
    });
    expect(switched.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: o.session.cookie },
    });
    expect(after.json<{ activeGrant: { role: string } }>().activeGrant.role).toBe('teamchef');

    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: o.session.headers,
    });
    expect(out.statusCode).toBe(204);
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(401);
  });

  it('refuses a disabled account at once', async () => {
    const o = await officer();
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(200);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${o.accountId}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(off.statusCode).toBe(200);
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(401);
  });
});

describe('session cache: changes made elsewhere', () => {
  // `t.services` is a second set of services on the same database, as another API process or
  // the `pvi` command line would be: its changes reach this app's cache only by time.
  it('sees a grant revoked by another process within PVI_SESSION_CACHE_SECONDS', async () => {
    const o = await officer();
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(200);
    const revoked = await t.services.auth.revokeRole(
      o.accountId,
      'medewerker',
      teamScope(),
      systemActor('test'),
    );
    expect(revoked).toBe(1);
    // Still served from this process's cache …
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + t.config.sessionCacheSeconds * 1000 - 1);
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(200);
    // … and refused once the cache time has passed.
    clock = new Date(clock.getTime() + 1);
    expect((await listControls(t.app, o.session.cookie)).statusCode).toBe(403);
  });

  it('sees it at once with the cache off (PVI_SESSION_CACHE_SECONDS=0)', async () => {
    const uncached = await buildApp({
      config: testConfig({ sessionCacheSeconds: 0 }),
      database: t.database,
      logger: false,
      now: () => clock,
    });
    try {
      const o = await officer();
      expect((await listControls(uncached, o.session.cookie)).statusCode).toBe(200);
      await t.services.auth.revokeRole(o.accountId, 'medewerker', teamScope(), systemActor('t'));
      expect((await listControls(uncached, o.session.cookie)).statusCode).toBe(403);
    } finally {
      await uncached.close();
    }
  });
});
