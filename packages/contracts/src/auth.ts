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
    person: z
      .object({
        id: uuid,
        name: z.string(),
        team: z.object({ id: uuid, name: z.string(), unitName: z.string() }).nullable(),
      })
      .nullable(),
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

export const accountSummary = z
  .object({
    id: uuid,
    username: z.string().nullable(),
    displayName: z.string().nullable(),
    personId: uuid.nullable(),
    personName: z.string().nullable(),
    signIn: z.enum(['local', 'oidc']),
    disabled: z.boolean(),
    createdAt: z.iso.datetime(),
    grants: z.array(grant),
  })
  .meta({ id: 'Account' });
export type AccountSummary = z.infer<typeof accountSummary>;

export const accountListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().min(1).max(100).optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const createAccountBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{2,64}$/i, 'Use 2–64 letters, digits, dot, dash or underscore.'),
  password: z.string().min(12, 'A password needs at least 12 characters.').max(1000),
  displayName: z.string().trim().min(1).max(200).optional(),
  personId: uuid.optional(),
});

export const grantBody = z
  .object({
    role: z.enum(roles),
    scopeType: z.enum(scopeTypes),
    scopeId: uuid.nullable().default(null),
  })
  .refine((g) => (g.scopeType === 'national') === (g.scopeId === null), {
    error: 'A national grant has no scopeId; any other grant needs one.',
    path: ['scopeId'],
  });
export type GrantBody = z.infer<typeof grantBody>;

export const updateAccountBody = z.object({ disabled: z.boolean() });
