/** CSV serialisers for the demo organisation (RFC 4180 quoting, `\n` line endings). */
import type { DemoOrganisation } from './generate.ts';

/** Quotes a field when it holds a comma, a double quote or a line break; inner quotes are doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const row = (fields: readonly string[]): string => fields.map(csvField).join(',');

const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [row(header), ...rows.map(row)].join('\n') + '\n';

export function toOrgCsv(org: DemoOrganisation): string {
  const rows: string[][] = [
    ...org.units.map((u) => ['unit', u.code, u.name, '', u.kind]),
    ...org.districts.map((d) => ['district', d.code, d.name, d.unitCode, '']),
    ...org.teams.map((t) => ['team', t.code, t.name, t.districtCode ?? t.unitCode, t.kind]),
  ];
  return toCsv(['type', 'code', 'name', 'parent_code', 'kind'], rows);
}

export function toPeopleCsv(org: DemoOrganisation): string {
  const byNumber = new Map(org.people.map((p) => [p.employeeNumber, p]));
  const rows = org.memberships.map((m) => {
    const p = byNumber.get(m.employeeNumber);
    if (!p) throw new Error(`membership for unknown employee ${m.employeeNumber}`);
    return [
      p.employeeNumber,
      p.givenName,
      p.familyName,
      String(p.birthYear),
      p.employedSince,
      p.email,
      m.teamCode,
      m.role,
      m.validFrom,
      m.validTo ?? '',
    ];
  });
  const header = [
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
  ];
  return toCsv(header, rows);
}
