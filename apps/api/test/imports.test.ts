import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@pvi/db';
import { createTestApp, type TestApp } from './harness.ts';
import { signInAs, type Session } from './factories.ts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

let t: TestApp;
let admin: Session & { accountId: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const count = async (table: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.raw(table)}`,
    )
  )[0]!.n;

const upload = (kind: string, csv: string, contentType = 'text/csv; charset=utf-8') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/imports?kind=${kind}`,
    headers: { ...admin.headers, 'content-type': contentType },
    payload: csv,
  });

const read = (id: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: admin.headers });

/** Polls the job as the web page does, until it is no longer running. */
async function finished(id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await read(id);
    expect(res.statusCode).toBe(200);
    const job = res.json();
    expect(job.done).toBeLessThanOrEqual(job.total);
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

async function importFile(kind: 'org' | 'people', name: string) {
  const res = await upload(kind, fixture(name));
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json();
  expect(started).toEqual({ id: expect.any(String), status: 'running' });
  expect(res.headers.location).toBe(`/api/v1/imports/${started.id as string}`);
  return finished(started.id as string);
}

describe('imports from the browser', () => {
  it('imports the organisation, reports a bad people file row by row, then imports people', async () => {
    const org = await importFile('org', 'org.csv');
    expect(org).toMatchObject({
      kind: 'org',
      status: 'done',
      phase: 'done',
      error: null,
      result: { ok: true, rows: 6, inserted: 6, updated: 0, unchanged: 0, problems: [] },
    });
    expect(org.done).toBe(org.total);

    const people = await count('people');
    const memberships = await count('memberships');
    const bad = await importFile('people', 'people-bad.csv');
    expect(bad.status).toBe('done');
    expect(bad.result.ok).toBe(false);
    expect(bad.result.inserted).toBe(0);
    expect(bad.result.problems.map((p: { line: number }) => p.line)).toEqual([3, 5, 6]);
    expect(bad.result.problems[0].reason).toMatch(/family_name is empty/);
    expect(bad.result.problems[2].reason).toMatch(/Expected 10 fields, found 9/);
    expect(await count('people')).toBe(people);
    expect(await count('memberships')).toBe(memberships);

    const good = await importFile('people', 'people.csv');
    expect(good).toMatchObject({
      kind: 'people',
      status: 'done',
      result: { ok: true, inserted: 4 + 5, problems: [] },
    });
    expect(await count('people')).toBe(people + 4);
  });

  it('audits who uploaded, and the import itself', async () => {
    const rows = await queryRows<{ action: string; record_type: string }>(
      t.database.db,
      sql`select action, record_type from audit_log
          where actor_account_id = ${admin.accountId} and record_type in ('import_job', 'organisation', 'person')
          order by seq`,
    );
    expect(rows).toEqual([
      { action: 'create', record_type: 'import_job' },
      { action: 'import', record_type: 'organisation' },
      { action: 'create', record_type: 'import_job' },
      { action: 'create', record_type: 'import_job' },
      { action: 'import', record_type: 'person' },
    ]);
  });

  it('takes files above the 1 MB limit of JSON bodies', async () => {
    const big = `kind,code\n${'unit,A\n'.repeat(200_000)}`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await upload('org', big);
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json().id as string);
    expect(job.result.ok).toBe(false);
    expect(job.result.problems).toEqual([
      { line: 1, reason: expect.stringMatching(/header lacks column/) },
    ]);
  });

  it('refuses an unknown kind, an empty file and an unknown job', async () => {
    const kind = await upload('teams', 'type,code,name,parent_code,kind\n');
    expect(kind.statusCode).toBe(400);
    expect(kind.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(kind.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['kind']);
    const empty = await upload('org', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['body']);
    expect((await read('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses other roles before reading the file', async () => {
    const unitAdmin = await signInAs(t.app, t.services, 'beheerder', {
      type: 'unit',
      id: (await queryRows<{ id: string }>(t.database.db, sql`select id from units limit 1`))[0]!
        .id,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=org',
      headers: { ...unitAdmin.headers, 'content-type': 'text/csv' },
      payload: fixture('org.csv'),
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=org',
      headers: { 'content-type': 'text/csv' },
      payload: fixture('org.csv'),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('reports a job that lost its process as failed once it has not moved for an hour', async () => {
    const [job] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into import_jobs (kind, status, phase, done, total, updated_at)
          values ('people', 'running', 'writing', 10, 100, now() - interval '61 minutes') returning id`,
    );
    const res = await read(job!.id);
    expect(res.json()).toMatchObject({ status: 'failed', result: null });
    expect(res.json().error).toMatch(/no progress for an hour/i);
    const [fresh] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into import_jobs (kind, status, updated_at)
          values ('people', 'running', now() - interval '59 minutes') returning id`,
    );
    expect((await read(fresh!.id)).json().status).toBe('running');
  });
});
