import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountListQuery,
  accountSummary,
  createAccountBody,
  grant,
  grantBody,
  idParams,
  pageOf,
  problem,
  updateAccountBody,
  uuid,
} from '@pvi/contracts';
import { access } from '../../access.ts';
import { actorOf } from '../../plugins/auth.ts';
import { withPageLinks } from '../../http/pagination.ts';
import type { AccountsService } from './accounts.service.ts';
import type { AuthService } from './auth.service.ts';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
// Account administration is installation-wide: a beheerder with national scope.
const admin = { access: access.roles(['beheerder'], { scope: { kind: 'national' } }) };

export const accountRoutes =
  (deps: { accounts: AccountsService; auth: AuthService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { accounts, auth } = deps;
    app.get(
      '/accounts',
      {
        config: admin,
        schema: {
          operationId: 'listAccounts',
          tags: ['accounts'],
          summary: 'List accounts with their role grants',
          querystring: accountListQuery,
          response: { 200: pageOf(accountSummary), ...errors },
        },
      },
      async (request, reply) => withPageLinks(request, reply, await accounts.list(request.query)),
    );
    app.post(
      '/accounts',
      {
        config: admin,
        schema: {
          operationId: 'createAccount',
          tags: ['accounts'],
          summary: 'Create a local account',
          body: createAccountBody,
          response: { 201: accountSummary, ...errors },
        },
      },
      async (request, reply) => {
        const created = await auth.createLocalAccount(request.body, actorOf(request));
        return reply.code(201).send(await accounts.getAccount(created.id));
      },
    );
    app.get(
      '/accounts/:id',
      {
        config: admin,
        schema: {
          operationId: 'getAccount',
          tags: ['accounts'],
          summary: 'Read an account',
          params: idParams,
          response: { 200: accountSummary, ...errors },
        },
      },
      async (request) => accounts.getAccount(request.params.id),
    );
    app.patch(
      '/accounts/:id',
      {
        config: admin,
        schema: {
          operationId: 'updateAccount',
          tags: ['accounts'],
          summary: 'Disable or enable an account',
          params: idParams,
          body: updateAccountBody,
          response: { 200: accountSummary, ...errors },
        },
      },
      async (request) =>
        accounts.setDisabled(request.params.id, request.body.disabled, actorOf(request)),
    );
    app.post(
      '/accounts/:id/grants',
      {
        config: admin,
        schema: {
          operationId: 'grantRole',
          tags: ['accounts'],
          summary: 'Grant a role with a scope',
          params: idParams,
          body: grantBody,
          response: { 201: grant, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await accounts.addGrant(request.params.id, request.body, actorOf(request))),
    );
    app.delete(
      '/accounts/:id/grants/:grantId',
      {
        config: admin,
        schema: {
          operationId: 'revokeRole',
          tags: ['accounts'],
          summary: 'Revoke a role grant',
          params: z.object({ id: uuid, grantId: uuid }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await accounts.removeGrant(request.params.id, request.params.grantId, actorOf(request));
        return reply.code(204).send(null);
      },
    );
  };
