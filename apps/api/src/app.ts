import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifySchema } from 'fastify';
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
import { defaultDisclosureRules } from '@pvi/disclosure';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { AppConfig } from './config.ts';
import { describeAccess, finishOpenApi } from './http/openapi.ts';
import { access, type AccessRule } from './access.ts';
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
import { createOrgImportService } from './modules/org/import/org-import.service.ts';
import { createImportJobsService } from './modules/imports/imports.service.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createControlsService } from './modules/controls/controls.service.ts';
import { controlRoutes } from './modules/controls/controls.routes.ts';
import { createControlAnalysisService } from './modules/controls/analysis/analysis.service.ts';
import { controlAnalysisRoutes } from './modules/controls/analysis/analysis.routes.ts';
import { cbsRoutes } from './modules/controls/cbs/cbs.routes.ts';
import { createCbsService } from './modules/controls/cbs/cbs.service.ts';
import { createControlImportService } from './modules/controls/import/controls-import.service.ts';
import { registerWeb } from './plugins/web.ts';
import { createMailService } from './modules/mail/mail.service.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { createWavesService } from './modules/teams/waves.service.ts';
import { createRespondService } from './modules/teams/respond.service.ts';
import { surveyRoutes } from './modules/teams/survey.routes.ts';
import { createReportService } from './modules/teams/report.service.ts';
import { createSurveyDemoService } from './modules/teams/survey-demo.service.ts';
import { createHistoryImportService } from './modules/teams/history-import.service.ts';
import { createRiskService } from './modules/teams/risks.service.ts';
import { createPlansService } from './modules/teams/plans.service.ts';
import { createAttentionService } from './modules/teams/attention.service.ts';
import { createHrIndicatorsService } from './modules/teams/hr-indicators.service.ts';
import { planRoutes } from './modules/teams/plans.routes.ts';
import { createReflectionService } from './modules/controls-followup/reflection.service.ts';
import { createCoverageService } from './modules/controls-followup/coverage.service.ts';
import { reflectionRoutes } from './modules/controls-followup/reflection.routes.ts';
import { coverageRoutes } from './modules/controls-followup/coverage.routes.ts';

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

/** What a route's declaration tells the OpenAPI document beyond its own schema. */
interface RouteFacts {
  access: AccessRule | undefined;
  takesInput: boolean;
}

/** Whether the route validates any input (so can answer 400); a route may have no schema at all. */
const takesInput = (schema: FastifySchema | undefined) =>
  [schema?.querystring, schema?.params, schema?.body, schema?.headers].some((p) => p !== undefined);

const header = (
  description: string,
  schema: NonNullable<OpenAPIV3_1.HeaderObject['schema']>,
  required = true,
): OpenAPIV3_1.HeaderObject => ({
  description,
  required,
  schema,
});
const HEADERS: Record<string, OpenAPIV3_1.HeaderObject> = {
  'API-Version': header('The full version of the API (semver); on every response.', {
    type: 'string',
    enum: [API_VERSION],
  }),
  'X-Request-Id': header(
    'The id of this request: the X-Request-Id the client sent when it is 8 to 100 of [A-Za-z0-9._-], else a new UUID. Quote it when reporting a problem.',
    { type: 'string' },
  ),
  Link: header('RFC 8288 links to the first, prev, next and last page.', { type: 'string' }),
  'X-Total-Count': header('The number of items on all pages together.', { type: 'integer' }),
  'Retry-After': header('Seconds to wait before trying again.', { type: 'integer' }, false),
};
const headerRef = (name: string): OpenAPIV3_1.ReferenceObject => ({
  $ref: `#/components/headers/${name}`,
});

const DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'Done; no content',
  '302': 'Redirect; see the Location header',
  '400': 'Invalid request; a problem with every invalid field in invalidParams',
  '401': 'Sign-in required: no valid session',
  '403': 'Not allowed: the active role or its scope, or a cross-site or CSRF check, refused it',
  '404': 'Not found',
  '409': 'Conflicts with the current state',
  '429': 'Too many attempts; see Retry-After',
  '503': 'Service unavailable',
};

