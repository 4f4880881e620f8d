import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mailMessage, pageOf, pageQuery, problem } from '@pvi/contracts';
import { access } from '../../access.ts';
import { actorOf } from '../../plugins/auth.ts';
import { withPageLinks } from '../../http/pagination.ts';
import type { MailService } from './mail.service.ts';

export const mailRoutes =
  (mail: MailService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/mail/outbox',
      {
        config: { access: access.roles(['beheerder'], { scope: { kind: 'national' } }) },
        schema: {
          operationId: 'listOutbox',
          tags: ['mail'],
          summary:
            'The mail outbox, newest first: where mail waits without SMTP (embedded default) and what was sent',
          querystring: pageQuery.extend({
            kind: z.string().max(60).optional(),
            recipient: z.string().max(200).optional(),
          }),
          response: { 200: pageOf(mailMessage), 400: problem, 401: problem, 403: problem },
        },
      },
      async (request, reply) =>
        withPageLinks(request, reply, await mail.list(actorOf(request), request.query)),
    );
  };
