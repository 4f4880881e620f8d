import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@pvi/db';
import { systemActor } from '../src/modules/audit/audit.service.ts';
import { textSource } from '../src/modules/org/import/csv.ts';
import { createOrgImportService } from '../src/modules/org/import/org-import.service.ts';
import { createTestApp, type TestApp } from './harness.ts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const actor = systemActor('test');

let t: TestApp;
let imports: ReturnType<typeof createOrgImportService>;

beforeAll(async () => {
  t = await createTestApp();
  imports = createOrgImportService({ db: t.database.db, audit: t.services.audit });
});
afterAll(async () => {
  await t.close();
});

const count = async (table: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.raw(table)}`,
    )
  )[0]!.n;

describe('org and people import', () => {
  it('imports an org file, then a people file with history', async () => {
    const org = await imports.importOrg(textSource(fixture('org.csv')), { actor });
    expect(org).toMatchObject({ ok: true, rows: 6, inserted: 6, updated: 0, problems: [] });
    const people = await imports.importPeople(textSource(fixture('people.csv')), { actor });
    expect(people.ok).toBe(true);
    expect(people.inserted).toBe(4 + 5);
    const priya = await queryRows<{ code: string; valid_from: string; valid_to: string | null }>(
      t.database.db,
      sql`select t.code, m.valid_from::text, m.valid_to::text from memberships m
          join people p on p.id = m.person_id join teams t on t.id = m.team_id
          where p.employee_number = '9000003' order by m.valid_from`,
    );
    expect(priya).toEqual([
      { code: 'XU1-D2-BT1', valid_from: '2015-06-01', valid_to: '2024-02-01' },
      { code: 'XU1-REC', valid_from: '2024-02-01', valid_to: null },
    ]);
    const recherche = await queryRows<{ unit: string; district: string | null }>(
      t.database.db,
      sql`select u.code as unit, t.district_id as district from teams t join units u on u.id = t.unit_id where t.code = 'XU1-REC'`,
    );
    expect(recherche).toEqual([{ unit: 'XU1', district: null }]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await count('memberships');
    const audit = await count('audit_log');
    const org = await imports.importOrg(textSource(fixture('org.csv')), { actor });
    const people = await imports.importPeople(textSource(fixture('people.csv')), { actor });
    expect(org).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 6 });
    expect(people).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 9 });
    expect(await count('memberships')).toBe(before);
    expect(await count('audit_log')).toBe(audit + 2); // the attempts themselves are recorded
  });

  it('reports every bad row with its line number and writes nothing', async () => {
    const people = await count('people');
    const result = await imports.importPeople(textSource(fixture('people-bad.csv')), { actor });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.line)).toEqual([3, 5, 6]);
    expect(result.problems[0]!.reason).toMatch(/family_name is empty/);
    const line5 = result.problems[1]!.reason;
    expect(line5).toMatch(/email/);
    expect(line5).toMatch(/role "baas"/);
    expect(line5).toMatch(/valid_from "2010-02-30"/);
    expect(result.problems[2]!.reason).toMatch(/Expected 10 fields, found 9/);
    expect(await count('people')).toBe(people);
  });

  it('reports unknown teams and parents after reading the whole file', async () => {
    const bad =
      'employee_number,given_name,family_name,birth_year,employed_since,email,team_code,role,valid_from,valid_to\n9000201,Fleur,Visser,,,,GHOST,lid,2020-01-01,\n';
    const r = await imports.importPeople(textSource(bad), { actor });
    expect(r.problems).toEqual([{ line: 2, reason: 'team GHOST does not exist.' }]);
    const orgBad =
      'type,code,name,parent_code,kind\nteam,XU9-T,Team Los,XU9,basisteam\ndistrict,XU1-D1,Dubbel,XU1,\ndistrict,XU1-D1,Dubbel,XU1,\nwijk,X,Y,,\n';
    const o = await imports.importOrg(textSource(orgBad), { actor });
    expect(o.problems.map((p) => p.line)).toEqual([2, 4, 5]);
  });

  it('refuses a file with a wrong header', async () => {
    const r = await imports.importOrg(textSource('kind,code\nunit,A\n'), { actor });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ line: 1 });
    expect(r.problems[0]!.reason).toMatch(/lacks column/);
  });

  it('moves a person: a later membership closes the open one', async () => {
    const move =
      'employee_number,given_name,family_name,birth_year,employed_since,email,team_code,role,valid_from,valid_to\n9000002,Mohamed,El Amrani,1990,2012-03-01,mohamed.elamrani@demo.politie.invalid,XU1-D2-BT1,lid,2026-09-01,\n';
    const r = await imports.importPeople(textSource(move), { actor });
    expect(r.ok).toBe(true);
    const rows = await queryRows<{ code: string; valid_to: string | null }>(
      t.database.db,
      sql`select t.code, m.valid_to::text from memberships m join people p on p.id = m.person_id
          join teams t on t.id = m.team_id where p.employee_number = '9000002' order by m.valid_from`,
    );
    expect(rows).toEqual([
      { code: 'XU1-D1-BT1', valid_to: '2026-09-01' },
      { code: 'XU1-D2-BT1', valid_to: null },
    ]);
  });

  it('reads the demo organisation files the generator writes', async () => {
    const { generateDemoOrganisation } = await import('@pvi/db/demo');
    const { toOrgCsv, toPeopleCsv } = await import('@pvi/db/demo/csv');
    const demo = generateDemoOrganisation({ scale: 'small', seed: 7 });
    const org = await imports.importOrg(textSource(toOrgCsv(demo)), { actor, isDemo: true });
    const people = await imports.importPeople(textSource(toPeopleCsv(demo)), {
      actor,
      isDemo: true,
    });
    expect(org.problems).toEqual([]);
    expect(people.problems).toEqual([]);
    const current = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from memberships m join people p on p.id = m.person_id where p.is_demo and m.valid_to is null`,
    );
    expect(current[0]!.n).toBe(demo.people.length);
  });
});
