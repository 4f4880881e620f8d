import type { OpenAPIV3_1 } from 'openapi-types';
import type { AccessRule } from '../access.ts';

const VERBS: Record<string, string> = {
  get: 'get',
  post: 'create',
  put: 'replace',
  patch: 'update',
  delete: 'delete',
};

const pascal = (segment: string) =>
  segment
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** `GET /api/v1/teams/{id}/members` → `listTeamMembers`-style ids, stable as paths are. */
export function operationIdFor(method: string, path: string): string {
  const segments = path
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  const names = segments.filter((s) => !s.startsWith('{')).map(pascal);
  const byId = last.startsWith('{');
  let verb = VERBS[method] ?? method;
  if (method === 'get' && !byId) verb = 'list';
  return verb + (names.join('') || 'Root') + (byId && segments.length > 2 ? 'ById' : '');
}

/** Says in the documentation who may call an operation, from the route's own access rule. */
export function describeAccess(rule: AccessRule | undefined): string {
  if (!rule) return '';
  switch (rule.kind) {
    case 'public':
      return 'Access: public, no sign-in.';
    case 'signedIn':
      return 'Access: any signed-in person.';
    case 'roles': {
      const scope = !rule.scope
        ? 'results limited to the scope of the active role grant where they concern people'
        : rule.scope.kind === 'national'
          ? 'the active grant must have national scope'
          : `the ${rule.scope.kind} named by {${rule.scope.param}} must lie within the scope of the active grant`;
      const purpose = rule.purposeRequired
        ? ' Send the reason for this read in the X-Purpose header; it is written to the audit trail.'
        : '';
      return `Access: active role ${rule.roles.join(', ')}; ${scope}.${purpose}`;
    }
  }
}

const internalError: OpenAPIV3_1.ResponseObject = {
  description: 'Unexpected error (no details are disclosed; quote the X-Request-Id)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/**
 * Finishes the generated document: operation ids, and every error response documented as
 * `application/problem+json` (RFC 9457), which is what the error handler sends.
 */
export function finishOpenApi(doc: OpenAPIV3_1.Document): OpenAPIV3_1.Document {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(VERBS)) {
      const operation = (item as Record<string, OpenAPIV3_1.OperationObject | undefined>)[method];
      if (!operation) continue;
      operation.operationId ??= operationIdFor(method, path);
      operation.responses ??= {};
      // Every route can fail unexpectedly; the error handler answers 500 problem+json.
      operation.responses['500'] ??= internalError;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const r = response as OpenAPIV3_1.ResponseObject;
        if (Number(status) < 400 || !r.content) continue;
        const schema = Object.values(r.content)[0]?.schema;
        r.content = { 'application/problem+json': schema ? { schema } : {} };
      }
    }
  }
  pruneUnusedSchemas(doc);
  return doc;
}

/** The zod provider registers input and output variants of every named schema; keep the used ones. */
function pruneUnusedSchemas(doc: OpenAPIV3_1.Document) {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const refs = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/#\/components\/schemas\/([\w.-]+)/g)].map((m) => m[1]!);
  const used = new Set<string>();
  const queue = refs(doc.paths);
  while (queue.length) {
    const name = queue.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    queue.push(...refs(schemas[name]));
  }
  doc.components!.schemas = Object.fromEntries(
    Object.entries(schemas).filter(([name]) => used.has(name)),
  );
}
