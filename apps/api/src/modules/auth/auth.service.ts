import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Database } from '@pvi/db';
import type { Grant, Role, ScopeType, SessionInfo } from '@pvi/contracts';
import type { AppConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { GrantRef } from '../../access.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as repo from './auth.repository.ts';
import { createSessionCache } from './session-cache.ts';

export interface AuthContext {
  tokenHash: string;
  accountId: string;
  personId: string | null;
  username: string | null;
  displayName: string;
  grants: GrantRef[];
  activeGrant: GrantRef | null;
  csrfToken: string;
  expiresAt: Date;
}

export interface ScopeSpec {
  type: ScopeType;
  id: string | null;
}

export interface OrgLookup {
  scopeName: (type: ScopeType, id: string | null) => Promise<string>;
  currentTeamOf: (
    personId: string,
  ) => Promise<{ id: string; name: string; unitName: string } | null>;
}

// Argon2id (the library default) with OWASP's minimum parameters: 19 MiB, 2 iterations.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const dummyHash = argonHash('not-a-real-password', ARGON);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const hashPassword = (password: string) => argonHash(password, ARGON);

export function validatePassword(password: string): string | null {
  if (password.length < 12) return 'A password needs at least 12 characters.';
  if (password.length > 1000) return 'A password may have at most 1000 characters.';
  return null;
}

/** How long to wait before touching `last_seen_at` again: saves a write on most requests. */
const TOUCH_AFTER_MS = 60_000;

export function createAuthService(deps: {
  db: Database;
  config: AppConfig;
  audit: AuditService;
  org: OrgLookup;
  now?: () => Date;
}) {
  const { db, config, audit, org } = deps;
  const now = deps.now ?? (() => new Date());
  const idleMs = config.sessionIdleMinutes * 60_000;
  const absoluteMs = config.sessionAbsoluteHours * 3_600_000;
  const cache = createSessionCache<AuthContext>({ ttlMs: config.sessionCacheSeconds * 1000 });

  async function createSession(accountId: string, actor: Actor, how: string, oidcTokens?: unknown) {
    const token = randomBytes(32).toString('base64url');
    const t = now();
    const grants = await repo.listGrants(db, accountId);
    await db.transaction(async (tx) => {
      await repo.insertSession(tx, {
        tokenHash: hashToken(token),
        accountId,
        activeGrantId: grants[0]?.id ?? null,
        csrfToken: randomBytes(24).toString('base64url'),
        createdAt: t,
        lastSeenAt: t,
        idleExpiresAt: new Date(t.getTime() + idleMs),
        absoluteExpiresAt: new Date(t.getTime() + absoluteMs),
        oidcTokens: oidcTokens ?? null,
      });
      await audit.record(
        tx,
        { ...actor, accountId },
        { action: 'sign_in', recordType: 'account', recordId: accountId, details: { how } },
      );
    });
    return token;
  }

  /** Signs in with a local account; refuses in the same words whether or not the username exists. */
  async function signIn(username: string, password: string, actor: Actor): Promise<string> {
    const key = username.trim().toLowerCase();
    const t = now();
    const throttle = await repo.findThrottle(db, key);
    if (throttle?.lockedUntil && throttle.lockedUntil > t) {
      const retryAfterSeconds = Math.ceil((throttle.lockedUntil.getTime() - t.getTime()) / 1000);
      throw new AppError('too_many_requests', 'Too many failed sign-ins. Try again later.', {
        retryAfterSeconds,
      });
    }
    const account = await repo.findAccountByUsername(db, key);
    const valid =
      account?.passwordHash && !account.disabled
        ? await argonVerify(account.passwordHash, password)
        : (await argonVerify(await dummyHash, password), false);
    if (!account || !valid) {
      const windowMs = config.loginLockMinutes * 60_000;
      const fresh = !throttle || t.getTime() - throttle.windowStartedAt.getTime() > windowMs;
      const failures = fresh ? 1 : throttle.failures + 1;
      await db.transaction(async (tx) => {
        await repo.upsertThrottle(tx, {
          key,
          failures,
          windowStartedAt: fresh ? t : throttle.windowStartedAt,
          lockedUntil:
            failures >= config.loginMaxFailures ? new Date(t.getTime() + windowMs) : null,
        });
        await audit.record(
          tx,
          { ...actor, accountId: account?.id ?? null },
          {
            action: 'sign_in_failed',
            recordType: 'account',
            recordId: account?.id ?? null,
          },
        );
      });
      throw new AppError('invalid_credentials', 'The username or password is not correct.');
    }
    await repo.clearThrottle(db, key);
    return createSession(account.id, actor, 'password');
  }

  /**
   * The signed-in context of a session token, or null. Served from the short-lived session cache
   * when it holds the token (see session-cache.ts for how stale it may be); the context is frozen,
   * since one object serves several requests.
   */
  async function resolveSession(token: string): Promise<AuthContext | null> {
    const tokenHash = hashToken(token);
    const t = now();
    const cached = cache.get(tokenHash, t.getTime());
    if (cached) return cached;
    const ticket = cache.ticket();
    const row = await repo.findLiveSession(db, tokenHash, t);
    if (!row || row.disabled) return null;
    if (t.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      const idle = new Date(Math.min(t.getTime() + idleMs, row.absoluteExpiresAt.getTime()));
      await repo.touchSession(db, tokenHash, t, idle);
      row.idleExpiresAt = idle;
    }
    const grants = row.grants.map((g) => Object.freeze(g));
    const activeGrant = grants.find((g) => g.id === row.activeGrantId) ?? null;
    const context: AuthContext = Object.freeze({
      tokenHash,
      accountId: row.accountId,
      personId: row.personId,
      username: row.username,
      displayName: row.personName ?? row.displayName ?? row.username ?? 'onbekend',
      grants: Object.freeze(grants) as GrantRef[],
      activeGrant,
      csrfToken: row.csrfToken,
      expiresAt:
        row.idleExpiresAt < row.absoluteExpiresAt ? row.idleExpiresAt : row.absoluteExpiresAt,
    });
    cache.set(tokenHash, context, ticket, t.getTime(), context.expiresAt.getTime());
    return context;
  }

  async function describeGrant(g: GrantRef): Promise<Grant> {
    return { ...g, scopeName: await org.scopeName(g.scopeType, g.scopeId) };
  }

  async function sessionInfo(auth: AuthContext): Promise<SessionInfo> {
    const grants = await Promise.all(auth.grants.map(describeGrant));
    return {
      account: { id: auth.accountId, username: auth.username, displayName: auth.displayName },
      person: auth.personId
        ? {
            id: auth.personId,
            name: auth.displayName,
            team: await org.currentTeamOf(auth.personId),
          }
        : null,
      grants,
      activeGrant: grants.find((g) => g.id === auth.activeGrant?.id) ?? null,
      csrfToken: auth.csrfToken,
      expiresAt: auth.expiresAt.toISOString(),
    };
  }

  async function signOut(auth: AuthContext, actor: Actor) {
    await db.transaction(async (tx) => {
      await repo.deleteSession(tx, auth.tokenHash);
      await audit.record(tx, actor, {
        action: 'sign_out',
        recordType: 'account',
        recordId: auth.accountId,
      });
    });
    cache.forget(auth.tokenHash);
  }

  async function switchGrant(auth: AuthContext, grantId: string, actor: Actor) {
    const grant = auth.grants.find((g) => g.id === grantId);
    if (!grant) {
      throw new AppError('validation_failed', 'That role grant is not yours.', {
        invalidParams: [
          { name: 'activeGrantId', code: 'unknown_grant', reason: 'Not one of your role grants.' },
        ],
      });
    }
    await db.transaction(async (tx) => {
      await repo.setActiveGrant(tx, auth.tokenHash, grantId);
      await audit.record(
        tx,
        { ...actor, role: grant.role },
        { action: 'switch_role', recordType: 'role_grant', recordId: grantId },
      );
    });
    cache.forget(auth.tokenHash);
  }

  async function createLocalAccount(
    input: {
      username: string;
      password: string;
      personId?: string | null;
      displayName?: string | null;
    },
    actor: Actor,
  ) {
    const problem = validatePassword(input.password);
    if (problem) {
      throw new AppError('validation_failed', problem, {
        invalidParams: [{ name: 'password', code: 'weak', reason: problem }],
      });
    }
    if (!/^[a-z0-9._-]{2,64}$/i.test(input.username)) {
      throw new AppError(
        'validation_failed',
        'A username has 2–64 letters, digits, dots, dashes or underscores.',
        {
          invalidParams: [
            { name: 'username', code: 'format', reason: 'Use 2–64 letters, digits, . _ or -.' },
          ],
        },
      );
    }
    if (await repo.findAccountByUsername(db, input.username)) {
      throw new AppError('conflict', `The username ${input.username} is taken.`);
    }
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const account = await repo.insertAccount(tx, {
        username: input.username.toLowerCase(),
        passwordHash,
        personId: input.personId ?? null,
        displayName: input.displayName ?? null,
      });
      await audit.record(tx, actor, {
        action: 'create',
        recordType: 'account',
        recordId: account.id,
      });
      return account;
    });
  }

  async function getAccountId(username: string) {
    const account = await repo.findAccountByUsername(db, username);
    if (!account) throw new AppError('not_found', `No account with username ${username}.`);
    return account.id;
  }

  async function grantRole(accountId: string, role: Role, scope: ScopeSpec, actor: Actor) {
    const row = await db.transaction(async (tx) => {
      const row = await repo.insertGrant(tx, {
        accountId,
        role,
        scopeType: scope.type,
        scopeId: scope.id,
        source: 'local',
      });
      if (row) {
        await audit.record(tx, actor, {
          action: 'grant',
          recordType: 'role_grant',
          recordId: row.id,
          details: { accountId, role, scopeType: scope.type, scopeId: scope.id },
        });
      }
      return row;
    });
    cache.forgetAll();
    return row;
  }

  async function revokeRole(accountId: string, role: Role, scope: ScopeSpec, actor: Actor) {
    const revoked = await db.transaction(async (tx) => {
      const rows = await repo.deleteGrant(tx, {
        accountId,
        role,
        scopeType: scope.type,
        scopeId: scope.id,
      });
      for (const row of rows) {
        await audit.record(tx, actor, {
          action: 'revoke',
          recordType: 'role_grant',
          recordId: row.id,
          details: { accountId, role, scopeType: scope.type, scopeId: scope.id },
        });
      }
      return rows.length;
    });
    cache.forgetAll();
    return revoked;
  }

  return {
    signIn,
    createSession,
    resolveSession,
    sessionInfo,
    signOut,
    switchGrant,
    createLocalAccount,
    getAccountId,
    grantRole,
    revokeRole,
    /**
     * Drops every cached session: call after committing a change to accounts, grants or
     * sessions made outside this service.
     */
    forgetCachedSessions: () => {
      cache.forgetAll();
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
