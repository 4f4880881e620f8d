#!/usr/bin/env node
// npm run bench -- NAME [ARGS...]   runs bench/NAME.bench.ts through tsx.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SUFFIX = '.bench.ts';
const names = readdirSync(here)
  .filter((f) => f.endsWith(SUFFIX))
  .map((f) => f.slice(0, -SUFFIX.length))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  if (name) process.stderr.write(`Unknown benchmark "${name}".\n`);
  process.stderr.write(
    `Usage: npm run bench -- NAME\nBenchmarks:\n${names.map((n) => `  ${n}`).join('\n')}\n`,
  );
  process.exit(name ? 2 : 1);
}

const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
if (!existsSync(tsx)) {
  process.stderr.write(`${tsx} not found: run npm install first.\n`);
  process.exit(1);
}

// tsx starts with `#!/usr/bin/env node`: put this Node (22, from npm run) first on the PATH.
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
};
const child = spawn(tsx, [join(here, `${name}${SUFFIX}`), ...args], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// Ctrl-C reaches the child through the terminal; a signal sent to us alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  process.stderr.write(`cannot run ${tsx}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1));
});
