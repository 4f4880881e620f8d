#!/usr/bin/env node
// Throwaway PostgreSQL cluster for tests, CI and benchmarks.
//
//   node scripts/pg-cluster.mjs start [--port N] [--dir D]   prints DATABASE_URL=..., leaves it running
//   node scripts/pg-cluster.mjs stop --dir D                 stops it and removes D
//   node scripts/pg-cluster.mjs run [--port N] -- CMD ARGS   CMD gets TEST_DATABASE_URL/DATABASE_URL_ADMIN
//
// `start` prints KEY=value lines, so in GitHub Actions: node scripts/pg-cluster.mjs start >> "$GITHUB_ENV"
//
// As a module: startCluster({ port, quiet, dir }) and withCluster(fn).
// Uses node: builtins only, so it runs before (or without) npm install.

import { spawn, execFile } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  openSync,
  closeSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs';
import {
  mkdtemp,
  mkdir,
  chown,
  rm,
  readdir,
  appendFile,
  writeFile,
  readFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, constants as osConstants } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_BIN = '/usr/lib/postgresql/15/bin';
const INSTALL_HINT = 'Install PostgreSQL 15 with: apt-get install -y postgresql-15';
const REQUIRED_BINARIES = ['initdb', 'pg_ctl', 'postgres', 'createdb'];
const MARKER = 'pg-cluster.json';
const DATABASE = 'pvi';

const SETTINGS = {
  listen_addresses: '127.0.0.1',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
  shared_buffers: '512MB',
  work_mem: '64MB',
  maintenance_work_mem: '256MB',
};

/** Resolve the folder holding initdb & co: PG_BIN, else PostgreSQL 15, else the highest installed. */
export function findPgBin() {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    const missing = REQUIRED_BINARIES.filter((b) => !existsSync(join(fromEnv, b)));
    if (missing.length > 0) {
      throw new Error(
        `PG_BIN=${fromEnv} does not contain ${missing.join(', ')}. ` +
          `Point PG_BIN at a PostgreSQL bin folder, or unset it to use ${DEFAULT_BIN}. ${INSTALL_HINT}`,
      );
    }
    return fromEnv;
  }
  const candidates = [DEFAULT_BIN];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, 'bin')));
  }
  const found = candidates.find((dir) => REQUIRED_BINARIES.every((b) => existsSync(join(dir, b))));
  if (!found) {
    throw new Error(
      `PostgreSQL server binaries not found: no folder with ${REQUIRED_BINARIES.join(', ')} ` +
        `among ${[...new Set(candidates)].join(', ')}. ${INSTALL_HINT} ` +
        `(or set PG_BIN to the folder containing initdb and pg_ctl).`,
    );
  }
  return found;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** initdb refuses to run as root, so as root everything runs as the `postgres` OS user. */
async function resolveRunAs() {
  if (!isRoot()) return null;
  const id = (flag) =>
    new Promise((res) => {
      execFile('id', [flag, 'postgres'], (err, stdout) => res(err ? null : Number(stdout.trim())));
    });
  const [uid, gid] = await Promise.all([id('-u'), id('-g')]);
  if (uid === null || gid === null || Number.isNaN(uid) || Number.isNaN(gid)) {
    throw new Error(
      'OS user "postgres" does not exist. This process runs as root and initdb refuses to run as root, ' +
        `so the cluster must run as "postgres". ${INSTALL_HINT} (which creates that user), or create the user with: ` +
        'useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres',
    );
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));
  if (!runuser) {
    throw new Error(
      'runuser not found (needed to run initdb as "postgres"). Install it with: apt-get install -y util-linux',
    );
  }
  return { uid, gid, runuser };
}

/** Environment for PostgreSQL tools: stray PG* variables (PGHOST, PGSSLMODE, ...) would redirect them. */
function toolEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
}

/**
 * Run a PostgreSQL tool, as `postgres` when root. Output is collected for error messages.
 * `outputFd` sends stdout/stderr to a file instead: pg_ctl start leaves the postmaster running,
 * and a pipe it inherited would keep this process alive.
 */
function runTool(ctx, tool, args, { outputFd } = {}) {
  const bin = join(ctx.binDir, tool);
  const [cmd, argv] = ctx.runAs
    ? [ctx.runAs.runuser, ['-u', 'postgres', '--', bin, ...args]]
    : [bin, args];
  return new Promise((res, rej) => {
    const child = spawn(cmd, argv, {
      cwd: ctx.dir, // a cwd postgres cannot enter makes the tools warn
      env: toolEnv(),
      stdio: outputFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', outputFd, outputFd],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', rej);
    child.on('close', (code, signal) => res({ ok: code === 0, code, signal, output }));
  });
}

function toolError(what, result) {
  const status = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
  return new Error(`${what} failed (${status})\n${result.output.trim()}`);
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => res(port));
    });
  });
}

