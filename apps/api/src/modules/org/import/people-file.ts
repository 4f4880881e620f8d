import type { CsvRow, RowProblem } from './csv.ts';

export const PEOPLE_HEADER = [
  'employee_number',
  'given_name',
  'family_name',
  'birth_year',
  'employed_since',
  'email',
  'team_code',
  'role',
  'valid_from',
  'valid_to',
] as const;

export interface PersonRow {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  birthYear: number | null;
  employedSince: string | null;
  email: string | null;
}
export interface MembershipRow {
  line: number;
  employeeNumber: string;
  teamCode: string;
  role: 'lid' | 'teamchef';
  validFrom: string;
  validTo: string | null;
}

const EMPLOYEE_NUMBER = /^[A-Za-z0-9-]{1,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** One row per membership period; a person's own fields must agree on all their rows. */
export class PeopleFile {
  people = new Map<string, PersonRow & { line: number }>();
  memberships: MembershipRow[] = [];
  problems: RowProblem[] = [];
  private periods = new Map<string, MembershipRow[]>();

  add({ line, values: v }: CsvRow) {
    const reasons: string[] = [];
    const employeeNumber = v.employee_number ?? '';
    if (!EMPLOYEE_NUMBER.test(employeeNumber))
      reasons.push('employee_number must be 1–20 letters, digits or dashes');
    const givenName = v.given_name ?? '';
    const familyName = v.family_name ?? '';
    if (!givenName) reasons.push('given_name is empty');
    if (!familyName) reasons.push('family_name is empty');
    if (givenName.length > 100 || familyName.length > 100)
      reasons.push('names may have at most 100 characters');
    let birthYear: number | null = null;
    if (v.birth_year) {
      birthYear = Number(v.birth_year);
      if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2100)
        reasons.push(`birth_year "${v.birth_year}" is not a year`);
    }
    const employedSince = v.employed_since || null;
    if (employedSince && !isDate(employedSince))
      reasons.push(`employed_since "${employedSince}" is not a date (YYYY-MM-DD)`);
    const email = v.email || null;
    if (email && !EMAIL.test(email)) reasons.push(`email "${email}" is not an e-mail address`);
    const teamCode = v.team_code ?? '';
    if (!teamCode) reasons.push('team_code is empty');
    const role = v.role || 'lid';
    if (role !== 'lid' && role !== 'teamchef')
      reasons.push(`role "${role}" is not lid or teamchef`);
    const validFrom = v.valid_from ?? '';
    if (!isDate(validFrom)) reasons.push(`valid_from "${validFrom}" is not a date (YYYY-MM-DD)`);
    const validTo = v.valid_to || null;
    if (validTo && !isDate(validTo))
      reasons.push(`valid_to "${validTo}" is not a date (YYYY-MM-DD)`);
    else if (validTo && isDate(validFrom) && validTo <= validFrom)
      reasons.push('valid_to must be after valid_from');
    if (reasons.length) {
      this.problems.push({ line, reason: `${reasons.join('; ')}.` });
      return;
    }
    const person = { line, employeeNumber, givenName, familyName, birthYear, employedSince, email };
    const known = this.people.get(employeeNumber);
    if (!known) this.people.set(employeeNumber, person);
    else if (
      known.givenName !== givenName ||
      known.familyName !== familyName ||
      known.birthYear !== birthYear ||
      known.employedSince !== employedSince ||
      known.email !== email
    ) {
      this.problems.push({
        line,
        reason: `employee ${employeeNumber} has other personal details on line ${known.line}.`,
      });
      return;
    }
    const membership = {
      line,
      employeeNumber,
      teamCode,
      role: role as 'lid' | 'teamchef',
      validFrom,
      validTo,
    };
    const own = this.periods.get(employeeNumber) ?? [];
    const overlap = own.find(
      (m) => m.validFrom < (validTo ?? '9999-12-31') && validFrom < (m.validTo ?? '9999-12-31'),
    );
    if (overlap) {
      this.problems.push({
        line,
        reason: `this period overlaps the one on line ${overlap.line} for employee ${employeeNumber}.`,
      });
      return;
    }
    own.push(membership);
    this.periods.set(employeeNumber, own);
    this.memberships.push(membership);
  }

  checkTeams(known: Set<string>) {
    for (const m of this.memberships) {
      if (!known.has(m.teamCode))
        this.problems.push({ line: m.line, reason: `team ${m.teamCode} does not exist.` });
    }
  }
}
