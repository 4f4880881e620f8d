import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  coverageDistrictParams,
  coverageOverview,
  coverageQuery,
  coverageUnitParams,
  followUpEvent,
  followUpTeamParams,
  outreachActivity,
  outreachActivityInput,
  outreachActivityParams,
  outreachActivityUpdate,
  problem,
  teamOutreachYear,
  trainingYearParams,
  trainingYearUpdate,
} from '@pvi/contracts';
import { access, type Location } from '../../access.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { CoverageService } from './coverage.service.ts';
import {
  COVERAGE_READERS,
  FOLLOW_UP_EDITORS,
  FOLLOW_UP_READERS,
  teamScopeFirst,
} from './followup.access.ts';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };
const team = { scope: { kind: 'team', param: 'teamId' } } as const;
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const coverageRoutes =
  (deps: {
    coverage: CoverageService;
    locate: (kind: 'team', id: string) => Promise<Location | null>;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const { coverage } = deps;
    const scopeFirst = teamScopeFirst(deps.locate);
    const read = {
      config: { access: access.roles(FOLLOW_UP_READERS, team) },
      preValidation: scopeFirst,
    };
    const edit = {
      config: { access: access.roles(FOLLOW_UP_EDITORS, team) },
      preValidation: scopeFirst,
    };

    app.get(
      '/teams/:teamId/outreach/:year',
      {
        ...read,
        schema: {
          operationId: 'getTeamOutreachYear',
          tags: ['controls-follow-up'],
          summary:
            'A team’s ambassadors, IBT participation, VR sessions and dialogue meetings in a year, against the norms',
          description: 'Names the ambassadors, so the read is audited.',
          params: trainingYearParams,
          response: { 200: teamOutreachYear, ...errors },
        },
      },
      async (request) =>
        coverage.teamYear(actorOf(request), request.params.teamId, request.params.year),
    );
    app.patch(
      '/teams/:teamId/outreach/:year',
      {
        ...edit,
        schema: {
          operationId: 'updateTeamOutreachYear',
          tags: ['controls-follow-up'],
          summary: 'Set the year’s ambassadors and/or IBT participation (kept in the history)',
          description:
            'Refused field by field (400) for a year that has not begun, an ambassador who was not in the team that year (ambassadorPersonIds.N), a person named twice, or more IBT participants than the team had members. Send the version you read to be refused (409) when it changed since.',
          params: trainingYearParams,
          body: trainingYearUpdate,
          response: { 200: teamOutreachYear, ...errors, 409: problem },
        },
      },
      async (request) =>
        coverage.updateYear(
          actorOf(request),
          request.params.teamId,
          request.params.year,
          request.body,
        ),
    );
    app.get(
      '/teams/:teamId/outreach/:year/history',
      {
        ...read,
        schema: {
          operationId: 'listTeamOutreachHistory',
          tags: ['controls-follow-up'],
          summary:
            'Every change to the team’s training and outreach records of a year, oldest first',
          params: trainingYearParams,
          response: { 200: items(followUpEvent), ...errors },
        },
      },
      async (request) => ({
        items: await coverage.yearHistory(
          actorOf(request),
          request.params.teamId,
          request.params.year,
        ),
      }),
    );
    app.post(
      '/teams/:teamId/outreach-activities',
      {
        ...edit,
        schema: {
          operationId: 'createOutreachActivity',
          tags: ['controls-follow-up'],
          summary: 'Record a VR session or a dialogue meeting with citizens',
          description:
            'Refused field by field (400) for a date in the future, or a VR session with more participants than the team had members that year.',
          params: followUpTeamParams,
          body: outreachActivityInput,
          response: { 201: outreachActivity, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await coverage.addActivity(actorOf(request), request.params.teamId, request.body)),
    );
    app.patch(
      '/teams/:teamId/outreach-activities/:activityId',
      {
        ...edit,
        schema: {
          operationId: 'updateOutreachActivity',
          tags: ['controls-follow-up'],
          summary: 'Change a VR session or dialogue meeting (kept in the history)',
          params: outreachActivityParams,
          body: outreachActivityUpdate,
          response: { 200: outreachActivity, ...errors, 409: problem },
        },
      },
      async (request) =>
        coverage.updateActivity(
          actorOf(request),
          request.params.teamId,
          request.params.activityId,
          request.body,
        ),
    );
    app.delete(
      '/teams/:teamId/outreach-activities/:activityId',
      {
        ...edit,
        schema: {
          operationId: 'deleteOutreachActivity',
          tags: ['controls-follow-up'],
          summary: 'Remove a mistaken record of an activity (the history keeps it)',
          params: outreachActivityParams,
          response: { 204: z.null().describe('Removed'), ...errors },
        },
      },
      async (request, reply) => {
        await coverage.removeActivity(
          actorOf(request),
          request.params.teamId,
          request.params.activityId,
        );
        return reply.code(204).send(null);
      },
    );

    const levels = [
      { level: 'unit', path: '/units/:unitId', params: coverageUnitParams, param: 'unitId' },
      {
        level: 'district',
        path: '/districts/:districtId',
        params: coverageDistrictParams,
        param: 'districtId',
      },
    ] as const;
    for (const l of levels) {
      const config = {
        access: access.roles(COVERAGE_READERS, { scope: { kind: l.level, param: l.param } }),
      };
      const Level = l.level === 'unit' ? 'Unit' : 'District';
      const scopeOf = (params: unknown) => ({
        level: l.level,
        id: (params as Record<string, string>)[l.param]!,
      });
      app.get(
        `${l.path}/outreach-coverage`,
        {
          config,
          schema: {
            operationId: `get${Level}OutreachCoverage`,
            tags: ['controls-follow-up'],
            summary: `Training and outreach coverage of a ${l.level}: each team against each norm, with totals`,
            description:
              'Norms: two ambassadors per base team; every member through the IBT in the year; at least one dialogue meeting with citizens per team per year. VR sessions are counted without a norm. A norm is not_recorded when nothing was entered, not_applicable when it does not apply to the team. Audited.',
            params: l.params,
            querystring: coverageQuery,
            response: { 200: coverageOverview, ...errors },
          },
        },
        async (request) =>
          coverage.overview(actorOf(request), scopeOf(request.params), request.query.year),
      );
      app.get(
        `${l.path}/outreach-coverage/export`,
        {
          config,
          schema: {
            operationId: `export${Level}OutreachCoverage`,
            tags: ['controls-follow-up'],
            summary: `The coverage of a ${l.level} as CSV, one row per team (itself audited)`,
            params: l.params,
            querystring: coverageQuery,
            produces: ['text/csv'],
            response: { 200: z.string().describe('CSV, RFC 4180'), ...errors },
          },
        },
        async (request, reply) => {
          const csv = await coverage.exportOverview(
            actorOf(request),
            scopeOf(request.params),
            request.query.year,
          );
          return reply
            .type('text/csv; charset=utf-8')
            .header('Content-Disposition', 'attachment; filename="dekking-vorming.csv"')
            .serializer((payload) => String(payload))
            .send(csv);
        },
      );
    }
  };
