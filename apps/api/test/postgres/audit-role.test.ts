import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantApiRole } from '@pvi/db';
import { createTestApp, type TestApp } from '../harness.ts';

// Runs only against a real PostgreSQL server (the integration-pg project).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const run = (q: ReturnType<typeof sql>) => db().execute(q);

describe('audit trail on PostgreSQL', () => {
  it('keeps the API database role from updating or deleting audit rows on PostgreSQL', async () => {
    const role = `pvi_api_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await run(sql.raw(`create role ${role} login password '${password}'`));
    await grantApiRole(db(), role);
    const url = new URL(t.database.testUrl!);
    url.username = role;
    url.password = password;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`insert into audit_log (action, record_type) values ('probe', 'test')`);
      const read = await client.query('select count(*)::int as n from audit_log');
      expect(read.rows[0].n).toBeGreaterThan(0);
      await expect(client.query(`update audit_log set action = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query('delete from audit_log')).rejects.toThrow(/permission denied/);
      await expect(client.query('truncate audit_log')).rejects.toThrow(/permission denied/);
      await client.query('select count(*) from people'); // ordinary tables stay usable
    } finally {
      await client.end();
      await run(sql.raw(`drop owned by ${role}`));
      await run(sql.raw(`drop role ${role}`));
    }
  });
});
