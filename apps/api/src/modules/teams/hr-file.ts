import type { CsvRow, RowProblem } from '../org/import/csv.ts';

export const HR_HEADER = [
  'team_code',
  'month',
  'absenteeism_pct',
  'absence_frequency',
  'turnover_pct',
  'overtime_hours',
  'vacancies',
  'integrity_reports',
] as const;

export interface HrRow {
  line: number;
  teamCode: string;
  /** `YYYY-MM-01`. */
  month: string;
  absenteeismPct: number | null;
  absenceFrequency: number | null;
  turnoverPct: number | null;
  overtimeHours: number | null;
  vacancies: number | null;
  integrityReports: number | null;
}

type Column = Exclude<(typeof HR_HEADER)[number], 'team_code' | 'month'>;

/** One thing wrong in a row: the column at fault (null: the row as a whole), a code, a reason. */
export interface HrIssue {
  field: (typeof HR_HEADER)[number] | null;
  code:
    | 'empty'
    | 'bad_month'
    | 'month_too_early'
    | 'future_month'
    | 'not_a_number'
    | 'not_whole'
    | 'above_max'
    | 'no_values'
    | 'duplicate'
    // Set by the service or the CSV reader:
    | 'unknown_team'
    | 'outside_scope'
    | 'no_rows'
    | 'invalid_row';
  reason: string;
}

/** A bad row: every issue, and all of them in one sentence. */
export interface HrProblem extends RowProblem {
  issues: HrIssue[];
}

/** What each indicator column accepts; empty cells are "not known". */
const COLUMNS: Record<Column, { field: keyof HrRow; max: number; integer?: boolean }> = {
  absenteeism_pct: { field: 'absenteeismPct', max: 100 },
  absence_frequency: { field: 'absenceFrequency', max: 50 },
  turnover_pct: { field: 'turnoverPct', max: 100 },
  overtime_hours: { field: 'overtimeHours', max: 500 },
  vacancies: { field: 'vacancies', max: 10_000 },
  integrity_reports: { field: 'integrityReports', max: 10_000, integer: true },
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
// A decimal point or a Dutch decimal comma, no thousands separators.
const NUMBER = /^\d+([.,]\d+)?$/;

/**
 * Collects and checks the rows of an HR-indicator file: every problem of a row in one reason, so
 * each bad row is reported once with its line number. Team codes are checked by the service.
 */
export class HrFile {
  rows: HrRow[] = [];
  problems: HrProblem[] = [];
  private seen = new Map<string, number>();

  /** `currentMonth` (`YYYY-MM`): later months are refused. */
  constructor(private readonly currentMonth: string) {}

  add({ line, values }: CsvRow) {
    const issues: HrIssue[] = [];
    const issue = (field: HrIssue['field'], code: HrIssue['code'], reason: string) =>
      issues.push({ field, code, reason });
    const teamCode = (values.team_code ?? '').trim();
    if (!teamCode) issue('team_code', 'empty', 'team_code is empty');
    const month = (values.month ?? '').trim();
    const m = MONTH.exec(month);
    if (!m) issue('month', 'bad_month', `month "${month}" is not YYYY-MM`);
    else if (Number(m[1]) < 2000)
      issue('month', 'month_too_early', `month ${month} is before 2000`);
    else if (month > this.currentMonth)
      issue('month', 'future_month', `month ${month} lies in the future`);

    const row: HrRow = {
      line,
      teamCode,
      month: `${month}-01`,
      absenteeismPct: null,
      absenceFrequency: null,
      turnoverPct: null,
      overtimeHours: null,
      vacancies: null,
      integrityReports: null,
    };
    let given = 0;
    for (const [column, rule] of Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][]) {
      const raw = (values[column] ?? '').trim();
      if (raw === '') continue;
      given++;
      if (!NUMBER.test(raw)) {
        issue(
          column,
          'not_a_number',
          `${column} "${raw}" is not a number (use 4.5 or 4,5; no minus sign)`,
        );
        continue;
      }
      const value = Number(raw.replace(',', '.'));
      if (rule.integer && !Number.isInteger(value))
        issue(column, 'not_whole', `${column} ${raw} is not a whole number`);
      else if (value > rule.max)
        issue(column, 'above_max', `${column} ${raw} is above ${rule.max}`);
      else (row as unknown as Record<string, number>)[rule.field] = value;
    }
    if (given === 0 && issues.length === 0)
      issue(null, 'no_values', 'the row has no indicator values');

    if (m && teamCode) {
      const key = `${teamCode.toLowerCase()}|${month}`;
      const earlier = this.seen.get(key);
      if (earlier !== undefined)
        issue(
          null,
          'duplicate',
          `team ${teamCode} and month ${month} appear twice (also on line ${earlier})`,
        );
      else this.seen.set(key, line);
    }
    if (issues.length)
      this.problems.push({ line, reason: `${issues.map((i) => i.reason).join('; ')}.`, issues });
    else this.rows.push(row);
  }
}