const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Documents what the framework adds to every route, from the route's own declaration: the
 * errors the access check, CSRF check and validation can answer (problem+json), the security
 * requirement, and the response headers (API-Version, X-Request-Id; Link on paginated lists).
 */
function documentConventions(
  doc: OpenAPIV3_1.Document,
  facts: Map<string, RouteFacts>,
): OpenAPIV3_1.Document {
  doc.components = { ...doc.components, headers: HEADERS };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item?.[method];
      if (!operation) continue;
      const fact = facts.get(`${method} ${path}`);
      const rule = fact?.access;
      const unsafe = UNSAFE_METHODS.has(method);
      // finishOpenApi has made every error a ResponseObject (no $ref).
      const responses = operation.responses as Record<string, OpenAPIV3_1.ResponseObject>;
      const problemFor = (status: string) => {
        responses[status] ??= {
          description: DESCRIPTIONS[status] ?? 'Error',
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        };
      };
      // Validation (and, for unsafe methods, the JSON body parser) answers 400.
      if (fact?.takesInput || unsafe) problemFor('400');
      if (rule && rule.kind !== 'public') {
        problemFor('401');
        operation.security = [unsafe ? { session: [], csrf: [] } : { session: [] }];
      }
      // Roles and scopes, and the same-origin and CSRF checks on unsafe methods, answer 403.
      if (rule?.kind === 'roles' || unsafe) problemFor('403');
      if (rule?.kind === 'roles' && rule.scope && rule.scope.kind !== 'national') problemFor('404');

      const paginated = (operation.parameters ?? []).some(
        (p) => 'in' in p && p.in === 'query' && p.name === 'page',
      );
      for (const [status, response] of Object.entries(responses)) {
        if (response.description === 'Default Response')
          response.description = DESCRIPTIONS[status] ?? response.description;
        const names = ['API-Version', 'X-Request-Id'];
        if (paginated && status === '200') names.push('Link', 'X-Total-Count');
        if (status === '429') names.push('Retry-After');
        response.headers = {
          ...response.headers,
          ...Object.fromEntries(names.map((name) => [name, headerRef(name)])),
        };
      }
    }
  }
  return doc;
}

