/** The one error vocabulary of the API; mapped to HTTP in `plugins/problem.ts`. */
export type AppErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'invalid_credentials'
  | 'service_unavailable'
  | 'internal';

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: { invalidParams?: InvalidParam[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  switch (code) {
    case 'bad_request':
    case 'validation_failed':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'forbidden':
    case 'csrf_failed':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'too_many_requests':
      return 429;
    case 'service_unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

export function titleOf(code: AppErrorCode): string {
  switch (code) {
    case 'bad_request':
      return 'Bad request';
    case 'validation_failed':
      return 'Invalid input';
    case 'unauthenticated':
      return 'Sign-in required';
    case 'invalid_credentials':
      return 'Sign-in failed';
    case 'forbidden':
      return 'Not allowed';
    case 'csrf_failed':
      return 'Cross-site request refused';
    case 'not_found':
      return 'Not found';
    case 'conflict':
      return 'Conflict';
    case 'too_many_requests':
      return 'Too many requests';
    case 'service_unavailable':
      return 'Service unavailable';
    case 'internal':
      return 'Internal server error';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** 400 with every field's problem (`invalidParams`). */
export const invalid = (params: InvalidParam[]) =>
  new AppError('validation_failed', `${params.length} field(s) are not valid.`, {
    invalidParams: params,
  });
