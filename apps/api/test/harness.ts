import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '@pvi/db';
import { buildApp, createServices } from '../src/app.ts';
import { loadConfig, type AppConfig } from '../src/config.ts';

export const usePostgres = process.env.PVI_TEST_DB === 'postgres';

/** A fresh, migrated database for one test file: PGlite in memory, or a new database on the test server. */
export type TestDatabase = DatabaseHandle & { drop: () => Promise<void>; testUrl: string | null };

export async function createTestDatabase(): Promise<TestDatabase> {
  if (usePostgres) {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `pvi_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString() });
    await handle.migrate();
    return Object.assign(handle, {
      drop: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        // pool.end() returns before its backends are gone; a forced drop would kill them mid-exit.
        for (let i = 0; i < 50; i++) {
          const r = await c.query(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if ((r.rows[0] as { n: number }).n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
      testUrl: url.toString(),
    });
  }
  const template = process.env.PVI_TEST_TEMPLATE;
  const handle = await openDatabase({
    dataDir: 'memory://',
    loadDataDir: template ? new Blob([readFileSync(template)]) : undefined,
  });
  if (!template) await handle.migrate();
  return Object.assign(handle, { drop: () => handle.close(), testUrl: null });
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), logLevel: 'silent', ...overrides };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  services: ReturnType<typeof createServices>;
  config: AppConfig;
  close: () => Promise<void>;
}

export async function createTestApp(
  options: { config?: Partial<AppConfig>; now?: () => Date; database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.config);
  const app = await buildApp({ config, database, logger: false, now: options.now });
  await app.ready();
  const services = createServices({ config, database, now: options.now });
  await services.waves.syncInstruments();
  return {
    app,
    database,
    services,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
