#!/usr/bin/env node
// Generated artefacts must match their sources: the OpenAPI document, the SQL migrations, and the
// OpenAPI document must pass our local Spectral ruleset (NL API Design Rules as we apply them).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const temp = mkdtempSync(join(tmpdir(), 'pvi-drift-'));
const failures = [];

function run(command, args) {
  return spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
}

try {
  // 1. OpenAPI document
  const openapi = join(temp, 'openapi.json');
  const gen = run(bin('pvi'), ['openapi', '--out', openapi]);
  if (gen.status !== 0) failures.push(`pvi openapi failed:\n${gen.stderr}`);
  else if (
    readFileSync(openapi, 'utf8') !== readFileSync(join(root, 'apps/api/openapi.json'), 'utf8')
  ) {
    failures.push(
      'apps/api/openapi.json differs from the routes: run `npm run openapi` and commit it.',
    );
  } else console.log('ok  OpenAPI document matches the routes');

  // 2. Migrations: drizzle-kit must find nothing new to generate.
  const migrations = join(temp, 'migrations');
  cpSync(join(root, 'packages/db/migrations'), migrations, { recursive: true });
  const before = readdirSync(migrations).filter((f) => f.endsWith('.sql'));
  const kit = run(bin('drizzle-kit'), [
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    'packages/db/src/schema/index.ts',
    '--out',
    relative(root, migrations),
    '--name',
    'drift',
  ]);
  const after = readdirSync(migrations).filter((f) => f.endsWith('.sql'));
  // drizzle-kit may exit 0 after an error, so its own "no changes" line is required too.
  if (
    kit.status !== 0 ||
    (after.length === before.length && !/No schema changes/.test(kit.stdout + kit.stderr))
  ) {
    failures.push(`drizzle-kit generate failed:\n${kit.stdout}\n${kit.stderr}`);
  } else if (after.length !== before.length) {
    failures.push(
      'The schema and the migrations drift: run `npm run db:generate` and commit the new migration.',
    );
  } else console.log('ok  migrations match the schema');

  // 3. Spectral
  const lint = run(bin('spectral'), [
    'lint',
    'apps/api/openapi.json',
    '--ruleset',
    '.spectral.yaml',
    '--fail-severity',
    'warn',
  ]);
  if (lint.status !== 0)
    failures.push(`Spectral found problems in the OpenAPI document:\n${lint.stdout}${lint.stderr}`);
  else console.log('ok  OpenAPI document passes .spectral.yaml');
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
