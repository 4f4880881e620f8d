import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  importCsvBody,
  importJob,
  importStarted,
  importStartQuery,
  problem,
} from '@pvi/contracts';
import { access } from '../../access.ts';
import { AppError } from '../../errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { ImportJobsService } from './imports.service.ts';

/** The largest CSV file accepted (the rest of the API keeps its 1 MB limit). */
export const CSV_BODY_LIMIT = 50 * 1024 * 1024;

const errors = { 400: problem, 401: problem, 403: problem };
// Importing the organisation is installation-wide: a beheerder with national scope.
const admin = { access: access.roles(['beheerder'], { scope: { kind: 'national' } }) };

export const importRoutes =
  (imports: ImportJobsService): FastifyPluginAsyncZod =>
  async (app) => {
    // Only in this plugin (so only on these routes): CSV bodies, up to 50 MB.
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT },
      (_request, body, done) => {
        done(null, body);
      },
    );
    // Background imports finish (or fail) before the database is closed.
    app.addHook('onClose', async () => {
      await imports.settle();
    });

    app.post(
      '/imports',
      {
        config: admin,
        // The access rule is enforced after the body is read; refuse anyone else before reading
        // up to 50 MB. (The full rule, CSRF included, still runs in preValidation.)
        preParsing: async (request) => {
          if (!request.auth) throw new AppError('unauthenticated', 'Sign in first.');
          const grant = request.auth.activeGrant;
          if (grant?.role !== 'beheerder' || grant.scopeType !== 'national')
            throw new AppError('forbidden', 'This needs the beheerder role with national scope.');
        },
        schema: {
          operationId: 'createImport',
          tags: ['imports'],
          summary: 'Upload a CSV file of the organisation, of people or of controls and import it',
          description:
            'Answers 202 at once with the id of an import job; the import runs in the background. ' +
            'Poll GET /api/v1/imports/{id} for its progress and result. An org or people file with ' +
            'bad rows is reported row by row (line numbers) and nothing is written; a control file ' +
            '(kind=controls&format=pvi|police-uk|opp) loads its good rows and reports the bad ones. ' +
            'Importing the same file again changes nothing. The import is audited.',
          querystring: importStartQuery,
          consumes: ['text/csv'],
          body: importCsvBody,
          response: {
            202: importStarted.describe('Accepted: the import job runs; its URL is in Location'),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { kind, format, sourceArea } = request.query;
        const started = await imports.start(kind, request.body, actorOf(request), {
          format,
          sourceArea,
        });
        return reply.code(202).header('Location', `/api/v1/imports/${started.id}`).send(started);
      },
    );
    app.get(
      '/imports/:id',
      {
        config: admin,
        schema: {
          operationId: 'getImport',
          tags: ['imports'],
          summary: 'Progress and result of an import',
          description:
            'status is running until the import ends: done (result holds the counts, or every ' +
            'bad row when result.ok is false) or failed (error says why). A job that has made no ' +
            'progress for an hour lost its server process and is reported as failed.',
          params: idParams,
          response: { 200: importJob, ...errors, 404: problem },
        },
      },
      async (request) => imports.get(request.params.id),
    );
  };
