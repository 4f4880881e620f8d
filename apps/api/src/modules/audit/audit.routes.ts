import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntry, auditListQuery, pageOf, problem } from '@pvi/contracts';
import { access } from '../../access.ts';
import { actorOf } from '../../plugins/auth.ts';
import { withPageLinks } from '../../http/pagination.ts';
import type { AuditService } from './audit.service.ts';

export const auditRoutes =
  (audit: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit-log',
      {
        config: { access: access.roles(['beheerder'], { scope: { kind: 'national' } }) },
        schema: {
          tags: ['audit'],
          summary: 'Read the audit trail (itself audited)',
          querystring: auditListQuery,
          response: { 200: pageOf(auditEntry), 400: problem, 401: problem, 403: problem },
        },
      },
      async (request, reply) =>
        withPageLinks(request, reply, await audit.list(actorOf(request), request.query)),
    );
  };
