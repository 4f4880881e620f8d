/**
 * Shared bits for the benchmarks: timing, statistics, tables, throwaway databases, HTTP load
 * (keep-alive requests, sign-in, closed-loop clients) and counting a pool's round trips.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type Agent, request } from 'node:http';
import { Session } from 'node:inspector/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/** Progress and tables go to stderr; the final BENCH line goes to stdout. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Rounds to `digits` significant digits: 12345 → 12300, 0.1234 → 0.123. */
export function round(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** A plain fixed-width table. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)]
    .join('\n')
    .concat('\n');
}

export async function tempDir(
  prefix: string,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

// ------------------------------------------------------------------ PostgreSQL

interface Cluster {
  url: string;
  stop: () => Promise<void>;
}
interface PgClusterModule {
  startCluster: (options?: { quiet?: boolean }) => Promise<Cluster>;
}

/** A PostgreSQL server to make scratch databases on. */
export interface PgServer {
  /** Connect here for `create database` / `drop database`; nothing else is done in it. */
  adminUrl: string;
  /** Where the server comes from, for the report. */
  source: string;
  stop: () => Promise<void>;
}

/** DATABASE_URL when set (left as it is), else a throwaway cluster from scripts/pg-cluster.mjs. */
export async function postgresServer(): Promise<PgServer> {
  const given = process.env.DATABASE_URL;
  if (given) return { adminUrl: given, source: 'DATABASE_URL', stop: async () => undefined };
  const href = pathToFileURL(join(import.meta.dirname, '../scripts/pg-cluster.mjs')).href;
  const { startCluster } = (await import(href)) as PgClusterModule;
  const cluster = await startCluster({ quiet: true });
  // Ctrl-C during a run would otherwise leave the cluster running in /tmp.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the throwaway PostgreSQL cluster`);
    void cluster.stop().finally(() => process.exit(128 + constants.signals[signal]));
  };
  for (const s of signals) process.once(s, onSignal);
  return {
    adminUrl: cluster.url,
    source: 'throwaway cluster (PostgreSQL 15)',
    stop: async () => {
      for (const s of signals) process.off(s, onSignal);
      await cluster.stop();
    },
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * `pool.end()` resolves before its connections have closed, and `drop database … with (force)`
 * terminating one of those makes the ending client emit an unhandled 'error' (seen once: the
 * process died). So: wait for the database's connections to go, then drop.
 */
async function dropWhenIdle(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  });
}

/** A new, empty database `pvi_bench_<random>` on the server; close its pools, then `drop`. */
export async function scratchDatabase(
  server: PgServer,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `pvi_bench_${randomBytes(6).toString('hex')}`;
  await withClient(server.adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => dropWhenIdle(server.adminUrl, name) };
}

/** Runs fn, then cleanup, even when fn throws; a cleanup failure never hides fn's error. */
export async function using<T>(fn: () => Promise<T>, cleanup: () => Promise<void>): Promise<T> {
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await cleanup().catch((e: unknown) => {
      log(`cleanup failed: ${String(e)}`);
    });
    throw error;
  }
  await cleanup();
  return result;
}

// ------------------------------------------------------------------ HTTP load

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a keep-alive agent; resolves with the whole body. */
export function send(
  agent: Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Signs in with a local account (`POST /api/v1/session`) and returns the headers a signed-in
 * client sends: the session cookie, and for changes the CSRF token and the JSON content type.
 */
export async function signIn(
  agent: Agent,
  port: number,
  username: string,
  password: string,
): Promise<{ read: Record<string, string>; write: Record<string, string> }> {
  const r = await send(
    agent,
    port,
    'POST',
    '/api/v1/session',
    { 'content-type': 'application/json' },
    JSON.stringify({ username, password }),
  );
  const setCookie = r.headers['set-cookie'] ?? [];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('pvi_session='));
  if (r.status !== 201 || !cookie) throw new Error(`sign-in failed: ${r.status} ${r.body}`);
  const csrf = (JSON.parse(r.body) as { csrfToken: string }).csrfToken;
  return {
    read: { cookie, accept: 'application/json' },
    write: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
  };
}

export interface LoadRun {
  /** Latency of each request (ms), from sending to the end of the response body. */
  latencies: number[];
  seconds: number;
  /** CPU used by this Node process (app and clients) per wall second: 1 is one core. */
  nodeCpu: number;
}

/**
 * A closed loop: `clients` loops, each sending one request at a time until `ms` have passed.
 * `call(client)` sends one request and throws on a wrong answer; the first failure stops every
 * loop (nothing is left in flight) and is thrown.
 */
export async function closedLoop(
  clients: number,
  ms: number,
  call: (client: number) => Promise<void>,
): Promise<LoadRun> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  const until = start + ms;
  const failed: { error: Error | null } = { error: null };
  const loop = async (client: number) => {
    while (!failed.error && performance.now() < until) {
      const sent = performance.now();
      try {
        await call(client);
        latencies.push(performance.now() - sent);
      } catch (error) {
        failed.error ??= error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
  if (failed.error) throw failed.error;
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { latencies, seconds, nodeCpu: (used.user + used.system) / 1e6 / seconds };
}

// ------------------------------------------------------------------ round trips

/**
 * Counts the statements sent through a `pg` pool, by their first words, and the time from
 * sending each to its answer (queueing for a connection not included). For "how many round
 * trips does one request make, and which".
 */
export function watchQueries(pool: pg.Pool) {
  const counts = new Map<string, { n: number; ms: number }>();
  const wrapped = new WeakSet<pg.PoolClient>();
  let on = false;
  pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // pg-pool calls `client.query(text, values, callback)`; drizzle's transactions use promises.
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (
      ...args: unknown[]
    ) => {
      if (!on) return query(...args);
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string }).text ?? '');
      const kind = text.slice(0, 120).replace(/\s+/g, ' ').trim().slice(0, 60);
      const sent = performance.now();
      const done = () => {
        const c = counts.get(kind) ?? { n: 0, ms: 0 };
        c.n++;
        c.ms += performance.now() - sent;
        counts.set(kind, c);
      };
      const last = args.at(-1);
      if (typeof last === 'function') {
        const callback = last as (...a: unknown[]) => void;
        return query(...args.slice(0, -1), (...a: unknown[]) => {
          done();
          callback(...a);
        });
      }
      const result = query(...args);
      return result instanceof Promise ? result.finally(done) : result;
    };
  });
  return {
    start: () => {
      counts.clear();
      on = true;
    },
    stop: () => {
      on = false;
      return [...counts.entries()].map(([kind, c]) => ({ kind, ...c })).sort((a, b) => b.n - a.n);
    },
  };
}

/**
 * Runs fn under the V8 CPU profiler when `path` is given (e.g. from `BENCH_CPU_PROFILE`) and
 * writes a `.cpuprofile` there (open it in Chrome DevTools): only fn's time, not the set-up's.
 */
export async function profiled<T>(path: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!path) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(path, JSON.stringify(profile));
    session.disconnect();
    log(`CPU profile of the measured run: ${path}`);
  }
}
