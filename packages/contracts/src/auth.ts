import { z } from 'zod';
import { uuid } from './common.ts';

export const roles = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'ecad',
  'ndv_coordinator',
  'cdo',
  'beheerder',
] as const;
export type Role = (typeof roles)[number];
export const scopeTypes = ['team', 'district', 'unit', 'national'] as const;
export type ScopeType = (typeof scopeTypes)[number];

export const grant = z
  .object({
    id: uuid,
    role: z.enum(roles),
    scopeType: z.enum(scopeTypes),
    scopeId: uuid.nullable(),
    scopeName: z.string(),
  })
  .meta({ id: 'RoleGrant' });
export type Grant = z.infer<typeof grant>;

export const signInBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

export const sessionInfo = z
  .object({
    account: z.object({ id: uuid, username: z.string().nullable(), displayName: z.string() }),
    person: z.object({ id: uuid, name: z.string() }).nullable(),
    grants: z.array(grant),
    activeGrant: grant.nullable(),
    csrfToken: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' });
export type SessionInfo = z.infer<typeof sessionInfo>;

export const switchGrantBody = z.object({ activeGrantId: uuid });

export const authConfig = z
  .object({ oidcEnabled: z.boolean(), oidcLabel: z.string().nullable() })
  .meta({ id: 'AuthConfig' });
