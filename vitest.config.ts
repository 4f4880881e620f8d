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
          // Shared CI machines run at several times their core count; a pure test that takes
          // 1 s alone can take 5 s there. Time targets live in bench/, never in a test timeout.
          testTimeout: 20_000,
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
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['apps/web/src/test-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Browser tests: Debian's Chromium against one real `pvi start` (see e2e/global-setup.ts).
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Every file drives its own Chromium against the same server; two at a time is what
          // two cores take without making the timings flaky.
          maxWorkers: 2,
          // After the other projects when run together (a different maxWorkers needs its own group).
          sequence: { groupOrder: 1 },
        },
      },
      ...(pg
        ? [
            {
              test: {
                name: 'integration-pg',
                include: [...integrationFiles, ...postgresOnlyFiles],
                // The CLI tests always run on their own embedded folders; once is enough.
                exclude: ['apps/api/test/cli.test.ts', 'apps/api/test/cli-controls.test.ts'],
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
