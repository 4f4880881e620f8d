import type { Problem, SessionInfo } from '@pvi/contracts';

/** An answer that was not 2xx, with the server's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
  /** Field errors keyed by field name, for showing beside the fields. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem?.invalidParams ?? []).map((p) => [p.name, p.reason]));
  }
}

let csrfToken: string | null = null;
export const rememberSession = (session: SessionInfo | null) => {
  csrfToken = session?.csrfToken ?? null;
};

/** Called when the server says the session is gone; set by the router. */
let onUnauthenticated: (() => void) | null = null;
export const setUnauthenticatedHandler = (handler: () => void) => {
  onUnauthenticated = handler;
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  purpose?: string;
  /** Do not treat 401 as an expired session (the sign-in call itself). */
  quiet401?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.purpose) headers['x-purpose'] = options.purpose;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return answer<T>(response, options.quiet401 ?? false);
}

/** Sends a file as the raw request body (e.g. `text/csv`), with the session's CSRF token. */
export async function apiUpload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': contentType,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: file,
  });
  return answer<T>(response, false);
}

async function answer<T>(response: Response, quiet401: boolean): Promise<T> {
  if (response.status === 204) return undefined as T;
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  const payload: unknown = isJson ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401 && !quiet401) onUnauthenticated?.();
    throw new ApiError(response.status, isJson ? (payload as Problem) : null);
  }
  return payload as T;
}
