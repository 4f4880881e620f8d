import { randomUUID } from 'node:crypto';
import { districts, memberships, people, teams } from '@pvi/db';
import type { TestApp } from './harness.ts';
import { buildSurveyOrg, signInAs, type Session, type SurveyOrgFixture } from './factories.ts';

/**
 * For the controls follow-up tests (docs/controls-followup.md): one unit with base teams A (5
 * people) and B (3 people, plus one who left in 2024) in district 1, and team C (recherche, 4
 * people) in district 2; a second unit for scope checks; sessions for the chiefs of A and B, a
 * member of A and the leadership of both units.
 */
export async function buildFollowUpFixture(t: TestApp) {
  const db = t.database.db;
  const org: SurveyOrgFixture = await buildSurveyOrg(db, [5, 3]);
  const other = await buildSurveyOrg(db, [2]);
  const A = org.teams[0]!;
  const B = org.teams[1]!;
  const [d2] = await db
    .insert(districts)
    .values({ code: `D2-${randomUUID().slice(0, 6)}`, name: 'District Twee', unitId: org.unitId })
    .returning();
  const [c] = await db
    .insert(teams)
    .values({
      code: `TC-${randomUUID().slice(0, 6)}`,
      name: 'Recherche C',
      kind: 'recherche',
      unitId: org.unitId,
      districtId: d2!.id,
    })
    .returning();
  const persons = await db
    .insert(people)
    .values(
      ['C1', 'C2', 'C3', 'C4', 'Leaver'].map((n) => ({
        employeeNumber: `${n}-${randomUUID().slice(0, 8)}`,
        givenName: n,
        familyName: 'Test',
      })),
    )
    .returning();
  await db.insert(memberships).values([
    ...persons.slice(0, 4).map((p) => ({
      personId: p.id,
      teamId: c!.id,
      role: 'lid' as const,
      validFrom: '2020-01-01',
    })),
    // Left team B in 2024: not in its 2025 team size, not an ambassador for 2025.
    {
      personId: persons[4]!.id,
      teamId: B.id,
      role: 'lid' as const,
      validFrom: '2020-01-01',
      validTo: '2024-06-01',
    },
  ]);
  const as = (
    ...args: Parameters<typeof signInAs> extends [unknown, unknown, ...infer R] ? R : never
  ) => signInAs(t.app, t.services, ...args);
  return {
    org,
    other,
    A,
    B,
    teamC: { id: c!.id, memberIds: persons.slice(0, 4).map((p) => p.id), districtId: d2!.id },
    leaverB: persons[4]!.id,
    chiefA: await as('teamchef', { type: 'team', id: A.id }, { personId: A.memberIds[0]! }),
    chiefB: await as('teamchef', { type: 'team', id: B.id }),
    memberA: await as('medewerker', { type: 'team', id: A.id }),
    leader: await as('eenheidsleiding', { type: 'unit', id: org.unitId }),
    otherLeader: await as('eenheidsleiding', { type: 'unit', id: other.unitId }),
  };
}
export type FollowUpFixture = Awaited<ReturnType<typeof buildFollowUpFixture>>;

/** An API call as a session (or none). */
export const caller =
  (t: () => TestApp) =>
  (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    session: Session | null,
    payload?: unknown,
  ) =>
    t().app.inject({
      method,
      url: `/api/v1${url}`,
      headers: session?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

/** The invalid fields of a problem, as `name:code`, sorted. */
export const paramsOf = (body: { invalidParams?: { name: string; code: string }[] }) =>
  (body.invalidParams ?? []).map((p) => `${p.name}:${p.code}`).sort();
