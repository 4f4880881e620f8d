import type { Role, ScopeType } from '@pvi/contracts';

/**
 * Which organisational record a route's `:param` names, for the scope check; or `national`:
 * only a grant with national scope will do (installation-wide administration).
 */
export type ScopeTarget =
  { kind: 'team' | 'district' | 'unit' | 'person'; param: string } | { kind: 'national' };

/**
 * Every route declares one of these in `config.access`; the server refuses to start
 * when a route has none (deny by default).
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | {
      kind: 'roles';
      roles: readonly Role[];
      scope?: ScopeTarget;
      /** Says on purpose that a route with a path id is not scoped (organisation structure). */
      unscoped?: boolean;
      /** The caller must say why (header `X-Purpose`); the reason is written to the audit trail. */
      purposeRequired?: boolean;
    };

export const access = {
  public: (): AccessRule => ({ kind: 'public' }),
  signedIn: (): AccessRule => ({ kind: 'signedIn' }),
  roles: (
    roles: readonly Role[],
    options: { scope?: ScopeTarget; unscoped?: boolean; purposeRequired?: boolean } = {},
  ): AccessRule => ({ kind: 'roles', roles, ...options }),
};

export interface GrantRef {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

export interface Location {
  unitId: string;
  districtId: string | null;
  teamId: string | null;
}

/** Whether a grant's scope contains a place in the organisation. */
export function grantCovers(grant: GrantRef, location: Location): boolean {
  switch (grant.scopeType) {
    case 'national':
      return true;
    case 'unit':
      return location.unitId === grant.scopeId;
    case 'district':
      return location.districtId !== null && location.districtId === grant.scopeId;
    case 'team':
      return location.teamId !== null && location.teamId === grant.scopeId;
  }
}

/** Roles that may see who is in a team (personal data). */
export const PEOPLE_READERS: readonly Role[] = [
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'beheerder',
];
/** Every staff role: organisation structure is not personal data. */
export const ALL_ROLES: readonly Role[] = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'ecad',
  'ndv_coordinator',
  'cdo',
  'beheerder',
];
