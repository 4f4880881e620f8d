import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { CsvSplitter, CsvSyntaxError, type CsvRecord } from './csv-splitter.ts';
import type { CsvSource, ProgressListener, RowProblem } from '../../org/import/csv.ts';

/** The SHA-256 of a file, read once without parsing (the per-file idempotency key). */
export async function sha256Of(source: CsvSource, onProgress?: ProgressListener): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of source.stream()) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onProgress?.({ phase: 'reading', done, total: source.size });
  }
  return hash.digest('hex');
}

export interface CsvLine {
  line: number;
  values: Record<string, string>;
  /** The fields in header order, for content keys. */
  fields: string[];
}

export type RowItem = CsvLine | { header: string[] } | { line: number; bad: string };

/**
 * Streams the rows of a CSV with a header, one array per chunk read: the caller awaits its own
 * writes between arrays, so the file is never in memory. The header is compared in lower case; a
 * row with the wrong number of fields comes as `bad`. Problems with the file itself (header, not
 * CSV, empty) go to `problems`. Bytes read are reported as progress.
 */
export async function* readRows(
  source: CsvSource,
  required: readonly string[],
  problems: (p: RowProblem, fileLevel?: boolean) => void,
  onProgress?: ProgressListener,
  options: { delimiter?: string } = {},
): AsyncGenerator<RowItem[]> {
  const input = source.stream();
  const decoder = new StringDecoder('utf8');
  const splitter = new CsvSplitter(options.delimiter ?? ',');
  let bytes = 0;
  let reported = 0;
  const state: { header: string[] | null } = { header: null };
  /** Turns records into items; false when the header is wrong (the file is not read further). */
  const itemsOf = (records: CsvRecord[], items: RowItem[]): boolean => {
    for (const { fields, line } of records) {
      const header = state.header;
      if (!header) {
        const names = fields.map((h) => h.toLowerCase());
        state.header = names;
        const missing = required.filter((h) => !names.includes(h));
        if (missing.length) {
          problems(
            {
              line,
              reason: `The header lacks column(s): ${missing.join(', ')}. Expected at least: ${required.join(',')}.`,
            },
            true,
          );
          return false;
        }
        items.push({ header: names });
        continue;
      }
      if (fields.length !== header.length) {
        items.push({ line, bad: `Expected ${header.length} fields, found ${fields.length}.` });
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i]!] = fields[i]!;
      items.push({ line, values, fields });
    }
    return true;
  };
  try {
    for await (const chunk of input) {
      bytes += (chunk as Buffer).length;
      const items: RowItem[] = [];
      const ok = itemsOf(splitter.push(decoder.write(chunk as Buffer)), items);
      if (items.length) yield items;
      if (!ok) return;
      if (onProgress && bytes - reported >= 256 * 1024) {
        reported = bytes;
        onProgress({ phase: 'reading', done: bytes, total: source.size });
      }
    }
    const items: RowItem[] = [];
    const ok = itemsOf(splitter.push(decoder.end()).concat(splitter.end()), items);
    if (items.length) yield items;
    if (!ok) return;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    problems({ line: error.line, reason: `The file is not valid CSV: ${error.message}` }, true);
  } finally {
    input.destroy();
  }
  if (!state.header) problems({ line: 1, reason: 'The file is empty.' }, true);
  onProgress?.({ phase: 'reading', done: bytes, total: source.size });
}
