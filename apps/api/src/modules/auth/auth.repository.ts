import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import {
  accounts,
  loginThrottle,
  oidcFlows,
  people,
  roleGrants,
  sessions,
  preparedStatement,
  type Executor,
} from '@pvi/db';
import type { Role, ScopeType } from '@pvi/contracts';
import type { GrantRef } from '../../access.ts';

export async function findAccountByUsername(ex: Executor, username: string) {
  const rows = await ex
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.username})`, username.toLowerCase()));
  return rows[0] ?? null;
}

export async function findAccountByOidc(ex: Executor, issuer: string, subject: string) {
  const rows = await ex
    .select()
    .from(accounts)
    .where(and(eq(accounts.oidcIssuer, issuer), eq(accounts.oidcSubject, subject)));
  return rows[0] ?? null;
}

export async function findAccountById(ex: Executor, id: string) {
  const rows = await ex.select().from(accounts).where(eq(accounts.id, id));
  return rows[0] ?? null;
}

export async function insertAccount(ex: Executor, values: typeof accounts.$inferInsert) {
  const rows = await ex.insert(accounts).values(values).returning();
  return rows[0]!;
}

export async function updateAccount(
  ex: Executor,
  id: string,
  values: Partial<typeof accounts.$inferInsert>,
) {
  await ex.update(accounts).set(values).where(eq(accounts.id, id));
}

export async function listGrants(ex: Executor, accountId: string) {
  return ex
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      scopeType: roleGrants.scopeType,
      scopeId: roleGrants.scopeId,
      source: roleGrants.source,
    })
    .from(roleGrants)
    .where(eq(roleGrants.accountId, accountId))
    .orderBy(roleGrants.createdAt, roleGrants.id);
}

export async function insertGrant(
  ex: Executor,
  values: {
    accountId: string;
    role: Role;
    scopeType: ScopeType;
    scopeId: string | null;
    source: 'local' | 'oidc';
  },
) {
  const rows = await ex.insert(roleGrants).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function deleteGrant(
  ex: Executor,
  values: { accountId: string; role: Role; scopeType: ScopeType; scopeId: string | null },
) {
  const scopeCond =
    values.scopeId === null
      ? sql`${roleGrants.scopeId} is null`
      : eq(roleGrants.scopeId, values.scopeId);
  return ex
    .delete(roleGrants)
    .where(
      and(
        eq(roleGrants.accountId, values.accountId),
        eq(roleGrants.role, values.role),
        eq(roleGrants.scopeType, values.scopeType),
        scopeCond,
      ),
    )
    .returning({ id: roleGrants.id });
}

export async function deleteGrantsBySource(
  ex: Executor,
  accountId: string,
  source: 'local' | 'oidc',
) {
  await ex
    .delete(roleGrants)
    .where(and(eq(roleGrants.accountId, accountId), eq(roleGrants.source, source)));
}

export async function insertSession(ex: Executor, values: typeof sessions.$inferInsert) {
  await ex.insert(sessions).values(values);
}

export interface LiveSession {
  tokenHash: string;
  accountId: string;
  activeGrantId: string | null;
  csrfToken: string;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  username: string | null;
  displayName: string | null;
  personId: string | null;
  disabled: boolean;
  personName: string | null;
  /** The account's role grants, oldest first. */
  grants: GrantRef[];
}

type LiveSessionRow = Omit<LiveSession, 'lastSeenAt' | 'idleExpiresAt' | 'absoluteExpiresAt'> & {
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
};

/**
 * The live session with its account, person and role grants: one statement, built and prepared
 * once, since every signed-in request starts with it.
 */
const liveSessionStatement = preparedStatement<LiveSessionRow>(
  'auth_live_session',
  sql`select s.token_hash as "tokenHash", s.account_id as "accountId",
        s.active_grant_id as "activeGrantId", s.csrf_token as "csrfToken",
        s.last_seen_at as "lastSeenAt", s.idle_expires_at as "idleExpiresAt",
        s.absolute_expires_at as "absoluteExpiresAt",
        a.username, a.display_name as "displayName", a.person_id as "personId", a.disabled,
        p.given_name || ' ' || p.family_name as "personName",
        coalesce((select json_agg(json_build_object('id', g.id, 'role', g.role,
                    'scopeType', g.scope_type, 'scopeId', g.scope_id)
                    order by g.created_at, g.id)
                  from role_grants g where g.account_id = s.account_id), '[]'::json) as grants
      from sessions s join accounts a on a.id = s.account_id
        left join people p on p.id = a.person_id
      where s.token_hash = ${sql.placeholder('tokenHash')}::text
        and s.idle_expires_at > ${sql.placeholder('now')}::timestamptz
        and s.absolute_expires_at > ${sql.placeholder('now')}::timestamptz`,
);

export async function findLiveSession(
  ex: Executor,
  tokenHash: string,
  now: Date,
): Promise<LiveSession | null> {
  const row = (await liveSessionStatement(ex, { tokenHash, now: now.toISOString() }))[0];
  if (!row) return null;
  return {
    ...row,
    lastSeenAt: new Date(row.lastSeenAt),
    idleExpiresAt: new Date(row.idleExpiresAt),
    absoluteExpiresAt: new Date(row.absoluteExpiresAt),
  };
}

export async function touchSession(
  ex: Executor,
  tokenHash: string,
  now: Date,
  idleExpiresAt: Date,
) {
  await ex
    .update(sessions)
    .set({ lastSeenAt: now, idleExpiresAt })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function setActiveGrant(ex: Executor, tokenHash: string, grantId: string) {
  await ex
    .update(sessions)
    .set({ activeGrantId: grantId })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(ex: Executor, tokenHash: string) {
  await ex.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(ex: Executor, now: Date) {
  await ex.delete(sessions).where(lt(sessions.absoluteExpiresAt, now));
}

export async function findThrottle(ex: Executor, key: string) {
  const rows = await ex.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return rows[0] ?? null;
}

export async function upsertThrottle(ex: Executor, values: typeof loginThrottle.$inferInsert) {
  await ex
    .insert(loginThrottle)
    .values(values)
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: values.failures,
        windowStartedAt: values.windowStartedAt,
        lockedUntil: values.lockedUntil,
      },
    });
}

export async function clearThrottle(ex: Executor, key: string) {
  await ex.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

export async function insertOidcFlow(ex: Executor, values: typeof oidcFlows.$inferInsert) {
  await ex.insert(oidcFlows).values(values);
}

/** Takes a pending flow once: a replayed state finds nothing. */
export async function takeOidcFlow(ex: Executor, state: string, notBefore: Date) {
  const rows = await ex.delete(oidcFlows).where(eq(oidcFlows.state, state)).returning();
  const flow = rows[0];
  await ex.delete(oidcFlows).where(lt(oidcFlows.createdAt, notBefore));
  return flow && flow.createdAt >= notBefore ? flow : null;
}

export async function listAccounts(
  ex: Executor,
  q: { page: number; pageSize: number; q?: string | undefined; id?: string | undefined },
) {
  const text = q.q
    ? sql`(${accounts.username} ilike ${`%${q.q}%`} or ${accounts.displayName} ilike ${`%${q.q}%`} or (${people.givenName} || ' ' || ${people.familyName}) ilike ${`%${q.q}%`})`
    : undefined;
  const where = and(text, q.id ? eq(accounts.id, q.id) : undefined);
  const [items, total] = await Promise.all([
    ex
      .select({
        id: accounts.id,
        username: accounts.username,
        displayName: accounts.displayName,
        personId: accounts.personId,
        personName: sql<string | null>`${people.givenName} || ' ' || ${people.familyName}`,
        oidcSubject: accounts.oidcSubject,
        disabled: accounts.disabled,
        createdAt: accounts.createdAt,
      })
      .from(accounts)
      .leftJoin(people, eq(people.id, accounts.personId))
      .where(where)
      .orderBy(accounts.username, accounts.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ex
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .leftJoin(people, eq(people.id, accounts.personId))
      .where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function listGrantsOf(ex: Executor, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return ex
    .select({
      id: roleGrants.id,
      accountId: roleGrants.accountId,
      role: roleGrants.role,
      scopeType: roleGrants.scopeType,
      scopeId: roleGrants.scopeId,
    })
    .from(roleGrants)
    .where(inArray(roleGrants.accountId, accountIds))
    .orderBy(roleGrants.createdAt, roleGrants.id);
}

export async function deleteGrantById(ex: Executor, accountId: string, grantId: string) {
  return ex
    .delete(roleGrants)
    .where(and(eq(roleGrants.accountId, accountId), eq(roleGrants.id, grantId)))
    .returning({
      id: roleGrants.id,
      role: roleGrants.role,
      scopeType: roleGrants.scopeType,
      scopeId: roleGrants.scopeId,
    });
}

export async function deleteSessionsOf(ex: Executor, accountId: string) {
  await ex.delete(sessions).where(eq(sessions.accountId, accountId));
}
