import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '@pvi/contracts';
import { teams } from '@pvi/db';
import { buildApp, createServices } from '../src/app.ts';
import { access } from '../src/access.ts';
import { registerAuth } from '../src/plugins/auth.ts';
import { createTestApp, createTestDatabase, testConfig, type TestApp } from './harness.ts';
import { buildOrg, signInAs, type OrgFixture, type Session } from './factories.ts';

/**
 * The NL API Design Rules as this API applies them (see docs/api.md), checked on the running app.
 * The walk over the committed OpenAPI document covers new operations without touching this file.
 */

interface Operation {
  operationId: string;
  responses: Record<string, unknown>;
}
interface OpenApiDocument {
  info: { version: string };
  paths: Record<string, Partial<Record<Method, Operation>>>;
}
type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'put', 'post', 'patch', 'delete'];

const committed = JSON.parse(
  readFileSync(fileURLToPath(new URL('../openapi.json', import.meta.url)), 'utf8'),
) as OpenApiDocument;
const operations = Object.entries(committed.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => {
    const operation = item[method];
    return operation ? [{ path, method, operation }] : [];
  }),
);

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const SAME_NAME = 'Gelijknamig team conventies';

let t: TestApp;
let org: OrgFixture;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t.database.db, 'Conventies');
  await buildOrg(t.database.db, 'Conventies2');
  // Three teams with one name: only the id tie-break keeps their order stable across pages.
  await t.database.db.insert(teams).values(
    ['A', 'B', 'C'].map((suffix) => ({
      code: `SAME-${suffix}-${org.teamId.slice(0, 8)}`,
      name: SAME_NAME,
      kind: 'basisteam' as const,
      unitId: org.unitId,
      districtId: org.districtId,
    })),
  );
  admin = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

function expectApiHeaders(res: LightMyRequestResponse, what: string) {
  expect(res.headers['api-version'], what).toBe(committed.info.version);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['content-security-policy'], what).toMatch(/default-src 'self'/);
  expect(res.headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
  expect(res.headers['cache-control'], what).toBe('no-store');
  expect(res.headers['x-request-id'], what).toBeTruthy();
}

/** An RFC 9457 problem with the members we promise, and nothing from the inside. */
function expectProblem(res: LightMyRequestResponse, status: number, what = '') {
  expect(res.statusCode, `${what} ${res.body}`).toBe(status);
  expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
  expect(res.headers.location, what).toBeUndefined();
  const body = res.json<Record<string, unknown>>();
  expect(body, what).toMatchObject({
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(res.body, what).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|stack|select .+ from/i);
  return body;
}

function invalidNames(res: LightMyRequestResponse): string[] {
  const body = expectProblem(res, 400);
  const params = body.invalidParams as { name: string; reason: string }[];
  for (const p of params) expect(p.reason).toEqual(expect.stringMatching(/\S/));
  return params.map((p) => p.name).sort();
}

/** RFC 8288 Link header → rel → URL. */
function links(res: LightMyRequestResponse): Record<string, string> {
  const header = String(res.headers.link ?? '');
  return Object.fromEntries(
    [...header.matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)].map((m) => [m[2]!, m[1]!]),
  );
}

describe('every operation in the committed document', () => {
  const urlOf = (path: string) => path.replace(/\{\w+\}/g, NO_SUCH_ID);

  it('answers without sign-in with a documented status, the version and security headers', async () => {
    expect(operations.length).toBeGreaterThan(10);
    for (const { path, method, operation } of operations) {
      const what = `${method.toUpperCase()} ${path} (anonymous)`;
      const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url: urlOf(path) });
      expectApiHeaders(res, what);
      expect(Object.keys(operation.responses), `${what} answered ${res.statusCode}`).toContain(
        String(res.statusCode),
      );
      if (res.statusCode >= 400) expectProblem(res, res.statusCode, what);
    }
  });

  it('answers reads of a national beheerder with a documented status and the same headers', async () => {
    for (const { path, operation } of operations.filter((o) => o.method === 'get')) {
      const what = `GET ${path} (beheerder)`;
      const res = await get(urlOf(path), admin.headers);
      expectApiHeaders(res, what);
      expect(Object.keys(operation.responses), `${what} answered ${res.statusCode}`).toContain(
        String(res.statusCode),
      );
      if (res.statusCode >= 400) expectProblem(res, res.statusCode, what);
    }
  });
});

