import { z } from 'zod';
import { isoDate, pageQuery, uuid } from './common.ts';

export const unitKinds = ['regional', 'national', 'service', 'academy'] as const;
export const teamKinds = [
  'basisteam',
  'recherche',
  'intelligence',
  'ondersteuning',
  'specialistisch',
  'staf',
  'opleiding',
] as const;

export const unit = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    kind: z.enum(unitKinds),
    districtCount: z.number().int(),
    teamCount: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unit>;

export const district = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    unitId: uuid,
    unitName: z.string(),
    teamCount: z.number().int(),
  })
  .meta({ id: 'District' });
export type District = z.infer<typeof district>;

export const personRef = z.object({ id: uuid, name: z.string() });

export const team = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    kind: z.enum(teamKinds),
    unitId: uuid,
    unitName: z.string(),
    districtId: uuid.nullable(),
    districtName: z.string().nullable(),
    memberCount: z.number().int(),
    chief: personRef.nullable(),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof team>;

export const membership = z
  .object({
    teamId: uuid,
    teamName: z.string(),
    role: z.enum(['lid', 'teamchef']),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof membership>;

export const person = z
  .object({
    id: uuid,
    employeeNumber: z.string(),
    name: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    email: z.string().nullable(),
    currentTeam: z
      .object({ id: uuid, name: z.string(), role: z.enum(['lid', 'teamchef']) })
      .nullable(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof person>;

export const personDetail = person
  .extend({
    birthYear: z.number().int().nullable(),
    employedSince: isoDate.nullable(),
    memberships: z.array(membership),
  })
  .meta({ id: 'PersonDetail' });
export type PersonDetail = z.infer<typeof personDetail>;

export const teamMember = z
  .object({ id: uuid, name: z.string(), role: z.enum(['lid', 'teamchef']), validFrom: isoDate })
  .meta({ id: 'TeamMember' });
export type TeamMember = z.infer<typeof teamMember>;

const search = z.string().trim().min(1).max(100).optional();

export const unitListQuery = pageQuery.extend({ q: search });
export const districtListQuery = pageQuery.extend({ unitId: uuid.optional(), q: search });
export const teamListQuery = pageQuery.extend({
  unitId: uuid.optional(),
  districtId: uuid.optional(),
  kind: z.enum(teamKinds).optional(),
  q: search,
});
export const personListQuery = pageQuery.extend({
  teamId: uuid.optional(),
  unitId: uuid.optional(),
  q: search,
});
export type UnitListQuery = z.infer<typeof unitListQuery>;
export type DistrictListQuery = z.infer<typeof districtListQuery>;
export type TeamListQuery = z.infer<typeof teamListQuery>;
export type PersonListQuery = z.infer<typeof personListQuery>;
