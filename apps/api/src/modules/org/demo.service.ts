import { eq, sql } from 'drizzle-orm';
import { installation, queryRows, type Database } from '@pvi/db';
import { generateDemoOrganisation, type DemoScale } from '@pvi/db/demo';
import { toOrgCsv, toPeopleCsv } from '@pvi/db/demo/csv';
import type { Role } from '@pvi/contracts';
import type { Actor } from '../audit/audit.service.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { OrgService } from './org.service.ts';
import { textSource, type ProgressListener } from './import/csv.ts';
import type { OrgImportService } from './import/org-import.service.ts';
import type { ControlsDemoService } from '../controls/controls-demo.service.ts';
import type { FollowUpDemoService } from '../controls-followup/followup-demo.service.ts';

/** The demo password is public on purpose: demo data is marked as such and holds no real people. */
export const DEMO_PASSWORD = 'pvi-demo-wachtwoord';

export interface DemoAccount {
  username: string;
  role: Role;
  scope: string;
  description: string;
}

export function createDemoService(deps: {
  db: Database;
  imports: OrgImportService;
  auth: AuthService;
  org: OrgService;
  /** Adds the CBS areas and a year of controls for the base teams. */
  controls?: ControlsDemoService;
  /** Adds reflection sessions and training/outreach records for the base teams. */
  followUp?: FollowUpDemoService;
}) {
  const { db, imports, auth, org, controls, followUp } = deps;

  async function isEmpty() {
    const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from units`);
    return (rows[0]?.n ?? 0) === 0;
  }

  async function demoInfo(): Promise<{ scale: string; seed: number } | null> {
    const rows = await db.select().from(installation).where(eq(installation.key, 'demo'));
    return rows[0] ? (JSON.parse(rows[0].value) as { scale: string; seed: number }) : null;
  }

  async function load(options: {
    scale: DemoScale;
    seed: number;
    actor: Actor;
    onProgress?: ProgressListener;
  }) {
    const demo = generateDemoOrganisation({ scale: options.scale, seed: options.seed });
    const common = { actor: options.actor, isDemo: true, onProgress: options.onProgress };
    const orgResult = await imports.importOrg(textSource(toOrgCsv(demo)), common);
    const peopleResult = await imports.importPeople(textSource(toPeopleCsv(demo)), common);
    for (const r of [orgResult, peopleResult]) {
      if (!r.ok)
        throw new Error(
          `The demo ${r.kind} file did not import: ${r.problems
            .slice(0, 3)
            .map((p) => `line ${p.line}: ${p.reason}`)
            .join('; ')}`,
        );
    }
    await db
      .insert(installation)
      .values({ key: 'demo', value: JSON.stringify({ scale: options.scale, seed: options.seed }) })
      .onConflictDoUpdate({
        target: installation.key,
        set: {
          value: JSON.stringify({ scale: options.scale, seed: options.seed }),
          updatedAt: new Date(),
        },
      });
    const accounts = await createDemoAccounts(demo, options.actor);
    const controlsLoaded = controls
      ? await controls.load({
          organisation: demo,
          scale: options.scale,
          seed: options.seed,
          onProgress: options.onProgress,
        })
      : null;
    await followUp?.load({ seed: options.seed, actor: options.actor, reflectionUnitCode: 'AMS' });
    return {
      people: demo.people.length,
      teams: demo.teams.length,
      accounts,
      controls: controlsLoaded?.controls ?? 0,
    };
  }

  async function createDemoAccounts(
    demo: ReturnType<typeof generateDemoOrganisation>,
    actor: Actor,
  ): Promise<DemoAccount[]> {
    const team =
      demo.teams.find((t) => t.kind === 'basisteam' && t.unitCode === 'AMS') ?? demo.teams[0]!;
    const current = demo.memberships.filter((m) => m.teamCode === team.code && m.validTo === null);
    const chief = current.find((m) => m.role === 'teamchef');
    const member = current.find((m) => m.role === 'lid');
    const personId = async (employeeNumber: string | undefined) =>
      employeeNumber ? org.findPersonIdByEmployeeNumber(employeeNumber) : null;
    const list: (DemoAccount & {
      person?: string | undefined;
      extra?: { role: Role; scope: string };
    })[] = [
      {
        username: 'demo.beheerder',
        role: 'beheerder',
        scope: 'national',
        description: 'beheerder, landelijk',
      },
      {
        username: 'demo.teamchef',
        role: 'teamchef',
        scope: `team:${team.code}`,
        description: `teamchef van ${team.name} (ook medewerker)`,
        person: chief?.employeeNumber,
        extra: { role: 'medewerker', scope: `team:${team.code}` },
      },
      {
        username: 'demo.medewerker',
        role: 'medewerker',
        scope: `team:${team.code}`,
        description: `medewerker in ${team.name}`,
        person: member?.employeeNumber,
      },
      {
        username: 'demo.eenheid',
        role: 'eenheidsleiding',
        scope: `unit:${team.unitCode}`,
        description: 'eenheidsleiding',
      },
      {
        username: 'demo.hr',
        role: 'hr_analist',
        scope: 'national',
        description: 'HR-analist, landelijk',
      },
      { username: 'demo.ecad', role: 'ecad', scope: 'national', description: 'ECAD-P' },
      {
        username: 'demo.ndv',
        role: 'ndv_coordinator',
        scope: 'national',
        description: 'NDV-coördinator',
      },
      {
        username: 'demo.cdo',
        role: 'cdo',
        scope: 'national',
        description: 'Chief Diversity Officer',
      },
    ];
    for (const a of list) {
      let accountId: string;
      try {
        accountId = await auth.getAccountId(a.username);
      } catch {
        const created = await auth.createLocalAccount(
          {
            username: a.username,
            password: DEMO_PASSWORD,
            personId: await personId(a.person),
            displayName: a.description,
          },
          actor,
        );
        accountId = created.id;
      }
      await auth.grantRole(accountId, a.role, await org.resolveScope(a.scope), actor);
      if (a.extra)
        await auth.grantRole(accountId, a.extra.role, await org.resolveScope(a.extra.scope), actor);
    }
    return list.map(({ username, role, scope, description }) => ({
      username,
      role,
      scope,
      description,
    }));
  }

  return { isEmpty, demoInfo, load };
}
