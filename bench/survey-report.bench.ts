/**
 * Team-monitor reports at national scale on PostgreSQL: the time to compute every report of a wave
 * with disclosure control (6,000 / 30,000 / 65,000 respondents), and the p95 latency of one team
 * report over the HTTP API. See bench/README.md.
 */
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseHandle } from '@pvi/db';
import type { Instrument } from '@pvi/contracts';
import { buildApp, createServices } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { systemActor } from '../apps/api/src/modules/audit/audit.service.ts';
import { log, percentile, postgresServer, round, scratchDatabase, table, using } from './lib.ts';

const SIZES = [6_000, 30_000, 65_000];
const TEAMS = 1_500;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const actor = systemActor('bench');
const USERNAME = 'bench.hr';
const PASSWORD = 'bench-hr-password';

/** 12 units, 8 districts each, 1,500 teams of 5–80 people (mean ≈ 43): ≈ 65,000 people. */
async function seedOrganisation(handle: DatabaseHandle) {
  const db = handle.db;
  await db.execute(sql`
    insert into units (code, name, kind)
    select 'BU' || u, 'Bench-eenheid ' || u, 'regional' from generate_series(1, 12) u`);
  await db.execute(sql`
    insert into districts (unit_id, code, name)
    select u.id, u.code || '-D' || d, u.name || ' district ' || d
    from units u cross join generate_series(1, 8) d`);
  await db.execute(sql`
    insert into teams (unit_id, district_id, code, name, kind)
    select d.unit_id, d.id, 'BT' || n, 'Bench-team ' || n, 'basisteam'
    from generate_series(1, ${TEAMS}) n
    join (select id, unit_id, row_number() over (order by code) - 1 as i from districts) d
      on d.i = n % 96`);
}

/**
 * Every closed item a respondent can answer (scale items, yes/no, choices; not background or open
 * questions), with its scale and the range of its values.
 */
async function seedItems(handle: DatabaseHandle, instrument: Instrument) {
  await handle.db.execute(
    sql`create table bench_items (item_key text, scale_key text, reverse boolean, fav real, lo int, hi int)`,
  );
  const closed = instrument.items.filter((i) => !i.background && i.answerScale !== 'open');
  for (const i of closed) {
    const scale = instrument.scales.find((s) => s.key === i.scaleKey);
    const [lo, hi] =
      i.answerScale === 'yesno' ? [0, 1] : i.options?.length ? [1, i.options.length] : [1, 5];
    await handle.db.execute(
      sql`insert into bench_items values (${i.key}, ${i.scaleKey ?? null}, ${i.reverse ?? false}, ${scale?.favourableFrom ?? null}, ${lo}, ${hi})`,
    );
  }
  return closed.length;
}

/** A closed wave over the first teams whose sizes add up to `respondents`; answers at random. */
async function seedWave(handle: DatabaseHandle, versionId: string, respondents: number) {
  const db = handle.db;
  const [wave] = await queryRows<{ id: string }>(
    db,
    sql`insert into survey_waves (name, instrument_version_id, status, rules)
        values (${`Bench ${respondents}`}, ${versionId}, 'closed', ${JSON.stringify({ minGroupSize: 5, minOpenAnswerGroupSize: 10 })}::jsonb)
        returning id`,
  );
  const waveId = wave!.id;
  await db.execute(sql`
    insert into survey_wave_units (wave_id, unit_id, relay_order, opens_on, closes_on)
    select ${waveId}, id, row_number() over (order by code), '2026-01-05', '2026-01-30' from units`);
  // Team sizes 8–109 from a fixed hash of the team code; respondents ≈ 75 % of those invited.
  await db.execute(sql`
    insert into survey_wave_teams (wave_id, team_id, unit_id, district_id, invited)
    select ${waveId}, id, unit_id, district_id, invited from (
      select t.id, t.unit_id, t.district_id, i.invited, (i.invited * 3) / 4 as answered,
             sum((i.invited * 3) / 4) over (order by t.code) as running
      from teams t
      cross join lateral (select 8 + abs(hashtext(t.code)) % 102 as invited) i
    ) x where running - answered < ${respondents}`);
  await db.execute(sql`
    insert into survey_responses (id, wave_id, team_id, district_id, unit_id, age_band, gender, service_band, origin)
    select gen_random_uuid(), wt.wave_id, wt.team_id, wt.district_id, wt.unit_id,
           1 + floor(random() * 5)::int, 1 + floor(random() * 3)::int,
           1 + floor(random() * 5)::int, 1 + floor(random() * 3)::int
    from survey_wave_teams wt cross join lateral generate_series(1, (wt.invited * 3) / 4)
    where wt.wave_id = ${waveId}`);
  await db.execute(sql`
    insert into survey_answers (response_id, wave_id, team_id, item_key, value, scored)
    select r.id, r.wave_id, r.team_id, i.item_key, v.v,
           case when i.scale_key is null then null when i.reverse then 6 - v.v else v.v end
    from survey_responses r cross join bench_items i
    cross join lateral (select (i.lo + floor(random() * (i.hi - i.lo + 1)))::smallint as v, i.item_key as k) v
    where r.wave_id = ${waveId}`);
  await db.execute(sql`
    insert into survey_scale_scores (response_id, wave_id, team_id, scale_key, score, favourable)
    select a.response_id, a.wave_id, a.team_id, i.scale_key, avg(a.scored), avg(a.scored) >= i.fav
    from survey_answers a join bench_items i on i.item_key = a.item_key
    where a.wave_id = ${waveId} and i.scale_key is not null
    group by a.response_id, a.wave_id, a.team_id, i.scale_key, i.fav`);
  await db.execute(sql`analyze`);
  const [count] = await queryRows<{ n: number; teams: number }>(
    db,
    sql`select (select count(*)::int from survey_responses where wave_id = ${waveId}) as n,
               (select count(*)::int from survey_wave_teams where wave_id = ${waveId}) as teams`,
  );
  return { waveId, respondents: count!.n, teams: count!.teams };
}

