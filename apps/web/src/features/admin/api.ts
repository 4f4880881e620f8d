import { queryOptions } from '@tanstack/react-query';
import type {
  AccountSummary,
  AuditEntry,
  District,
  Grant,
  ImportJob,
  ImportKind,
  ImportStarted,
  Page,
  Role,
  ScopeType,
  Team,
  Unit,
} from '@pvi/contracts';
import { api, apiUpload } from '../../app/api.ts';

/** `?a=1&b=2` from the set values; empty strings and undefined are left out. */
export const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

// ----------------------------------------------------------------------------------- accounts
export const ACCOUNTS_PAGE_SIZE = 20;

export const accountsQuery = (filter: { q: string; page: number }) =>
  queryOptions({
    queryKey: ['accounts', filter],
    queryFn: () =>
      api<Page<AccountSummary>>(
        `/accounts${qs({ q: filter.q, page: filter.page, pageSize: ACCOUNTS_PAGE_SIZE })}`,
      ),
    placeholderData: (previous) => previous,
  });

export const accountQuery = (id: string) =>
  queryOptions({
    queryKey: ['account', id],
    queryFn: () => api<AccountSummary>(`/accounts/${id}`),
    staleTime: 5 * 60_000,
  });

export interface NewAccount {
  username: string;
  password: string;
  displayName?: string;
}
export const createAccount = (body: NewAccount) =>
  api<AccountSummary>('/accounts', { method: 'POST', body });

export const setAccountDisabled = (id: string, disabled: boolean) =>
  api<AccountSummary>(`/accounts/${id}`, { method: 'PATCH', body: { disabled } });

export interface NewGrant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}
export const grantRole = (accountId: string, body: NewGrant) =>
  api<Grant>(`/accounts/${accountId}/grants`, { method: 'POST', body });

export const revokeGrant = (accountId: string, grantId: string) =>
  api<undefined>(`/accounts/${accountId}/grants/${grantId}`, { method: 'DELETE' });

/** Finds the account with exactly this username (case-insensitive), or null. */
export async function findAccountByUsername(username: string): Promise<AccountSummary | null> {
  const wanted = username.trim().toLowerCase();
  const page = await api<Page<AccountSummary>>(`/accounts${qs({ q: wanted, pageSize: 100 })}`);
  return page.items.find((a) => a.username?.toLowerCase() === wanted) ?? null;
}

// ------------------------------------------------------------------- organisation, for scopes
export const scopeUnitsQuery = queryOptions({
  queryKey: ['scope', 'units'],
  queryFn: () => api<Page<Unit>>(`/units${qs({ pageSize: 500 })}`),
  staleTime: 5 * 60_000,
});
export const scopeDistrictsQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['scope', 'districts', unitId],
    queryFn: () => api<Page<District>>(`/districts${qs({ unitId, pageSize: 500 })}`),
    staleTime: 5 * 60_000,
  });
/** Teams of a district, or (districtId `none`) the teams directly under a unit. */
export const scopeTeamsQuery = (unitId: string, districtId: string) =>
  queryOptions({
    queryKey: ['scope', 'teams', unitId, districtId],
    queryFn: async () => {
      if (districtId !== 'none')
        return (await api<Page<Team>>(`/teams${qs({ districtId, pageSize: 500 })}`)).items;
      const all = await api<Page<Team>>(`/teams${qs({ unitId, pageSize: 500 })}`);
      return all.items.filter((t) => t.districtId === null);
    },
    staleTime: 5 * 60_000,
  });

// ---------------------------------------------------------------------------------- audit log
export const AUDIT_PAGE_SIZE = 25;

export interface AuditFilter {
  actorAccountId?: string | undefined;
  action?: string | undefined;
  recordType?: string | undefined;
  /** ISO date-times (UTC). */
  from?: string | undefined;
  to?: string | undefined;
}

export const auditQuery = (filter: AuditFilter, page: number) =>
  queryOptions({
    queryKey: ['audit-log', filter, page],
    queryFn: () =>
      api<Page<AuditEntry>>(`/audit-log${qs({ ...filter, page, pageSize: AUDIT_PAGE_SIZE })}`),
    placeholderData: (previous) => previous,
  });

/** The CSV export of the same filter: a plain link, the browser sends the session cookie. */
export const auditExportUrl = (filter: AuditFilter) =>
  `/api/v1/audit-log/export${qs({ ...filter })}`;

// ------------------------------------------------------------------------------------ imports
export const startImport = (kind: ImportKind, file: File) =>
  apiUpload<ImportStarted>(`/imports${qs({ kind })}`, file, 'text/csv');

export const getImport = (id: string) => api<ImportJob>(`/imports/${id}`);
