import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  district,
  districtListQuery,
  idParams,
  pageOf,
  person,
  personDetail,
  personListQuery,
  problem,
  team,
  teamListQuery,
  teamMember,
  unit,
  unitListQuery,
} from '@pvi/contracts';
import { access, ALL_ROLES, PEOPLE_READERS } from '../../access.ts';
import { actorOf, authOf } from '../../plugins/auth.ts';
import { withPageLinks } from '../../http/pagination.ts';
import type { OrgService } from './org.service.ts';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };
const structure = { access: access.roles(ALL_ROLES, { unscoped: true }) };

export const orgRoutes =
  (org: OrgService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/installation',
      {
        config: { access: access.public() },
        schema: {
          operationId: 'getInstallation',
          tags: ['org'],
          summary: 'Public facts about this installation (whether it holds demo data)',
          response: { 200: z.object({ demo: z.boolean() }).meta({ id: 'Installation' }) },
        },
      },
      async () => org.installationInfo(),
    );
    app.get(
      '/units',
      {
        config: structure,
        schema: {
          operationId: 'listUnits',
          tags: ['org'],
          summary: 'List units (eenheden)',
          querystring: unitListQuery,
          response: { 200: pageOf(unit), ...errors },
        },
      },
      async (request, reply) => withPageLinks(request, reply, await org.listUnits(request.query)),
    );
    app.get(
      '/units/:id',
      {
        config: structure,
        schema: {
          operationId: 'getUnit',
          tags: ['org'],
          summary: 'Read a unit',
          params: idParams,
          response: { 200: unit, ...errors },
        },
      },
      async (request) => org.getUnit(request.params.id),
    );
    app.get(
      '/districts',
      {
        config: structure,
        schema: {
          operationId: 'listDistricts',
          tags: ['org'],
          summary: 'List districts',
          querystring: districtListQuery,
          response: { 200: pageOf(district), ...errors },
        },
      },
      async (request, reply) =>
        withPageLinks(request, reply, await org.listDistricts(request.query)),
    );
    app.get(
      '/districts/:id',
      {
        config: structure,
        schema: {
          operationId: 'getDistrict',
          tags: ['org'],
          summary: 'Read a district',
          params: idParams,
          response: { 200: district, ...errors },
        },
      },
      async (request) => org.getDistrict(request.params.id),
    );
    app.get(
      '/teams',
      {
        config: structure,
        schema: {
          operationId: 'listTeams',
          tags: ['org'],
          summary: 'List teams',
          querystring: teamListQuery,
          response: { 200: pageOf(team), ...errors },
        },
      },
      async (request, reply) => withPageLinks(request, reply, await org.listTeams(request.query)),
    );
    app.get(
      '/teams/:id',
      {
        config: structure,
        schema: {
          operationId: 'getTeam',
          tags: ['org'],
          summary: 'Read a team',
          params: idParams,
          response: { 200: team, ...errors },
        },
      },
      async (request) => org.getTeam(request.params.id),
    );
    app.get(
      '/teams/:id/members',
      {
        config: {
          access: access.roles(['medewerker', ...PEOPLE_READERS], {
            scope: { kind: 'team', param: 'id' },
          }),
        },
        schema: {
          operationId: 'listTeamMembers',
          tags: ['org'],
          summary: 'Current members of a team (audited)',
          params: idParams,
          response: { 200: z.array(teamMember), ...errors },
        },
      },
      async (request) => org.listTeamMembers(actorOf(request), request.params.id),
    );
    app.get(
      '/people',
      {
        config: { access: access.roles(PEOPLE_READERS) },
        schema: {
          operationId: 'listPeople',
          tags: ['org'],
          summary: 'List people within the scope of the active role (audited)',
          querystring: personListQuery,
          response: { 200: pageOf(person), ...errors },
        },
      },
      async (request, reply) => {
        const grant = authOf(request).activeGrant!;
        const page = await org.listPeople(
          actorOf(request),
          { type: grant.scopeType, id: grant.scopeId },
          request.query,
        );
        return withPageLinks(request, reply, page);
      },
    );
    app.get(
      '/people/:id',
      {
        config: {
          access: access.roles(PEOPLE_READERS, {
            scope: { kind: 'person', param: 'id' },
            purposeRequired: true,
          }),
        },
        schema: {
          operationId: 'getPerson',
          tags: ['org'],
          summary: 'Read a person with their team history (audited; send X-Purpose)',
          params: idParams,
          headers: z.object({ 'x-purpose': z.string().min(3).max(200).optional() }),
          response: { 200: personDetail, ...errors },
        },
      },
      async (request) => org.getPerson(actorOf(request), request.params.id),
    );
  };
