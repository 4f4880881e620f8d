import { describe, it, expect } from 'vitest';
import { generateDemoOrganisation } from './generate.ts';
import type { DemoMembership, DemoOrganisation } from './generate.ts';
import { csvField, toOrgCsv, toPeopleCsv } from './csv.ts';

const TODAY = '2026-11-01';
const small = generateDemoOrganisation({ scale: 'small', seed: 1 });
const national = generateDemoOrganisation({ scale: 'national', seed: 1 });

const UNITS: readonly (readonly [string, string])[] = [
  ['Eenheid Noord-Nederland', 'regional'],
  ['Eenheid Oost-Nederland', 'regional'],
  ['Eenheid Midden-Nederland', 'regional'],
  ['Eenheid Noord-Holland', 'regional'],
  ['Eenheid Amsterdam', 'regional'],
  ['Eenheid Den Haag', 'regional'],
  ['Eenheid Rotterdam', 'regional'],
  ['Eenheid Zeeland-West-Brabant', 'regional'],
  ['Eenheid Oost-Brabant', 'regional'],
  ['Eenheid Limburg', 'regional'],
  ['Landelijke Eenheid', 'national'],
  ['Politiedienstencentrum', 'service'],
  ['Politieacademie', 'academy'],
];

function currentCounts(org: DemoOrganisation): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of org.memberships) {
    if (m.validTo === null) counts.set(m.teamCode, (counts.get(m.teamCode) ?? 0) + 1);
  }
  return counts;
}

function moverShare(org: DemoOrganisation): number {
  const movers = new Set(
    org.memberships.filter((m) => m.validTo !== null).map((m) => m.employeeNumber),
  );
  return movers.size / org.people.length;
}

