import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createServices } from '../src/app.ts';
import { createTestDatabase, testConfig, type TestDatabase } from './harness.ts';
import { createAccount, TEST_PASSWORD } from './factories.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('structured logs', () => {
  it('carry the request id and never the password, the session cookie or the CSRF token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const config = testConfig({ logLevel: 'info' });
    const app = await buildApp({ config, database, logger: { stream } });
    await app.ready();
    try {
      const services = createServices({ config, database });
      const { username } = await createAccount(services, 'medewerker', {
        type: 'national',
        id: null,
      });
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-request-id': 'log-test-request-1' },
        payload: { username, password: TEST_PASSWORD },
      });
      const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
      const token = cookie.split('=')[1]!;
      const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
      await app.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: { cookie, 'x-csrf-token': csrf },
      });

      const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records.some((r) => r.reqId === 'log-test-request-1')).toBe(true);
      const all = lines.join('\n');
      expect(all).not.toContain(TEST_PASSWORD);
      expect(all).not.toContain(token);
      expect(all).not.toContain(csrf);
    } finally {
      await app.close();
    }
  });
});