describe('the OpenAPI document', () => {
  it('is served without sign-in and equals the committed apps/api/openapi.json', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(committed);
    expectApiHeaders(res, 'openapi.json');
  });

  it('has the version that every response sends', () => {
    expect(committed.info.version).toBe(API_VERSION);
  });
});

describe('errors are problem details', () => {
  it('answers an unknown path or method with 404', async () => {
    expectApiHeaders(expectProblemRes(await get('/api/v1/no-such-thing'), 404), 'unknown path');
    expectProblem(await t.app.inject({ method: 'PUT', url: '/api/v1/teams' }), 404, 'PUT teams');
    expectProblem(await get('/api/v2/teams', admin.headers), 404, 'other version');
  });

  it('answers a trailing slash with 404, never a redirect', async () => {
    for (const url of ['/api/v1/teams/', '/api/v1/health/', '/api/v1/teams/?page=1']) {
      expectProblem(await get(url), 404, `${url} anonymous`);
      expectProblem(await get(url, admin.headers), 404, `${url} signed in`);
    }
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/session/', payload: {} }),
      404,
      'POST session/',
    );
  });

  it('lists every invalid query parameter of a 400, each with a reason', async () => {
    expect(invalidNames(await get('/api/v1/teams?page=0&pageSize=abc', admin.headers))).toEqual([
      'page',
      'pageSize',
    ]);
  });

  it('lists the invalid fields of every request part together (path and body)', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/accounts/not-a-uuid',
      headers: admin.headers,
      payload: { disabled: 'maybe' },
    });
    expect(invalidNames(res)).toEqual(['disabled', 'id']);
  });

  it('lists every invalid field of a request body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: '', password: 12 },
    });
    expect(invalidNames(res)).toEqual(['password', 'username']);
  });

  it('answers a malformed JSON body, or one that is not JSON, with 400', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a", "password": ',
    });
    expect(expectProblem(malformed, 400).detail).toMatch(/JSON/);
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=a',
    });
    expectProblem(text, 400);
  });

  it('answers an unexpected failure with 500 and discloses nothing of it', async () => {
    const app = await buildApp({ config: testConfig(), database: t.database, logger: false });
    app.get(
      '/api/v1/test-failure',
      { config: { access: access.public() }, schema: { hide: true } },
      async () => {
        throw Object.assign(
          new Error('relation "secret_table" does not exist: select password from secret_table'),
          { code: '42P01' },
        );
      },
    );
    await app.ready();
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/test-failure',
        headers: { 'x-request-id': 'failure-test-0001' },
      });
      const body = expectProblem(res, 500);
      expect(res.body).not.toMatch(/secret_table|password|42P01/);
      expect(body.detail).toMatch(/X-Request-Id/);
      expect(res.headers['x-request-id']).toBe('failure-test-0001');
      expect(res.headers['api-version']).toBe(API_VERSION);
    } finally {
      await app.close();
    }
  });

  it('answers 503 on readiness and 500 on data when the database is gone', async () => {
    const database = await createTestDatabase();
    const config = testConfig();
    const app = await buildApp({ config, database, logger: false });
    await app.ready();
    try {
      const services = createServices({ config, database });
      const who = await signInAs(app, services, 'beheerder', { type: 'national', id: null });
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(
        200,
      );
      await database.drop();
      expectProblem(await app.inject({ method: 'GET', url: '/api/v1/health/ready' }), 503);
      // Liveness does not depend on the database.
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      const teamsRes = await app.inject({
        method: 'GET',
        url: '/api/v1/teams',
        headers: who.headers,
      });
      expectProblem(teamsRes, 500, 'teams without a database');
    } finally {
      await app.close();
    }
  });
});

/** expectProblem, returning the response (for chaining header checks). */
function expectProblemRes(res: LightMyRequestResponse, status: number) {
  expectProblem(res, status);
  return res;
}

