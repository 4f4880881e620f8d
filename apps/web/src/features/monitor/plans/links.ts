import type { SessionInfo } from '@pvi/contracts';
import { hasRole } from '../labels.ts';
import { OVERVIEW_READERS, PLAN_READERS } from './api.ts';

export type PlansLink =
  | { kind: 'overview'; name: string; to: '/teammonitor/plannen'; params: Record<string, never> }
  | {
      kind: 'overview';
      name: string;
      to: '/teammonitor/plannen/eenheden/$unitId';
      params: { unitId: string };
    }
  | {
      kind: 'overview';
      name: string;
      to: '/teammonitor/plannen/districten/$districtId';
      params: { districtId: string };
    }
  | {
      kind: 'team';
      name: string;
      to: '/teammonitor/teams/$teamId/plannen';
      params: { teamId: string };
    };

/** Where the active role finds plans: leadership an overview of its scope, a team its own plans. */
export function plansLinkOf(session: SessionInfo | null): PlansLink | null {
  const grant = session?.activeGrant;
  if (!grant) return null;
  const name = grant.scopeName;
  if (hasRole(grant, OVERVIEW_READERS)) {
    if (grant.scopeType === 'national')
      return { kind: 'overview', name, to: '/teammonitor/plannen', params: {} };
    if (grant.scopeType === 'unit' && grant.scopeId)
      return {
        kind: 'overview',
        name,
        to: '/teammonitor/plannen/eenheden/$unitId',
        params: { unitId: grant.scopeId },
      };
    if (grant.scopeType === 'district' && grant.scopeId)
      return {
        kind: 'overview',
        name,
        to: '/teammonitor/plannen/districten/$districtId',
        params: { districtId: grant.scopeId },
      };
  }
  if (hasRole(grant, PLAN_READERS) && grant.scopeType === 'team' && grant.scopeId)
    return {
      kind: 'team',
      name,
      to: '/teammonitor/teams/$teamId/plannen',
      params: { teamId: grant.scopeId },
    };
  return null;
}
