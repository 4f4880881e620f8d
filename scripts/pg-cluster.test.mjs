// Manual smoke test for pg-cluster.mjs (not a vitest file): node scripts/pg-cluster.test.mjs
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { startCluster } from './pg-cluster.mjs';

let cluster;
try {
  let t = Date.now();
  cluster = await startCluster();
  const startMs = Date.now() - t;
  assert.ok(existsSync(cluster.dir), 'cluster dir exists while running');
  assert.match(cluster.url, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/pvi$/);

  for (const url of [cluster.url, cluster.adminUrl]) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('select version(), current_database() as db');
    await client.end();
    console.log(`${rows[0].db}: ${rows[0].version}`);
    assert.match(rows[0].version, /^PostgreSQL \d+/);
  }

  t = Date.now();
  await cluster.stop();
  const stopMs = Date.now() - t;
  await cluster.stop(); // idempotent
  assert.ok(!existsSync(cluster.dir), 'cluster dir removed after stop');

  console.log(`PASS (start ${startMs} ms, stop ${stopMs} ms)`);
} catch (err) {
  console.error(err);
  await cluster?.stop().catch(() => {});
  console.log('FAIL');
  process.exitCode = 1;
}
