import { defineConfig } from 'vitest/config';

const integrationFiles = ['apps/*/test/*.test.ts'];
/** Tests that need a real PostgreSQL server (roles, privileges). */
const postgresOnlyFiles = ['apps/*/test/postgres/*.test.ts'];
const pg = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: integrationFiles,
          globalSetup: ['apps/api/test/global-setup.ts'],
          env: { PVI_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(pg
        ? [
            {
              test: {
                name: 'integration-pg',
                include: [...integrationFiles, ...postgresOnlyFiles],
                // The CLI tests always run on their own embedded folders; once is enough.
                exclude: ['apps/api/test/cli.test.ts'],
                globalSetup: ['apps/api/test/global-setup.ts'],
                env: { PVI_TEST_DB: 'postgres' },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
