import { parseArgs } from 'node:util';
import { DataDirLockedError } from '@pvi/db';
import { AppError } from '../errors.ts';
import { commands } from './commands.ts';
import { UsageError } from './context.ts';

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'pvi — command line of the PvI platform',
    '',
    'Usage: pvi COMMAND [options]   (pvi COMMAND --help for details)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Environment: DATABASE_URL (a PostgreSQL server) or PVI_DATA_DIR (embedded database, default ./data); PORT.',
  ].join('\n');
}

function commandHelp(name: string): string {
  const c = commands[name]!;
  const lines = [`pvi ${name} — ${c.summary}`, '', `Usage: ${c.usage}`];
  const options = Object.entries(c.options ?? {});
  if (options.length) {
    lines.push('', 'Options:');
    for (const [flag, o] of options)
      lines.push(`  --${flag}${o.type === 'string' ? ' VALUE' : ''}  ${o.help}`);
  }
  lines.push('  --help  show this help');
  return lines.join('\n');
}

/** Runs the CLI; returns the exit code, or -1 when a server keeps running. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${mainHelp()}\n`);
    return 2;
  }
  const options = Object.fromEntries(
    Object.entries(command.options ?? {}).map(([k, o]) => [k, { type: o.type }]),
  ) as Record<string, { type: 'string' | 'boolean' }>;
  options.help = { type: 'boolean' };
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options,
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${commandHelp(name)}\n`);
      return 0;
    }
    return await command.run(values, positionals);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${(error as Error).message}\n\n${commandHelp(name)}\n`);
      return 2;
    }
    if (error instanceof DataDirLockedError || error instanceof AppError) {
      process.stderr.write(`Error: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Error: ${(error as Error).message}\n`);
    if (process.env.PVI_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
