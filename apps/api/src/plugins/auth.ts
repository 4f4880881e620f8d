import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { grantCovers, type AccessRule } from '../access.ts';
import type { AuthContext, AuthService } from '../modules/auth/auth.service.ts';
import type { Actor } from '../modules/audit/audit.service.ts';
import type { Location, ScopeTarget } from '../access.ts';

export const SESSION_COOKIE = 'pvi_session';
export const CSRF_HEADER = 'x-csrf-token';
export const PURPOSE_HEADER = 'x-purpose';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access rule, for the deny-by-default test and docs. */
    accessRegistry: { method: string; url: string; access: AccessRule }[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function actorOf(request: FastifyRequest): Actor {
  const purpose = request.headers[PURPOSE_HEADER];
  return {
    requestId: request.id,
    accountId: request.auth?.accountId ?? null,
    personId: request.auth?.personId ?? null,
    role: request.auth?.activeGrant?.role ?? null,
    purpose: typeof purpose === 'string' && purpose.trim() ? purpose.trim().slice(0, 200) : null,
  };
}

/** The signed-in context of a route whose access rule guarantees a session. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first.');
  return request.auth;
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * Loads the session, then enforces each route's declared access rule:
 * 401 without a session, 403 for a role or scope the active grant lacks.
 */
export function registerAuth(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    locate: (
      kind: Exclude<ScopeTarget['kind'], 'national'>,
      id: string,
    ) => Promise<Location | null>;
  },
) {
  app.decorateRequest('auth', null);
  app.decorate('accessRegistry', []);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no access rule (config.access).`,
      );
    }
    if (access.kind === 'roles' && route.url.includes(':') && !access.scope && !access.unscoped) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} names a record but declares no scope (or unscoped: true).`,
      );
    }
    for (const method of methods) app.accessRegistry.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    // NL API rule: no trailing slashes, and never a redirect; `/teams/` must not match `/teams/:id`.
    const path = request.url.split('?')[0]!;
    if (path.length > 1 && path.endsWith('/'))
      throw new AppError('not_found', `There is no ${request.method} ${path}.`);
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await deps.auth.resolveSession(token) : null;
  });

  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule) return; // the not-found handler
    if (UNSAFE.has(request.method) && !sameOrigin(request)) {
      throw new AppError('csrf_failed', 'The request came from another site.');
    }
    if (rule.kind === 'public') return;
    const auth = request.auth;
    if (!auth) throw new AppError('unauthenticated', 'Sign in first.');
    if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new AppError(
        'csrf_failed',
        `Send the session's CSRF token in the ${CSRF_HEADER} header.`,
      );
    }
    if (rule.kind === 'signedIn') return;
    const grant = auth.activeGrant;
    if (!grant || !rule.roles.includes(grant.role)) {
      throw new AppError('forbidden', 'Your active role may not do this.');
    }
    if (rule.scope?.kind === 'national' && grant.scopeType !== 'national') {
      throw new AppError('forbidden', 'This needs a role with national scope.');
    }
    if (rule.purposeRequired && !actorOf(request).purpose) {
      throw new AppError('validation_failed', 'Say why you need this record.', {
        invalidParams: [
          { name: PURPOSE_HEADER, code: 'required', reason: 'State the purpose of this read.' },
        ],
      });
    }
  });

  // Scope is checked after validation, so the id in the path is known to be well-formed.
  app.addHook('preHandler', async (request) => {
    const rule = request.routeOptions.config.access;
    if (rule?.kind !== 'roles' || !rule.scope) return;
    const grant = request.auth?.activeGrant;
    if (!grant) throw new AppError('forbidden', 'Your active role may not do this.');
    if (rule.scope.kind === 'national') return; // checked before validation
    const id = (request.params as Record<string, string>)[rule.scope.param];
    if (!id)
      throw new Error(
        `Route ${request.routeOptions.url} has no :${rule.scope.param} for its scope rule.`,
      );
    if (grant.scopeType === 'national') return;
    const location = await deps.locate(rule.scope.kind, id);
    if (!location) throw new AppError('not_found', `The ${rule.scope.kind} was not found.`);
    if (!grantCovers(grant, location)) {
      throw new AppError(
        'forbidden',
        `This ${rule.scope.kind} is outside the scope of your active role.`,
      );
    }
  });
}
