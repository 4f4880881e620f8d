import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@pvi/db';

// The CLI works on its own embedded data folder here, whatever database the suite uses.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const pvi = join(root, 'node_modules/.bin/pvi');
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pvi-cli-controls-'));
const dataDir = join(dir, 'data');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PVI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  };
  delete childEnv.DATABASE_URL;
  delete childEnv.PVI_PSEUDONYM_KEYS;
  Object.assign(childEnv, env);
  const child = spawn(pvi, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe('pvi import controls and pvi controls', () => {
  it('imports a police.uk file named as police.uk names them, reporting bad rows, then changes nothing', async () => {
    const file = join(dir, '2026-02-test-force-stop-and-search.csv');
    copyFileSync(fixture('controls-police-uk.csv'), file);
    const first = await run(['import', 'controls', '--format', 'police-uk', file]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      /Imported controls \(police-uk\): 9 rows — 6 new, 0 already there, 3 bad/,
    );
    expect(first.stderr).toMatch(/line 4: Date "2026-02-31/);
    expect(first.stderr).toMatch(/schrijven/);
    const again = await run(['import', 'controls', '--format', 'police-uk', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/imported before/);
    const handle = await openDatabase({ dataDir });
    try {
      const rows = await queryRows<{ area: string; n: number }>(
        handle.db,
        sql`select source_area as area, count(*)::int as n from controls group by 1`,
      );
      expect(rows).toEqual([{ area: 'test-force', n: 6 }]);
    } finally {
      await handle.close();
    }
  });

  it('refuses a control import without a known format', async () => {
    const r = await run(['import', 'controls', '--format', 'xml', fixture('controls-opp.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of pvi, police-uk, opp/);
  });

  it('imports CBS areas', async () => {
    const r = await run(['import', 'areas', fixture('areas-cbs.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Imported areas: 4 rows — 4 new/);
  });

  it('rebuilds the rollup and reports pseudonym key versions', async () => {
    const rollup = await run(['controls', 'rollup']);
    expect(rollup.code, rollup.stderr).toBe(0);
    expect(rollup.stdout).toMatch(/Rollup rebuilt for 2026-02 … 2026-02: \d+ rows/);
    const key = Buffer.alloc(32, 3).toString('base64');
    const rehash = await run(['controls', 'rehash', '--purge'], {
      PVI_PSEUDONYM_KEYS: `v3:${key}`,
    });
    expect(rehash.code, rehash.stderr).toBe(0);
    expect(rehash.stdout).toMatch(/Configured key versions \(current first\): v3/);
    expect(rehash.stdout).toMatch(/cannot be recomputed/);
    expect(rehash.stdout).toMatch(/Forgot 0 pseudonyms/);
  });
});
