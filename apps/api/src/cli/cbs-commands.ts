import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { cbsDatasetImportQuery, cbsLinkingExportQuery } from '@pvi/contracts';
import { systemActor } from '../modules/audit/audit.service.ts';
import type { Command } from './commands.ts';
import { UsageError, withContext } from './context.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** `pvi cbs …`: the linking file for CBS and the aggregates CBS returns (docs/controls-analysis.md). */
export const cbsCommand: Command = {
  summary: 'CBS linking: write the pseudonymised linking file, import aggregates returned by CBS',
  usage:
    'pvi cbs export --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.csv\n       pvi cbs import FILE.csv --name NAME --source SOURCE [--description TEXT]\n  export needs PVI_CBS_LINK_KEYS; import loads the good rows and lists the bad ones by line\n  (exit 1 when any row was bad); the same file twice changes nothing.',
  options: {
    from: { type: 'string', help: 'export: first day (Amsterdam)' },
    to: { type: 'string', help: 'export: last day (inclusive)' },
    out: { type: 'string', help: 'export: the file to write' },
    name: { type: 'string', help: 'import: a name for the dataset' },
    source: { type: 'string', help: 'import: where the file comes from' },
    description: { type: 'string', help: 'import: what it covers' },
  },
  run: async (flags, args) => {
    const [what, path] = args;
    if (what === 'export') {
      const q = cbsLinkingExportQuery.safeParse({ from: flags.from, to: flags.to });
      if (!q.success || typeof flags.out !== 'string')
        throw new UsageError('pvi cbs export needs --from and --to as YYYY-MM-DD, and --out FILE.');
      const file = flags.out;
      return withContext(async (ctx) => {
        const stream = await ctx.cbs.exportLinking(systemActor('cli'), q.data);
        await pipeline(stream, createWriteStream(file));
        out(`Wrote the CBS linking file ${file}.`);
        return 0;
      });
    }
    if (what === 'import' && path) {
      const meta = cbsDatasetImportQuery.safeParse({
        title: flags.name,
        source: flags.source,
        description: flags.description,
      });
      if (!meta.success) throw new UsageError('pvi cbs import needs --name and --source.');
      const text = await readFile(path, 'utf8').catch(() => {
        throw new UsageError(`Cannot read ${path}.`);
      });
      return withContext(async (ctx) => {
        const r = await ctx.cbs.importDataset(systemActor('cli'), meta.data, text);
        for (const p of r.problems) process.stderr.write(`  line ${p.line}: ${p.reason}\n`);
        out(
          r.alreadyImported
            ? `This file was imported before (dataset ${r.dataset.id}); nothing changed.`
            : `Dataset ${r.dataset.id}: ${r.outcomeRows} outcome rows and ${r.darknessRows} darkness rows loaded, ${r.dataset.rowsRejected} rejected.`,
        );
        return r.problems.length ? 1 : 0;
      });
    }
    throw new UsageError('Usage: pvi cbs export … | pvi cbs import FILE.csv …');
  },
};
