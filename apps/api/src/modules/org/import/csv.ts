import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface RowProblem {
  line: number;
  reason: string;
}

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface Progress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  done: number;
  total: number;
}
export type ProgressListener = (progress: Progress) => void;

export interface CsvSource {
  stream: () => Readable;
  size: number;
}

export async function fileSource(path: string): Promise<CsvSource> {
  const info = await stat(path);
  return { stream: () => createReadStream(path), size: info.size };
}

export function textSource(text: string): CsvSource {
  const buffer = Buffer.from(text, 'utf8');
  return { stream: () => Readable.from([buffer]), size: buffer.length };
}

/**
 * Streams a CSV with a header row. Rows with the wrong number of fields become problems,
 * the rest are handed on with their line number. Also returns the file's SHA-256.
 */
export async function readCsv(
  source: CsvSource,
  expectedHeader: readonly string[],
  onRow: (row: CsvRow) => void,
  onProgress?: ProgressListener,
): Promise<{ problems: RowProblem[]; sha256: string; rows: number }> {
  const problems: RowProblem[] = [];
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  let lastReport = 0;
  const input = source.stream();
  input.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    if (onProgress && bytes - lastReport > 256 * 1024) {
      lastReport = bytes;
      onProgress({ phase: 'reading', done: bytes, total: source.size });
    }
  });
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }),
  );
  let header: string[] | null = null;
  try {
    for await (const record of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = record.info.lines;
      if (!header) {
        header = record.record.map((h) => h.toLowerCase());
        const missing = expectedHeader.filter((h) => !header!.includes(h));
        if (missing.length) {
          problems.push({
            line,
            reason: `The header lacks column(s): ${missing.join(', ')}. Expected: ${expectedHeader.join(',')}.`,
          });
          break;
        }
        continue;
      }
      rows++;
      if (record.record.length !== header.length) {
        problems.push({
          line,
          reason: `Expected ${header.length} fields, found ${record.record.length}.`,
        });
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((h, i) => (values[h] = record.record[i] ?? ''));
      onRow({ line, values });
    }
  } catch (error) {
    const e = error as Error & { lines?: number };
    problems.push({ line: e.lines ?? 0, reason: `The file is not valid CSV: ${e.message}` });
  }
  if (!header && problems.length === 0) problems.push({ line: 1, reason: 'The file is empty.' });
  onProgress?.({ phase: 'reading', done: source.size, total: source.size });
  return { problems, sha256: hash.digest('hex'), rows };
}
