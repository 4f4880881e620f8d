import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@pvi/db';

// The CLI always works on its own embedded data folder here, whatever database the suite uses.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const pvi = join(root, 'node_modules/.bin/pvi');
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const folders: string[] = [];

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'pvi-cli-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(
  args: string[],
  dataDir: string,
  input?: string,
  extraEnv: Record<string, string> = {},
) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PVI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const child = spawn(pvi, args, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? '');
  const done = new Promise<Run>((resolve) => {
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done, output: () => stdout + stderr };
}

const run = (args: string[], dataDir: string, input?: string) => start(args, dataDir, input).done;

async function waitFor(check: () => boolean, what: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function withDb<T>(
  dataDir: string,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const handle = await openDatabase({ dataDir });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

describe('pvi command line', () => {
  it('explains itself and exits non-zero on misuse', async () => {
    const dir = tempDir();
    const help = await run(['--help'], dir);
    expect(help.code).toBe(0);
    for (const c of ['serve', 'migrate', 'demo', 'import', 'user', 'audit'])
      expect(help.stdout).toContain(c);
    const sub = await run(['import', '--help'], dir);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/pvi import org\|people FILE\.csv/);
    expect((await run(['frobnicate'], dir)).code).toBe(2);
    const bad = await run(['import', 'teams'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Usage: pvi import org\|people/);
    expect((await run(['demo', '--scale', 'huge'], dir)).code).toBe(2);
    expect((await run(['user', 'create', '--username', 'x'], dir)).code).toBe(2);
  });

  it('imports files, refuses a bad one with line numbers, manages users and verifies the audit trail', async () => {
    const dir = tempDir();
    const org = await run(['import', 'org', fixture('org.csv')], dir);
    expect(org.code, org.stderr).toBe(0);
    expect(org.stdout).toMatch(/6 rows — 6 new/);
    const bad = await run(['import', 'people', fixture('people-bad.csv')], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 3: family_name is empty/);
    expect(bad.stderr).toMatch(/nothing was written/);
    expect((await run(['import', 'people', fixture('people.csv')], dir)).code).toBe(0);
    const again = await run(['import', 'people', fixture('people.csv')], dir);
    expect(again.stdout).toMatch(/0 new, 0 changed, 9 unchanged/);

    const created = await run(
      [
        'user',
        'create',
        '--username',
        'sanne',
        '--role',
        'teamchef',
        '--scope',
        'team:XU1-D1-BT1',
        '--person',
        '9000001',
      ],
      dir,
      'een-lang-genoeg-wachtwoord\n',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(
      (
        await run(
          ['user', 'grant', '--username', 'sanne', '--role', 'medewerker', '--scope', 'unit:XU1'],
          dir,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await run(
          ['user', 'revoke', '--username', 'sanne', '--role', 'medewerker', '--scope', 'unit:XU1'],
          dir,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await run(
          ['user', 'revoke', '--username', 'sanne', '--role', 'medewerker', '--scope', 'unit:XU1'],
          dir,
        )
      ).code,
    ).toBe(1);
    const weak = await run(
      [
        'user',
        'create',
        '--username',
        'kort',
        '--role',
        'cdo',
        '--scope',
        'national',
        '--password',
        'kort',
      ],
      dir,
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/12 characters/);
    expect(
      (
        await run(
          ['user', 'grant', '--username', 'sanne', '--role', 'cdo', '--scope', 'unit:NOPE'],
          dir,
        )
      ).code,
    ).toBe(1);

    const intact = await run(['audit', 'verify'], dir);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Audit trail intact: \d+ rows/);
    const seq = await withDb(dir, async (h) => {
      const rows = await queryRows<{ seq: number }>(
        h.db,
        sql`select min(seq)::int + 1 as seq from audit_log`,
      );
      await h.db.execute(sql`alter table audit_log disable trigger audit_log_immutable`);
      await h.db.execute(sql`update audit_log set action = 'erased' where seq = ${rows[0]!.seq}`);
      return rows[0]!.seq;
    });
    const broken = await run(['audit', 'verify'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`seq=${seq}`);
  }, 180_000); // about ten processes, each opening the embedded database

  it('refuses a second process on the same data folder, naming the lock and its holder', async () => {
    const dir = tempDir();
    const server = start(['serve', '--port', '0'], dir, undefined, { LOG_LEVEL: 'info' });
    try {
      await waitFor(() => server.output().includes('Server listening'), 'the server to listen');
      const second = await run(['migrate'], dir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(join(dir, 'pvi.lock'));
      expect(second.stderr).toContain(`process ${server.child.pid}`);
    } finally {
      server.child.kill('SIGTERM');
      await server.done;
    }
    expect((await run(['migrate'], dir)).code).toBe(0); // the lock is released on exit
  });

  it('keeps a people import all or nothing when the process is killed with SIGKILL', async () => {
    const dir = tempDir();
    const files = tempDir();
    expect(
      (await run(['demo', '--scale', 'national', '--seed', '3', '--out', files], dir)).code,
    ).toBe(0);
    expect((await run(['import', 'org', join(files, 'org.csv')], dir)).code).toBe(0);
    const importing = start(['import', 'people', join(files, 'people.csv')], dir);
    try {
      await waitFor(
        () => /schrijven [1-9]\d?%/.test(importing.output()),
        'the import to be writing',
        120_000,
      );
      importing.child.kill('SIGKILL');
    } finally {
      await importing.done;
    }
    expect(importing.child.signalCode).toBe('SIGKILL');
    const afterKill = await withDb(
      dir,
      async (h) =>
        (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from people`))[0]!.n,
    );
    expect(afterKill).toBe(0);
    const retry = await run(['import', 'people', join(files, 'people.csv')], dir);
    expect(retry.code, retry.stderr).toBe(0);
    const afterRetry = await withDb(
      dir,
      async (h) =>
        (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from people`))[0]!.n,
    );
    expect(afterRetry).toBeGreaterThan(60_000);
  }, 300_000);
});
