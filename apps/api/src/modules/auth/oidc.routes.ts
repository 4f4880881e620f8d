import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '@pvi/db';
import { problem } from '@pvi/contracts';
import { access } from '../../access.ts';
import type { AppConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { actorOf, setSessionCookie } from '../../plugins/auth.ts';
import type { AuthService } from './auth.service.ts';
import { createOidcService, type OidcOrgLookup } from './oidc.service.ts';

export const oidcRoutes =
  (deps: {
    auth: AuthService;
    config: AppConfig;
    db: Database;
    org: OidcOrgLookup;
    audit: Parameters<typeof createOidcService>[0]['audit'];
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const oidcConfig = deps.config.oidc;
    const service = oidcConfig
      ? createOidcService({
          db: deps.db,
          config: oidcConfig,
          auth: deps.auth,
          audit: deps.audit,
          org: deps.org,
        })
      : null;
    const enabled = () => {
      if (!service)
        throw new AppError('not_found', 'Sign-in with OpenID Connect is not configured.');
      return service;
    };

    app.get(
      '/session/oidc',
      {
        config: { access: access.public() },
        schema: {
          operationId: 'startOidcSignIn',
          tags: ['session'],
          summary: 'Start sign-in with the identity provider (redirects)',
          querystring: z.object({ returnTo: z.string().max(500).optional() }),
          response: { 302: z.null(), 404: problem },
        },
      },
      async (request, reply) => {
        const url = await enabled().start(request.query.returnTo);
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      '/session/oidc/callback',
      {
        config: { access: access.public() },
        schema: {
          operationId: 'completeOidcSignIn',
          tags: ['session'],
          summary: 'Where the identity provider returns to (redirects)',
          response: { 302: z.null(), 400: problem, 401: problem, 404: problem },
        },
      },
      async (request, reply) => {
        const base = new URL(oidcConfig?.redirectUri ?? 'http://localhost/');
        const current = new URL(request.url, base.origin);
        const { token, returnTo } = await enabled().callback(current, actorOf(request));
        setSessionCookie(reply, token, deps.config.secureCookies);
        return reply.redirect(returnTo, 302);
      },
    );
  };
