import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
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

type Parsed = { record: string[]; info: { lines: number } };
export type RowItem = CsvLine | { header: string[] } | { line: number; bad: string };

/** The parser's records in arrays of what is buffered (up to 2,000): one await per array. */
async function* recordBatches(parser: Readable): AsyncGenerator<Parsed[]> {
  const ended = { done: false, error: null as Error | null };
  parser.once('end', () => (ended.done = true));
  parser.once('error', (error: Error) => (ended.error = error));
  for (;;) {
    const batch: Parsed[] = [];
    let record: Parsed | null;
    while (batch.length < 2000 && (record = parser.read() as Parsed | null) !== null)
      batch.push(record);
    if (batch.length) {
      yield batch;
      continue;
    }
    if (ended.error) throw ended.error;
    if (ended.done || parser.readableEnded) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        parser.off('readable', wake);
        parser.off('end', wake);
        parser.off('error', wake);
        resolve();
      };
      parser.on('readable', wake);
      parser.on('end', wake);
      parser.on('error', wake);
    });
  }
}

/**
 * Streams the rows of a CSV with a header, in arrays of a few thousand: the caller awaits its own
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
  let bytes = 0;
  let reported = 0;
  input.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (onProgress && bytes - reported >= 256 * 1024) {
      reported = bytes;
      onProgress({ phase: 'reading', done: bytes, total: source.size });
    }
  });
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
      delimiter: options.delimiter ?? ',',
    }),
  );
  let header: string[] | null = null;
  try {
    for await (const records of recordBatches(parser)) {
      const items: RowItem[] = [];
      for (const { record, info } of records) {
        const line = info.lines;
        if (!header) {
          header = record.map((h) => h.trim().toLowerCase());
          const missing = required.filter((h) => !header!.includes(h));
          if (missing.length) {
            problems(
              {
                line,
                reason: `The header lacks column(s): ${missing.join(', ')}. Expected at least: ${required.join(',')}.`,
              },
              true,
            );
            input.destroy();
            parser.destroy();
            return;
          }
          items.push({ header });
          continue;
        }
        if (record.length !== header.length) {
          items.push({ line, bad: `Expected ${header.length} fields, found ${record.length}.` });
          continue;
        }
        const values: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) values[header[i]!] = record[i]!;
        items.push({ line, values, fields: record });
      }
      yield items;
    }
  } catch (error) {
    const e = error as Error & { lines?: number };
    problems({ line: e.lines ?? 0, reason: `The file is not valid CSV: ${e.message}` }, true);
  }
  if (!header) problems({ line: 1, reason: 'The file is empty.' }, true);
  onProgress?.({ phase: 'reading', done: bytes, total: source.size });
}
