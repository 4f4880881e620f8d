import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvSplitter, CsvSyntaxError } from './csv-splitter.ts';

function splitAll(text: string, chunk: number) {
  const s = new CsvSplitter();
  const out = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...s.push(text.slice(i, i + chunk)));
  out.push(...s.end());
  return out;
}

const cell = (v: string) =>
  /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;

describe('CSV splitter', () => {
  it('reads plain, quoted and multi-line fields with their line numbers', () => {
    const text = '\uFEFFa,b,c\r\n1, two ,3\n\n"x,y","say ""hi""","multi\nline"\nlast,,\n';
    expect(splitAll(text, 5)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'two', '3'], line: 2 },
      { fields: ['x,y', 'say "hi"', 'multi\nline'], line: 4 },
      { fields: ['last', '', ''], line: 6 },
    ]);
  });

  it('reads a last line without a line break, and refuses an open quote', () => {
    expect(splitAll('a,b\n1,2', 3).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => splitAll('a,b\n"1,2\n3,4\n', 4)).toThrow(CsvSyntaxError);
  });

  it('agrees with csv-parse on any table, however the text is cut into chunks', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', 'a,b', 'x"y', 'line\nbreak', ' pad ', '\r\n', 'é ü'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 17 }),
        (rows, chunk) => {
          const text = rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
          const table: string[][] = parse(text, {
            relax_column_count: true,
            skip_empty_lines: true,
            trim: true,
          });
          const expected = table.filter((r) => r.length > 1 || r[0] !== '');
          expect(splitAll(text, chunk).map((r) => r.fields)).toEqual(expected);
        },
      ),
    );
  });
});