describe('request ids', () => {
  it('echoes a valid X-Request-Id and replaces an invalid one with a UUID', async () => {
    const given = await get('/api/v1/health', { 'x-request-id': 'client-req.0001_A' });
    expect(given.headers['x-request-id']).toBe('client-req.0001_A');
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(101), 'semi;colon;id']) {
      const res = await get('/api/v1/health', { 'x-request-id': bad });
      expect(res.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
    const problem = await get('/api/v1/no-such-thing', { 'x-request-id': 'client-req.0002_B' });
    expect(problem.headers['x-request-id']).toBe('client-req.0002_B');
  });
});

describe('pagination', () => {
  const q = encodeURIComponent(SAME_NAME);

  it('sends an RFC 8288 Link header with first, prev, next and last, keeping the filters', async () => {
    const res = await get(`/api/v1/teams?page=2&pageSize=1&q=${q}`, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(res.headers['x-total-count']).toBe('3');
    const rel = links(res);
    expect(Object.keys(rel).sort()).toEqual(['first', 'last', 'next', 'prev']);
    const pageOf = (url: string) => new URL(url, 'http://x').searchParams;
    expect(pageOf(rel.first!).get('page')).toBe('1');
    expect(pageOf(rel.prev!).get('page')).toBe('1');
    expect(pageOf(rel.next!).get('page')).toBe('3');
    expect(pageOf(rel.last!).get('page')).toBe('3');
    for (const url of Object.values(rel)) {
      expect(url).toMatch(/^\/api\/v1\/teams\?/);
      expect(pageOf(url).get('pageSize')).toBe('1');
      expect(pageOf(url).get('q')).toBe(SAME_NAME);
    }
    // The first page has no prev, the last no next.
    expect(links(await get(`/api/v1/teams?page=1&pageSize=1&q=${q}`, admin.headers)).prev).toBe(
      undefined,
    );
    expect(links(await get(`/api/v1/teams?page=3&pageSize=1&q=${q}`, admin.headers)).next).toBe(
      undefined,
    );
  });

  async function walk(url: string): Promise<string[]> {
    const ids: string[] = [];
    let next: string | undefined = url;
    for (let guard = 0; next && guard < 1000; guard++) {
      const res = await get(next, admin.headers);
      expect(res.statusCode).toBe(200);
      ids.push(...res.json<{ items: { id: string }[] }>().items.map((i) => i.id));
      next = links(res).next;
    }
    return ids;
  }

  it('keeps a stable order across pages, also between records with the same name', async () => {
    const all = await get(`/api/v1/teams?pageSize=500&q=${q}`, admin.headers);
    const expected = all.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(expected).toHaveLength(3);
    for (let round = 0; round < 3; round++) {
      expect(await walk(`/api/v1/teams?page=1&pageSize=1&q=${q}`)).toEqual(expected);
    }
  });

  it('walks every team once, following the next links', async () => {
    const first = await get('/api/v1/teams?page=1&pageSize=2', admin.headers);
    const total = first.json<{ total: number }>().total;
    const ids = await walk('/api/v1/teams?page=1&pageSize=2');
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });
});

describe('dates', () => {
  it('sends timestamps as UTC ISO 8601', async () => {
    const session = await get('/api/v1/session', admin.headers);
    expect(session.json<{ expiresAt: string }>().expiresAt).toMatch(TIMESTAMP);
    const accounts = await get('/api/v1/accounts?pageSize=5', admin.headers);
    for (const a of accounts.json<{ items: { createdAt: string }[] }>().items)
      expect(a.createdAt).toMatch(TIMESTAMP);
  });
});

describe('deny by default', () => {
  const deps = () => ({ auth: t.services.auth, locate: t.services.org.locate });

  it('refuses a route declared without config.access', async () => {
    const bare = Fastify();
    registerAuth(bare, deps());
    expect(() => bare.get('/api/v1/unguarded', async () => 'open')).toThrow(
      /declares no access rule/,
    );
    await bare.close();
  });

  it('refuses to start when a plugin declares a route without config.access', async () => {
    const bare = Fastify();
    registerAuth(bare, deps());
    bare.get('/api/v1/guarded', { config: { access: access.public() } }, async () => 'fine');
    // Not awaited: the plugin loads during ready(), which must then fail.
    void bare.register(
      async (plugin) => {
        plugin.get('/unguarded', async () => 'open');
      },
      { prefix: '/api/v1/plugin' },
    );
    await expect(bare.ready()).rejects.toThrow(/declares no access rule/);
    await bare.close();
  });
});
