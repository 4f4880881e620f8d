import * as client from 'openid-client';
import type { Database } from '@pvi/db';
import { roles, type Role, type ScopeType } from '@pvi/contracts';
import type { OidcConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { AuthService } from './auth.service.ts';
import * as repo from './auth.repository.ts';

export interface OidcOrgLookup {
  resolveScope: (spec: string) => Promise<{ type: ScopeType; id: string | null }>;
  findPersonIdByEmployeeNumber: (employeeNumber: string) => Promise<string | null>;
}

const FLOW_TTL_MS = 10 * 60_000;

/** Only same-site paths may be returned to after sign-in (no open redirect). */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : '/';
}

/**
 * Parses the roles claim. Each entry is `role` (national) or `role@scope`, where scope is
 * `national`, `unit:CODE`, `district:CODE` or `team:CODE`.
 */
export function parseRoleClaim(value: unknown): { role: Role; scope: string }[] {
  const entries = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  const out: { role: Role; scope: string }[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string' || !entry) continue;
    // Split at the first `@` only: `split('@', 2)` would drop anything after a second `@`.
    const at = entry.indexOf('@');
    const role = at < 0 ? entry : entry.slice(0, at);
    const scope = at < 0 ? 'national' : entry.slice(at + 1);
    if ((roles as readonly string[]).includes(role)) out.push({ role: role as Role, scope });
  }
  return out;
}

export function createOidcService(deps: {
  db: Database;
  config: OidcConfig;
  auth: AuthService;
  audit: AuditService;
  org: OidcOrgLookup;
  now?: () => Date;
}) {
  const { db, config, auth, audit, org } = deps;
  const now = deps.now ?? (() => new Date());
  let discovered: Promise<client.Configuration> | null = null;

  function configuration() {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        config.clientSecret ? client.ClientSecretPost(config.clientSecret) : client.None(),
        config.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  }

  async function start(returnTo: unknown): Promise<URL> {
    const oidc = await configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await repo.insertOidcFlow(db, {
      state,
      codeVerifier,
      nonce,
      returnTo: safeReturnTo(returnTo),
      createdAt: now(),
    });
    return client.buildAuthorizationUrl(oidc, {
      redirect_uri: config.redirectUri,
      scope: config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /** Completes the code flow: checks state, nonce and PKCE, then signs the person in. */
  async function callback(
    currentUrl: URL,
    actor: Actor,
  ): Promise<{ token: string; returnTo: string }> {
    const oidc = await configuration();
    const state = currentUrl.searchParams.get('state') ?? '';
    const flow = await repo.takeOidcFlow(db, state, new Date(now().getTime() - FLOW_TTL_MS));
    if (!flow)
      throw new AppError(
        'bad_request',
        'This sign-in attempt is unknown or has expired. Start again.',
      );
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    let userInfo: client.UserInfoResponse | null = null;
    try {
      tokens = await client.authorizationCodeGrant(oidc, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      // In the code flow, the claims asked for by scope (profile, roles, employee number) come from
      // the UserInfo endpoint (OpenID Connect Core 5.4); the ID token may carry only `sub`.
      const sub = tokens.claims()?.sub;
      if (sub && oidc.serverMetadata().userinfo_endpoint) {
        userInfo = await client.fetchUserInfo(oidc, tokens.access_token, sub);
      }
    } catch (error) {
      throw new AppError(
        'invalid_credentials',
        `The identity provider's answer was refused: ${(error as Error).message}`,
      );
    }
    const idToken = tokens.claims();
    if (!idToken)
      throw new AppError('invalid_credentials', 'The identity provider sent no ID token.');
    // Who it is comes from the verified ID token; the rest may come from either.
    const issuer = idToken.iss;
    const subject = idToken.sub;
    const claims: Record<string, unknown> = { ...idToken, ...userInfo };
    const displayName = typeof claims.name === 'string' ? claims.name : null;
    const employeeNumber =
      typeof claims.employee_number === 'string' ? claims.employee_number : null;
    const personId = employeeNumber ? await org.findPersonIdByEmployeeNumber(employeeNumber) : null;
    const wanted = parseRoleClaim(claims[config.rolesClaim]);
    const grants: { role: Role; type: ScopeType; id: string | null }[] = [];
    for (const w of wanted) {
      try {
        const scope = await org.resolveScope(w.scope);
        grants.push({ role: w.role, ...scope });
      } catch {
        // A scope the organisation does not know grants nothing.
      }
    }

    const accountId = await db.transaction(async (tx) => {
      let account = await repo.findAccountByOidc(tx, issuer, subject);
      if (!account) {
        account = await repo.insertAccount(tx, {
          oidcIssuer: issuer,
          oidcSubject: subject,
          displayName,
          personId,
        });
        await audit.record(
          tx,
          { ...actor, accountId: account.id },
          {
            action: 'create',
            recordType: 'account',
            recordId: account.id,
            details: { via: 'oidc' },
          },
        );
      } else {
        if (account.disabled)
          throw new AppError('invalid_credentials', 'This account is disabled.');
        await repo.updateAccount(tx, account.id, {
          displayName,
          personId: personId ?? account.personId,
        });
      }
      // Grants from the identity provider are replaced at each sign-in; local grants stay.
      await repo.deleteGrantsBySource(tx, account.id, 'oidc');
      for (const g of grants) {
        await repo.insertGrant(tx, {
          accountId: account.id,
          role: g.role,
          scopeType: g.type,
          scopeId: g.id,
          source: 'oidc',
        });
      }
      return account.id;
    });
    // The account's grants were just re-read from the identity provider: its other sessions too.
    auth.forgetCachedSessions();
    const token = await auth.createSession(accountId, actor, 'oidc', {
      idToken: tokens.id_token ?? null,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresIn: tokens.expires_in ?? null,
    });
    return { token, returnTo: flow.returnTo };
  }

  return { start, callback };
}
