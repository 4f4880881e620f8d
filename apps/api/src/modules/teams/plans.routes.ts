import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attentionDistrictParams,
  attentionList,
  attentionUnitParams,
  createPlanBody,
  hrImportBody,
  hrImportResult,
  measureInput,
  measureParams,
  measureUpdate,
  planEvent,
  planFollowUp,
  planOverview,
  planParams,
  planTeamParams,
  problem,
  teamPlan,
  teamPlanSummary,
  teamRisks,
  teamRisksQuery,
  updatePlanBody,
  type Role,
} from '@pvi/contracts';
import { access, grantCovers, type Location } from '../../access.ts';
import { AppError } from '../../errors.ts';
import { actorOf, authOf } from '../../plugins/auth.ts';
import type { AttentionService } from './attention.service.ts';
import type { HrIndicatorsService } from './hr-indicators.service.ts';
import type { OrgScope } from './plans.repository.ts';
import type { PlansService } from './plans.service.ts';
import type { RiskService } from './risks.service.ts';

/** The whole team reads its plan and risks; leadership and analysts within their scope too. */
export const PLAN_READERS: readonly Role[] = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'cdo',
];
/** The team chief (team scope) and unit leadership (unit or district scope) edit the plan. */
export const PLAN_EDITORS: readonly Role[] = ['teamchef', 'eenheidsleiding'];
/** Who sees the overview of plans and the "needs attention" view of a unit or district. */
export const ATTENTION_READERS: readonly Role[] = ['eenheidsleiding', 'hr_analist', 'cdo'];
/** Who imports HR indicators (each team must lie within the grant's scope). */
export const HR_IMPORTERS: readonly Role[] = ['hr_analist'];

