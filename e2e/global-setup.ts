/**
 * Once for the whole browser suite: build the web app (as `npm run build:web` does), start ONE
 * real server with `pvi start` (migrations, the small demo organisation, the built app on the same
 * origin) in a fresh temporary data folder on a free port, wait until it is ready, hand its
 * address to the tests, and stop it and remove the folder afterwards.
 *
 * While writing tests: PVI_E2E_SKIP_BUILD=1 reuses an existing apps/web/dist, and
 * PVI_E2E_BASE_URL=http://127.0.0.1:3000 uses a server you started yourself (with the demo
 * organisation loaded; the tests change its data) instead of starting one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './harness.ts';

const root = join(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 180_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function buildWeb() {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'error',
    ],
    // Vitest sets NODE_ENV=test, which would give a development build (React's development
    // runtime, import.meta.env.PROD false): test what `npm run build:web` ships instead.
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (r.status !== 0) throw new Error(`Building the web app failed:\n${r.stdout}\n${r.stderr}`);
  process.stdout.write(`e2e: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Resolves when GET /api/v1/health/ready answers 200; rejects when the server exits or takes too long. */
async function waitUntilReady(base: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const exited = child.signalCode ?? child.exitCode;
    if (exited !== null)
      throw new Error(`pvi start exited (${exited}) before it was ready:\n${output()}`);
    if (Date.now() > deadline)
      throw new Error(`pvi start was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
    try {
      const response = await fetch(`${base}/api/v1/health/ready`);
      if (response.ok) {
        // Ready also means the demo organisation is loaded: `pvi start` listens only afterwards.
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  const given = process.env.PVI_E2E_BASE_URL;
  if (given) {
    project.provide('pviBaseUrl', given.replace(/\/+$/, ''));
    return;
  }
  if (process.env.PVI_E2E_SKIP_BUILD !== '1' || !existsSync(join(root, 'apps/web/dist/index.html')))
    buildWeb();

  const dataDir = await mkdtemp(join(tmpdir(), 'pvi-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'apps/api/bin/pvi.mjs'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PVI_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(base, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  process.stdout.write(
    `e2e: pvi start ready on ${base} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  project.provide('pviBaseUrl', base);
  return stop;
}
