import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authConfig, problem, sessionInfo, signInBody, switchGrantBody } from '@pvi/contracts';
import { access } from '../../access.ts';
import type { AppConfig } from '../../config.ts';
import { actorOf, authOf, clearSessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import type { AuthService } from './auth.service.ts';

const errors = { 400: problem, 401: problem, 403: problem, 429: problem };

export const sessionRoutes =
  (deps: { auth: AuthService; config: AppConfig }): FastifyPluginAsyncZod =>
  async (app) => {
    const { auth, config } = deps;

    app.get(
      '/auth-config',
      {
        config: { access: access.public() },
        schema: {
          operationId: 'getAuthConfig',
          tags: ['session'],
          summary: 'How people can sign in',
          response: { 200: authConfig },
        },
      },
      async () => ({ oidcEnabled: config.oidc !== null, oidcLabel: config.oidc?.label ?? null }),
    );

    app.post(
      '/session',
      {
        config: { access: access.public() },
        schema: {
          operationId: 'signIn',
          tags: ['session'],
          summary: 'Sign in with a username and password',
          body: signInBody,
          response: { 201: sessionInfo, ...errors },
        },
      },
      async (request, reply) => {
        const token = await auth.signIn(
          request.body.username,
          request.body.password,
          actorOf(request),
        );
        setSessionCookie(reply, token, config.secureCookies);
        const context = await auth.resolveSession(token);
        return reply.code(201).send(await auth.sessionInfo(context!));
      },
    );

    app.get(
      '/session',
      {
        config: { access: access.signedIn() },
        schema: {
          operationId: 'getSession',
          tags: ['session'],
          summary: 'The signed-in person, their role grants and the active grant',
          response: { 200: sessionInfo, 401: problem },
        },
      },
      async (request) => auth.sessionInfo(authOf(request)),
    );

    app.patch(
      '/session',
      {
        config: { access: access.signedIn() },
        schema: {
          operationId: 'switchActiveGrant',
          tags: ['session'],
          summary: 'Choose the active role grant',
          body: switchGrantBody,
          response: { 200: sessionInfo, ...errors },
        },
      },
      async (request) => {
        const context = authOf(request);
        await auth.switchGrant(context, request.body.activeGrantId, actorOf(request));
        const grant = context.grants.find((g) => g.id === request.body.activeGrantId) ?? null;
        return auth.sessionInfo({ ...context, activeGrant: grant });
      },
    );

    app.delete(
      '/session',
      {
        config: { access: access.signedIn() },
        schema: {
          operationId: 'signOut',
          tags: ['session'],
          summary: 'Sign out',
          response: { 204: z.null(), 401: problem, 403: problem },
        },
      },
      async (request, reply) => {
        await auth.signOut(authOf(request), actorOf(request));
        clearSessionCookie(reply, config.secureCookies);
        return reply.code(204).send(null);
      },
    );
  };
