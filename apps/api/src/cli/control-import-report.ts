import { controlImportFormats, type ControlImportFormat } from '@pvi/contracts';
import type { ControlImportResult } from '../modules/controls/import/controls-import.service.ts';
import type { AreaImportResult } from '../modules/controls/import/areas-import.service.ts';
import { UsageError } from './context.ts';

/** The controls and areas imports of the command line: reading the format, reporting results. */

const out = (line: string) => process.stdout.write(`${line}\n`);

export function parseControlFormat(value: unknown): ControlImportFormat {
  if (typeof value !== 'string' || !(controlImportFormats as readonly string[]).includes(value))
    throw new UsageError(`--format must be one of ${controlImportFormats.join(', ')}.`);
  return value as ControlImportFormat;
}

/** `2026-02-city-of-london-stop-and-search.csv` → `city-of-london`. */
export function policeUkAreaOf(path: string): string | null {
  const match = /(?:^|\/)\d{4}-\d{2}-(.+?)-stop-and-search\.csv$/i.exec(path);
  return match?.[1] ?? null;
}

export function reportControlImport(r: ControlImportResult): number {
  if (r.alreadyImported) {
    out(
      `This file was imported before (sha256 ${r.sha256.slice(0, 12)}…): nothing changed. ${r.rows} rows, ${r.rejected} of them bad.`,
    );
    return 0;
  }
  for (const p of r.problems) process.stderr.write(`  line ${p.line}: ${p.reason}\n`);
  if (r.rejected > r.problems.length)
    process.stderr.write(`  … and ${r.rejected - r.problems.length} more bad rows.\n`);
  if (!r.ok) {
    process.stderr.write('The file could not be read to its end; importing it again retries.\n');
    return 1;
  }
  out(
    `Imported controls (${r.format}): ${r.rows} rows — ${r.inserted} new, ${r.unchanged} already there, ${r.rejected} bad (sha256 ${r.sha256.slice(0, 12)}…).`,
  );
  return r.rejected > 0 ? 1 : 0;
}

export function reportAreaImport(r: AreaImportResult): number {
  if (!r.ok) {
    process.stderr.write(`Import refused: ${r.problems.length} bad row(s); nothing was written.\n`);
    for (const p of r.problems) process.stderr.write(`  line ${p.line}: ${p.reason}\n`);
    return 1;
  }
  out(
    `Imported areas: ${r.rows} rows — ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged.`,
  );
  return 0;
}
