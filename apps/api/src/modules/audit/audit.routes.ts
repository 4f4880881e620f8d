import { z } from 'zod';
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
          operationId: 'listAuditLog',
          tags: ['audit'],
          summary: 'Read the audit trail (itself audited)',
          querystring: auditListQuery,
          response: { 200: pageOf(auditEntry), 400: problem, 401: problem, 403: problem },
        },
      },
      async (request, reply) =>
        withPageLinks(request, reply, await audit.list(actorOf(request), request.query)),
    );
    app.get(
      '/audit-log/export',
      {
        config: { access: access.roles(['beheerder'], { scope: { kind: 'national' } }) },
        schema: {
          operationId: 'exportAuditLog',
          tags: ['audit'],
          summary: 'Export the filtered audit trail as CSV (itself audited)',
          querystring: auditListQuery.omit({ page: true, pageSize: true }),
          produces: ['text/csv'],
          response: {
            200: z.string().describe('CSV, RFC 4180'),
            400: problem,
            401: problem,
            403: problem,
          },
        },
      },
      async (request, reply) => {
        const csv = await audit.exportCsv(actorOf(request), {
          ...request.query,
          page: 1,
          pageSize: 1,
        });
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="audit-log.csv"')
          .serializer((payload) => String(payload))
          .send(csv);
      },
    );
  };
