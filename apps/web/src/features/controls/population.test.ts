import { describe, expect, it } from 'vitest';
import { MAX_GROUPS, parsePopulation } from './population.ts';

describe('parsePopulation', () => {
  it('reads comma and semicolon files, Dutch or English headers, quotes and thousands dots', () => {
    expect(parsePopulation('group,residents\nWhite,800000\n"Black, African",120000\n')).toEqual({
      ok: true,
      rows: [
        { group: 'White', residents: 800000 },
        { group: 'Black, African', residents: 120000 },
      ],
    });
    expect(parsePopulation('\uFEFFGroep;Inwoners\r\nAsian;45.000\r\n\r\n')).toEqual({
      ok: true,
      rows: [{ group: 'Asian', residents: 45000 }],
    });
  });

  it('reports every bad line with its number and keeps nothing', () => {
    const text = [
      'group,residents',
      'White,800000',
      ',100',
      'Black,many',
      'Asian,0',
      'White,5',
      'Mixed,10,extra',
      'Other,12.50',
    ].join('\n');
    expect(parsePopulation(text)).toEqual({
      ok: false,
      problems: [
        { line: 3, problem: 'group' },
        { line: 4, problem: 'residents' },
        { line: 5, problem: 'residents' },
        { line: 6, problem: 'duplicate' },
        { line: 7, problem: 'columns' },
        { line: 8, problem: 'residents' },
      ],
    });
  });

  it('refuses a file without the two columns, an empty file and too many groups', () => {
    expect(parsePopulation('name,count\nWhite,1')).toEqual({
      ok: false,
      problems: [{ line: 1, problem: 'header' }],
    });
    expect(parsePopulation('')).toEqual({ ok: false, problems: [{ line: 1, problem: 'empty' }] });
    expect(parsePopulation('group,residents\n')).toEqual({
      ok: false,
      problems: [{ line: 2, problem: 'empty' }],
    });
    const many = Array.from({ length: MAX_GROUPS + 1 }, (_, i) => `g${i},10`).join('\n');
    expect(parsePopulation(`group,residents\n${many}`)).toEqual({
      ok: false,
      problems: [{ line: MAX_GROUPS + 2, problem: 'tooMany' }],
    });
  });
});