export function createServices(options: Pick<BuildOptions, 'config' | 'database' | 'now'>) {
  const db = options.database.db;
  const audit = createAuditService(db);
  const org = createOrgService({ db, audit });
  const auth = createAuthService({ db, config: options.config, audit, org, now: options.now });
  const accounts = createAccountsService({ db, audit, auth, org });
  const controls = createControlsService({
    db,
    audit,
    pseudonymKeys: options.config.pseudonymKeys,
    cbsLinkKeys: options.config.cbsLinkKeys,
    now: options.now,
  });
  const controlImport = createControlImportService({ database: options.database, audit });
  const controlAnalysis = createControlAnalysisService({ db, audit, now: options.now });
  const cbs = createCbsService({
    db,
    audit,
    cbsLinkKeys: options.config.cbsLinkKeys,
    minCell: options.config.cbsMinCell,
  });
  const mail = createMailService({
    db,
    audit,
    smtpUrl: options.config.smtpUrl,
    from: options.config.mailFrom,
  });
  const reports = createReportService({ db, audit });
  const waves = createWavesService({
    db,
    audit,
    mail,
    publicUrl: options.config.publicUrl,
    defaultRules: {
      ...defaultDisclosureRules,
      minGroupSize: options.config.surveyMinGroupSize,
      minOpenAnswerGroupSize: options.config.surveyMinOpenAnswerGroupSize,
    },
    computeReports: reports.compute,
    now: options.now,
  });
  const respond = createRespondService({ db, now: options.now });
  const surveyDemo = createSurveyDemoService({
    db,
    audit,
    rules: { ...defaultDisclosureRules, minGroupSize: options.config.surveyMinGroupSize },
    computeReports: reports.compute,
  });
  const surveyHistory = createHistoryImportService({
    db,
    audit,
    rules: { ...defaultDisclosureRules, minGroupSize: options.config.surveyMinGroupSize },
    computeReports: reports.compute,
  });
  const risks = createRiskService({ db, audit });
  const plans = createPlansService({ db, audit, risks, now: options.now });
  const attention = createAttentionService({
    db,
    audit,
    risks,
    rules: { ...defaultDisclosureRules, minGroupSize: options.config.surveyMinGroupSize },
  });
  const hrIndicators = createHrIndicatorsService({ db, audit, now: options.now });
  const reflection = createReflectionService({
    db,
    audit,
    analysis: controlAnalysis,
    now: options.now,
  });
  const coverage = createCoverageService({ db, audit, now: options.now });
  return {
    audit,
    org,
    auth,
    accounts,
    mail,
    waves,
    respond,
    reports,
    surveyDemo,
    surveyHistory,
    risks,
    plans,
    attention,
    hrIndicators,
    controls,
    controlImport,
    controlAnalysis,
    cbs,
    reflection,
    coverage,
  };
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

  /** Filled by the swagger `transform` (route by route), read by `transformObject`. */
  const routeFacts = new Map<string, RouteFacts>();

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
        { name: 'survey', description: 'Team monitor: waves, answering, reports (pillar 1)' },
        { name: 'mail', description: 'Outgoing mail (administration)' },
        {
          name: 'plans',
          description:
            'Team monitor: risk flags, plans of approach, teams that need attention (pillar 1)',
        },
        { name: 'hr-indicators', description: 'Monthly HR indicators per team (import)' },
        { name: 'accounts', description: 'Accounts and role grants (administration)' },
        {
          name: 'imports',
          description: 'CSV imports of the organisation, people and controls (administration)',
        },
        {
          name: 'controls',
          description: 'Professional controls: registration, reading, export; CBS areas',
        },
        {
          name: 'controls-follow-up',
          description:
            'Professional controls, follow-up: team reflection sessions, training and outreach coverage',
        },
      ],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'pvi_session',
            description: 'The HttpOnly session cookie set by POST /api/v1/session.',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              'The csrfToken of the session (in the body of POST and GET /api/v1/session); required with the session cookie on POST, PUT, PATCH and DELETE.',
          },
        },
      },
    },
    transform: (input) => {
      const facts: RouteFacts = {
        access: input.route.config?.access,
        takesInput: takesInput(input.schema),
      };
      const path = input.url.replace(/:(\w+)/g, '{$1}');
      for (const method of [input.route.method].flat())
        routeFacts.set(`${method.toLowerCase()} ${path}`, facts);
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
      documentConventions(
        finishOpenApi(jsonSchemaTransformObject(documentObject) as OpenAPIV3_1.Document),
        routeFacts,
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
      await api.register(mailRoutes(services.mail));
      await api.register(
        surveyRoutes({
          waves: services.waves,
          respond: services.respond,
          reports: services.reports,
          history: services.surveyHistory,
        }),
      );
      await api.register(
        planRoutes({
          risks: services.risks,
          plans: services.plans,
          attention: services.attention,
          hr: services.hrIndicators,
          locate: services.org.locate,
        }),
      );
      await api.register(accountRoutes({ accounts: services.accounts, auth: services.auth }));
      await api.register(
        importRoutes(
          createImportJobsService({
            db: options.database.db,
            audit: services.audit,
            orgImport: createOrgImportService({ db: options.database.db, audit: services.audit }),
            controlImport: services.controlImport,
            log: app.log,
          }),
        ),
      );
      await api.register(controlRoutes(services.controls));
      await api.register(controlAnalysisRoutes(services.controlAnalysis));
      await api.register(cbsRoutes(services.cbs));
      const locate = services.org.locate;
      await api.register(reflectionRoutes({ reflection: services.reflection, locate }));
      await api.register(coverageRoutes({ coverage: services.coverage, locate }));
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
