import {
  cbsDarknessValues,
  controlOutcomes,
  selectionReasons,
  type CbsDarkness,
} from '@pvi/contracts';
import { CsvSplitter, CsvSyntaxError } from '../import/csv-splitter.ts';

/** The columns of an aggregate file, in this order when we write one (docs/controls-analysis.md). */
export const AGGREGATE_HEADER = [
  'table',
  'group',
  'selection_reason',
  'outcome',
  'area',
  'clock_minute',
  'darkness',
  'controls',
  'searches',
  'outcome_linked',
] as const;

export interface OutcomeCount {
  line: number;
  /** Null: not linked, or group unknown. */
  group: string | null;
  selectionReason: string | null;
  outcome: string;
  controls: number;
  searches: number;
  outcomeLinked: number;
}

export interface DarknessCount {
  line: number;
  group: string | null;
  area: string;
  clockMinute: number;
  darkness: CbsDarkness;
  controls: number;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export interface ParsedAggregates {
  outcomes: OutcomeCount[];
  darkness: DarknessCount[];
  problems: RowProblem[];
  /** A problem with the file itself (header, quoting): nothing is loaded. */
  fileProblem: RowProblem | null;
}

const WHOLE = /^\d{1,9}$/;
const AREA = /^[A-Za-z0-9_.-]{1,40}$/;
const MAX_GROUP = 100;

type Values = Record<(typeof AGGREGATE_HEADER)[number], string>;

function checkOutcomes(v: Values, line: number, why: string[]): OutcomeCount | null {
  const reason = v.selection_reason;
  if (reason && !(selectionReasons as readonly string[]).includes(reason))
    why.push(
      `selection_reason must be one of ${selectionReasons.join(', ')} or empty, got "${reason}"`,
    );
  if (!(controlOutcomes as readonly string[]).includes(v.outcome))
    why.push(`outcome must be one of ${controlOutcomes.join(', ')}, got "${v.outcome}"`);
  for (const c of ['area', 'clock_minute', 'darkness'] as const)
    if (v[c]) why.push(`${c} must be empty in table outcomes`);
  const controls = WHOLE.test(v.controls) ? Number(v.controls) : null;
  const count = (c: 'searches' | 'outcome_linked'): number | null => {
    if (!WHOLE.test(v[c])) {
      why.push(`${c} must be a whole number ≥ 0, got "${v[c]}"`);
      return null;
    }
    const n = Number(v[c]);
    if (controls !== null && n > controls) why.push(`${c} (${n}) exceeds controls (${controls})`);
    return n;
  };
  const searches = count('searches');
  const linked = count('outcome_linked');
  if (v.outcome === 'none' && linked !== null && linked > 0)
    why.push('outcome none cannot be linked to the reason (outcome_linked must be 0)');
  if (why.length || controls === null || searches === null || linked === null) return null;
  return {
    line,
    group: v.group || null,
    selectionReason: reason || null,
    outcome: v.outcome,
    controls,
    searches,
    outcomeLinked: linked,
  };
}

function checkDarkness(v: Values, line: number, why: string[]): DarknessCount | null {
  if (!AREA.test(v.area))
    why.push(`area must be a code of 1–40 letters, digits, . _ -, got "${v.area}"`);
  const minute = WHOLE.test(v.clock_minute) ? Number(v.clock_minute) : -1;
  if (minute < 0 || minute > 1439)
    why.push(`clock_minute must be a whole number from 0 to 1439, got "${v.clock_minute}"`);
  if (!(cbsDarknessValues as readonly string[]).includes(v.darkness))
    why.push(`darkness must be one of ${cbsDarknessValues.join(', ')}, got "${v.darkness}"`);
  for (const c of ['selection_reason', 'outcome', 'searches', 'outcome_linked'] as const)
    if (v[c]) why.push(`${c} must be empty in table darkness`);
  if (why.length) return null;
  return {
    line,
    group: v.group || null,
    area: v.area,
    clockMinute: minute,
    darkness: v.darkness as CbsDarkness,
    controls: Number(v.controls),
  };
}

/**
 * Reads an aggregate file returned from CBS, row by row: every bad row is reported with its line
 * number and every reason, and the good rows are kept. Only a file that cannot be read (missing
 * columns, broken quoting) is refused as a whole. A row for a cell given before is bad.
 */
export function parseAggregates(text: string): ParsedAggregates {
  const out: ParsedAggregates = { outcomes: [], darkness: [], problems: [], fileProblem: null };
  const splitter = new CsvSplitter(',');
  let records;
  try {
    records = [...splitter.push(text), ...splitter.end()];
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      out.fileProblem = { line: error.line, reason: error.message };
      return out;
    }
    throw error;
  }
  const [head, ...rows] = records;
  if (!head) {
    out.fileProblem = { line: 1, reason: 'The file is empty.' };
    return out;
  }
  const names = head.fields.map((f) => f.toLowerCase());
  const missing = AGGREGATE_HEADER.filter((h) => !names.includes(h));
  if (missing.length) {
    out.fileProblem = {
      line: head.line,
      reason: `The header lacks column(s): ${missing.join(', ')}. Expected: ${AGGREGATE_HEADER.join(',')}.`,
    };
    return out;
  }
  const seen = new Map<string, number>();
  for (const { fields, line } of rows) {
    if (fields.length !== names.length) {
      out.problems.push({
        line,
        reason: `${fields.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const v = Object.fromEntries(
      AGGREGATE_HEADER.map((h) => [h, fields[names.indexOf(h)]!]),
    ) as Values;
    const why: string[] = [];
    if (v.group.length > MAX_GROUP) why.push(`group is longer than ${MAX_GROUP} characters`);
    if (!WHOLE.test(v.controls))
      why.push(`controls must be a whole number ≥ 0, got "${v.controls}"`);
    let row: OutcomeCount | DarknessCount | null = null;
    let key = '';
    if (v.table === 'outcomes') {
      row = checkOutcomes(v, line, why);
      key = `o|${v.group}|${v.selection_reason}|${v.outcome}`;
    } else if (v.table === 'darkness') {
      row = checkDarkness(v, line, why);
      key = `d|${v.group}|${v.area}|${v.clock_minute}|${v.darkness}`;
    } else why.push(`table must be outcomes or darkness, got "${v.table}"`);
    const earlier = seen.get(key);
    if (row && earlier !== undefined) why.push(`the same cell as line ${earlier}`);
    if (why.length || !row) {
      out.problems.push({ line, reason: why.join('; ') });
      continue;
    }
    seen.set(key, line);
    if ('outcome' in row) out.outcomes.push(row);
    else out.darkness.push(row);
  }
  return out;
}
