import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '@pvi/db';
import { API_VERSION } from '@pvi/contracts';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { AppConfig } from './config.ts';
import { describeAccess, finishOpenApi } from './http/openapi.ts';
import { access } from './access.ts';
import { registerProblemHandlers } from './plugins/problem.ts';
import { registerHeaders } from './plugins/headers.ts';
import { registerAuth } from './plugins/auth.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { sessionRoutes } from './modules/auth/session.routes.ts';
import { accountRoutes } from './modules/auth/accounts.routes.ts';
import { createAccountsService } from './modules/auth/accounts.service.ts';
import { oidcRoutes } from './modules/auth/oidc.routes.ts';
import { createOrgService } from './modules/org/org.service.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { registerWeb } from './plugins/web.ts';

export interface BuildOptions {
  config: AppConfig;
  database: DatabaseHandle;
  /** Pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  now?: () => Date;
  /** The built web app (default apps/web/dist); without it `/` is a plain page. */
  webRoot?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export function createServices(options: Pick<BuildOptions, 'config' | 'database' | 'now'>) {
  const db = options.database.db;
  const audit = createAuditService(db);
  const org = createOrgService({ db, audit });
  const auth = createAuthService({ db, config: options.config, audit, org, now: options.now });
  const accounts = createAccountsService({ db, audit, auth, org });
  return { audit, org, auth, accounts };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers.authorization',
                'req.headers["x-csrf-token"]',
                'res.headers["set-cookie"]',
                '*.password',
                '*.email',
              ],
              censor: '[redacted]',
            },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.PVI_TRUST_PROXY === '1',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerHeaders(app, { secure: config.secureCookies });
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PvI platform API',
        description:
          'API of the PvI platform for Politie voor Iedereen. Errors are application/problem+json (RFC 9457).',
        version: API_VERSION,
        contact: { name: 'PvI platform team', email: 'pvi-platform@politie.invalid' },
        license: {
          name: 'EUPL-1.2',
          url: 'https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
        },
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'session', description: 'Signing in and out' },
        { name: 'org', description: 'Units, districts, teams and people' },
        { name: 'audit', description: 'The audit trail' },
        { name: 'accounts', description: 'Accounts and role grants (administration)' },
      ],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pvi_session' } },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const schema = out.schema as { description?: string };
      const rule = describeAccess(input.route.config?.access);
      return {
        ...out,
        schema: {
          ...out.schema,
          description: [schema.description, rule].filter(Boolean).join('\n\n'),
        },
      };
    },
    transformObject: (documentObject) =>
      finishOpenApi(
        jsonSchemaTransformObject(documentObject) as OpenAPIV3_1.Document,
      ) as ReturnType<typeof jsonSchemaTransformObject>,
  });

  const services = createServices(options);
  registerAuth(app, { auth: services.auth, locate: services.org.locate });

  await app.register(
    async (api) => {
      await api.register(healthRoutes(options.database.db));
      await api.register(sessionRoutes({ auth: services.auth, config }));
      await api.register(
        oidcRoutes({
          auth: services.auth,
          config,
          db: options.database.db,
          org: services.org,
          audit: services.audit,
        }),
      );
      await api.register(orgRoutes(services.org));
      await api.register(auditRoutes(services.audit));
      await api.register(accountRoutes({ accounts: services.accounts, auth: services.auth }));
      api.get(
        '/openapi.json',
        { config: { access: access.public() }, schema: { hide: true } },
        async () => app.swagger(),
      );
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app, options.webRoot);
  return app;
}
