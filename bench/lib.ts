/** Shared bits for the benchmarks: timing, statistics, tables and throwaway databases. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
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
