import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '@pvi/contracts';
import { buildApp } from '../src/app.ts';
import { registerAuth } from '../src/plugins/auth.ts';
import { createTestApp, createTestDatabase, testConfig, type TestApp } from './harness.ts';
import { buildOrg, signInAs, type Session } from './factories.ts';

let t: TestApp;
let s: Session;

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 3; i++) await buildOrg(t.database.db, `Conv${i}`);
  s = await signInAs(t.app, t.services, 'medewerker', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = s.headers) =>
  t.app.inject({ method: 'GET', url, headers });

function expectProblem(res: Awaited<ReturnType<typeof get>>, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  for (const key of ['type', 'title', 'status', 'detail']) expect(body).toHaveProperty(key);
  expect(body.status).toBe(status);
  expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules|select .* from/i);
}

describe('NL API conventions', () => {
  it('sends API-Version, security headers and no-store on API responses', async () => {
    for (const url of ['/api/v1/health', '/api/v1/teams', '/api/v1/nope']) {
      const res = await get(url);
      expect(res.headers['api-version']).toBe(API_VERSION);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves the OpenAPI document without sign-in, equal to the committed file', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const committed: unknown = JSON.parse(
      readFileSync(fileURLToPath(new URL('../openapi.json', import.meta.url)), 'utf8'),
    );
    expect(res.json()).toEqual(committed);
    expect(res.json().info.version).toBe(API_VERSION);
  });

  it('answers unknown paths and trailing slashes with 404 problem+json, never a redirect', async () => {
    expectProblem(await get('/api/v1/nope'), 404);
    expectProblem(await get('/api/v1/teams/'), 404);
    expectProblem(await get('/api/v1/health/', {}), 404);
  });

  it('lists every invalid field of a 400', async () => {
    const query = await get('/api/v1/teams?page=0&pageSize=100000&kind=kantine');
    expectProblem(query, 400);
    expect(
      query
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['kind', 'page', 'pageSize']);
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: '', password: 7 },
    });
    expectProblem(body, 400);
    expect(
      body
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['password', 'username']);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expectProblem(malformed, 400);
  });

  it('echoes a valid X-Request-Id and makes one up otherwise', async () => {
    expect(
      (await get('/api/v1/health', { 'x-request-id': 'abc-12345678' })).headers['x-request-id'],
    ).toBe('abc-12345678');
    expect(
      (await get('/api/v1/health', { 'x-request-id': 'bad id!' })).headers['x-request-id'],
    ).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pages with a stable order and a Link header', async () => {
    const first = await get('/api/v1/teams?page=1&pageSize=1');
    const total = first.json().total as number;
    expect(total).toBeGreaterThanOrEqual(3);
    const seen = new Set<string>();
    for (let page = 1; page <= total; page++) {
      const res = await get(`/api/v1/teams?page=${page}&pageSize=1`);
      seen.add(res.json().items[0].id as string);
      if (page === 2) {
        for (const rel of ['first', 'prev', 'next', 'last'])
          expect(res.headers.link).toContain(`rel="${rel}"`);
      }
    }
    expect(seen.size).toBe(total);
  });

  it('answers 500 and 503 as problem+json without internals when the database is gone', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ config: testConfig(), database, logger: false });
    await app.ready();
    await database.drop();
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/health/ready' }), 503);
    const crashed = await app.inject({
      method: 'GET',
      url: '/api/v1/teams',
      headers: { cookie: 'pvi_session=whatever' },
    });
    expectProblem(crashed, 500);
    await app.close();
  });

  it('refuses to start when a route declares no access rule', async () => {
    const bare = Fastify();
    registerAuth(bare, {
      auth: { resolveSession: async () => null } as unknown as Parameters<
        typeof registerAuth
      >[1]['auth'],
      locate: async () => null,
    });
    expect(() => bare.get('/api/v1/unguarded', async () => 'open')).toThrow(
      /declares no access rule/,
    );
    await bare.close();
  });
});