const confQuote = (value) => `'${String(value).replace(/'/g, "''")}'`;

async function initdb(ctx) {
  const data = join(ctx.dir, 'data');
  const base = ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'];
  let result = await runTool(ctx, 'initdb', [...base, '--locale=C.UTF-8']);
  // Minimal images may lack the C.UTF-8 locale: "initdb: error: invalid locale name".
  if (!result.ok && /initdb: error:.*locale/i.test(result.output)) {
    await rm(data, { recursive: true, force: true });
    result = await runTool(ctx, 'initdb', [...base, '--no-locale']);
  }
  if (!result.ok) throw toolError('initdb', result);
  const settings = { ...SETTINGS, unix_socket_directories: ctx.dir };
  const lines = Object.entries(settings).map(([k, v]) => `${k} = ${confQuote(v)}`);
  // Appending keeps the file's owner (postgres); the port is passed to pg_ctl per attempt.
  await appendFile(join(data, 'postgresql.conf'), `\n# pg-cluster.mjs\n${lines.join('\n')}\n`);
}

/** Start the postmaster; resolves to false if the port was taken (so a new one can be tried). */
async function pgCtlStart(ctx, port) {
  const outFile = join(ctx.dir, 'pg_ctl.out');
  const logFile = join(ctx.dir, 'postgres.log');
  const fd = openSync(outFile, 'w');
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  let result;
  try {
    const args = [
      'start',
      '-D',
      join(ctx.dir, 'data'),
      '-l',
      logFile,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port}`,
    ];
    result = await runTool(ctx, 'pg_ctl', args, { outputFd: fd });
  } finally {
    closeSync(fd);
  }
  if (result.ok) return true;
  // Only this attempt's part of the log: earlier attempts may have failed on the port.
  const log = existsSync(logFile) ? readFileSync(logFile).subarray(logStart).toString('utf8') : '';
  if (/could not bind|address already in use/i.test(log)) return false;
  result.output = `${readFileSync(outFile, 'utf8').trim()}\n--- ${logFile} ---\n${log.trim()}`;
  throw toolError('pg_ctl start', result);
}

function postmasterAlive(data) {
  let pid;
  try {
    pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function stopDir(dir, { quiet = true } = {}) {
  if (!existsSync(dir)) return;
  if (!existsSync(join(dir, MARKER))) {
    throw new Error(
      `${dir} was not created by pg-cluster.mjs (no ${MARKER}); refusing to remove it.`,
    );
  }
  const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8'));
  const data = join(dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    const binDir =
      marker.binDir && existsSync(join(marker.binDir, 'pg_ctl')) ? marker.binDir : findPgBin();
    const ctx = { binDir, dir, runAs: await resolveRunAs() };
    const started = Date.now();
    const result = await runTool(ctx, 'pg_ctl', [
      'stop',
      '-D',
      data,
      '-m',
      'fast',
      '-w',
      '-t',
      '60',
    ]);
    // pg_ctl also fails when the server already died (stale pid file): only a live pid counts.
    if (!result.ok && postmasterAlive(data)) {
      throw toolError(`pg_ctl stop (cluster left in ${dir})`, result);
    }
    const outcome = result.ok ? `stopped in ${Date.now() - started} ms` : 'was not running';
    if (!quiet) log(`PostgreSQL ${outcome} (${dir})`);
  }
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

function log(message) {
  process.stderr.write(`pg-cluster: ${message}\n`);
}

/**
 * Start a throwaway PostgreSQL cluster.
 * @param {{ port?: number, quiet?: boolean, dir?: string }} [options]
 *   dir: use this (new or empty) folder instead of a fresh one under os.tmpdir().
 * @returns {Promise<{ url: string, adminUrl: string, port: number, dir: string, stop: () => Promise<void> }>}
 */
export async function startCluster({ port, quiet = false, dir: wantedDir } = {}) {
  const started = Date.now();
  const binDir = findPgBin();
  const runAs = await resolveRunAs();

  let dir;
  if (wantedDir) {
    dir = resolve(wantedDir);
    await mkdir(dir, { recursive: true });
    if ((await readdir(dir)).length > 0) throw new Error(`--dir ${dir} is not empty.`);
  } else {
    dir = await mkdtemp(join(tmpdir(), 'pg-cluster-'));
  }
  const ctx = { binDir, dir, runAs };

  let stopping;
  const stop = () => {
    // Memoised so repeated calls share one stop; reset on failure so it can be retried.
    stopping ??= stopDir(dir, { quiet }).catch((err) => {
      stopping = undefined;
      throw err;
    });
    return stopping;
  };

  try {
    await writeFile(join(dir, MARKER), `${JSON.stringify({ binDir }, null, 2)}\n`);
    if (runAs) await chown(dir, runAs.uid, runAs.gid);
    await initdb(ctx);

    let chosen;
    for (let attempt = 1; ; attempt++) {
      chosen = port ?? (await freePort());
      if (await pgCtlStart(ctx, chosen)) break;
      // A port picked by us can be grabbed by someone else before postgres binds it: pick again.
      if (port !== undefined || attempt >= 5) throw new Error(`Port ${chosen} is already in use.`);
    }

    const created = await runTool(ctx, 'createdb', [
      '-h',
      '127.0.0.1',
      '-p',
      String(chosen),
      '-U',
      'postgres',
      DATABASE,
    ]);
    if (!created.ok) throw toolError(`createdb ${DATABASE}`, created);

    const base = `postgres://postgres@127.0.0.1:${chosen}`;
    if (!quiet) log(`PostgreSQL up on 127.0.0.1:${chosen} in ${Date.now() - started} ms (${dir})`);
    return { url: `${base}/${DATABASE}`, adminUrl: `${base}/postgres`, port: chosen, dir, stop };
  } catch (err) {
    try {
      await stop();
    } catch (cleanupErr) {
      log(`cleanup after failed start also failed: ${cleanupErr.message}`);
    }
    if (runAs && /Permission denied/i.test(String(err.message))) {
      err.message += `\n(Hint: the "postgres" user must be able to enter every parent folder of ${dir}.)`;
    }
    throw err;
  }
}

