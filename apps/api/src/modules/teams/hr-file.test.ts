import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsv, textSource } from '../org/import/csv.ts';
import { HR_HEADER, HrFile } from './hr-file.ts';

async function parse(csv: string, currentMonth = '2026-06') {
  const file = new HrFile(currentMonth);
  const read = await readCsv(textSource(csv), HR_HEADER, (row) => {
    file.add(row);
  });
  return { file, read };
}

const header = HR_HEADER.join(',');

describe('HR-indicator file', () => {
  it('reads good rows, with decimal points or Dutch decimal commas and empty cells', async () => {
    const { file, read } = await parse(
      `${header}\nT1,2026-01,4.5,1.2,0.8,6,1,0\nT1,2026-02,"5,25",,,,,2\n`,
    );
    expect(read.problems).toEqual([]);
    expect(file.problems).toEqual([]);
    expect(file.rows).toEqual([
      {
        line: 2,
        teamCode: 'T1',
        month: '2026-01-01',
        absenteeismPct: 4.5,
        absenceFrequency: 1.2,
        turnoverPct: 0.8,
        overtimeHours: 6,
        vacancies: 1,
        integrityReports: 0,
      },
      {
        line: 3,
        teamCode: 'T1',
        month: '2026-02-01',
        absenteeismPct: 5.25,
        absenceFrequency: null,
        turnoverPct: null,
        overtimeHours: null,
        vacancies: null,
        integrityReports: 2,
      },
    ]);
  });

  it('reports every bad row once, with its line and every reason', async () => {
    const { file } = await parse(
      [
        header,
        'T1,2026-13,4,1,1,1,1,0',
        'T1,2026-01,abc,1,1,1,1,0.5',
        ',2026-01,4,1,1,1,1,0',
        'T2,2026-01,101,1,1,1,1,0',
        'T2,2026-02,,,,,,',
        'T2,2027-01,4,1,1,1,1,0',
        'T3,2026-03,4,1,1,1,1,0',
        't3,2026-03,4,1,1,1,1,0',
        'T4,2026-03,-4,1,1,1,1,0',
      ].join('\n'),
    );
    expect(file.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 9, 10]);
    const reason = (line: number) => file.problems.find((p) => p.line === line)!.reason;
    expect(reason(2)).toContain('month "2026-13" is not YYYY-MM');
    expect(reason(3)).toContain('absenteeism_pct "abc" is not a number');
    expect(reason(3)).toContain('integrity_reports 0.5 is not a whole number');
    expect(reason(4)).toContain('team_code is empty');
    expect(reason(5)).toContain('absenteeism_pct 101 is above 100');
    expect(reason(6)).toContain('no indicator values');
    expect(reason(7)).toContain('lies in the future');
    expect(reason(9)).toContain('also on line 8');
    expect(reason(10)).toContain('not a number');
    expect(file.rows.map((r) => r.line)).toEqual([8]);
    // Each issue names its column (null: the row as a whole) and a code.
    const issues = (line: number) =>
      file.problems.find((p) => p.line === line)!.issues.map((i) => [i.field, i.code]);
    expect(issues(3)).toEqual([
      ['absenteeism_pct', 'not_a_number'],
      ['integrity_reports', 'not_whole'],
    ]);
    expect(issues(4)).toEqual([['team_code', 'empty']]);
    expect(issues(5)).toEqual([['absenteeism_pct', 'above_max']]);
    expect(issues(6)).toEqual([[null, 'no_values']]);
    expect(issues(7)).toEqual([['month', 'future_month']]);
    expect(issues(9)).toEqual([[null, 'duplicate']]);
  });

  it('accepts every percentage from 0 to 100 and refuses every one above', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (hundredths) => {
        const file = new HrFile('2026-06');
        const value = (hundredths / 100).toFixed(2);
        file.add({
          line: 2,
          values: { team_code: 'T', month: '2026-01', absenteeism_pct: value },
        });
        return hundredths <= 10_000
          ? file.rows[0]?.absenteeismPct === Number(value)
          : file.problems.length === 1;
      }),
    );
  });
});
