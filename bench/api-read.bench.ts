/**
 * API read latency and throughput: 50 keep-alive clients GET /api/v1/teams/{id} (random ids,
 * signed in as a national medewerker) on PostgreSQL and on PGlite. See bench/README.md.
 */
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseHandle } from '@pvi/db';
import { generateDemoOrganisation } from '@pvi/db/demo';
import { toOrgCsv, toPeopleCsv } from '@pvi/db/demo/csv';
import { buildApp, createServices } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { systemActor } from '../apps/api/src/modules/audit/audit.service.ts';
import { textSource } from '../apps/api/src/modules/org/import/csv.ts';
import { createOrgImportService } from '../apps/api/src/modules/org/import/org-import.service.ts';
import {
  closedLoop,
  log,
  percentile,
  postgresServer,
  round,
  scratchDatabase,
  send,
  signIn,
  table,
  tempDir,
  using,
} from './lib.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S ?? 3) * 1000;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 10) * 1000;
const USERNAME = 'bench.reader';
const PASSWORD = 'bench-reader-password';
const actor = systemActor('bench');

interface Result {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  rps: number;
  /** CPU used by this Node process (app and clients) per wall second: 100% is one core. */
  nodeCpu: number;
}

/** Small demo organisation, through the importer, plus one account with a national medewerker grant. */
async function seed(handle: DatabaseHandle): Promise<string[]> {
  await handle.migrate();
  const config = { ...loadConfig({}), logLevel: 'silent' };
  const services = createServices({ config, database: handle });
  const imports = createOrgImportService({ db: handle.db, audit: services.audit });
  const demo = generateDemoOrganisation({ scale: 'small', seed: 1 });
  for (const [kind, result] of [
    ['org', await imports.importOrg(textSource(toOrgCsv(demo)), { actor, isDemo: true })],
    ['people', await imports.importPeople(textSource(toPeopleCsv(demo)), { actor, isDemo: true })],
  ] as const) {
    if (!result.ok) throw new Error(`demo ${kind} import failed: ${result.problems[0]?.reason}`);
  }
  const account = await services.auth.createLocalAccount(
    { username: USERNAME, password: PASSWORD },
    actor,
  );
  await services.auth.grantRole(account.id, 'medewerker', { type: 'national', id: null }, actor);
  const teams = await queryRows<{ id: string }>(handle.db, sql`select id from teams`);
  return teams.map((t) => t.id);
}

async function measure(handle: DatabaseHandle, label: string): Promise<Result> {
  const teamIds = await seed(handle);
  const config = { ...loadConfig({}), logLevel: 'silent' };
  const app = await buildApp({ config, database: handle, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  return using(
    async () => {
      const { port } = app.server.address() as AddressInfo;
      const headers = (await signIn(agent, port, USERNAME, PASSWORD)).read;
      const read = async () => {
        const id = teamIds[Math.floor(Math.random() * teamIds.length)]!;
        const reply = await send(agent, port, 'GET', `/api/v1/teams/${id}`, headers);
        if (reply.status !== 200)
          throw new Error(`GET /api/v1/teams/${id} → ${reply.status}: ${reply.body}`);
      };
      const drive = (ms: number) => closedLoop(CLIENTS, ms, read);

      log(`${label}: ${teamIds.length} teams; warm-up ${WARMUP_MS / 1000} s`);
      await drive(WARMUP_MS);
      log(`${label}: ${CLIENTS} clients for ${DURATION_MS / 1000} s`);
      const { latencies, seconds, nodeCpu } = await drive(DURATION_MS);
      return {
        requests: latencies.length,
        seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: Math.max(...latencies),
        rps: latencies.length / seconds,
        nodeCpu,
      };
    },
    async () => {
      agent.destroy();
      await app.close();
    },
  );
}

async function onPostgres(): Promise<Result> {
  const server = await postgresServer();
  log(`PostgreSQL: ${server.source}`);
  return using(
    async () => {
      const scratch = await scratchDatabase(server);
      const handle = await openDatabase({ databaseUrl: scratch.url });
      return using(
        () => measure(handle, 'PostgreSQL'),
        async () => {
          await handle.close();
          await scratch.drop();
        },
      );
    },
    () => server.stop(),
  );
}

async function onPglite(): Promise<Result> {
  const dir = await tempDir('pvi-bench-pglite-');
  const handle = await openDatabase({ dataDir: dir.path });
  return using(
    () => measure(handle, 'PGlite'),
    async () => {
      await handle.close();
      await dir.remove();
    },
  );
}

const pg = await onPostgres();
const lite = await onPglite();
const ms = (v: number) => v.toFixed(1);
log(
  `\n${table(
    ['GET /api/v1/teams/{id}', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'node CPU'],
    [pg, lite].map((r, i) => [
      i === 0 ? 'PostgreSQL' : 'PGlite',
      r.requests,
      Math.round(r.rps),
      ms(r.p50),
      ms(r.p99),
      ms(r.max),
      `${Math.round(r.nodeCpu * 100)}%`,
    ]),
  )}${CLIENTS} keep-alive clients in this process, all responses 200\n`,
);
process.stdout.write(
  `BENCH api-read pg_p50_ms=${round(pg.p50)} pg_p99_ms=${round(pg.p99)} pg_rps=${Math.round(pg.rps)} pglite_p50_ms=${round(lite.p50)} pglite_p99_ms=${round(lite.p99)} pglite_rps=${Math.round(lite.rps)}\n`,
);
