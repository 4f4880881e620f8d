#!/usr/bin/env node
// `npm test`: lint, types, drift checks, the web CSS check, unit, web component and integration
// tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), then the browser tests (vitest
// project `e2e`) when a Chromium is found. Runs every step, reports each, and ends with one line
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function vitest(name, projects) {
  const report = join(mkdtempSync(join(tmpdir(), 'pvi-test-')), 'report.json');
  const args = [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  step(name, bin('vitest'), args);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed +=
      json.numFailedTests +
      (json.numTotalTestSuites > 0 && json.success === false && json.numFailedTests === 0 ? 1 : 0);
    skipped += json.numPendingTests + json.numTodoTests;
  } else {
    failed += 1;
  }
}

step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('format', bin('prettier'), ['--check', '.']);
step('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
step('drift (OpenAPI, migrations, Spectral)', process.execPath, [
  join(root, 'scripts/check-drift.mjs'),
]);
step('no raw colours in the web CSS', process.execPath, [join(root, 'scripts/check-css.mjs')]);

const projects = ['unit', 'web', 'integration'];
if (process.env.TEST_DATABASE_URL) projects.push('integration-pg');
else
  process.stdout.write(
    '\nTEST_DATABASE_URL is not set: the integration suite runs on PGlite only.\n',
  );
vitest(`vitest (${projects.join(', ')})`, projects);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
let notRun = null;
const e2eTests =
  existsSync(join(root, 'e2e')) &&
  readdirSync(join(root, 'e2e')).some((f) => f.endsWith('.test.ts'));
if (!e2eTests) {
  process.stdout.write(
    '\nNo browser tests exist yet (e2e/ is empty until the web application lands).\n',
  );
} else if (!existsSync(chromium)) {
  notRun = `browser tests DID NOT RUN: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  process.stdout.write(
    `\nBrowser tests DID NOT RUN: no Chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH, then run npm test again (or only them: npx vitest run --project e2e).\n`,
  );
} else {
  vitest(`browser tests (Chromium at ${chromium})`, ['e2e']);
}

process.stdout.write('\n=== summary\n');
for (const r of results)
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(1)} s)\n`);
if (notRun) process.stdout.write(`SKIP  ${notRun}\n`);
const stepFailures = results.filter(
  (r) => !r.ok && !r.name.startsWith('vitest') && !r.name.startsWith('browser'),
).length;
failed += stepFailures;
process.stdout.write(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exit(results.every((r) => r.ok) ? 0 : 1);
