import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createTestDatabase, testConfig, type TestDatabase } from './harness.ts';

/** The built web app on the same origin: files, pre-compressed files, and index.html for routes. */
describe('web app serving', () => {
  let root: string;
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const script = `console.log(${JSON.stringify('pvi '.repeat(2000))});`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pvi-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>PvI</title><div id="root">');
    await writeFile(join(root, 'assets/app-abc123.js'), script);
    await writeFile(join(root, 'assets/app-abc123.js.br'), brotliCompressSync(script));
    await writeFile(join(root, 'assets/app-abc123.js.gz'), gzipSync(script));
    database = await createTestDatabase();
    app = await buildApp({ config: testConfig(), database, logger: false, webRoot: root });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, gzip to one that only takes gzip, else plain', async () => {
    const br = await app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toMatch(/immutable/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('answers a client route with index.html, not cached, and an unknown API path with a 404 problem', async () => {
    const page = await app.inject({ url: '/organisatie/teams/x' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');

    const api = await app.inject({ url: '/api/v1/bestaat-niet' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