/** Minimal RFC 4180 parser, enough to check the serialisers. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe.each([
  ['small', small],
  ['national', national],
] as const)('generateDemoOrganisation (%s)', (_scale, org) => {
  const year = Number(TODAY.slice(0, 4));

  it('has all 13 units with their real names and kinds', () => {
    expect(org.units.map((u) => [u.name, u.kind])).toEqual(UNITS);
    expect(org.units.map((u) => u.code)).toContain('AMS');
    const central = new Set(['LE', 'PDC', 'PA']);
    for (const d of org.districts) expect(central.has(d.unitCode)).toBe(false);
    for (const t of org.teams) {
      if (central.has(t.unitCode)) {
        expect(t.districtCode).toBeNull();
        expect(['specialistisch', 'staf', 'ondersteuning', 'opleiding']).toContain(t.kind);
      }
      if (t.kind === 'basisteam') expect(t.districtCode).not.toBeNull();
    }
  });

  it('links districts and teams to the right parents', () => {
    const units = new Set(org.units.map((u) => u.code));
    const districtUnit = new Map(org.districts.map((d) => [d.code, d.unitCode]));
    for (const d of org.districts) expect(units.has(d.unitCode)).toBe(true);
    for (const t of org.teams) {
      expect(units.has(t.unitCode)).toBe(true);
      if (t.districtCode !== null) expect(districtUnit.get(t.districtCode)).toBe(t.unitCode);
    }
  });

  it('has unique codes, employee numbers and ASCII e-mail addresses', () => {
    const codes = [...org.units, ...org.districts, ...org.teams].map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    const numbers = org.people.map((p) => p.employeeNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.filter((n) => !/^\d{7}$/.test(n))).toEqual([]);
    const emails = org.people.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    const valid = /^[a-z0-9-]+\.[a-z0-9-]+@demo\.politie\.invalid$/;
    expect(emails.filter((e) => !valid.test(e))).toEqual([]);
  });

  it('keeps every team between 5 and 80 current members, most base teams 40-80', () => {
    const counts = currentCounts(org);
    for (const t of org.teams) {
      const n = counts.get(t.code) ?? 0;
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(80);
    }
    const base = org.teams.filter((t) => t.kind === 'basisteam');
    const large = base.filter((t) => (counts.get(t.code) ?? 0) >= 40);
    expect(large.length / base.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives each team exactly one current teamchef', () => {
    const chiefs = new Map<string, number>();
    for (const m of org.memberships) {
      if (m.role === 'teamchef' && m.validTo === null) {
        chiefs.set(m.teamCode, (chiefs.get(m.teamCode) ?? 0) + 1);
      }
    }
    for (const t of org.teams) expect(chiefs.get(t.code)).toBe(1);
    expect(chiefs.size).toBe(org.teams.length);
  });

  it('gives people plausible ages and employment dates', () => {
    const bad = org.people.filter(
      (p) =>
        year - p.birthYear - 1 < 18 ||
        year - p.birthYear > 66 ||
        p.employedSince < `${p.birthYear + 18}-01-01` ||
        p.employedSince >= TODAY,
    );
    expect(bad).toEqual([]);
    const since = new Set(org.people.map((p) => p.employedSince.slice(0, 4)));
    expect(since.size).toBeGreaterThan(20);
  });

  it('gives every person one open membership and non-overlapping periods', () => {
    const teams = new Set(org.teams.map((t) => t.code));
    const byPerson = new Map<string, DemoMembership[]>();
    for (const m of org.memberships) {
      const list = byPerson.get(m.employeeNumber) ?? [];
      list.push(m);
      byPerson.set(m.employeeNumber, list);
    }
    expect(byPerson.size).toBe(org.people.length);
    const problems: string[] = [];
    for (const p of org.people) {
      const list = [...(byPerson.get(p.employeeNumber) ?? [])].sort((a, b) =>
        a.validFrom.localeCompare(b.validFrom),
      );
      const open = list.filter((m) => m.validTo === null);
      if (open.length !== 1 || list.at(-1)?.validTo !== null)
        problems.push(`${p.employeeNumber}: open`);
      list.forEach((m, i) => {
        if (!teams.has(m.teamCode)) problems.push(`${p.employeeNumber}: team ${m.teamCode}`);
        if (m.validFrom < p.employedSince || m.validFrom > TODAY) {
          problems.push(`${p.employeeNumber}: from ${m.validFrom}`);
        }
        const next = list[i + 1];
        if (next && (m.validTo !== next.validFrom || m.validFrom >= next.validFrom)) {
          problems.push(`${p.employeeNumber}: overlap ${m.validFrom}..${String(m.validTo)}`);
        }
        if (next && m.teamCode === next.teamCode) problems.push(`${p.employeeNumber}: same team`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('has about 5 % movers', () => {
    const share = moverShare(org);
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.08);
  });

  it('writes org and people CSV that parse back', () => {
    const orgCsv = toOrgCsv(org);
    expect(orgCsv.endsWith('\n')).toBe(true);
    expect(orgCsv).not.toContain('\r');
    const orgRows = parseCsv(orgCsv);
    expect(orgRows[0]).toEqual(['type', 'code', 'name', 'parent_code', 'kind']);
    expect(orgRows).toHaveLength(1 + org.units.length + org.districts.length + org.teams.length);
    expect(orgRows.filter((r) => r.length !== 5)).toEqual([]);
    expect(orgRows[1]).toEqual(['unit', 'NNL', 'Eenheid Noord-Nederland', '', 'regional']);
    const lastTeam = org.teams.at(-1);
    expect(orgRows.at(-1)).toEqual([
      'team',
      lastTeam?.code,
      lastTeam?.name,
      lastTeam?.districtCode ?? lastTeam?.unitCode,
      lastTeam?.kind,
    ]);

    const peopleCsv = toPeopleCsv(org);
    expect(peopleCsv.split('\n', 1)[0]).toBe(
      'employee_number,given_name,family_name,birth_year,employed_since,email,team_code,role,valid_from,valid_to',
    );
    const peopleRows = parseCsv(peopleCsv);
    expect(peopleRows).toHaveLength(1 + org.memberships.length);
    expect(peopleRows.filter((r) => r.length !== 10)).toEqual([]);
    expect(peopleRows.filter((r) => r[9] === '')).toHaveLength(org.people.length);
  });
});

describe('generateDemoOrganisation sizes', () => {
  it('builds about 3,000 people for small', () => {
    expect(small.people.length).toBeGreaterThanOrEqual(2700);
    expect(small.people.length).toBeLessThanOrEqual(3300);
    expect(small.teams.length).toBeLessThan(national.teams.length);
    expect(small.districts.length).toBeLessThan(national.districts.length);
  });

  it('builds about 65,000 people in about 1,500 teams for national', () => {
    expect(national.people.length).toBeGreaterThanOrEqual(62_000);
    expect(national.people.length).toBeLessThanOrEqual(68_000);
    expect(national.teams.length).toBeGreaterThanOrEqual(1350);
    expect(national.teams.length).toBeLessThanOrEqual(1650);
    const base = national.teams.filter((t) => t.kind === 'basisteam').length;
    expect(base).toBeGreaterThanOrEqual(150);
    expect(base).toBeLessThanOrEqual(190);
    for (const u of national.units.filter((x) => x.kind === 'regional')) {
      const n = national.districts.filter((d) => d.unitCode === u.code).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
  });
});

describe('generateDemoOrganisation determinism', () => {
  it('returns deep-equal output for the same inputs', () => {
    expect(generateDemoOrganisation({ scale: 'small', seed: 1 })).toEqual(small);
    expect(generateDemoOrganisation({ scale: 'national', seed: 1, today: TODAY })).toEqual(
      national,
    );
  });

  it('returns other people for another seed, same structure', () => {
    const other = generateDemoOrganisation({ scale: 'small', seed: 2 });
    expect(other.units).toEqual(small.units);
    expect(other.teams).toEqual(small.teams);
    expect(other.people).not.toEqual(small.people);
  });

  it('respects another reference date and rejects a bad one', () => {
    const today = '2024-03-15';
    const org = generateDemoOrganisation({ scale: 'small', seed: 3, today });
    expect(org.people.filter((p) => p.employedSince >= today)).toEqual([]);
    expect(org.memberships.filter((m) => m.validFrom > today)).toEqual([]);
    expect(() =>
      generateDemoOrganisation({ scale: 'small', seed: 3, today: '2024-02-30' }),
    ).toThrow();
  });
});

describe('csv', () => {
  it('quotes fields only when needed (RFC 4180)', () => {
    expect(csvField('Basisteam Zaanstad')).toBe('Basisteam Zaanstad');
    expect(csvField("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(csvField('Team A, B')).toBe('"Team A, B"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('quotes a team name with a comma or quote in the org CSV', () => {
    const [team] = small.teams;
    if (!team) throw new Error('no teams');
    const org: DemoOrganisation = {
      ...small,
      teams: [{ ...team, name: 'Team "Noord", Oost' }, ...small.teams.slice(1)],
    };
    const csv = toOrgCsv(org);
    expect(csv).toContain(`team,${team.code},"Team ""Noord"", Oost",`);
    const rows = parseCsv(csv);
    expect(rows.find((r) => r[1] === team.code)?.[2]).toBe('Team "Noord", Oost');
  });
});
