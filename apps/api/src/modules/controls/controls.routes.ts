import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  area,
  areaListQuery,
  controlExportQuery,
  controlListQuery,
  controlRecord,
  controlRegistration,
  idParams,
  pageOf,
  problem,
} from '@pvi/contracts';
import { access, ALL_ROLES } from '../../access.ts';
import { actorOf, authOf } from '../../plugins/auth.ts';
import { withPageLinks } from '../../http/pagination.ts';
import { sendDownload } from '../../http/download.ts';
import type { FastifyRequest } from 'fastify';
import type { ControlsService, ControlViewer } from './controls.service.ts';

const errors = { 400: problem, 401: problem, 403: problem };
/** Officers who register their own controls. */
const REGISTRARS = ['medewerker', 'teamchef'] as const;
/** Who reads controls: an officer their own, a team chief the team, and so on up. */
const READERS = ['medewerker', 'teamchef', 'eenheidsleiding', 'cdo', 'beheerder'] as const;
/** Who exports: team chiefs and above, within their scope. */
const EXPORTERS = ['teamchef', 'eenheidsleiding', 'cdo', 'beheerder'] as const;

const viewerOf = (request: FastifyRequest): ControlViewer => {
  const auth = authOf(request);
  return { grant: auth.activeGrant!, personId: auth.personId };
};

export const controlRoutes =
  (controls: ControlsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/controls',
      {
        config: { access: access.roles(REGISTRARS) },
        schema: {
          operationId: 'registerControl',
          tags: ['controls'],
          summary: 'Register a control (idempotent by the client-made id)',
          description:
            'The officer registers a control for themself, in the team they were a member of at ' +
            'the time. 201 when it is new; sending the same registration again answers 200 with ' +
            'the stored control; the same id with a different registration is a 409. Every broken ' +
            'rule is a field in invalidParams (docs/controls.md). A subject key is pseudonymised ' +
            'and never returned.',
          body: controlRegistration,
          response: {
            200: controlRecord.describe('Sent before: the stored control'),
            201: controlRecord.describe('Registered'),
            ...errors,
            409: problem,
            503: problem,
          },
        },
      },
      async (request, reply) => {
        const r = await controls.register(actorOf(request), viewerOf(request), request.body);
        return reply
          .code(r.created ? 201 : 200)
          .header('Location', `/api/v1/controls/${r.record.id}`)
          .send(r.record);
      },
    );
    app.get(
      '/controls',
      {
        config: { access: access.roles(READERS) },
        schema: {
          operationId: 'listControls',
          tags: ['controls'],
          summary: 'List controls within the scope of the active role (audited)',
          description:
            'A medewerker sees their own registrations, a teamchef those of the team, ' +
            'eenheidsleiding those of the unit, cdo and beheerder with national scope all ' +
            '(foreign data included). officerId is empty for a medewerker.',
          querystring: controlListQuery,
          response: { 200: pageOf(controlRecord), ...errors },
        },
      },
      async (request, reply) =>
        withPageLinks(
          request,
          reply,
          await controls.list(actorOf(request), viewerOf(request), request.query),
        ),
    );
    app.get(
      '/controls/export',
      {
        config: { access: access.roles(EXPORTERS) },
        schema: {
          operationId: 'exportControls',
          tags: ['controls'],
          summary: 'Export the controls in scope as CSV, in our import format (audited)',
          description:
            'Streams text/csv (RFC 4180) with the columns of docs/controls.md; ' +
            '`pvi import controls --format pvi` reads it back. Subject keys and their pseudonyms ' +
            'are never exported.',
          querystring: controlExportQuery,
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV, RFC 4180'), ...errors },
        },
      },
      async (request, reply) => {
        const stream = await controls.exportCsv(actorOf(request), viewerOf(request), request.query);
        return sendDownload(reply, stream, 'text/csv; charset=utf-8', 'controls.csv');
      },
    );
    app.get(
      '/controls/:id',
      {
        // The scope is the control's own team or unit (or none, for foreign data): the service
        // checks it against the grant, and a medewerker may read only their own.
        config: { access: access.roles(READERS, { unscoped: true, purposeRequired: true }) },
        schema: {
          operationId: 'getControl',
          tags: ['controls'],
          summary: 'Read one control (audited; send X-Purpose)',
          params: idParams,
          headers: z.object({ 'x-purpose': z.string().min(3).max(200).optional() }),
          response: { 200: controlRecord, ...errors, 404: problem },
        },
      },
      async (request) => controls.get(actorOf(request), viewerOf(request), request.params.id),
    );
    app.get(
      '/areas',
      {
        config: { access: access.roles(ALL_ROLES) },
        schema: {
          operationId: 'listAreas',
          tags: ['controls'],
          summary: 'CBS areas: the nearest buurten to a position, or a search by name',
          description:
            'near=lat,lng orders by the distance to each area centroid (a good enough stand-in ' +
            'for "in which buurt am I"; see docs/controls.md); q searches names. level defaults ' +
            'to buurt.',
          querystring: areaListQuery,
          response: { 200: pageOf(area), ...errors },
        },
      },
      async (request, reply) =>
        withPageLinks(request, reply, await controls.listAreas(request.query)),
    );
  };
