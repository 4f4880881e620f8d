import type { Database } from '@pvi/db';
import type {
  District,
  DistrictListQuery,
  Page,
  Person,
  PersonDetail,
  PersonListQuery,
  ScopeType,
  Team,
  TeamListQuery,
  TeamMember,
  Unit,
  UnitListQuery,
} from '@pvi/contracts';
import { notFound, AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as repo from './org.repository.ts';

type TeamRow = NonNullable<Awaited<ReturnType<typeof repo.findTeam>>>;

function toTeam(row: TeamRow): Team {
  const { chiefId, chiefName, ...rest } = row;
  return { ...rest, chief: chiefId && chiefName ? { id: chiefId, name: chiefName } : null };
}

const page = <T>(
  q: { page: number; pageSize: number },
  r: { items: T[]; total: number },
): Page<T> => ({
  items: r.items,
  page: q.page,
  pageSize: q.pageSize,
  total: r.total,
});

export function createOrgService(deps: { db: Database; audit: AuditService }) {
  const { db, audit } = deps;

  return {
    locate: (kind: 'team' | 'district' | 'unit' | 'person', id: string) =>
      repo.locate(db, kind, id),
    scopeName: (type: ScopeType, id: string | null) => repo.scopeName(db, type, id),
    /** Public facts about this installation: whether its data is a demo organisation. */
    async installationInfo() {
      const demo = await repo.findInstallationValue(db, 'demo');
      return { demo: demo !== null };
    },
    currentTeamOf: (personId: string) => repo.findCurrentTeam(db, personId),
    findPersonIdByEmployeeNumber: (employeeNumber: string) =>
      repo.findPersonIdByEmployeeNumber(db, employeeNumber),

    /** Turns `national`, `unit:AMS`, `district:AMS-C` or `team:AMS-C-BT01` into a scope. */
    async resolveScope(spec: string): Promise<{ type: ScopeType; id: string | null }> {
      if (spec === 'national') return { type: 'national', id: null };
      const match = /^(unit|district|team):(.+)$/.exec(spec);
      if (!match) {
        throw new AppError(
          'bad_request',
          `Scope "${spec}" is not national, unit:CODE, district:CODE or team:CODE.`,
        );
      }
      const type = match[1] as 'unit' | 'district' | 'team';
      const code = match[2]!;
      const id = await repo.findIdByCode(db, type, code);
      if (!id) throw new AppError('not_found', `No ${type} with code ${code}.`);
      return { type, id };
    },

    async listUnits(q: UnitListQuery): Promise<Page<Unit>> {
      return page(q, await repo.listUnits(db, q));
    },
    async getUnit(id: string): Promise<Unit> {
      return (await repo.findUnit(db, id)) ?? Promise.reject(notFound('The unit'));
    },
    async listDistricts(q: DistrictListQuery): Promise<Page<District>> {
      return page(q, await repo.listDistricts(db, q));
    },
    async getDistrict(id: string): Promise<District> {
      return (await repo.findDistrict(db, id)) ?? Promise.reject(notFound('The district'));
    },
    async listTeams(q: TeamListQuery): Promise<Page<Team>> {
      const r = await repo.listTeams(db, q);
      return page(q, { items: r.items.map(toTeam), total: r.total });
    },
    async getTeam(id: string): Promise<Team> {
      const row = await repo.findTeam(db, id);
      if (!row) throw notFound('The team');
      return toTeam(row);
    },

    /** Current members of a team: personal data, so the read is audited. */
    async listTeamMembers(actor: Actor, teamId: string): Promise<TeamMember[]> {
      return db.transaction(async (tx) => {
        if (!(await repo.locate(tx, 'team', teamId))) throw notFound('The team');
        const members = await repo.listTeamMembers(tx, teamId);
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'team_members',
          recordId: teamId,
        });
        return members;
      });
    },

    async listPeople(
      actor: Actor,
      scope: repo.ScopeFilter,
      q: PersonListQuery,
    ): Promise<Page<Person>> {
      return db.transaction(async (tx) => {
        const r = await repo.listPeople(tx, q, scope);
        await audit.record(tx, actor, {
          action: 'list',
          recordType: 'person',
          details: {
            filter: { teamId: q.teamId, unitId: q.unitId, q: q.q },
            returned: r.items.length,
          },
        });
        return page(q, {
          total: r.total,
          items: r.items.map((p) => ({
            id: p.id,
            employeeNumber: p.employeeNumber,
            name: `${p.givenName} ${p.familyName}`,
            givenName: p.givenName,
            familyName: p.familyName,
            email: p.email,
            currentTeam: { id: p.teamId, name: p.teamName, role: p.role },
          })),
        });
      });
    },

    async getPerson(actor: Actor, id: string): Promise<PersonDetail> {
      return db.transaction(async (tx) => {
        const person = await repo.findPerson(tx, id);
        if (!person) throw notFound('The person');
        const memberships = await repo.listMembershipsOf(tx, id);
        await audit.record(tx, actor, { action: 'read', recordType: 'person', recordId: id });
        const current = memberships.find((m) => m.validTo === null);
        return {
          id: person.id,
          employeeNumber: person.employeeNumber,
          name: `${person.givenName} ${person.familyName}`,
          givenName: person.givenName,
          familyName: person.familyName,
          email: person.email,
          birthYear: person.birthYear,
          employedSince: person.employedSince,
          currentTeam: current
            ? { id: current.teamId, name: current.teamName, role: current.role }
            : null,
          memberships,
        };
      });
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
