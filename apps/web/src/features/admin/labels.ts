import type { TFunction } from 'i18next';
import type { Grant, Role, ScopeType } from '@pvi/contracts';

// The contracts' value exports would pull zod into the page; these records are checked against
// the contracts' types instead, so a new role or scope type fails the type check until added.
const ROLE_SET: Record<Role, true> = {
  medewerker: true,
  teamchef: true,
  eenheidsleiding: true,
  hr_analist: true,
  ecad: true,
  ndv_coordinator: true,
  cdo: true,
  beheerder: true,
};
export const ROLES = Object.keys(ROLE_SET) as Role[];
const SCOPE_SET: Record<ScopeType, true> = {
  national: true,
  unit: true,
  district: true,
  team: true,
};
/** Widest first. */
export const SCOPE_TYPES = Object.keys(SCOPE_SET) as ScopeType[];

/** Known audit actions and record types; others are shown as they are stored. */
export const AUDIT_ACTIONS = [
  'create',
  'read',
  'list',
  'export',
  'import',
  'grant',
  'revoke',
  'disable',
  'enable',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'switch_role',
] as const;
export const RECORD_TYPES = [
  'account',
  'role_grant',
  'person',
  'team_members',
  'organisation',
  'import_job',
  'audit_log',
] as const;

export const actionLabel = (t: TFunction, action: string) =>
  t(`auditAction.${action}`, { defaultValue: action });
export const recordTypeLabel = (t: TFunction, recordType: string) =>
  t(`recordType.${recordType}`, { defaultValue: recordType });

/** `beheerder`, or `system:demo` → "systeem (demo)". */
export function actorRoleLabel(t: TFunction, role: string | null): string {
  if (!role) return '—';
  if (role.startsWith('system:')) return t('audit.system', { what: role.slice('system:'.length) });
  return t(`role.${role}`, { defaultValue: role });
}

/** "teamchef — Basisteam Zaanstad", or "beheerder — landelijk". */
export function grantLabel(t: TFunction, grant: Pick<Grant, 'role' | 'scopeType' | 'scopeName'>) {
  const scope = grant.scopeType === 'national' ? t('scope.national') : grant.scopeName;
  return `${t(`role.${grant.role}`)} — ${scope}`;
}
