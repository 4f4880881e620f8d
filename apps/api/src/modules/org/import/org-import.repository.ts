import { inArray, sql } from 'drizzle-orm';
import { districts, queryRows, teams, units, type Executor } from '@pvi/db';
import type { OrgDistrictRow, OrgTeamRow, OrgUnitRow } from './org-file.ts';
import type { MembershipRow, PersonRow } from './people-file.ts';

export interface WriteCounts {
  inserted: number;
  updated: number;
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

async function counted(ex: Executor, query: ReturnType<typeof sql>): Promise<WriteCounts> {
  const rows = await queryRows<{ inserted: boolean }>(ex, query);
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

const add = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
});

export async function existingOrgCodes(ex: Executor) {
  const [u, d] = await Promise.all([
    ex.select({ code: units.code }).from(units),
    ex.select({ code: districts.code }).from(districts),
  ]);
  return { units: new Set(u.map((r) => r.code)), districts: new Set(d.map((r) => r.code)) };
}

export async function existingTeamCodes(ex: Executor, codes: string[]) {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await ex
      .select({ code: teams.code })
      .from(teams)
      .where(inArray(teams.code, codes.slice(i, i + 5000)));
    rows.forEach((r) => found.add(r.code));
  }
  return found;
}

/** Upserts by code; a row that is already the same is not touched, so a second import changes nothing. */
export async function upsertOrg(
  ex: Executor,
  rows: { units: OrgUnitRow[]; districts: OrgDistrictRow[]; teams: OrgTeamRow[] },
  isDemo: boolean,
): Promise<WriteCounts> {
  let total = await counted(
    ex,
    sql`insert into units (code, name, kind, is_demo)
        select code, name, kind, ${isDemo} from jsonb_to_recordset(${json(rows.units)}) as x(code text, name text, kind text)
        on conflict (code) do update set name = excluded.name, kind = excluded.kind
        where (units.name, units.kind) is distinct from (excluded.name, excluded.kind)
        returning (xmax = 0) as inserted`,
  );
  total = add(
    total,
    await counted(
      ex,
      sql`insert into districts (code, name, unit_id, is_demo)
          select x.code, x.name, u.id, ${isDemo}
          from jsonb_to_recordset(${json(rows.districts)}) as x(code text, name text, "unitCode" text)
          join units u on u.code = x."unitCode"
          on conflict (code) do update set name = excluded.name, unit_id = excluded.unit_id
          where (districts.name, districts.unit_id) is distinct from (excluded.name, excluded.unit_id)
          returning (xmax = 0) as inserted`,
    ),
  );
  return add(
    total,
    await counted(
      ex,
      sql`insert into teams (code, name, kind, unit_id, district_id, is_demo)
          select x.code, x.name, x.kind, coalesce(d.unit_id, u.id), d.id, ${isDemo}
          from jsonb_to_recordset(${json(rows.teams)}) as x(code text, name text, kind text, "parentCode" text)
          left join districts d on d.code = x."parentCode"
          left join units u on u.code = x."parentCode"
          on conflict (code) do update set name = excluded.name, kind = excluded.kind,
            unit_id = excluded.unit_id, district_id = excluded.district_id
          where (teams.name, teams.kind, teams.unit_id, teams.district_id)
            is distinct from (excluded.name, excluded.kind, excluded.unit_id, excluded.district_id)
          returning (xmax = 0) as inserted`,
    ),
  );
}

const CHUNK = 10_000;

export async function upsertPeople(
  ex: Executor,
  people: PersonRow[],
  memberships: MembershipRow[],
  isDemo: boolean,
  onProgress: (done: number) => void,
): Promise<WriteCounts> {
  let total: WriteCounts = { inserted: 0, updated: 0 };
  for (let i = 0; i < people.length; i += CHUNK) {
    total = add(
      total,
      await counted(
        ex,
        sql`insert into people (employee_number, given_name, family_name, birth_year, employed_since, email, is_demo)
            select x."employeeNumber", x."givenName", x."familyName", x."birthYear", x."employedSince", x.email, ${isDemo}
            from jsonb_to_recordset(${json(people.slice(i, i + CHUNK))})
              as x("employeeNumber" text, "givenName" text, "familyName" text, "birthYear" int, "employedSince" date, email text)
            on conflict (employee_number) do update set given_name = excluded.given_name,
              family_name = excluded.family_name, birth_year = excluded.birth_year,
              employed_since = excluded.employed_since, email = excluded.email
            where (people.given_name, people.family_name, people.birth_year, people.employed_since, people.email)
              is distinct from (excluded.given_name, excluded.family_name, excluded.birth_year, excluded.employed_since, excluded.email)
            returning (xmax = 0) as inserted`,
      ),
    );
    onProgress(Math.min(i + CHUNK, people.length));
  }
  for (let i = 0; i < memberships.length; i += CHUNK) {
    const chunk = memberships.slice(i, i + CHUNK).map(({ line: _line, ...m }) => m);
    total = add(
      total,
      await counted(
        ex,
        sql`insert into memberships (person_id, team_id, role, valid_from, valid_to)
            select p.id, t.id, x.role, x."validFrom", x."validTo"
            from jsonb_to_recordset(${json(chunk)})
              as x("employeeNumber" text, "teamCode" text, role text, "validFrom" date, "validTo" date)
            join people p on p.employee_number = x."employeeNumber"
            join teams t on t.code = x."teamCode"
            on conflict (person_id, team_id, valid_from) do update set role = excluded.role, valid_to = excluded.valid_to
            where (memberships.role, memberships.valid_to) is distinct from (excluded.role, excluded.valid_to)
            returning (xmax = 0) as inserted`,
      ),
    );
    onProgress(people.length + Math.min(i + CHUNK, memberships.length));
  }
  return total;
}

/** A membership that is still open when a later one starts ends where the later one begins. */
export async function closeSupersededMemberships(
  ex: Executor,
  employeeNumbers: string[],
): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`update memberships m set valid_to = n.next_from
        from (
          select ms.id, lead(ms.valid_from) over (partition by ms.person_id order by ms.valid_from) as next_from
          from memberships ms join people p on p.id = ms.person_id
          where p.employee_number in (select jsonb_array_elements_text(${json(employeeNumbers)}))
        ) n
        where m.id = n.id and m.valid_to is null and n.next_from is not null
        returning m.id`,
  );
  return rows.length;
}
