#!/usr/bin/env node
// Generated artefacts must match their sources, and the API document must follow our rules:
//   1. apps/api/openapi.json is what the routes generate (`npm run openapi`);
//   2. packages/db/migrations hold every schema change (`npm run db:generate` finds nothing new);
//   3. apps/api/openapi.json passes the local Spectral ruleset (.spectral.yaml, NL API Design Rules).
// Exit 0 when all pass, 1 when any fails. Nothing in the working tree is written.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const binDir = join(root, 'node_modules', '.bin');
const temp = mkdtempSync(join(tmpdir(), 'pvi-drift-'));
const failures = [];

// The tools run on the repository's Node (node_modules/.bin/node) whatever started this script;
// TMPDIR points into our temp folder so whatever they leave there is removed with it.
const env = {
  ...process.env,
  PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
  TMPDIR: temp,
  LOG_LEVEL: 'silent',
};

function run(name, args) {
  const result = spawnSync(join(binDir, name), args, {
    cwd: root,
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'pipe'], // no terminal: a tool that wants to ask something fails
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const error = result.error ? `${result.error.message}\n` : '';
  return { ok: result.status === 0, status: result.status, output: error + output };
}

const ok = (what) => console.log(`ok    ${what}`);
const fail = (what, details) => {
  console.log(`FAIL  ${what}`);
  failures.push(details ? `${what}\n${indent(details)}` : what);
};
const indent = (text) =>
  text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');

/** JSON pointers where the generated and the committed document differ (the first `limit`). */
function differences(generated, committed, pointer = '', out = [], limit = 15) {
  if (out.length >= limit) return out;
  const [a, b] = [generated, committed];
  if (
    !a ||
    !b ||
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      const where = pointer || '/';
      out.push(
        a === undefined
          ? `only in the committed file:  ${where}`
          : b === undefined
            ? `only in the routes:          ${where}`
            : `different:                   ${where}`,
      );
    }
    return out;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    differences(a[key], b[key], child, out, limit);
  }
  return out;
}

try {
  // 1. The committed OpenAPI document is what the routes generate now.
  {
    const what = 'apps/api/openapi.json matches the routes (pvi openapi)';
    const committedPath = join(root, 'apps/api/openapi.json');
    const generatedPath = join(temp, 'openapi.json');
    const gen = run('pvi', ['openapi', '--out', generatedPath]);
    if (!gen.ok) fail(`${what}: pvi openapi failed (exit ${gen.status})`, gen.output);
    else if (!existsSync(committedPath))
      fail(`${what}: apps/api/openapi.json is missing; run \`npm run openapi\` and commit it.`);
    else {
      const generated = readFileSync(generatedPath, 'utf8');
      const committed = readFileSync(committedPath, 'utf8');
      if (generated === committed) ok(what);
      else {
        let detail;
        try {
          const diff = differences(JSON.parse(generated), JSON.parse(committed));
          detail = diff.length
            ? diff.join('\n')
            : 'same content, different formatting (was the file reformatted by hand?)';
        } catch {
          detail = 'apps/api/openapi.json is not valid JSON';
        }
        fail(
          'apps/api/openapi.json differs from what the routes generate: run `npm run openapi` and commit it.',
          detail,
        );
      }
    }
  }

  // 2. drizzle-kit finds nothing to generate against a copy of the migrations.
  {
    const what = 'packages/db/migrations match the schema (drizzle-kit generate)';
    const migrations = join(temp, 'migrations');
    cpSync(join(root, 'packages/db/migrations'), migrations, { recursive: true });
    const sqlFiles = () => readdirSync(migrations).filter((f) => f.endsWith('.sql'));
    const before = new Set(sqlFiles());
    const kit = run('drizzle-kit', [
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
    const added = sqlFiles().filter((f) => !before.has(f));
    if (added.length) {
      const sql = added.map((f) => `-- ${f}\n${readFileSync(join(migrations, f), 'utf8').trim()}`);
      fail(
        'schema and migrations drift: run `npm run db:generate` and commit the new migration.',
        sql.join('\n'),
      );
    } else if (!kit.ok || !/No schema changes/i.test(kit.output)) {
      // drizzle-kit can exit 0 after an error, or stop at a question (a rename?) without a terminal.
      fail(
        `${what}: drizzle-kit did not say "No schema changes" (exit ${kit.status}); if it asks about a rename, run \`npm run db:generate\` in a terminal.`,
        kit.output,
      );
    } else ok(what);
  }

  // 3. The committed document passes the local NL API Design Rules ruleset.
  {
    const what = 'apps/api/openapi.json passes .spectral.yaml (NL API Design Rules)';
    const lint = run('spectral', [
      'lint',
      'apps/api/openapi.json',
      '--ruleset',
      '.spectral.yaml',
      '--fail-severity',
      'warn',
    ]);
    if (!lint.ok) fail(`${what}: Spectral found problems (exit ${lint.status})`, lint.output);
    else {
      const known = lint.output.split('\n').filter((line) => /\binformation\b/.test(line));
      ok(what + (known.length ? `; ${known.length} known gap(s) at severity info:` : ''));
      if (known.length) console.log(indent(known.map((l) => l.trim()).join('\n')));
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\ncheck:drift: ${failures.length} of 3 checks failed:`);
  for (const f of failures) console.error(`- ${f}`);
  process.exit(1);
}
console.log('\ncheck:drift: 3 of 3 checks passed');
