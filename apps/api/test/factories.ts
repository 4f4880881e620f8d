import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { districts, memberships, people, teams, units, type Database } from '@pvi/db';
import type { Role, ScopeType } from '@pvi/contracts';
import type { Services } from '../src/app.ts';
import { systemActor } from '../src/modules/audit/audit.service.ts';

const tag = () => randomBytes(4).toString('hex').toUpperCase();

export interface OrgFixture {
  unitId: string;
  districtId: string;
  teamId: string;
  /** The chief and two members of the team. */
  chiefId: string;
  memberIds: string[];
}

/** A unit with one district, one base team and three people; every call makes its own. */
export async function buildOrg(db: Database, name = 'Test'): Promise<OrgFixture> {
  const t = tag();
  const [unit] = await db
    .insert(units)
    .values({ code: `U${t}`, name: `Eenheid ${name} ${t}`, kind: 'regional' })
    .returning();
  const [district] = await db
    .insert(districts)
    .values({ code: `D${t}`, name: `District ${name} ${t}`, unitId: unit!.id })
    .returning();
  const [team] = await db
    .insert(teams)
    .values({
      code: `T${t}`,
      name: `Basisteam ${name} ${t}`,
      kind: 'basisteam',
      unitId: unit!.id,
      districtId: district!.id,
    })
    .returning();
  const persons = await db
    .insert(people)
    .values(
      ['Chef', 'Lid', 'Lid'].map((given, i) => ({
        employeeNumber: `${t}${i}`,
        givenName: given,
        familyName: `${name}${t}${i}`,
        birthYear: 1980 + i,
        employedSince: '2005-01-01',
        email: `p${t}${i}@demo.politie.invalid`,
      })),
    )
    .returning();
  await db.insert(memberships).values(
    persons.map((p, i) => ({
      personId: p.id,
      teamId: team!.id,
      role: i === 0 ? ('teamchef' as const) : ('lid' as const),
      validFrom: '2020-01-01',
    })),
  );
  return {
    unitId: unit!.id,
    districtId: district!.id,
    teamId: team!.id,
    chiefId: persons[0]!.id,
    memberIds: persons.slice(1).map((p) => p.id),
  };
}

export const TEST_PASSWORD = 'correct-horse-battery';

export async function createAccount(
  services: Services,
  role: Role,
  scope: { type: ScopeType; id: string | null },
  options: { personId?: string | null } = {},
) {
  const username = `u${tag().toLowerCase()}`;
  const account = await services.auth.createLocalAccount(
    { username, password: TEST_PASSWORD, personId: options.personId ?? null },
    systemActor('test'),
  );
  await services.auth.grantRole(account.id, role, scope, systemActor('test'));
  return { username, accountId: account.id };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
  });
  if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export async function signInAs(
  app: FastifyInstance,
  services: Services,
  role: Role,
  scope: { type: ScopeType; id: string | null },
  options: { personId?: string | null } = {},
) {
  const { username, accountId } = await createAccount(services, role, scope, options);
  return { ...(await signIn(app, username)), username, accountId };
}

/** The demo's CBS areas (gemeenten, wijken and buurten of the demo municipalities). */
export async function seedAreas(db: Database) {
  const { demoAreas } = await import('@pvi/db/demo/areas');
  const { upsertAreas } = await import('../src/modules/controls/controls.repository.ts');
  await upsertAreas(db, demoAreas(), true);
}

/** A registration that breaks no rule, for the buurt Kop Zeedijk (BU03630000). */
export function registration(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    buurtCode: 'BU03630000',
    controlType: 'person',
    initiative: 'proactive',
    selectionReason: 'behaviour',
    reasonText: 'Liep weg bij het zien van de politie',
    legalBasis: 'wid',
    explained: true,
    actions: ['identity_check'],
    outcome: 'none',
    outcomeLinked: false,
    durationBand: '5to15',
    ...overrides,
  };
}

export interface SurveyOrgFixture {
  unitId: string;
  districtId: string;
  teams: { id: string; memberIds: string[]; emails: string[] }[];
}

/** A unit with one district and teams of the given sizes; everyone has an e-mail address. */
export async function buildSurveyOrg(db: Database, sizes: number[]): Promise<SurveyOrgFixture> {
  const t = tag();
  const [unit] = await db
    .insert(units)
    .values({ code: `U${t}`, name: `Eenheid Monitor ${t}`, kind: 'regional' })
    .returning();
  const [district] = await db
    .insert(districts)
    .values({ code: `D${t}`, name: `District Monitor ${t}`, unitId: unit!.id })
    .returning();
  const out: SurveyOrgFixture['teams'] = [];
  for (const [index, size] of sizes.entries()) {
    const [team] = await db
      .insert(teams)
      .values({
        code: `T${t}${index}`,
        name: `Basisteam ${String.fromCharCode(65 + index)} ${t}`,
        kind: 'basisteam',
        unitId: unit!.id,
        districtId: district!.id,
      })
      .returning();
    const persons = size
      ? await db
          .insert(people)
          .values(
            Array.from({ length: size }, (_, i) => ({
              employeeNumber: `${t}-${index}-${i}`,
              givenName: `Lid${i}`,
              familyName: `Team${index}${t}`,
              email: `m${t.toLowerCase()}${index}x${i}@demo.politie.invalid`,
            })),
          )
          .returning()
      : [];
    if (persons.length)
      await db.insert(memberships).values(
        persons.map((p, i) => ({
          personId: p.id,
          teamId: team!.id,
          role: i === 0 ? ('teamchef' as const) : ('lid' as const),
          validFrom: '2020-01-01',
        })),
      );
    out.push({
      id: team!.id,
      memberIds: persons.map((p) => p.id),
      emails: persons.map((p) => p.email!),
    });
  }
  return { unitId: unit!.id, districtId: district!.id, teams: out };
}
