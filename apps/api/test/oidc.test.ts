/**
 * Sign-in with OpenID Connect against a real identity provider (oidc-provider) on 127.0.0.1.
 * No browser: `fetch` with manual redirects and a small cookie jar plays the browser, and the
 * provider's login and consent pages are minimal forms served next to it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts, districts, oidcFlows, people, sessions, teams, units } from '@pvi/db';
import type { OidcConfig } from '../src/config.ts';
import { systemActor } from '../src/modules/audit/audit.service.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { buildOrg, type OrgFixture } from './factories.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  CookieJar,
  SCOPES,
  browse,
  startIdentityProvider,
} from './oidc-provider.ts';

// ---------------------------------------------------------------------------------------------

/** Whatever was started, stopped in reverse order even if setup failed halfway. */
const cleanups: (() => Promise<void>)[] = [];
let t: TestApp;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
let appOrigin: string;
let oidcConfig: OidcConfig;
let org: OrgFixture;
const codes = { team: '', district: '', unit: '', chiefEmployeeNumber: '' };

beforeAll(async () => {
  oidcConfig = {
    issuer: 'http://127.0.0.1:1', // set below, once the provider listens
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: 'http://127.0.0.1:1/api/v1/session/oidc/callback', // set below, once the app listens
    scopes: SCOPES,
    rolesClaim: 'pvi_roles',
    label: 'Inloggen met test-IdP',
    allowInsecure: true,
  };
  t = await createTestApp({ config: { oidc: oidcConfig } });
  cleanups.push(t.close);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  appOrigin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  // The OIDC service reads this configuration object (redirect URI, issuer) when a flow starts,
  // not when the app is built, so both can be filled in once the servers listen.
  oidcConfig.redirectUri = `${appOrigin}/api/v1/session/oidc/callback`;
  idp = await startIdentityProvider(() => oidcConfig.redirectUri);
  cleanups.push(idp.close);
  oidcConfig.issuer = idp.issuer;

  org = await buildOrg(t.database.db, 'Oidc');
  const db = t.database.db;
  codes.team = (
    await db.select({ code: teams.code }).from(teams).where(eq(teams.id, org.teamId))
  )[0]!.code;
  codes.district = (
    await db
      .select({ code: districts.code })
      .from(districts)
      .where(eq(districts.id, org.districtId))
  )[0]!.code;
  codes.unit = (
    await db.select({ code: units.code }).from(units).where(eq(units.id, org.unitId))
  )[0]!.code;
  codes.chiefEmployeeNumber = (
    await db.select({ n: people.employeeNumber }).from(people).where(eq(people.id, org.chiefId))
  )[0]!.n;
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * Starts sign-in at the app and follows the browser's way through the provider's login and consent
 * pages, up to (not into) the app's callback. Returns the callback URL the provider sent back.
 */
async function authorize(
  login: string,
  returnTo = '/teams',
  options: { refuseConsent?: boolean } = {},
) {
  const jar = new CookieJar();
  const start = await browse(
    jar,
    new URL(`/api/v1/session/oidc?returnTo=${encodeURIComponent(returnTo)}`, appOrigin),
  );
  expect(start.response.status).toBe(302);
  const authorizationUrl = start.location!;
  expect(authorizationUrl.origin).toBe(idp.issuer);

  let next: URL = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (next.href.startsWith(oidcConfig.redirectUri))
      return { jar, authorizationUrl, callbackUrl: next };
    expect(next.origin, `unexpected redirect to ${next.href}`).toBe(idp.issuer);
    const page = await browse(jar, next);
    if (page.location) {
      next = page.location;
      continue;
    }
    expect(page.response.status, await page.response.clone().text()).toBe(200);
    const { uid, prompt } = (await page.response.json()) as { uid: string; prompt: string };
    const answer =
      prompt === 'login'
        ? await browse(jar, new URL(`/interaction/${uid}/login`, idp.issuer), {
            method: 'POST',
            form: { login },
          })
        : await browse(
            jar,
            new URL(`/interaction/${uid}/${options.refuseConsent ? 'abort' : prompt}`, idp.issuer),
            {
              method: 'POST',
              form: {},
            },
          );
    expect(answer.response.status, await answer.response.clone().text()).toBe(303);
    next = answer.location!;
  }
  throw new Error('too many redirects');
}

/** Delivers the provider's answer to the app, as the browser would. */
async function complete(jar: CookieJar, callbackUrl: URL) {
  const res = await browse(jar, callbackUrl);
  return { ...res, session: jar.get(appOrigin, 'pvi_session') };
}

async function signInWithIdp(login: string, returnTo = '/teams') {
  const { jar, callbackUrl } = await authorize(login, returnTo);
  const done = await complete(jar, callbackUrl);
  expect(done.response.status, await done.response.clone().text()).toBe(302);
  expect(done.session).toBeTruthy();
  return { ...done, callbackUrl };
}

async function sessionOf(cookie: string) {
  const res = await fetch(new URL('/api/v1/session', appOrigin), {
    headers: { cookie: `pvi_session=${cookie}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    account: { id: string; username: string | null; displayName: string };
    person: { id: string; name: string } | null;
    grants: {
      id: string;
      role: string;
      scopeType: string;
      scopeId: string | null;
      scopeName: string;
    }[];
    activeGrant: { role: string } | null;
  };
}

const byRole = (a: { role: string }, b: { role: string }) => a.role.localeCompare(b.role);

describe('sign-in with OpenID Connect against a real provider', () => {
  it('reports the provider on the sign-in page', async () => {
    const res = await fetch(new URL('/api/v1/auth-config', appOrigin));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ oidcEnabled: true, oidcLabel: 'Inloggen met test-IdP' });
  });

  it('asks for the code with PKCE (S256), state and nonce, and keeps the verifier on the server', async () => {
    const jar = new CookieJar();
    const start = await browse(jar, new URL('/api/v1/session/oidc?returnTo=/teams', appOrigin));
    expect(start.response.status).toBe(302);
    const url = start.location!;
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/auth`);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(oidcConfig.redirectUri);
    expect(q.get('scope')).toBe(SCOPES);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.has('code_verifier')).toBe(false);
    // No cookie for the flow: state, nonce and verifier live in oidc_flows.
    expect(start.response.headers.getSetCookie()).toEqual([]);
    const [flow] = await t.database.db
      .select()
      .from(oidcFlows)
      .where(eq(oidcFlows.state, q.get('state')!));
    expect(flow).toBeDefined();
    expect(flow!.nonce).toBe(q.get('nonce'));
    expect(flow!.returnTo).toBe('/teams');
    expect(createHash('sha256').update(flow!.codeVerifier).digest('base64url')).toBe(
      q.get('code_challenge'),
    );
  });

  it('signs in: account, display name, the person by employee number, grants from the roles claim', async () => {
    idp.users.set('anna', {
      name: 'Anna de Vries',
      employee_number: codes.chiefEmployeeNumber,
      pvi_roles: [
        `teamchef@team:${codes.team}`,
        'medewerker', // no scope: national
        `hr_analist@district:${codes.district}`,
        `astronaut@team:${codes.team}`, // unknown role
        'medewerker@team:NO-SUCH-TEAM', // unknown team
        'cdo@galaxy:M31', // unknown kind of scope
      ],
    });
    const { jar, callbackUrl } = await authorize('anna');
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    expect(callbackUrl.searchParams.get('iss')).toBe(idp.issuer);

    const done = await complete(jar, callbackUrl);
    expect(done.response.status).toBe(302);
    expect(done.response.headers.get('location')).toBe('/teams');
    const setCookie = done.response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/pvi_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const me = await sessionOf(done.session!);
    expect(me.account.username).toBeNull();
    expect(me.person?.id).toBe(org.chiefId);
    expect(me.account.displayName).toMatch(/^Chef /); // the linked person's name wins
    expect(
      me.grants.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })).sort(byRole),
    ).toEqual([
      { role: 'hr_analist', scopeType: 'district', scopeId: org.districtId },
      { role: 'medewerker', scopeType: 'national', scopeId: null },
      { role: 'teamchef', scopeType: 'team', scopeId: org.teamId },
    ]);
    expect(me.activeGrant).not.toBeNull();

    const [account] = await t.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.id, me.account.id));
    expect(account).toMatchObject({
      oidcIssuer: idp.issuer,
      oidcSubject: 'anna',
      displayName: 'Anna de Vries',
      personId: org.chiefId,
    });
    // The provider's tokens stay on the server.
    const stored = await t.database.db
      .select({ tokens: sessions.oidcTokens })
      .from(sessions)
      .where(eq(sessions.accountId, me.account.id));
    expect(stored[0]?.tokens).toMatchObject({
      idToken: expect.any(String),
      accessToken: expect.any(String),
    });
    expect(setCookie).not.toContain((stored[0]!.tokens as { accessToken: string }).accessToken);
  });

  it('refuses the same callback a second time (the state is used up)', async () => {
    idp.users.set('bert', { name: 'Bert Jansen', pvi_roles: ['medewerker'] });
    const { jar, callbackUrl } = await authorize('bert');
    expect((await complete(jar, callbackUrl)).response.status).toBe(302);

    const replay = await fetch(callbackUrl, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(replay.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(replay.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a callback with a tampered state, and the real one still works after', async () => {
    idp.users.set('carla', { name: 'Carla Smit', pvi_roles: ['medewerker'] });
    const { jar, callbackUrl } = await authorize('carla');
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', randomBytes(32).toString('base64url'));
    const refused = await fetch(tampered, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.getSetCookie()).toEqual([]);
    const noState = new URL(callbackUrl);
    noState.searchParams.delete('state');
    expect((await fetch(noState, { redirect: 'manual' })).status).toBe(400);

    expect((await complete(jar, callbackUrl)).response.status).toBe(302);
  });

  it('refuses to sign in when the person says no at the provider', async () => {
    idp.users.set('fleur', { name: 'Fleur Mulder', pvi_roles: ['medewerker'] });
    const { jar, callbackUrl } = await authorize('fleur', '/teams', { refuseConsent: true });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    const done = await complete(jar, callbackUrl);
    expect(done.response.status).toBe(401);
    expect(done.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(done.session).toBeUndefined();
    const [account] = await t.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.oidcSubject, 'fleur'));
    expect(account).toBeUndefined();
  });

  it('replaces the grants from the provider at the next sign-in; local grants stay', async () => {
    idp.users.set('dirk', { name: 'Dirk Bakker', pvi_roles: [`teamchef@team:${codes.team}`] });
    const first = await signInWithIdp('dirk');
    const me1 = await sessionOf(first.session!);
    // No employee number: no person, and the name comes from the claim.
    expect(me1.person).toBeNull();
    expect(me1.account.displayName).toBe('Dirk Bakker');
    expect(me1.grants.map((g) => g.role)).toEqual(['teamchef']);
    await t.services.auth.grantRole(
      me1.account.id,
      'medewerker',
      { type: 'team', id: org.teamId },
      systemActor('test'),
    );

    idp.users.set('dirk', {
      name: 'Dirk Bakker-de Boer',
      pvi_roles: [`eenheidsleiding@unit:${codes.unit}`],
    });
    const second = await signInWithIdp('dirk');
    const me2 = await sessionOf(second.session!);
    expect(me2.account.id).toBe(me1.account.id);
    expect(me2.account.displayName).toBe('Dirk Bakker-de Boer');
    expect(
      me2.grants.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })).sort(byRole),
    ).toEqual([
      { role: 'eenheidsleiding', scopeType: 'unit', scopeId: org.unitId },
      { role: 'medewerker', scopeType: 'team', scopeId: org.teamId },
    ]);
  });

  it('returns only to a path of this site', async () => {
    idp.users.set('eva', { name: 'Eva Visser', pvi_roles: [] });
    for (const returnTo of ['https://evil.example/x', '//evil.example/x', '/\\evil.example']) {
      const done = await signInWithIdp('eva', returnTo);
      expect(done.response.headers.get('location')).toBe('/');
    }
  });
});
