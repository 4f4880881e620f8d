import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PeopleFile } from './people-file.ts';

const row = (line: number, values: Partial<Record<string, string>>) => ({
  line,
  values: {
    employee_number: '1000001',
    given_name: 'Fatima',
    family_name: 'Bakkali',
    birth_year: '1990',
    employed_since: '2012-01-01',
    email: '',
    team_code: 'T1',
    role: 'lid',
    valid_from: '2012-01-01',
    valid_to: '',
    ...values,
  } as Record<string, string>,
});

describe('people file rows', () => {
  it('accepts a valid row and keeps the person once across periods', () => {
    const f = new PeopleFile();
    f.add(row(2, { valid_to: '2020-01-01' }));
    f.add(row(3, { team_code: 'T2', valid_from: '2020-01-01' }));
    expect(f.problems).toEqual([]);
    expect(f.people.size).toBe(1);
    expect(f.memberships).toHaveLength(2);
  });

  it('collects every reason of a bad row in one message', () => {
    const f = new PeopleFile();
    f.add(row(7, { given_name: '', birth_year: 'abc', role: 'chef', valid_from: '2021-13-01' }));
    expect(f.problems).toHaveLength(1);
    expect(f.problems[0]!.line).toBe(7);
    for (const part of ['given_name is empty', 'birth_year', 'role "chef"', 'valid_from']) {
      expect(f.problems[0]!.reason).toContain(part);
    }
  });

  it('refuses overlapping periods and conflicting personal details', () => {
    const f = new PeopleFile();
    f.add(row(2, { valid_from: '2015-01-01' }));
    f.add(row(3, { team_code: 'T2', valid_from: '2018-01-01' }));
    f.add(row(4, { family_name: 'Anders', valid_from: '2030-01-01' }));
    expect(f.problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('never accepts an impossible calendar date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 31 }),
        (month, day) => {
          const text = `2023-${String(month).padStart(2, '0')}-${day}`;
          const valid =
            !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
            new Date(`${text}T00:00:00Z`).getUTCDate() === day;
          const f = new PeopleFile();
          f.add(row(2, { valid_from: text }));
          expect(f.problems.length === 0).toBe(valid);
        },
      ),
    );
  });
});
