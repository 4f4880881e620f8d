import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  cbsAnalysis,
  cbsAnalysisQuery,
  cbsDataset,
  cbsDatasetImportQuery,
  cbsImportBody,
  cbsImportResult,
  cbsLinkingExportQuery,
  controlPopulationBody,
  idParams,
  problem,
  type Role,
} from '@pvi/contracts';
import { access } from '../../../access.ts';
import { AppError } from '../../../errors.ts';
import { actorOf } from '../../../plugins/auth.ts';
import { ANALYSIS_READERS } from '../analysis/analysis.routes.ts';
import type { CbsService } from './cbs.service.ts';
import { cbsAnalysisCsv } from './cbs.csv.ts';

const errors = { 400: problem, 401: problem, 403: problem };
/**
 * The linking file leaves the police and the aggregates cover the whole country: only the CDO
 * (who owns the disparity instrument and the CBS project) with a national grant.
 */
export const CBS_LINKERS: readonly Role[] = ['cdo'];
const NATIONAL = { scope: { kind: 'national' } } as const;
/** Aggregate files from CBS are small; 5 MB is thousands of cells. */
const CBS_CSV_LIMIT = 5 * 1024 * 1024;

const ANALYSIS_DESCRIPTION =
  'Disparity by origin group on the aggregates CBS returned (search rate, hit rate of searches, ' +
  'outcome test against the reference group, rate ratio when a population is posted), the ' +
  'cross tables by selection reason and outcome, and the veil-of-darkness test; every count ' +
  'through disclosure control at k = PVI_CBS_MIN_CELL (default 10) with complementary ' +
  'suppression, every exclusion listed (docs/controls-analysis.md, CBS linking). Audited.';

export const cbsRoutes =
  (cbs: CbsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/controls/cbs/linking-export',
      {
        config: { access: access.roles(CBS_LINKERS, NATIONAL) },
        schema: {
          operationId: 'exportCbsLinkingFile',
          tags: ['controls'],
          summary: 'The pseudonymised linking file for CBS (audited)',
          description:
            'Streams text/csv: one line per control of ours with a person key in the period, with ' +
            'its CBS linking pseudonym (HMAC-SHA-256 under PVI_CBS_LINK_KEYS), key version, month, ' +
            'buurt, selection reason, actions, outcome, outcome linked, darkness at the buurt ' +
            'centroid, whether the clock time lies in the inter-twilight window and its ' +
            '15-minute clock bin. No clear keys, no officer, no timestamp. 503 without a CBS key.',
          querystring: cbsLinkingExportQuery,
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV, RFC 4180'), ...errors, 503: problem },
        },
      },
      async (request, reply) => {
        const stream = await cbs.exportLinking(actorOf(request), request.query);
        return (
          reply
            .type('text/csv; charset=utf-8')
            .header('Content-Disposition', 'attachment; filename="cbs-linking.csv"')
            // A stream is sent as it is; the schema's string documents the body.
            .send(stream as unknown as string)
        );
      },
    );

    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: CBS_CSV_LIMIT },
      (_request, body, done) => {
        done(null, body);
      },
    );
    app.post(
      '/controls/cbs/datasets',
      {
        config: { access: access.roles(CBS_LINKERS, NATIONAL) },
        // Refuse anyone else before reading the body (the full rule, CSRF included, still runs).
        preParsing: async (request) => {
          if (!request.auth) throw new AppError('unauthenticated', 'Sign in first.');
          const grant = request.auth.activeGrant;
          if (!grant || !CBS_LINKERS.includes(grant.role) || grant.scopeType !== 'national')
            throw new AppError('forbidden', 'This needs the cdo role with national scope.');
        },
        schema: {
          operationId: 'importCbsDataset',
          tags: ['controls'],
          summary: 'Import an aggregate file returned from CBS as a dataset (audited)',
          description:
            'The CSV of docs/controls-analysis.md (table outcomes: group × selection reason × ' +
            'outcome with searches and outcome-linked counts; table darkness: group × area × ' +
            'clock minute × darkness). Good rows load, bad rows are listed by line number with ' +
            'every reason; 201 with the new dataset, 200 when the same file (SHA-256) was ' +
            'imported before; 400 when the file itself cannot be read.',
          querystring: cbsDatasetImportQuery,
          consumes: ['text/csv'],
          body: cbsImportBody,
          response: { 200: cbsImportResult, 201: cbsImportResult, ...errors },
        },
      },
      async (request, reply) => {
        const r = await cbs.importDataset(actorOf(request), request.query, request.body);
        return reply.code(r.alreadyImported ? 200 : 201).send(r);
      },
    );
    app.get(
      '/controls/cbs/datasets',
      {
        config: { access: access.roles(ANALYSIS_READERS, NATIONAL) },
        schema: {
          operationId: 'listCbsDatasets',
          tags: ['controls'],
          summary: 'The CBS datasets, newest first (audited)',
          response: { 200: z.array(cbsDataset), ...errors },
        },
      },
      async (request) => cbs.listDatasets(actorOf(request)),
    );
    const config = { access: access.roles(ANALYSIS_READERS, NATIONAL) };
    app.get(
      '/controls/cbs/datasets/:id/analysis',
      {
        config,
        schema: {
          operationId: 'getCbsAnalysis',
          tags: ['controls'],
          summary: 'The disparity analysis of a CBS dataset (audited)',
          description: ANALYSIS_DESCRIPTION,
          params: idParams,
          querystring: cbsAnalysisQuery,
          response: { 200: cbsAnalysis, ...errors, 404: problem },
        },
      },
      async (request) => cbs.analyse(actorOf(request), request.params.id, request.query),
    );
    app.post(
      '/controls/cbs/datasets/:id/analysis/population',
      {
        config,
        schema: {
          operationId: 'postCbsAnalysisPopulation',
          tags: ['controls'],
          summary: 'The analysis of a CBS dataset with residents per group (audited)',
          description: `${ANALYSIS_DESCRIPTION} The body gives residents per group; nothing is stored.`,
          params: idParams,
          querystring: cbsAnalysisQuery,
          body: controlPopulationBody,
          response: { 200: cbsAnalysis, ...errors, 404: problem },
        },
      },
      async (request) =>
        cbs.analyse(
          actorOf(request),
          request.params.id,
          request.query,
          request.body.population.length ? request.body.population : null,
        ),
    );
    app.get(
      '/controls/cbs/datasets/:id/analysis/export',
      {
        config,
        schema: {
          operationId: 'exportCbsAnalysis',
          tags: ['controls'],
          summary: 'The analysis of a CBS dataset as CSV (audited)',
          description:
            'The tables of the analysis in long form (section, breakdown, key, label, measure, ' +
            'n, successes, estimate, lower, upper, note); suppressed figures are empty.',
          params: idParams,
          querystring: cbsAnalysisQuery,
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV, RFC 4180'), ...errors, 404: problem },
        },
      },
      async (request, reply) => {
        const a = await cbs.analyse(actorOf(request), request.params.id, request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="cbs-analysis.csv"')
          .send(cbsAnalysisCsv(a));
      },
    );
  };
