import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '@pvi/contracts';
import {
  AppError,
  httpStatusOf,
  titleOf,
  type AppErrorCode,
  type InvalidParam,
} from '../errors.ts';

export function sendProblem(
  reply: FastifyReply,
  code: AppErrorCode,
  detail: string,
  invalidParams?: InvalidParam[],
) {
  const status = httpStatusOf(code);
  const body: Problem = {
    type: `https://pvi.politie.invalid/problems/${code.replace(/_/g, '-')}`,
    title: titleOf(code),
    status,
    detail,
    instance: reply.request.url.split('?')[0],
    code,
    ...(invalidParams ? { invalidParams } : {}),
  };
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
}

function invalidParamsFrom(error: FastifyError): InvalidParam[] {
  const issues = (error.validation ?? []) as ValidationIssue[];
  const where = error.validationContext ?? 'body';
  return issues.map((issue) => {
    const path = (issue.instancePath ?? '').split('/').filter(Boolean);
    return {
      name: path.length ? path.join('.') : where,
      code: issue.keyword ?? 'invalid',
      reason: issue.message ?? 'Invalid value.',
    };
  });
}

interface SafeParser {
  safeParse: (value: unknown) => {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; code: string; message: string }[] };
  };
}
const isParser = (value: unknown): value is SafeParser =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { safeParse?: unknown }).safeParse === 'function';

/**
 * Fastify stops at the first request part that fails validation; the NL API rules want every
 * invalid field at once, so on failure the other parts are checked too.
 */
function otherInvalidParts(request: FastifyRequest, failed: string | undefined): InvalidParam[] {
  const schema = request.routeOptions.schema as Record<string, unknown> | undefined;
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['headers', request.headers],
    ['body', request.body],
  ];
  const out: InvalidParam[] = [];
  for (const [part, value] of parts) {
    const parser = schema?.[part];
    if (part === failed || !isParser(parser)) continue;
    const result = parser.safeParse(value);
    for (const issue of result.error?.issues ?? []) {
      out.push({
        name: issue.path.length ? issue.path.map(String).join('.') : part,
        code: issue.code,
        reason: issue.message,
      });
    }
  }
  return out;
}

/** One place maps every error to RFC 9457 problem details; nothing else leaks. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds)
        reply.header('Retry-After', String(error.extra.retryAfterSeconds));
      return sendProblem(reply, error.code, error.message, error.extra.invalidParams);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const params = [
        ...invalidParamsFrom(error),
        ...otherInvalidParts(request, error.validationContext),
      ];
      return sendProblem(
        reply,
        'validation_failed',
        `${params.length} field(s) are not valid.`,
        params,
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, 'bad_request', 'Send application/json.');
    }
    if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return sendProblem(reply, 'bad_request', 'The request body is not valid JSON.');
    }
    if (error.statusCode === 413)
      return sendProblem(reply, 'bad_request', 'The request body is too large.');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, 'bad_request', 'The request could not be read.');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      'internal',
      'Something went wrong on our side. The request id is in the X-Request-Id header.',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 'not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`),
  );
}
