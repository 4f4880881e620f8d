import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import {
  PgDialect,
  type PgDatabase,
  type PgQueryResultHKT,
  type PgTransaction,
} from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDataDirLock } from './lock.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Transaction;

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: the data folder or the server URL without password. */
  location: string;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
} & ({ kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; pool: pg.Pool });

export interface OpenOptions {
  /** A PostgreSQL server; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder (default ./data), or `memory://` for a throwaway one without a lock. */
  dataDir?: string | undefined;
  /** Start an embedded database from a dump made with `dumpDataDir` (tests start from a migrated template). */
  loadDataDir?: Blob | File | undefined;
  /** Pool size for a server (default 10). */
  poolSize?: number;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres server';
  }
}

/** Opens the database named by the options: PGlite in a locked folder, or a PostgreSQL server. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    return {
      kind: 'postgres',
      pool,
      db,
      location: redactUrl(options.databaseUrl),
      migrate: async () => {
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
      },
      close: async () => {
        await pool.end();
      },
    };
  }
  const inMemory = options.dataDir === 'memory://';
  const dataDir = inMemory ? 'memory://' : resolve(options.dataDir ?? './data');
  const lock = inMemory ? { release: () => undefined } : acquireDataDirLock(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: inMemory ? undefined : resolve(dataDir, 'pgdata'),
      loadDataDir: options.loadDataDir,
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    kind: 'pglite',
    pglite,
    db,
    location: dataDir,
    migrate: async () => {
      await migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder });
    },
    close: async () => {
      await pglite.close();
      lock.release();
    },
  };
}

/** Runs raw SQL and returns its rows; the one place that knows both drivers return `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  return (result as { rows: T[] }).rows;
}

const dialect = new PgDialect();
const preparedNames = new Set<string>();

/**
 * A named prepared statement, built once: on PostgreSQL each connection parses and plans it
 * once and then only binds values (PGlite ignores the name). For hot statements whose planning
 * costs more than their execution. Values go in as `sql.placeholder('name')`, so the text never
 * varies; each call passes them by name.
 */
export function preparedStatement<T>(name: string, query: SQL) {
  if (preparedNames.has(name)) throw new Error(`Two prepared statements are named ${name}.`);
  preparedNames.add(name);
  const built = dialect.sqlToQuery(query);
  return async (executor: Executor, values: Record<string, unknown>): Promise<T[]> => {
    const result: unknown = await executor._.session
      .prepareQuery(built, undefined, name, false)
      .execute(values);
    return (result as { rows: T[] }).rows;
  };
}