/** Start a cluster, run fn(cluster), always stop it. */
export async function withCluster(fn, options) {
  const cluster = await startCluster(options);
  try {
    return await fn(cluster);
  } finally {
    await cluster.stop();
  }
}

// ---------------------------------------------------------------- CLI

const USAGE = `Usage:
  node scripts/pg-cluster.mjs start [--port N] [--dir D]
  node scripts/pg-cluster.mjs stop --dir D
  node scripts/pg-cluster.mjs run [--port N] -- CMD [ARGS...]`;

function parseCliArgs(argv) {
  const dashDash = argv.indexOf('--');
  const own = dashDash === -1 ? argv : argv.slice(0, dashDash);
  const command = dashDash === -1 ? [] : argv.slice(dashDash + 1);
  const [action, ...rest] = own;
  const opts = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.split(/=(.*)/s);
    const value = inline ?? rest[++i];
    if ((flag !== '--port' && flag !== '--dir') || value === undefined) {
      throw new Error(`Unexpected argument "${arg}".\n${USAGE}`);
    }
    opts[flag.slice(2)] = value;
  }
  if (opts.port !== undefined) {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`Invalid --port ${opts.port}.`);
    opts.port = port;
  }
  return { action, opts, command };
}

async function cliRun(opts, command) {
  if (command.length === 0) throw new Error(`run needs a command after "--".\n${USAGE}`);
  let child;
  let signalled;
  // Ctrl-C in a terminal also reaches the child directly; forwarding is for signals sent to us alone.
  const onSignal = (signal) => {
    signalled ??= signal;
    child?.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);

  let cluster;
  try {
    cluster = await startCluster({ port: opts.port });
  } catch (err) {
    if (signalled) return 128 + osConstants.signals[signalled];
    throw err;
  }
  if (signalled) {
    await cluster.stop();
    return 128 + osConstants.signals[signalled];
  }

  const code = await new Promise((res) => {
    child = spawn(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: cluster.url, DATABASE_URL_ADMIN: cluster.adminUrl },
    });
    child.on('error', (err) => {
      log(`cannot run ${command[0]}: ${err.message}`);
      res(127);
    });
    child.on('exit', (exitCode, signal) =>
      res(exitCode ?? 128 + (osConstants.signals[signal] ?? 0)),
    );
  });
  await cluster.stop();
  for (const s of signals) process.off(s, onSignal);
  return code;
}

async function main(argv) {
  const { action, opts, command } = parseCliArgs(argv);
  switch (action) {
    case 'start': {
      const cluster = await startCluster({ port: opts.port, dir: opts.dir });
      process.stdout.write(
        `DATABASE_URL=${cluster.url}\nDATABASE_URL_ADMIN=${cluster.adminUrl}\nPG_CLUSTER_DIR=${cluster.dir}\n`,
      );
      return 0;
    }
    case 'stop':
      if (!opts.dir) throw new Error(`stop needs --dir.\n${USAGE}`);
      await stopDir(resolve(opts.dir), { quiet: false });
      return 0;
    case 'run':
      return cliRun(opts, command);
    default:
      throw new Error(action ? `Unknown command "${action}".\n${USAGE}` : USAGE);
  }
}

function invokedDirectly() {
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false; // imported from `node -e`, a REPL, ...
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      log(err.message);
      process.exitCode = 1;
    },
  );
}
