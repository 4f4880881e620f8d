import { and, asc, count, desc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import { districts, installation, memberships, people, teams, units, type Executor } from '@pvi/db';
import type {
  DistrictListQuery,
  PersonListQuery,
  TeamListQuery,
  UnitListQuery,
} from '@pvi/contracts';

export interface ScopeFilter {
  type: 'team' | 'district' | 'unit' | 'national';
  id: string | null;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const offset = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;

// Drizzle leaves columns unqualified in single-table selects, so correlated subqueries name them in full.
const unitId = sql.raw('"units"."id"');
const districtId = sql.raw('"districts"."id"');
const teamId = sql.raw('"teams"."id"');

const fullName = sql<string>`${people.givenName} || ' ' || ${people.familyName}`;

const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  districtCount: sql<number>`(select count(*)::int from districts d where d.unit_id = ${unitId})`,
  teamCount: sql<number>`(select count(*)::int from teams t where t.unit_id = ${unitId})`,
};

export async function listUnits(ex: Executor, q: UnitListQuery) {
  const where = q.q ? ilike(units.name, like(q.q)) : undefined;
  const [items, total] = await Promise.all([
    ex
      .select(unitColumns)
      .from(units)
      .where(where)
      .orderBy(asc(units.name), asc(units.id))
      .limit(q.pageSize)
      .offset(offset(q)),
    ex.select({ n: count() }).from(units).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findUnit(ex: Executor, id: string) {
  const rows = await ex.select(unitColumns).from(units).where(eq(units.id, id));
  return rows[0] ?? null;
}

const districtColumns = {
  id: districts.id,
  code: districts.code,
  name: districts.name,
  unitId: districts.unitId,
  unitName: units.name,
  teamCount: sql<number>`(select count(*)::int from teams t where t.district_id = ${districtId})`,
};

export async function listDistricts(ex: Executor, q: DistrictListQuery) {
  const conds: SQL[] = [];
  if (q.unitId) conds.push(eq(districts.unitId, q.unitId));
  if (q.q) conds.push(ilike(districts.name, like(q.q)));
  const where = conds.length ? and(...conds) : undefined;
  const [items, total] = await Promise.all([
    ex
      .select(districtColumns)
      .from(districts)
      .innerJoin(units, eq(units.id, districts.unitId))
      .where(where)
      .orderBy(asc(districts.name), asc(districts.id))
      .limit(q.pageSize)
      .offset(offset(q)),
    ex.select({ n: count() }).from(districts).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findDistrict(ex: Executor, id: string) {
  const rows = await ex
    .select(districtColumns)
    .from(districts)
    .innerJoin(units, eq(units.id, districts.unitId))
    .where(eq(districts.id, id));
  return rows[0] ?? null;
}

const currentChief = sql`(select m.person_id from memberships m
  where m.team_id = ${teamId} and m.valid_to is null and m.role = 'teamchef'
  order by m.valid_from desc, m.person_id limit 1)`;
const teamColumns = {
  id: teams.id,
  code: teams.code,
  name: teams.name,
  kind: teams.kind,
  unitId: teams.unitId,
  unitName: units.name,
  districtId: teams.districtId,
  districtName: districts.name,
  memberCount: sql<number>`(select count(*)::int from memberships m where m.team_id = ${teamId} and m.valid_to is null)`,
  chiefId: sql<string | null>`${currentChief}`,
  chiefName: sql<
    string | null
  >`(select p.given_name || ' ' || p.family_name from people p where p.id = ${currentChief})`,
};

function teamSelect(ex: Executor) {
  return ex
    .select(teamColumns)
    .from(teams)
    .innerJoin(units, eq(units.id, teams.unitId))
    .leftJoin(districts, eq(districts.id, teams.districtId));
}

export async function listTeams(ex: Executor, q: TeamListQuery) {
  const conds: SQL[] = [];
  if (q.unitId) conds.push(eq(teams.unitId, q.unitId));
  if (q.districtId) conds.push(eq(teams.districtId, q.districtId));
  if (q.kind) conds.push(eq(teams.kind, q.kind));
  if (q.q) conds.push(ilike(teams.name, like(q.q)));
  const where = conds.length ? and(...conds) : undefined;
  const [items, total] = await Promise.all([
    teamSelect(ex)
      .where(where)
      .orderBy(asc(teams.name), asc(teams.id))
      .limit(q.pageSize)
      .offset(offset(q)),
    ex.select({ n: count() }).from(teams).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findTeam(ex: Executor, id: string) {
  const rows = await teamSelect(ex).where(eq(teams.id, id));
  return rows[0] ?? null;
}

export async function listTeamMembers(ex: Executor, teamId: string) {
  return ex
    .select({
      id: people.id,
      name: fullName,
      role: memberships.role,
      validFrom: memberships.validFrom,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.teamId, teamId), isNull(memberships.validTo)))
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id));
}

function scopeCondition(scope: ScopeFilter): SQL | undefined {
  switch (scope.type) {
    case 'national':
      return undefined;
    case 'unit':
      return eq(teams.unitId, scope.id ?? '');
    case 'district':
      return eq(teams.districtId, scope.id ?? '');
    case 'team':
      return eq(teams.id, scope.id ?? '');
  }
}

/** People whose current team lies inside the scope. */
export async function listPeople(ex: Executor, q: PersonListQuery, scope: ScopeFilter) {
  const conds: (SQL | undefined)[] = [isNull(memberships.validTo), scopeCondition(scope)];
  if (q.teamId) conds.push(eq(teams.id, q.teamId));
  if (q.unitId) conds.push(eq(teams.unitId, q.unitId));
  if (q.q) conds.push(sql`(${fullName}) ilike ${like(q.q)}`);
  const where = and(...conds);
  const base = () =>
    ex
      .select({
        id: people.id,
        employeeNumber: people.employeeNumber,
        givenName: people.givenName,
        familyName: people.familyName,
        email: people.email,
        teamId: teams.id,
        teamName: teams.name,
        role: memberships.role,
      })
      .from(people)
      .innerJoin(memberships, eq(memberships.personId, people.id))
      .innerJoin(teams, eq(teams.id, memberships.teamId));
  const [items, total] = await Promise.all([
    base()
      .where(where)
      .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
      .limit(q.pageSize)
      .offset(offset(q)),
    ex
      .select({ n: count() })
      .from(people)
      .innerJoin(memberships, eq(memberships.personId, people.id))
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findPerson(ex: Executor, id: string) {
  const rows = await ex.select().from(people).where(eq(people.id, id));
  return rows[0] ?? null;
}

export async function listMembershipsOf(ex: Executor, personId: string) {
  return ex
    .select({
      teamId: memberships.teamId,
      teamName: teams.name,
      role: memberships.role,
      validFrom: memberships.validFrom,
      validTo: memberships.validTo,
    })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(memberships.validFrom));
}

export interface Location {
  unitId: string;
  districtId: string | null;
  teamId: string | null;
}

/** Where a team, district, unit or person (by current team) sits in the organisation. */
export async function locate(
  ex: Executor,
  kind: 'team' | 'district' | 'unit' | 'person',
  id: string,
): Promise<Location | null> {
  switch (kind) {
    case 'unit': {
      const r = await ex.select({ unitId: units.id }).from(units).where(eq(units.id, id));
      return r[0] ? { unitId: r[0].unitId, districtId: null, teamId: null } : null;
    }
    case 'district': {
      const r = await ex
        .select({ unitId: districts.unitId, districtId: districts.id })
        .from(districts)
        .where(eq(districts.id, id));
      return r[0] ? { ...r[0], teamId: null } : null;
    }
    case 'team': {
      const r = await ex
        .select({ unitId: teams.unitId, districtId: teams.districtId, teamId: teams.id })
        .from(teams)
        .where(eq(teams.id, id));
      return r[0] ?? null;
    }
    case 'person': {
      const exists = await ex.select({ id: people.id }).from(people).where(eq(people.id, id));
      if (!exists[0]) return null;
      const r = await ex
        .select({ unitId: teams.unitId, districtId: teams.districtId, teamId: teams.id })
        .from(memberships)
        .innerJoin(teams, eq(teams.id, memberships.teamId))
        .where(and(eq(memberships.personId, id), isNull(memberships.validTo)))
        .limit(1);
      // A person without a current team is only visible nationally.
      return r[0] ?? { unitId: '', districtId: null, teamId: null };
    }
  }
}

export async function scopeName(ex: Executor, type: ScopeFilter['type'], id: string | null) {
  if (type === 'national' || !id) return 'Nationaal';
  const table = type === 'unit' ? units : type === 'district' ? districts : teams;
  const r = await ex.select({ name: table.name }).from(table).where(eq(table.id, id));
  return r[0]?.name ?? '(onbekend)';
}

export async function findIdByCode(ex: Executor, type: 'team' | 'district' | 'unit', code: string) {
  const table = type === 'unit' ? units : type === 'district' ? districts : teams;
  const r = await ex.select({ id: table.id }).from(table).where(eq(table.code, code));
  return r[0]?.id ?? null;
}

export async function findPersonIdByEmployeeNumber(ex: Executor, employeeNumber: string) {
  const r = await ex
    .select({ id: people.id })
    .from(people)
    .where(eq(people.employeeNumber, employeeNumber));
  return r[0]?.id ?? null;
}

export async function findCurrentTeam(ex: Executor, personId: string) {
  const r = await ex
    .select({ id: teams.id, name: teams.name, unitName: units.name })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .innerJoin(units, eq(units.id, teams.unitId))
    .where(and(eq(memberships.personId, personId), isNull(memberships.validTo)))
    .orderBy(desc(memberships.validFrom))
    .limit(1);
  return r[0] ?? null;
}

export async function findInstallationValue(ex: Executor, key: string) {
  const r = await ex
    .select({ value: installation.value })
    .from(installation)
    .where(eq(installation.key, key));
  return r[0]?.value ?? null;
}
