import { teamKinds, unitKinds } from '@pvi/contracts';
import type { CsvRow, RowProblem } from './csv.ts';

export const ORG_HEADER = ['type', 'code', 'name', 'parent_code', 'kind'] as const;

export interface OrgUnitRow {
  line: number;
  code: string;
  name: string;
  kind: (typeof unitKinds)[number];
}
export interface OrgDistrictRow {
  line: number;
  code: string;
  name: string;
  unitCode: string;
}
export interface OrgTeamRow {
  line: number;
  code: string;
  name: string;
  parentCode: string;
  kind: (typeof teamKinds)[number];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Collects and checks the rows of an org file; parents may appear anywhere in the file or exist already. */
export class OrgFile {
  units: OrgUnitRow[] = [];
  districts: OrgDistrictRow[] = [];
  teams: OrgTeamRow[] = [];
  problems: RowProblem[] = [];
  private seen = new Map<string, number>();

  add({ line, values }: CsvRow) {
    const fail = (reason: string) => this.problems.push({ line, reason });
    const { type, code = '', name = '', parent_code: parent = '', kind = '' } = values;
    if (!CODE.test(code))
      return fail(`code "${code}" must be 1–40 letters, digits, dot, dash or underscore.`);
    if (!name) return fail('name is empty.');
    if (name.length > 200) return fail('name is longer than 200 characters.');
    const earlier = this.seen.get(code);
    if (earlier !== undefined) return fail(`code ${code} appears twice (also on line ${earlier}).`);
    this.seen.set(code, line);
    switch (type ?? '') {
      case 'unit':
        if (parent) return fail('a unit has no parent_code.');
        if (!(unitKinds as readonly string[]).includes(kind))
          return fail(`kind "${kind}" is not one of ${unitKinds.join(', ')}.`);
        this.units.push({ line, code, name, kind: kind as OrgUnitRow['kind'] });
        return;
      case 'district':
        if (!parent) return fail('a district needs the parent_code of its unit.');
        if (kind) return fail('a district has no kind.');
        this.districts.push({ line, code, name, unitCode: parent });
        return;
      case 'team':
        if (!parent) return fail('a team needs the parent_code of its district or unit.');
        if (!(teamKinds as readonly string[]).includes(kind))
          return fail(`kind "${kind}" is not one of ${teamKinds.join(', ')}.`);
        this.teams.push({ line, code, name, parentCode: parent, kind: kind as OrgTeamRow['kind'] });
        return;
      default:
        return fail(`type "${type ?? ''}" is not unit, district or team.`);
    }
  }

  /** Checks parents against the file and what the database already holds. */
  checkParents(existing: { units: Set<string>; districts: Set<string> }) {
    const units = new Set([...existing.units, ...this.units.map((u) => u.code)]);
    const districts = new Set([...existing.districts, ...this.districts.map((d) => d.code)]);
    for (const d of this.districts) {
      if (!units.has(d.unitCode))
        this.problems.push({ line: d.line, reason: `unit ${d.unitCode} does not exist.` });
    }
    for (const t of this.teams) {
      if (!units.has(t.parentCode) && !districts.has(t.parentCode)) {
        this.problems.push({
          line: t.line,
          reason: `parent ${t.parentCode} is neither a unit nor a district.`,
        });
      }
    }
  }

  get rowCount() {
    return this.units.length + this.districts.length + this.teams.length;
  }
}
