import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  controlAnalysis,
  controlAnalysisQuery,
  controlPopulationBody,
  problem,
  uuid,
  type Role,
} from '@pvi/contracts';
import { access, type ScopeTarget } from '../../../access.ts';
import { actorOf } from '../../../plugins/auth.ts';
import type { AnalysisLevel, ControlAnalysisService } from './analysis.service.ts';
import { analysisCsv } from './analysis.csv.ts';

const errors = { 400: problem, 401: problem, 403: problem };
/** Who reads the analysis, each within the scope of their grant. */
export const ANALYSIS_READERS: readonly Role[] = [
  'teamchef',
  'eenheidsleiding',
  'ecad',
  'cdo',
  'hr_analist',
];

const scopes: readonly {
  path: string;
  level: AnalysisLevel;
  scope: ScopeTarget;
  param: string | null;
}[] = [
  { path: 'national', level: 'national', scope: { kind: 'national' }, param: null },
  {
    path: 'units/:unitId',
    level: 'unit',
    scope: { kind: 'unit', param: 'unitId' },
    param: 'unitId',
  },
  {
    path: 'districts/:districtId',
    level: 'district',
    scope: { kind: 'district', param: 'districtId' },
    param: 'districtId',
  },
  {
    path: 'teams/:teamId',
    level: 'team',
    scope: { kind: 'team', param: 'teamId' },
    param: 'teamId',
  },
];

const DESCRIPTION =
  'Registration quality, effectiveness (hit rates), internal benchmark of teams, disparity by ' +
  'group and the veil-of-darkness test for the scope and period, every share with its Wilson 95 % ' +
  'interval, figures about fewer than 5 controls suppressed, and every exclusion counted ' +
  '(docs/controls-analysis.md). Audited.';

export const controlAnalysisRoutes =
  (analysis: ControlAnalysisService): FastifyPluginAsyncZod =>
  async (app) => {
    for (const s of scopes) {
      const params = s.param ? z.object({ [s.param]: uuid }) : undefined;
      const name = `${s.level[0]!.toUpperCase()}${s.level.slice(1)}`;
      const idOf = (p: unknown) => (s.param ? (p as Record<string, string>)[s.param]! : null);
      const config = { access: access.roles(ANALYSIS_READERS, { scope: s.scope }) };
      app.get(
        `/controls/analysis/${s.path}`,
        {
          config,
          schema: {
            operationId: `get${name}ControlAnalysis`,
            tags: ['controls'],
            summary: `Analysis of the controls of a ${s.level} (audited)`,
            description: DESCRIPTION,
            ...(params ? { params } : {}),
            querystring: controlAnalysisQuery,
            response: { 200: controlAnalysis, ...errors },
          },
        },
        async (request) =>
          analysis.analyse(actorOf(request), s.level, idOf(request.params), request.query),
      );
      app.post(
        `/controls/analysis/${s.path}/population`,
        {
          config,
          schema: {
            operationId: `post${name}ControlAnalysisPopulation`,
            tags: ['controls'],
            summary: `Analysis of the controls of a ${s.level}, with residents per group for the disparity ratio (audited)`,
            description:
              `${DESCRIPTION} The body gives residents per group for the scope; the disparity ` +
              'section then adds controls per 1,000 residents and the ratio to the reference group. ' +
              'Nothing is stored.',
            ...(params ? { params } : {}),
            querystring: controlAnalysisQuery,
            body: controlPopulationBody,
            response: { 200: controlAnalysis, ...errors },
          },
        },
        async (request) =>
          analysis.analyse(
            actorOf(request),
            s.level,
            idOf(request.params),
            request.query,
            request.body.population.length ? request.body.population : null,
          ),
      );
      app.get(
        `/controls/analysis/${s.path}/export`,
        {
          config,
          schema: {
            operationId: `export${name}ControlAnalysis`,
            tags: ['controls'],
            summary: `The analysis of a ${s.level} as CSV (audited)`,
            description:
              'Every table of the analysis in long form (section, breakdown, key, label, measure, ' +
              'n, successes, estimate, lower, upper, note); CSV-injection safe.',
            ...(params ? { params } : {}),
            querystring: controlAnalysisQuery,
            produces: ['text/csv'],
            response: { 200: z.string().describe('CSV, RFC 4180'), ...errors },
          },
        },
        async (request, reply) => {
          const a = await analysis.analyse(
            actorOf(request),
            s.level,
            idOf(request.params),
            request.query,
          );
          return reply
            .type('text/csv; charset=utf-8')
            .header('Content-Disposition', 'attachment; filename="controls-analysis.csv"')
            .send(analysisCsv(a));
        },
      );
    }
  };
