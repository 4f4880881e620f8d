import type { Database } from '@pvi/db';
import type {
  AccountListQuery,
  AccountSummary,
  Grant,
  GrantBody,
  Page,
  ScopeType,
} from '@pvi/contracts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { AuthService } from './auth.service.ts';
import * as repo from './auth.repository.ts';

export interface AccountsOrgLookup {
  scopeName: (type: ScopeType, id: string | null) => Promise<string>;
  locate: (kind: 'team' | 'district' | 'unit', id: string) => Promise<unknown>;
}

/** Account administration for the `beheerder`: who may sign in, in which roles and scopes. */
export function createAccountsService(deps: {
  db: Database;
  audit: AuditService;
  auth: AuthService;
  org: AccountsOrgLookup;
}) {
  const { db, audit, auth, org } = deps;

  async function describe(
    grants: { id: string; role: Grant['role']; scopeType: ScopeType; scopeId: string | null }[],
  ) {
    return Promise.all(
      grants.map(async (g) => ({ ...g, scopeName: await org.scopeName(g.scopeType, g.scopeId) })),
    );
  }

  async function getAccount(id: string): Promise<AccountSummary> {
    const page = await list({ page: 1, pageSize: 1, q: undefined }, id);
    const account = page.items[0];
    if (!account) throw notFound('The account');
    return account;
  }

  async function list(q: AccountListQuery, onlyId?: string): Promise<Page<AccountSummary>> {
    const r = await repo.listAccounts(db, { ...q, id: onlyId });
    const grants = await repo.listGrantsOf(
      db,
      r.items.map((a) => a.id),
    );
    const items = await Promise.all(
      r.items.map(async (a) => ({
        id: a.id,
        username: a.username,
        displayName: a.displayName,
        personId: a.personId,
        personName: a.personName,
        signIn: a.oidcSubject ? ('oidc' as const) : ('local' as const),
        disabled: a.disabled,
        createdAt: a.createdAt.toISOString(),
        grants: await describe(grants.filter((g) => g.accountId === a.id)),
      })),
    );
    return { items, page: q.page, pageSize: q.pageSize, total: r.total };
  }

  async function addGrant(accountId: string, body: GrantBody, actor: Actor): Promise<Grant> {
    if (!(await repo.findAccountById(db, accountId))) throw notFound('The account');
    if (body.scopeType !== 'national' && !(await org.locate(body.scopeType, body.scopeId!))) {
      throw new AppError('validation_failed', `That ${body.scopeType} does not exist.`, {
        invalidParams: [
          { name: 'scopeId', code: 'unknown', reason: `No ${body.scopeType} with this id.` },
        ],
      });
    }
    const row = await auth.grantRole(
      accountId,
      body.role,
      { type: body.scopeType, id: body.scopeId },
      actor,
    );
    if (!row) throw new AppError('conflict', 'The account already has this role with this scope.');
    const [described] = await describe([row]);
    return described!;
  }

  async function removeGrant(accountId: string, grantId: string, actor: Actor) {
    await db.transaction(async (tx) => {
      const rows = await repo.deleteGrantById(tx, accountId, grantId);
      if (rows.length === 0) throw notFound('The role grant');
      await audit.record(tx, actor, {
        action: 'revoke',
        recordType: 'role_grant',
        recordId: grantId,
        details: { accountId },
      });
    });
    auth.forgetCachedSessions();
  }

  async function setDisabled(accountId: string, disabled: boolean, actor: Actor) {
    if (actor.accountId === accountId && disabled)
      throw new AppError('conflict', 'You cannot disable your own account.');
    await db.transaction(async (tx) => {
      if (!(await repo.findAccountById(tx, accountId))) throw notFound('The account');
      await repo.updateAccount(tx, accountId, { disabled });
      // A disabled account is signed out everywhere at once.
      if (disabled) await repo.deleteSessionsOf(tx, accountId);
      await audit.record(tx, actor, {
        action: disabled ? 'disable' : 'enable',
        recordType: 'account',
        recordId: accountId,
      });
    });
    auth.forgetCachedSessions();
    return getAccount(accountId);
  }

  return { list, getAccount, addGrant, removeGrant, setDisabled };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
