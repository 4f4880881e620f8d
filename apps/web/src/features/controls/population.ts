/**
 * Residents per group for the disparity benchmark (controls per 1,000 residents and the ratio to
 * the reference group), read from a small CSV the analyst uploads on the figures page: a header
 * with a group column (`group`/`groep`) and a residents column (`residents`/`inwoners`), comma or
 * semicolon separated, one line per group. Every bad line is reported; nothing is sent until the
 * whole file is good. The figures are used for one analysis and not stored (docs/controls.md).
 */

export interface PopulationRow {
  group: string;
  residents: number;
}

export type PopulationProblem =
  'empty' | 'header' | 'columns' | 'group' | 'residents' | 'duplicate' | 'tooMany';

export type PopulationParse =
  | { ok: true; rows: PopulationRow[] }
  | { ok: false; problems: { line: number; problem: PopulationProblem }[] };

/** The API takes at most this many groups (controlPopulationBody). */
export const MAX_GROUPS = 200;
const GROUP_HEADERS = ['group', 'groep'];
const RESIDENT_HEADERS = ['residents', 'inwoners'];

/** One CSV line into fields: `delimiter`-separated, double quotes around a field, "" inside. */
function fields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

export function parsePopulation(text: string): PopulationParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  if (headerLine.trim() === '') return { ok: false, problems: [{ line: 1, problem: 'empty' }] };
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  const header = fields(headerLine, delimiter).map((h) => h.toLowerCase());
  const g = header.findIndex((h) => GROUP_HEADERS.includes(h));
  const r = header.findIndex((h) => RESIDENT_HEADERS.includes(h));
  if (g < 0 || r < 0) return { ok: false, problems: [{ line: 1, problem: 'header' }] };

  const rows: PopulationRow[] = [];
  const problems: { line: number; problem: PopulationProblem }[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const values = fields(raw, delimiter);
    if (values.length !== header.length) {
      problems.push({ line, problem: 'columns' });
      return;
    }
    const group = values[g]!;
    // Whole numbers, plain or with a dot or space between thousands (800000, 800.000, 800 000).
    const written = values[r]!;
    const count = /^\d{1,3}([. ]\d{3})+$/.test(written) ? written.replace(/[. ]/g, '') : written;
    if (group === '' || group.length > 100) problems.push({ line, problem: 'group' });
    else if (!/^\d+$/.test(count) || Number(count) <= 0 || !Number.isSafeInteger(Number(count)))
      problems.push({ line, problem: 'residents' });
    else if (seen.has(group)) problems.push({ line, problem: 'duplicate' });
    else {
      seen.add(group);
      rows.push({ group, residents: Number(count) });
    }
  });
  if (problems.length === 0 && rows.length === 0)
    return { ok: false, problems: [{ line: 2, problem: 'empty' }] };
  if (problems.length === 0 && rows.length > MAX_GROUPS)
    return { ok: false, problems: [{ line: MAX_GROUPS + 2, problem: 'tooMany' }] };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
