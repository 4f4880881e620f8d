import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  followUpEvent,
  followUpTeamParams,
  problem,
  reflectionFigures,
  reflectionFiguresQuery,
  reflectionSession,
  reflectionSessionInput,
  reflectionSessionParams,
  reflectionSessionUpdate,
} from '@pvi/contracts';
import { access, type Location } from '../../access.ts';
import { actorOf } from '../../plugins/auth.ts';
import { FOLLOW_UP_EDITORS, FOLLOW_UP_READERS, teamScopeFirst } from './followup.access.ts';
import type { ReflectionService } from './reflection.service.ts';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };
const team = { scope: { kind: 'team', param: 'teamId' } } as const;
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const reflectionRoutes =
  (deps: {
    reflection: ReflectionService;
    locate: (kind: 'team', id: string) => Promise<Location | null>;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const { reflection } = deps;
    const scopeFirst = teamScopeFirst(deps.locate);
    const read = {
      config: { access: access.roles(FOLLOW_UP_READERS, team) },
      preValidation: scopeFirst,
    };
    const edit = {
      config: { access: access.roles(FOLLOW_UP_EDITORS, team) },
      preValidation: scopeFirst,
    };

    app.get(
      '/teams/:teamId/reflection/figures',
      {
        ...read,
        schema: {
          operationId: 'getTeamReflectionFigures',
          tags: ['controls-follow-up'],
          summary: 'The team’s control figures for a reflection session (aggregates only)',
          description:
            'From the controls analysis for the team: registration quality (legal basis, reason text, explained) and hit rates overall, by selection reason and by legal basis, each with its Wilson 95 % interval; figures about fewer than 5 controls are suppressed; officers are never named. Audited as a read of the analysis.',
          params: followUpTeamParams,
          querystring: reflectionFiguresQuery,
          response: { 200: reflectionFigures, ...errors },
        },
      },
      async (request) => reflection.figures(actorOf(request), request.params.teamId, request.query),
    );

    app.get(
      '/teams/:teamId/reflection/sessions',
      {
        ...read,
        schema: {
          operationId: 'listReflectionSessions',
          tags: ['controls-follow-up'],
          summary: 'The team’s reflection sessions, newest first',
          params: followUpTeamParams,
          response: { 200: items(reflectionSession), ...errors },
        },
      },
      async (request) => ({
        items: await reflection.list(actorOf(request), request.params.teamId),
      }),
    );
    app.post(
      '/teams/:teamId/reflection/sessions',
      {
        ...edit,
        schema: {
          operationId: 'createReflectionSession',
          tags: ['controls-follow-up'],
          summary: 'Record a reflection session: date, participants, agreed actions',
          description:
            'Refused field by field (400) when the date lies in the future, the participants outnumber the team in that year, or the period of the figures ends before it starts or after the session.',
          params: followUpTeamParams,
          body: reflectionSessionInput,
          response: { 201: reflectionSession, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await reflection.create(actorOf(request), request.params.teamId, request.body)),
    );
    app.get(
      '/teams/:teamId/reflection/sessions/:sessionId',
      {
        ...read,
        schema: {
          operationId: 'getReflectionSession',
          tags: ['controls-follow-up'],
          summary: 'A reflection session',
          params: reflectionSessionParams,
          response: { 200: reflectionSession, ...errors },
        },
      },
      async (request) =>
        reflection.get(actorOf(request), request.params.teamId, request.params.sessionId),
    );
    app.patch(
      '/teams/:teamId/reflection/sessions/:sessionId',
      {
        ...edit,
        schema: {
          operationId: 'updateReflectionSession',
          tags: ['controls-follow-up'],
          summary: 'Change a reflection session (kept in its history)',
          description: 'Send the version you read to be refused (409) when it changed since.',
          params: reflectionSessionParams,
          body: reflectionSessionUpdate,
          response: { 200: reflectionSession, ...errors, 409: problem },
        },
      },
      async (request) =>
        reflection.update(
          actorOf(request),
          request.params.teamId,
          request.params.sessionId,
          request.body,
        ),
    );
    app.get(
      '/teams/:teamId/reflection/sessions/:sessionId/history',
      {
        ...read,
        schema: {
          operationId: 'listReflectionSessionHistory',
          tags: ['controls-follow-up'],
          summary: 'Every change to a reflection session, oldest first (append-only)',
          params: reflectionSessionParams,
          response: { 200: items(followUpEvent), ...errors },
        },
      },
      async (request) => ({
        items: await reflection.history(
          actorOf(request),
          request.params.teamId,
          request.params.sessionId,
        ),
      }),
    );
  };