function get(agent: Agent, port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(handle: DatabaseHandle) {
  await handle.migrate();
  const config = { ...loadConfig({}), logLevel: 'silent' };
  const services = createServices({ config, database: handle });
  await services.waves.syncInstruments();
  const [version] = await queryRows<{ id: string; definition: Instrument }>(
    handle.db,
    sql`select id, definition from survey_instrument_versions where key = 'memo' order by version desc limit 1`,
  );
  log('seeding 1,500 teams in 12 units and 96 districts');
  await seedOrganisation(handle);
  const items = await seedItems(handle, version!.definition);
  const results: {
    size: number;
    respondents: number;
    teams: number;
    seconds: number;
    shown: number;
    groups: number;
    waveId: string;
  }[] = [];
  for (const size of SIZES) {
    log(`seeding a wave of ≈ ${size} respondents × ${items} items`);
    const wave = await seedWave(handle, version!.id, size);
    log(`computing every report of ${wave.respondents} respondents in ${wave.teams} teams`);
    const start = performance.now();
    const phases: string[] = [];
    const computed = await services.reports.compute(wave.waveId, (name, ms) =>
      phases.push(`${name} ${Math.round(ms)} ms`),
    );
    log(`  ${phases.join(', ')}`);
    const seconds = (performance.now() - start) / 1000;
    results.push({ size, ...wave, seconds, ...computed });
  }

  // One team report at a time over HTTP, signed in as a national HR analist.
  const account = await services.auth.createLocalAccount(
    { username: USERNAME, password: PASSWORD, personId: null },
    actor,
  );
  await services.auth.grantRole(account.id, 'hr_analist', { type: 'national', id: null }, actor);
  const app = await buildApp({ config, database: handle, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = await using(
    async () => {
      const { port } = app.server.address() as AddressInfo;
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: USERNAME, password: PASSWORD },
      });
      const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
      const largest = results.at(-1)!;
      const teams = await queryRows<{ team_id: string }>(
        handle.db,
        sql`select team_id from survey_wave_teams where wave_id = ${largest.waveId}`,
      );
      const headers = { cookie, accept: 'application/json' };
      const times: number[] = [];
      for (let i = 0; i < REQUESTS + 50; i++) {
        const team = teams[Math.floor(Math.random() * teams.length)]!.team_id;
        const sent = performance.now();
        const reply = await get(
          agent,
          port,
          `/api/v1/survey/waves/${largest.waveId}/reports/teams/${team}`,
          headers,
        );
        if (reply.status !== 200) throw new Error(`team report → ${reply.status}: ${reply.body}`);
        if (i >= 50) times.push(performance.now() - sent);
      }
      return times;
    },
    async () => {
      agent.destroy();
      await app.close();
    },
  );
  return { results, latencies, items };
}

const server = await postgresServer();
const outcome = await using(
  async () => {
    const scratch = await scratchDatabase(server);
    const handle = await openDatabase({ databaseUrl: scratch.url });
    return using(
      () => run(handle),
      async () => {
        await handle.close();
        await scratch.drop();
      },
    );
  },
  () => server.stop(),
);

const { results, latencies, items } = outcome;
process.stderr.write(
  table(
    ['respondents', 'teams', 'groups', 'shown', 'all reports (s)'],
    results.map((r) => [r.respondents, r.teams, r.groups, r.shown, round(r.seconds)]),
  ),
);
const p50 = percentile(latencies, 50);
const p95 = percentile(latencies, 95);
log(
  `team report over HTTP (${latencies.length} requests, one client): p50 ${round(p50)} ms, p95 ${round(p95)} ms; ${items} items per respondent`,
);
const byRespondents = (n: number) => round(results.find((r) => r.size === n)!.seconds);
process.stdout.write(
  `BENCH survey-report all_reports_s=${byRespondents(65_000)} team_report_p95_ms=${round(p95)} s_6k=${byRespondents(6_000)} s_30k=${byRespondents(30_000)} s_65k=${byRespondents(65_000)}\n`,
);
