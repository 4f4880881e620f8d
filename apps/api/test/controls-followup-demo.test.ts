import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { queryRows, teams, units } from '@pvi/db';
import { systemActor } from '../src/modules/audit/audit.service.ts';
import { createFollowUpDemoService } from '../src/modules/controls-followup/followup-demo.service.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { buildSurveyOrg, signInAs, type SurveyOrgFixture } from './factories.ts';

/** The demo's follow-up data: plausible, within every rule the API enforces, loaded once. */
let t: TestApp;
let org: SurveyOrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await buildSurveyOrg(t.database.db, [6, 4, 5]);
  const ids = org.teams.map((x) => x.id);
  await t.database.db.update(teams).set({ isDemo: true }).where(inArray(teams.id, ids));
  // The third team is not a base team: no ambassadors, VR sessions or reflection.
  await t.database.db
    .update(teams)
    .set({ kind: 'recherche' })
    .where(inArray(teams.id, [ids[2]!]));
});
afterAll(async () => {
  await t.close();
});

describe('demo follow-up data', () => {
  it('loads training years, activities and sessions that pass the API’s own rules, once', async () => {
    const [unit] = await t.database.db
      .select({ code: units.code })
      .from(units)
      .where(sql`${units.id} = ${org.unitId}`);
    const demo = createFollowUpDemoService({ db: t.database.db, audit: t.services.audit });
    const first = await demo.load({
      seed: 1,
      actor: systemActor('demo'),
      reflectionUnitCode: unit!.code,
    });
    expect(first.trainingYears).toBe(6);
    expect(first.reflectionSessions).toBe(4);
    expect(first.activities).toBeGreaterThan(0);

    const today = new Date().toISOString().slice(0, 10);
    const bad = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from outreach_activities a
          where a.held_on > ${today}::date
             or (a.kind = 'vr_session' and a.participants > (
                  select count(*) from memberships m where m.team_id = a.team_id))`,
    );
    expect(bad[0]!.n).toBe(0);
    const recherche = await queryRows<{ n: number }>(
      t.database.db,
      sql`select ((select count(*) from team_ambassadors ta join team_training_years y
                    on y.id = ta.training_year_id where y.team_id = ${org.teams[2]!.id})
               + (select count(*) from reflection_sessions where team_id = ${org.teams[2]!.id})
               + (select count(*) from outreach_activities
                    where team_id = ${org.teams[2]!.id} and kind = 'vr_session'))::int as n`,
    );
    expect(recherche[0]!.n).toBe(0);

    const leader = await signInAs(t.app, t.services, 'eenheidsleiding', {
      type: 'unit',
      id: org.unitId,
    });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/units/${org.unitId}/outreach-coverage`,
      headers: leader.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().teams).toHaveLength(3);

    const again = await demo.load({
      seed: 1,
      actor: systemActor('demo'),
      reflectionUnitCode: unit!.code,
    });
    expect(again).toEqual({ trainingYears: 0, activities: 0, reflectionSessions: 0 });
  });
});
