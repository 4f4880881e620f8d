import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role, type ScopeType } from '@pvi/contracts';
import type { AccessRule } from '../src/access.ts';
import { systemActor } from '../src/modules/audit/audit.service.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { buildOrg, createAccount, type OrgFixture } from './factories.ts';

/**
 * Walks every registered route with every role, in and out of scope, and checks deny-by-default.
 * New routes are covered without touching this file.
 */
let t: TestApp;
let inside: OrgFixture;
let outside: OrgFixture;
const accounts = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  inside = await buildOrg(t.database.db, 'Binnen');
  outside = await buildOrg(t.database.db, 'Buiten');
});
afterAll(async () => {
  await t.close();
});

function idFor(url: string, param: string, rule: AccessRule, org: OrgFixture): string {
  if (
    rule.kind === 'roles' &&
    rule.scope &&
    rule.scope.kind !== 'national' &&
    rule.scope.param === param
  ) {
    switch (rule.scope.kind) {
      case 'team':
        return org.teamId;
      case 'district':
        return org.districtId;
      case 'unit':
        return org.unitId;
      case 'person':
        return org.memberIds[0]!;
    }
  }
  if (url.startsWith('/api/v1/units')) return org.unitId;
  if (url.startsWith('/api/v1/districts')) return org.districtId;
  if (url.startsWith('/api/v1/teams')) return org.teamId;
  if (url.startsWith('/api/v1/people')) return org.memberIds[0]!;
  return '00000000-0000-4000-8000-000000000000';
}

const fill = (url: string, rule: AccessRule, org: OrgFixture) =>
  url.replace(/:(\w+)/g, (_m, p: string) => idFor(url, p, rule, org));

function grantScope(
  rule: AccessRule,
  org: OrgFixture,
  inScope: boolean,
): { type: ScopeType; id: string | null } {
  const kind = rule.kind === 'roles' && rule.scope ? rule.scope.kind : 'team';
  switch (kind) {
    case 'national':
      return inScope ? { type: 'national', id: null } : { type: 'unit', id: org.unitId };
    case 'unit':
      return { type: 'unit', id: org.unitId };
    case 'district':
      return { type: 'district', id: org.districtId };
    case 'team':
    case 'person':
      return { type: 'team', id: org.teamId };
  }
}

async function sessionFor(role: Role, scope: { type: ScopeType; id: string | null }) {
  const key = `${role}|${scope.type}|${scope.id}`;
  let accountId = accounts.get(key);
  if (!accountId) {
    accountId = (await createAccount(t.services, role, scope)).accountId;
    accounts.set(key, accountId);
  }
  const token = await t.services.auth.createSession(accountId, systemActor('test'), 'test');
  const context = await t.services.auth.resolveSession(token);
  return {
    cookie: `pvi_session=${token}`,
    'x-csrf-token': context!.csrfToken,
    'x-purpose': 'access test',
  };
}

const call = (method: string, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {}),
  });

describe('deny by default', () => {
  it('every route declares an access rule and there are routes to check', () => {
    const api = t.app.accessRegistry.filter((r) => r.url.startsWith('/api/v1'));
    expect(api.length).toBeGreaterThan(10);
    for (const r of t.app.accessRegistry)
      expect(['public', 'signedIn', 'roles']).toContain(r.access.kind);
  });

  it('answers 401 without a session on every non-public route', async () => {
    for (const { method, url, access } of t.app.accessRegistry) {
      if (access.kind === 'public') continue;
      const res = await call(method, fill(url, access, inside));
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      if (method !== 'HEAD')
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('lets only the declared roles in, and only inside their scope', async () => {
    let checked = 0;
    for (const { method, url, access } of t.app.accessRegistry) {
      if (access.kind === 'public') continue;
      for (const role of roles) {
        const allowed = access.kind === 'signedIn' || access.roles.includes(role);
        const mine = await call(
          method,
          fill(url, access, inside),
          await sessionFor(role, grantScope(access, inside, true)),
        );
        const where = `${method} ${url} as ${role}`;
        if (!allowed) {
          expect(mine.statusCode, where).toBe(403);
          continue;
        }
        expect([401, 403], `${where} in scope`).not.toContain(mine.statusCode);
        const national = await call(
          method,
          fill(url, access, inside),
          await sessionFor(role, { type: 'national', id: null }),
        );
        expect([401, 403], `${where} nationally`).not.toContain(national.statusCode);
        if (access.kind === 'roles' && access.scope) {
          const theirs = await call(
            method,
            fill(url, access, inside),
            await sessionFor(role, grantScope(access, outside, false)),
          );
          expect(theirs.statusCode, `${where} out of scope`).toBe(403);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    // Every route × every role, up to three calls each: minutes on a loaded two-core machine.
  }, 300_000);
});

describe('scoped lists', () => {
  it('lists only people inside the active grant', async () => {
    const headers = await sessionFor('teamchef', { type: 'team', id: inside.teamId });
    const res = await call('GET', '/api/v1/people?pageSize=500', headers);
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ items: { id: string; currentTeam: { id: string } }[] }>().items;
    expect(ids.length).toBe(3);
    expect(new Set(ids.map((p) => p.currentTeam.id))).toEqual(new Set([inside.teamId]));
  });
});
