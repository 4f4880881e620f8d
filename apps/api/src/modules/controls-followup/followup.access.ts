import type { FastifyRequest } from 'fastify';
import type { Role } from '@pvi/contracts';
import { grantCovers, type Location } from '../../access.ts';
import { AppError } from '../../errors.ts';

/** The whole team reads its reflection and training records; leadership in scope too. */
export const FOLLOW_UP_READERS: readonly Role[] = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'cdo',
];
/** The team chief (team scope) and unit leadership (unit, district or national scope) record. */
export const FOLLOW_UP_EDITORS: readonly Role[] = ['teamchef', 'eenheidsleiding'];
/** Who sees the coverage of a unit or district. */
export const COVERAGE_READERS: readonly Role[] = ['eenheidsleiding', 'hr_analist', 'cdo'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The team scope, checked before the params and body are validated: another team's records are
 * refused as such (403), whatever the request holds. (The framework checks scope afterwards.)
 */
export const teamScopeFirst =
  (locate: (kind: 'team', id: string) => Promise<Location | null>) =>
  async (request: FastifyRequest) => {
    const grant = request.auth?.activeGrant;
    const id = (request.params as Record<string, string | undefined>).teamId;
    if (!grant || grant.scopeType === 'national' || !id || !UUID.test(id)) return;
    const location = await locate('team', id);
    if (!location) throw new AppError('not_found', 'The team was not found.');
    if (!grantCovers(grant, location))
      throw new AppError('forbidden', 'This team is outside the scope of your active role.');
  };