/** The largest HR-indicator file accepted. */
export const HR_CSV_LIMIT = 10 * 1024 * 1024;

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };
const team = { scope: { kind: 'team', param: 'teamId' } } as const;
const read = { access: access.roles(PLAN_READERS, team) };
const edit = { access: access.roles(PLAN_EDITORS, team) };
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const planRoutes =
  (deps: {
    risks: RiskService;
    plans: PlansService;
    attention: AttentionService;
    hr: HrIndicatorsService;
    locate: (kind: 'team', id: string) => Promise<Location | null>;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const { risks, plans, attention, hr } = deps;

    /**
     * The team scope, checked before the body is validated: a change to another team's plan is
     * refused as such (403), whatever its body. (The framework checks scope after validation.)
     */
    const teamScopeFirst = async (request: FastifyRequest) => {
      const grant = request.auth?.activeGrant;
      const id = (request.params as Record<string, string | undefined>).teamId;
      if (!grant || grant.scopeType === 'national' || !id || !UUID.test(id)) return;
      const location = await deps.locate('team', id);
      if (!location) throw new AppError('not_found', 'The team was not found.');
      if (!grantCovers(grant, location))
        throw new AppError('forbidden', 'This team is outside the scope of your active role.');
    };

    app.get(
      '/teams/:teamId/risks',
      {
        config: read,
        schema: {
          operationId: 'getTeamRisks',
          tags: ['plans'],
          summary: 'Risk flags of a team from a closed wave’s report, each with its reason',
          description:
            'Rules over the figures that passed disclosure control (never raw answers): a favourable share below a threshold, a significant drop against the previous wave, a share who experienced transgressive behaviour above a threshold, a low response rate. A team hidden in the wave gets no flags. notEvaluated says which rules could not be applied and why.',
          params: planTeamParams,
          querystring: teamRisksQuery,
          response: { 200: teamRisks, ...errors },
        },
      },
      async (request) =>
        risks.forTeam(actorOf(request), request.params.teamId, request.query.waveId),
    );

    app.get(
      '/teams/:teamId/plans',
      {
        config: read,
        schema: {
          operationId: 'listTeamPlans',
          tags: ['plans'],
          summary: 'The team’s plans of approach, one per wave, newest wave first',
          params: planTeamParams,
          response: { 200: items(teamPlanSummary), ...errors },
        },
      },
      async (request) => ({ items: await plans.list(actorOf(request), request.params.teamId) }),
    );
    app.post(
      '/teams/:teamId/plans',
      {
        config: edit,
        preValidation: teamScopeFirst,
        schema: {
          operationId: 'createTeamPlan',
          tags: ['plans'],
          summary: 'Agree a plan of approach on a closed wave’s report: risks and measures',
          description:
            'Risks are flag codes of the team in that wave (GET …/risks) or free themes. One plan per team per wave (409 for a second).',
          params: planTeamParams,
          body: createPlanBody,
          response: { 201: teamPlan, ...errors, 409: problem },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await plans.create(actorOf(request), request.params.teamId, request.body)),
    );
    app.get(
      '/teams/:teamId/plans/:planId',
      {
        config: read,
        schema: {
          operationId: 'getTeamPlan',
          tags: ['plans'],
          summary: 'A plan of approach with its measures',
          params: planParams,
          response: { 200: teamPlan, ...errors },
        },
      },
      async (request) => plans.get(actorOf(request), request.params.teamId, request.params.planId),
    );
    app.patch(
      '/teams/:teamId/plans/:planId',
      {
        config: edit,
        preValidation: teamScopeFirst,
        schema: {
          operationId: 'updateTeamPlan',
          tags: ['plans'],
          summary: 'Change a plan’s risks, conversation date or summary (kept in its history)',
          description:
            'Send the version you read to be refused (409) when someone changed the plan since.',
          params: planParams,
          body: updatePlanBody,
          response: { 200: teamPlan, ...errors, 409: problem },
        },
      },
      async (request) =>
        plans.update(actorOf(request), request.params.teamId, request.params.planId, request.body),
    );
    app.post(
      '/teams/:teamId/plans/:planId/measures',
      {
        config: edit,
        preValidation: teamScopeFirst,
        schema: {
          operationId: 'createPlanMeasure',
          tags: ['plans'],
          summary: 'Add a measure to a plan',
          params: planParams,
          body: measureInput,
          response: { 201: teamPlan, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await plans.addMeasure(
              actorOf(request),
              request.params.teamId,
              request.params.planId,
              request.body,
            ),
          ),
    );
    app.patch(
      '/teams/:teamId/plans/:planId/measures/:measureId',
      {
        config: edit,
        preValidation: teamScopeFirst,
        schema: {
          operationId: 'updatePlanMeasure',
          tags: ['plans'],
          summary: 'Change a measure: status, progress, due date, owner… (kept in the history)',
          params: measureParams,
          body: measureUpdate,
          response: { 200: teamPlan, ...errors, 409: problem },
        },
      },
      async (request) =>
        plans.updateMeasure(
          actorOf(request),
          request.params.teamId,
          request.params.planId,
          request.params.measureId,
          request.body,
        ),
    );
    app.get(
      '/teams/:teamId/plans/:planId/history',
      {
        config: read,
        schema: {
          operationId: 'listTeamPlanHistory',
          tags: ['plans'],
          summary: 'Every change to the plan and its measures, oldest first (append-only)',
          params: planParams,
          response: { 200: items(planEvent), ...errors },
        },
      },
      async (request) => ({
        items: await plans.history(actorOf(request), request.params.teamId, request.params.planId),
      }),
    );
    app.get(
      '/teams/:teamId/plans/:planId/follow-up',
      {
        config: read,
        schema: {
          operationId: 'getTeamPlanFollowUp',
          tags: ['plans'],
          summary:
            'For each measure aimed at a scale: the scale in the plan’s wave and the next, and the change',
          description:
            'The next wave is the team’s next closed wave with the same instrument. The difference of means is tested with Welch’s t-test; with fewer than 10 respondents on either side no claim is made.',
          params: planParams,
          response: { 200: planFollowUp, ...errors },
        },
      },
      async (request) =>
        plans.followUp(actorOf(request), request.params.teamId, request.params.planId),
    );

    // Leadership: per unit, district and (plans only) the whole country.
    const levels = [
      { level: 'unit', path: '/units/:unitId', params: attentionUnitParams, param: 'unitId' },
      {
        level: 'district',
        path: '/districts/:districtId',
        params: attentionDistrictParams,
        param: 'districtId',
      },
    ] as const;
    const scopeOf = (level: 'unit' | 'district', params: unknown): OrgScope => ({
      level,
      id: (params as Record<string, string>)[level === 'unit' ? 'unitId' : 'districtId']!,
    });
    const Level = (level: string) => level[0]!.toUpperCase() + level.slice(1);

    for (const l of levels) {
      const config = {
        access: access.roles(ATTENTION_READERS, { scope: { kind: l.level, param: l.param } }),
      };
      app.get(
        `${l.path}/attention`,
        {
          config,
          schema: {
            operationId: `get${Level(l.level)}Attention`,
            tags: ['plans'],
            summary: `Teams of a ${l.level} that need attention: an explainable score with every component, and trend lines`,
            description:
              'Components from HR indicators (the last three months up to the latest month imported in the scope) and from the latest closed wave (shown teams only), each with value, threshold, weight and contribution; sorted by score. HR figures of a team with fewer members than the smallest group shown are not shown and do not count.',
            params: l.params,
            response: { 200: attentionList, ...errors },
          },
        },
        async (request) => {
          const scope = scopeOf(l.level, request.params);
          return attention.list(actorOf(request), scope as { level: typeof l.level; id: string });
        },
      );
    }

    const overviews = [
      ...levels.map((l) => ({
        level: l.level,
        path: l.path,
        params: l.params,
        scope: { kind: l.level, param: l.param } as const,
      })),
      { level: 'national', path: '', params: undefined, scope: { kind: 'national' } as const },
    ] as const;
    for (const o of overviews) {
      const config = { access: access.roles(ATTENTION_READERS, { scope: o.scope }) };
      const scopeFor = (params: unknown): OrgScope =>
        o.level === 'national' ? { level: 'national', id: null } : scopeOf(o.level, params);
      const where = o.level === 'national' ? 'the country' : `a ${o.level}`;
      app.get(
        `${o.path}/attention/plans`,
        {
          config,
          schema: {
            operationId: `get${Level(o.level)}PlanOverview`,
            tags: ['plans'],
            summary: `Plans in ${where}: teams with and without a plan for their latest closed wave, overdue measures, flags`,
            ...(o.params ? { params: o.params } : {}),
            response: { 200: planOverview, ...errors },
          },
        },
        async (request) => plans.overview(actorOf(request), scopeFor(request.params)),
      );
      app.get(
        `${o.path}/attention/plans/export`,
        {
          config,
          schema: {
            operationId: `export${Level(o.level)}PlanOverview`,
            tags: ['plans'],
            summary: `The plans overview of ${where} as CSV, one row per team (itself audited)`,
            ...(o.params ? { params: o.params } : {}),
            produces: ['text/csv'],
            response: { 200: z.string().describe('CSV, RFC 4180'), ...errors },
          },
        },
        async (request, reply) => {
          const csv = await plans.exportOverview(actorOf(request), scopeFor(request.params));
          return reply
            .type('text/csv; charset=utf-8')
            .header('Content-Disposition', 'attachment; filename="plannen.csv"')
            .serializer((payload) => String(payload))
            .send(csv);
        },
      );
    }

    // HR indicators: a CSV body, like the organisation import.
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: HR_CSV_LIMIT },
      (_request, body, done) => {
        done(null, body);
      },
    );
    app.post(
      '/hr-indicators/import',
      {
        config: { access: access.roles(HR_IMPORTERS) },
        // Refuse anyone else before reading up to 10 MB (the full rule, CSRF included, still runs).
        preParsing: async (request) => {
          if (!request.auth) throw new AppError('unauthenticated', 'Sign in first.');
          const role = request.auth.activeGrant?.role;
          if (!role || !HR_IMPORTERS.includes(role))
            throw new AppError('forbidden', 'This needs the hr_analist role.');
        },
        schema: {
          operationId: 'importHrIndicators',
          tags: ['hr-indicators'],
          summary: 'Import monthly HR indicators per team (CSV); all or nothing, idempotent',
          description:
            'Columns: team_code, month (YYYY-MM), absenteeism_pct, absence_frequency, turnover_pct, overtime_hours, vacancies, integrity_reports (empty = not known; decimal point or comma). A file with bad rows writes nothing and answers 400 with every bad row in invalidParams (csv.line.N). Every team must lie within the scope of the active grant. 201 when rows were written, 200 when the file changed nothing.',
          consumes: ['text/csv'],
          body: hrImportBody,
          response: {
            200: hrImportResult,
            201: hrImportResult,
            400: problem,
            401: problem,
            403: problem,
          },
        },
      },
      async (request, reply) => {
        const result = await hr.importCsv(
          actorOf(request),
          authOf(request).activeGrant!,
          request.body,
        );
        return reply.status(result.inserted + result.updated > 0 ? 201 : 200).send(result);
      },
    );
  };
