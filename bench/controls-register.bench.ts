/**
 * Control registration throughput and latency over the HTTP API on PostgreSQL: concurrent
 * officers (keep-alive clients, one signed-in medewerker each) POST /api/v1/controls with fresh
 * ids. See bench/README.md.
 */
import { randomUUID } from 'node:crypto';
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
import { createControlsDemoService } from '../apps/api/src/modules/controls/controls-demo.service.ts';
import {
  closedLoop,
  log,
  percentile,
  postgresServer,
  profiled,
  round,
  scratchDatabase,
  send,
  signIn,
  table,
  using,
  watchQueries,
} from './lib.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S ?? 3) * 1000;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 10) * 1000;
const PASSWORD = 'bench-officer-password';
const actor = systemActor('bench');
/** Half the registrations carry a subject key, so pseudonymising and the repeat lookup count. */
const KEYS = `v1:${Buffer.alloc(32, 9).toString('base64')}`;

/** The small demo organisation and its areas, and one medewerker account per client. */
async function seed(handle: DatabaseHandle, config: ReturnType<typeof loadConfig>) {
  await handle.migrate();
  const services = createServices({ config, database: handle });
  const imports = createOrgImportService({ db: handle.db, audit: services.audit });
  const demo = generateDemoOrganisation({ scale: 'small', seed: 1 });
  for (const result of [
    await imports.importOrg(textSource(toOrgCsv(demo)), { actor, isDemo: true }),
    await imports.importPeople(textSource(toPeopleCsv(demo)), { actor, isDemo: true }),
  ]) {
    if (!result.ok) throw new Error(`demo import failed: ${result.problems[0]?.reason}`);
  }
  await createControlsDemoService({ database: handle }).loadAreas();
  const officers = await queryRows<{ personId: string; teamId: string }>(
    handle.db,
    sql`select m.person_id as "personId", m.team_id as "teamId" from memberships m
        join teams t on t.id = m.team_id
        where m.valid_to is null and t.kind = 'basisteam' order by m.person_id limit ${CLIENTS}`,
  );
  const buurten = await queryRows<{ code: string }>(
    handle.db,
    sql`select code from areas where level = 'buurt'`,
  );
  const usernames: string[] = [];
  for (const [i, o] of officers.entries()) {
    const username = `bench.officer${i}`;
    const account = await services.auth.createLocalAccount(
      { username, password: PASSWORD, personId: o.personId },
      actor,
    );
    await services.auth.grantRole(account.id, 'medewerker', { type: 'team', id: o.teamId }, actor);
    usernames.push(username);
  }
  return { usernames, buurten: buurten.map((b) => b.code) };
}

function body(buurten: string[], n: number) {
  const keyed = n % 2 === 0;
  return JSON.stringify({
    id: randomUUID(),
    buurtCode: buurten[n % buurten.length],
    controlType: keyed ? 'both' : 'person',
    initiative: 'proactive',
    selectionReason: 'behaviour',
    reasonText: 'Keek steeds om zich heen bij geparkeerde auto’s',
    legalBasis: 'wid',
    explained: true,
    actions: ['identity_check'],
    outcome: 'none',
    outcomeLinked: false,
    durationBand: '5to15',
    ...(keyed ? { subjectKind: 'vehicle', subjectKey: `AB-${100 + (n % 400)}-C` } : {}),
  });
}

interface Result {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  perS: number;
  nodeCpu: number;
  /** The statements sent to PostgreSQL during the measured run, by kind. */
  statements: { kind: string; n: number; ms: number }[];
}

async function measure(handle: DatabaseHandle): Promise<Result> {
  const config = {
    ...loadConfig({ PVI_PSEUDONYM_KEYS: KEYS }),
    logLevel: 'silent',
  };
  const { usernames, buurten } = await seed(handle, config);
  const app = await buildApp({ config, database: handle, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  if (handle.kind !== 'postgres') throw new Error('this benchmark runs on PostgreSQL');
  const queries = watchQueries(handle.pool);
  return using(
    async () => {
      const { port } = app.server.address() as AddressInfo;
      const sessions: Record<string, string>[] = [];
      for (const username of usernames)
        sessions.push((await signIn(agent, port, username, PASSWORD)).write);
      let n = 0;
      const register = async (client: number) => {
        const reply = await send(
          agent,
          port,
          'POST',
          '/api/v1/controls',
          sessions[client]!,
          body(buurten, n++),
        );
        if (reply.status !== 201)
          throw new Error(`POST /api/v1/controls → ${reply.status}: ${reply.body}`);
      };
      log(`PostgreSQL: ${sessions.length} officers; warm-up ${WARMUP_MS / 1000} s`);
      await closedLoop(sessions.length, WARMUP_MS, register);
      log(`PostgreSQL: ${sessions.length} clients for ${DURATION_MS / 1000} s`);
      queries.start();
      const { latencies, seconds, nodeCpu } = await profiled(process.env.BENCH_CPU_PROFILE, () =>
        closedLoop(sessions.length, DURATION_MS, register),
      );
      const statements = queries.stop();
      const [stored] = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from controls`,
      );
      log(`${stored?.n ?? 0} controls stored`);
      return {
        requests: latencies.length,
        seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: Math.max(...latencies),
        perS: latencies.length / seconds,
        nodeCpu,
        statements,
      };
    },
    async () => {
      agent.destroy();
      await app.close();
    },
  );
}

const server = await postgresServer();
log(`PostgreSQL: ${server.source}`);
const r = await using(
  async () => {
    const scratch = await scratchDatabase(server);
    const handle = await openDatabase({ databaseUrl: scratch.url });
    return using(
      () => measure(handle),
      async () => {
        await handle.close();
        await scratch.drop();
      },
    );
  },
  () => server.stop(),
);
log(
  `\n${table(
    ['POST /api/v1/controls', 'requests', 'per s', 'p50 ms', 'p99 ms', 'max ms', 'node CPU'],
    [
      [
        'PostgreSQL',
        r.requests,
        Math.round(r.perS),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        r.max.toFixed(1),
        `${Math.round(r.nodeCpu * 100)}%`,
      ],
    ],
  )}${CLIENTS} keep-alive clients in this process, all responses 201\n`,
);
const perRequest = (v: number) => (v / r.requests).toFixed(2);
log(
  `Statements sent to PostgreSQL during the measured run (round trips per registration ` +
    `${perRequest(r.statements.reduce((sum, s) => sum + s.n, 0))}):\n${table(
      ['statement (first words)', 'per request', 'mean ms'],
      r.statements.map((s) => [s.kind, perRequest(s.n), (s.ms / s.n).toFixed(2)]),
    )}`,
);
process.stdout.write(
  `BENCH controls-register per_s=${Math.round(r.perS)} p99_ms=${round(r.p99)}\n`,
);
