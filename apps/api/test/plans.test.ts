import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { auditLog, mailOutbox, queryRows, surveyGroupReports } from '@pvi/db';
import { memo } from '../src/modules/teams/instruments/index.ts';
import { monthsUpTo } from '../src/modules/teams/attention.rules.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { buildSurveyOrg, signInAs, type Session, type SurveyOrgFixture } from './factories.ts';

/**
 * Risks, plans of approach, the leadership overview, HR indicators and "needs attention", on
 * waves run through the API: created, opened, answered through the links in the outbox (no SMTP,
 * so mail is held), closed. Team A (14 people, 12 answer) has low social safety and much
 * intimidation in wave 1 and a significant drop in psychological safety in wave 2; team B (6, 5
 * answer) is shown without item detail; team D (12, 5 answer) has a low response; team E (3
 * people) is in no wave; team X, in a wave of its own, is hidden by disclosure control.
 */
let t: TestApp;
let org: SurveyOrgFixture;
let lone: SurveyOrgFixture;
let hr: Session;
let chief: Session;
let member: Session;
let otherMember: Session;
let leader: Session;
const A = 0;
const B = 1;
const D = 2;
const E = 3;
const teamId = (i: number) => org.teams[i]!.id;
const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  org = await buildSurveyOrg(t.database.db, [14, 6, 12, 3]);
  lone = await buildSurveyOrg(t.database.db, [3]);
  hr = await signInAs(t.app, t.services, 'hr_analist', { type: 'national', id: null });
  chief = await signInAs(
    t.app,
    t.services,
    'teamchef',
    { type: 'team', id: teamId(A) },
    { personId: org.teams[A]!.memberIds[0]! },
  );
  member = await signInAs(t.app, t.services, 'medewerker', { type: 'team', id: teamId(A) });
  otherMember = await signInAs(t.app, t.services, 'medewerker', { type: 'team', id: teamId(B) });
  leader = await signInAs(t.app, t.services, 'eenheidsleiding', { type: 'unit', id: org.unitId });
});
afterAll(async () => {
  await t.close();
});

const call = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  session: Session | null,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url,
    headers: { ...(session?.headers ?? {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** Answers that give each scale the scored value asked for (reverse-keyed items turned round). */
function answers(scores: Record<string, number>, extra: Record<string, number> = {}) {
  const out: Record<string, number> = {};
  for (const item of memo.items) {
    const score = item.scaleKey ? scores[item.scaleKey] : undefined;
    if (score !== undefined) out[item.key] = item.reverse ? 6 - score : score;
  }
  return { ...out, ...extra };
}
/** 4, 5, 3, 4, 5, 3, …: mostly favourable, never unanimous. */
const mixed = (i: number) => [4, 5, 3][i % 3]!;
/** 4, 5, 3, 2, 4: 3 of 5 favourable, a share shown exactly (4 or 5 of 5 would be a band). */
const sixty = (i: number) => [4, 5, 3, 2, 4][i % 5]!;
const everyScale = (value: number) => Object.fromEntries(memo.scales.map((s) => [s.key, value]));

type Answering = Partial<Record<number, (i: number) => Record<string, number> | null>>;

/** Runs a MEMO wave over the given teams: create, open, answer by the held links, close. */
async function runWave(
  name: string,
  fixture: SurveyOrgFixture,
  teams: number[],
  answering: Answering,
  previousWaveId?: string,
): Promise<string> {
  const created = await call('POST', '/api/v1/survey/waves', hr, {
    name,
    instrumentKey: 'memo',
    units: [{ unitId: fixture.unitId, opensOn: today, closesOn: inAWeek }],
    teamIds: teams.map((i) => fixture.teams[i]!.id),
    ...(previousWaveId ? { previousWaveId } : {}),
  });
  expect(created.statusCode, created.body).toBe(201);
  const waveId = created.json().id as string;
  expect((await call('POST', `/api/v1/survey/waves/${waveId}/open`, hr)).statusCode).toBe(200);
  const mails = await t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'held'), like(mailOutbox.subject, `Uitnodiging: ${name} /%`)));
  const secretOf = new Map(
    mails.map((m) => [m.toAddress, /\/vragenlijst#([A-Za-z0-9_-]{20,})/.exec(m.body)![1]!]),
  );
  for (const index of teams) {
    const answer = answering[index];
    if (!answer) continue;
    for (const [i, email] of fixture.teams[index]!.emails.entries()) {
      const given = answer(i);
      if (!given) continue;
      const res = await call('POST', '/api/v1/survey/responses', null, {
        secret: secretOf.get(email),
        answers: given,
      });
      expect(res.statusCode, res.body).toBe(204);
    }
  }
  expect((await call('POST', `/api/v1/survey/waves/${waveId}/close`, hr)).statusCode).toBe(200);
  return waveId;
}

async function storedShown(waveId: string, team: string) {
  const [row] = await t.database.db
    .select({ shown: surveyGroupReports.shown })
    .from(surveyGroupReports)
    .where(
      and(eq(surveyGroupReports.waveId, waveId), eq(surveyGroupReports.groupKey, `team:${team}`)),
    );
  return row?.shown;
}

const codes = (body: { flags: { code: string }[] }) => body.flags.map((f) => f.code).sort();

let wave1: string;
let wave2: string;
let planA: string;
let planB: string;
let measureA: string;

describe('risk flags', () => {
  it('runs wave 1 and flags team A for low social safety and intimidation, with reasons', async () => {
    wave1 = await runWave('Teammonitor plannen 1', org, [A, B, D], {
      // 12 of 14: social safety 2 for eight, 5 for four (33 % favourable); 4 of 12 intimidated.
      [A]: (i) =>
        i < 12
          ? answers(
              { ...everyScale(mixed(i)), social_safety: i < 8 ? 2 : 5 },
              { transgressive_intimidation: i < 4 ? 1 : 0 },
            )
          : null,
      [B]: (i) => (i < 5 ? answers(everyScale(sixty(i)), { transgressive_intimidation: 1 }) : null),
      [D]: (i) => (i < 5 ? answers(everyScale(mixed(i))) : null),
    });
    for (const i of [A, B, D]) expect(await storedShown(wave1, teamId(i))).toBe(true);

    const res = await call('GET', `/api/v1/teams/${teamId(A)}/risks`, member);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.wave.id).toBe(wave1);
    expect(body.shown).toBe(true);
    expect(codes(body)).toEqual([
      'low_favourable:social_safety',
      'transgressive_experienced:transgressive_intimidation',
    ]);
    const low = body.flags.find((f: { rule: string }) => f.rule === 'low_favourable');
    expect(low.value).toBeCloseTo(4 / 12);
    expect(low.threshold).toBe(0.5);
    expect(low.explanation.nl).toContain('Sociale veiligheid: 33 % gunstig');
    expect(low.explanation.en).toContain('below the threshold of 50%');
    const intimidation = body.flags.find(
      (f: { rule: string }) => f.rule === 'transgressive_experienced',
    );
    expect(intimidation.explanation.nl).toContain('33 % van de 12');
    // No previous wave: the drop rule says why it was not applied.
    expect(
      body.notEvaluated.find((n: { rule: string }) => n.rule === 'significant_drop').reason.en,
    ).toBe('There is no earlier wave to compare with.');
  });

  it('applies no item rule to a shown team below 10 respondents, and says so', async () => {
    const body = (await call('GET', `/api/v1/teams/${teamId(B)}/risks`, otherMember)).json();
    expect(body.shown).toBe(true);
    // Every one of B's five said yes to intimidation, yet there is no item detail to flag on.
    expect(codes(body)).toEqual([]);
    expect(
      body.notEvaluated.find((n: { rule: string }) => n.rule === 'transgressive_experienced').reason
        .nl,
    ).toContain('minder dan 10 respondenten');
  });

  it('flags a low response rate', async () => {
    const body = (await call('GET', `/api/v1/teams/${teamId(D)}/risks`, leader)).json();
    expect(codes(body)).toEqual(['low_response']);
    expect(body.flags[0].explanation.nl).toContain('Respons 42 % (5 van 12 uitgenodigd)');
  });

  it('gives no flags for a team hidden by disclosure control', async () => {
    const hidden = await runWave('Teammonitor plannen los', lone, [0], {
      0: (i) => (i < 2 ? answers({ social_safety: 1, psy_safety: 1 }) : null),
    });
    expect(await storedShown(hidden, lone.teams[0]!.id)).toBe(false);
    const body = (await call('GET', `/api/v1/teams/${lone.teams[0]!.id}/risks`, hr)).json();
    expect(body).toMatchObject({ shown: false, flags: [] });
    expect(body.notEvaluated).toHaveLength(4);
  });

  it('refuses a member of another team', async () => {
    const res = await call('GET', `/api/v1/teams/${teamId(A)}/risks`, otherMember);
    expect(res.statusCode).toBe(403);
  });
});

describe('the plan of approach', () => {
  it('refuses a flag the team does not have and a scale the instrument lacks, field by field', async () => {
    const res = await call('POST', `/api/v1/teams/${teamId(A)}/plans`, chief, {
      waveId: wave1,
      risks: [{ kind: 'flag', code: 'low_response' }],
      measures: [{ title: 'Iets doen', owner: 'teamchef', scaleKey: 'bestaat_niet' }],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['measures.0.scaleKey', 'risks.0.code']);
  });

  it('is agreed by the team chief on the wave’s flags and free themes', async () => {
    const res = await call('POST', `/api/v1/teams/${teamId(A)}/plans`, chief, {
      waveId: wave1,
      risks: [
        { kind: 'flag', code: 'low_favourable:social_safety' },
        { kind: 'theme', text: 'Elkaar aanspreken op grappen' },
      ],
      conversationOn: '2026-01-15',
      measures: [
        {
          title: 'Teamgesprek over omgangsvormen',
          owner: 'teamchef',
          dueOn: '2020-03-01',
          scaleKey: 'social_safety',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    planA = plan.id;
    measureA = plan.measures[0].id;
    expect(plan).toMatchObject({ teamId: teamId(A), version: 1, conversationOn: '2026-01-15' });
    expect(plan.wave.id).toBe(wave1);
    expect(plan.measures[0]).toMatchObject({ status: 'planned', overdue: true, position: 1 });

    const again = await call('POST', `/api/v1/teams/${teamId(A)}/plans`, chief, {
      waveId: wave1,
      risks: [{ kind: 'theme', text: 'Nog een keer' }],
    });
    expect(again.statusCode).toBe(409);
  });

  it('is visible to the whole team, and only to it', async () => {
    const mine = await call('GET', `/api/v1/teams/${teamId(A)}/plans/${planA}`, member);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().risks).toHaveLength(2);
    expect(
      (await call('GET', `/api/v1/teams/${teamId(A)}/plans`, member)).json().items,
    ).toHaveLength(1);
    const theirs = await call('GET', `/api/v1/teams/${teamId(A)}/plans/${planA}`, otherMember);
    expect(theirs.statusCode).toBe(403);
    // The plan does not exist under another team's path either.
    const elsewhere = await call('GET', `/api/v1/teams/${teamId(B)}/plans/${planA}`, otherMember);
    expect(elsewhere.statusCode).toBe(404);
    const [read] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'team_plan'), eq(auditLog.recordId, planA)));
    expect(read).toBeDefined();
  });

  it('is edited by the team chief and unit leadership, not by a member', async () => {
    const byMember = await call('PATCH', `/api/v1/teams/${teamId(A)}/plans/${planA}`, member, {
      summary: 'Niet van mij',
    });
    expect(byMember.statusCode).toBe(403);
    // Another team's chief is refused for the scope, before the body is even looked at.
    const otherChief = await signInAs(t.app, t.services, 'teamchef', {
      type: 'team',
      id: teamId(B),
    });
    for (const body of [{}, { waveId: wave1, risks: [{ kind: 'theme', text: 'Niet van ons' }] }])
      expect(
        (await call('POST', `/api/v1/teams/${teamId(A)}/plans`, otherChief, body)).statusCode,
      ).toBe(403);

    const updated = await call('PATCH', `/api/v1/teams/${teamId(A)}/plans/${planA}`, chief, {
      conversationOn: '2026-01-22',
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, conversationOn: '2026-01-22' });
    const stale = await call('PATCH', `/api/v1/teams/${teamId(A)}/plans/${planA}`, chief, {
      summary: 'Op oude versie',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const progress = await call(
      'PATCH',
      `/api/v1/teams/${teamId(A)}/plans/${planA}/measures/${measureA}`,
      leader,
      { status: 'in_progress', progress: 40, progressNote: 'Eerste gesprek gevoerd' },
    );
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().version).toBe(3);
    expect(progress.json().measures[0]).toMatchObject({ status: 'in_progress', progress: 40 });

    const added = await call('POST', `/api/v1/teams/${teamId(A)}/plans/${planA}/measures`, chief, {
      title: '=HYPERLINK("http://evil.invalid")',
      owner: 'Vertrouwenspersoon',
      dueOn: '2021-06-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().measures.map((m: { position: number }) => m.position)).toEqual([1, 2]);
  });

  it('keeps its history, append-only', async () => {
    const res = await call('GET', `/api/v1/teams/${teamId(A)}/plans/${planA}/history`, member);
    expect(res.statusCode).toBe(200);
    const events = res.json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'plan_created',
      'measure_added',
      'plan_updated',
      'measure_updated',
      'measure_added',
    ]);
    expect(events[2].changes).toEqual({ conversationOn: ['2026-01-15', '2026-01-22'] });
    expect(events[3].changes).toMatchObject({
      status: ['planned', 'in_progress'],
      progress: [null, 40],
    });
    expect(events[2].by).toEqual({ role: 'teamchef', name: expect.stringMatching(/^Lid0 /) });
    expect(events[3].by.role).toBe('eenheidsleiding');
    await expect(
      t.database.db.execute(sql`update team_plan_events set changes = '{}'::jsonb`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from team_plan_events`)).rejects.toThrow();
  });
});

describe('the leadership overview', () => {
  it('lists teams with and without a plan, overdue measures and flags', async () => {
    const res = await call('GET', `/api/v1/units/${org.unitId}/attention/plans`, leader);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.summary).toEqual({
      teams: 4,
      surveyed: 3,
      withPlan: 1,
      withoutPlan: 2,
      flagged: 2,
      overdueMeasures: 2,
    });
    const a = o.teams.find((x: { teamId: string }) => x.teamId === teamId(A));
    expect(a.plan).toMatchObject({ id: planA, measures: 2, overdue: 2, done: 0 });
    expect(a.flags.length).toBe(2);
    const e = o.teams.find((x: { teamId: string }) => x.teamId === teamId(E));
    expect(e).toMatchObject({ wave: null, plan: null, flags: [] });
    expect(o.overdue.map((m: { dueOn: string }) => m.dueOn)).toEqual(['2020-03-01', '2021-06-01']);
    expect(o.overdue[0].daysOverdue).toBeGreaterThan(365);

    // A done measure is no longer overdue.
    await call('PATCH', `/api/v1/teams/${teamId(A)}/plans/${planA}/measures/${measureA}`, chief, {
      status: 'done',
      progress: 100,
    });
    const after = (
      await call('GET', `/api/v1/districts/${org.districtId}/attention/plans`, leader)
    ).json();
    expect(after.overdue.map((m: { title: string }) => m.title)).toEqual([
      '=HYPERLINK("http://evil.invalid")',
    ]);
  });

  it('exports the same as CSV, safe from formula injection', async () => {
    const res = await call('GET', `/api/v1/units/${org.unitId}/attention/plans/export`, leader);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'team_code,team_name,district,latest_wave,shown_in_report,has_plan,conversation_on,measures,measures_done,measures_overdue,overdue_measures,flags',
    );
    expect(lines).toHaveLength(5);
    const rowA = lines.find((l) => l.includes('Basisteam A'))!;
    expect(rowA).toContain(',yes,yes,2026-01-22,2,1,1,');
    expect(rowA).toContain(`"'=HYPERLINK(""http://evil.invalid"") (2021-06-01)"`);
    expect(rowA).toContain('low_favourable:social_safety; transgressive_experienced');
  });

  it('is refused to members and team chiefs, and outside the scope', async () => {
    expect(
      (await call('GET', `/api/v1/units/${org.unitId}/attention/plans`, member)).statusCode,
    ).toBe(403);
    expect(
      (await call('GET', `/api/v1/units/${org.unitId}/attention/plans`, chief)).statusCode,
    ).toBe(403);
    const elsewhere = await signInAs(t.app, t.services, 'eenheidsleiding', {
      type: 'unit',
      id: lone.unitId,
    });
    expect(
      (await call('GET', `/api/v1/units/${org.unitId}/attention/plans`, elsewhere)).statusCode,
    ).toBe(403);
    const cdo = await signInAs(t.app, t.services, 'cdo', { type: 'national', id: null });
    const national = (await call('GET', '/api/v1/attention/plans', cdo)).json();
    expect(national.scope.level).toBe('national');
    expect(national.teams.map((x: { teamId: string }) => x.teamId)).toEqual(
      expect.arrayContaining([teamId(A), lone.teams[0]!.id]),
    );
  });
});

describe('the second wave and the follow-up', () => {
  it('flags a significant drop against the previous wave', async () => {
    wave2 = await runWave(
      'Teammonitor plannen 2',
      org,
      [A, B, D],
      {
        // Social safety up (mean 3 → 4), psychological safety down (mean 4 → 3).
        [A]: (i) =>
          i < 12 ? answers({ ...everyScale(mixed(i)), psy_safety: mixed(i) - 1 }) : null,
        [B]: (i) => (i < 5 ? answers(everyScale(sixty(i))) : null),
        [D]: (i) => (i < 5 ? answers(everyScale(mixed(i))) : null),
      },
      wave1,
    );
    const body = (await call('GET', `/api/v1/teams/${teamId(A)}/risks`, chief)).json();
    expect(body.wave.id).toBe(wave2);
    expect(body.previousWave.id).toBe(wave1);
    expect(codes(body)).toEqual(['low_favourable:psy_safety', 'significant_drop:psy_safety']);
    const drop = body.flags.find((f: { rule: string }) => f.rule === 'significant_drop');
    expect(drop.value).toBeCloseTo(-1);
    expect(drop.explanation.nl).toContain('van 4,00 naar 3,00');
    // Wave 1's flags stay available for the plan made on it.
    const earlier = (
      await call('GET', `/api/v1/teams/${teamId(A)}/risks?waveId=${wave1}`, chief)
    ).json();
    expect(codes(earlier)).toContain('low_favourable:social_safety');
  });

  it('shows the change on a measure’s scale, with a test only from 10 respondents', async () => {
    const res = await call('GET', `/api/v1/teams/${teamId(A)}/plans/${planA}/follow-up`, member);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.nextWave.id).toBe(wave2);
    expect(f.nextShown).toBe(true);
    expect(f.measures).toHaveLength(1);
    const m = f.measures[0];
    expect(m.scaleKey).toBe('social_safety');
    expect(m.before.mean).toBeCloseTo(3);
    expect(m.after.mean).toBeCloseTo(4);
    expect(m.comparison.difference).toBeCloseTo(1);
    expect(m.comparison.favourableDifference).toBeCloseTo(8 / 12 - 4 / 12);
    expect(typeof m.comparison.significant).toBe('boolean');
    expect(m.comparison.p).toBeGreaterThan(0);
    expect(m.explanation.nl).toContain('steeg van 3,00 naar 4,00');

    const created = await call('POST', `/api/v1/teams/${teamId(B)}/plans`, leader, {
      waveId: wave1,
      risks: [{ kind: 'theme', text: 'Werkdruk bespreken' }],
      measures: [{ title: 'Rooster evalueren', owner: 'planner', scaleKey: 'social_safety' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    planB = created.json().id;
    const small = (
      await call('GET', `/api/v1/teams/${teamId(B)}/plans/${planB}/follow-up`, otherMember)
    ).json();
    expect(small.measures[0].comparison).toMatchObject({ significant: null, p: null });
    expect(small.measures[0].explanation.en).toContain('no claim about significance');
  });

  it('counts a plan for the latest wave only in the overview', async () => {
    const before = (
      await call('GET', `/api/v1/units/${org.unitId}/attention/plans`, leader)
    ).json();
    expect(before.summary).toMatchObject({ withPlan: 0, withoutPlan: 3 });
    await call('POST', `/api/v1/teams/${teamId(A)}/plans`, chief, {
      waveId: wave2,
      risks: [{ kind: 'flag', code: 'significant_drop:psy_safety' }],
    });
    const after = (await call('GET', `/api/v1/units/${org.unitId}/attention/plans`, leader)).json();
    expect(after.summary).toMatchObject({ withPlan: 1, withoutPlan: 2 });
  });
});

const months = monthsUpTo(new Date().toISOString().slice(0, 7), 3);

describe('HR indicators', () => {
  // The factory tags team codes at random: read them back.
  const teamCodes = new Map<string, string>();
  const code = (i: number) => teamCodes.get(teamId(i))!;
  const upload = (csv: string, session: Session = hr) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/hr-indicators/import',
      headers: { ...session.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const header =
    'team_code,month,absenteeism_pct,absence_frequency,turnover_pct,overtime_hours,vacancies,integrity_reports';
  let good: string;

  beforeAll(async () => {
    const rows = await queryRows<{ id: string; code: string }>(
      t.database.db,
      sql`select id, code from teams`,
    );
    for (const r of rows) teamCodes.set(r.id, r.code);
    good = [
      header,
      ...months.map((m, i) => `${code(A)},${m},${9 + i},2,1.5,12,1.4,${i === 2 ? 1 : 0}`),
      ...months.map((m) => `${code(B)},${m},3,1,0,4,0,0`),
      `${code(D)},${months[2]},"5,5",,,,,`,
      `${code(E)},${months[2]},30,4,10,30,2,3`,
    ].join('\n');
  });

  it('refuses a file with bad rows, naming each line, and writes nothing', async () => {
    const res = await upload(
      [
        header,
        `${code(A)},${months[0]},4,1,1,1,1,0`,
        `NIET-BESTAAND,${months[0]},4,1,1,1,1,0`,
        `${code(B)},2024-13,4,1,1,1,1,0`,
      ].join('\n'),
    );
    expect(res.statusCode).toBe(400);
    const problems = res.json().invalidParams;
    // One entry per issue: the line, the column at fault and the reason.
    expect(problems.map((p: { name: string; code: string }) => [p.name, p.code])).toEqual([
      ['csv.line.3.team_code', 'unknown_team'],
      ['csv.line.4.month', 'bad_month'],
    ]);
    expect(problems[0].reason).toContain('no team with code NIET-BESTAAND');
    expect(problems[1].reason).toContain('not YYYY-MM');
    const count = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from team_hr_indicators`,
    );
    expect(count[0]!.n).toBe(0);
  });

  it('refuses teams outside the analyst’s scope', async () => {
    const unitAnalyst = await signInAs(t.app, t.services, 'hr_analist', {
      type: 'unit',
      id: lone.unitId,
    });
    const res = await upload(
      [header, `${code(A)},${months[0]},4,1,1,1,1,0`].join('\n'),
      unitAnalyst,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].reason).toContain('outside the scope');
    expect((await upload(good, leader)).statusCode).toBe(403);
  });

  it('imports all rows, and the same file twice changes nothing', async () => {
    const first = await upload(good);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      rows: 8,
      inserted: 8,
      updated: 0,
      unchanged: 0,
      teams: 4,
    });
    const second = await upload(good);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ rows: 8, inserted: 0, updated: 0, unchanged: 8 });
    const changed = await upload(
      good.replace(`${code(B)},${months[0]},3,`, `${code(B)},${months[0]},4,`),
    );
    expect(changed.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 7 });
  });
});

describe('needs attention', () => {
  it('scores each team with every component visible, sorted, with trend lines', async () => {
    const res = await call('GET', `/api/v1/units/${org.unitId}/attention`, leader);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.referenceMonth).toBe(new Date().toISOString().slice(0, 7));
    expect(list.items).toHaveLength(4);
    const scores = list.items.map((x: { score: number }) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const [first] = list.items;
    expect(first.teamId).toBe(teamId(A));
    const component = (key: string) => first.components.find((c: { key: string }) => c.key === key);
    // Absence 9, 10, 11: mean 10, the full weight of 2.
    expect(component('absenteeism_pct')).toMatchObject({
      source: 'hr',
      value: 10,
      threshold: 6,
      full: 10,
      weight: 2,
      contribution: 2,
    });
    expect(component('integrity_reports')).toMatchObject({ value: 1, contribution: 1 });
    expect(component('significant_drops')).toMatchObject({
      source: 'monitor',
      value: 1,
      contribution: 1,
    });
    expect(component('lowest_favourable_share').value).toBeCloseTo(4 / 12, 2);
    const sum = first.components.reduce(
      (s: number, c: { contribution: number }) => s + c.contribution,
      0,
    );
    expect(first.score).toBeCloseTo(sum, 2);
    expect(first.trends.hr.map((m: { month: string }) => m.month)).toEqual(months);
    expect(first.trends.scales.map((w: { waveId: string }) => w.waveId)).toEqual([wave1, wave2]);
    expect(first.trends.scales[0].scales.social_safety.value).toBeCloseTo(4 / 12);
  });

  it('shows no HR figures of a team smaller than the smallest group shown', async () => {
    const list = (await call('GET', `/api/v1/districts/${org.districtId}/attention`, hr)).json();
    const e = list.items.find((x: { teamId: string }) => x.teamId === teamId(E));
    for (const c of e.components.filter((x: { source: string }) => x.source === 'hr')) {
      expect(c.value, c.key).toBeNull();
      expect(c.contribution).toBe(0);
      expect(c.note.en).toContain('fewer than 5 members');
    }
    expect(e.trends.hr).toEqual([{ month: months[2], shown: false, values: null }]);
    expect(e.score).toBe(0);
    expect(JSON.stringify(e)).not.toMatch(/"value":30\b/);
  });

  it('is refused to members and team chiefs', async () => {
    expect((await call('GET', `/api/v1/units/${org.unitId}/attention`, member)).statusCode).toBe(
      403,
    );
    expect((await call('GET', `/api/v1/units/${org.unitId}/attention`, chief)).statusCode).toBe(
      403,
    );
  });
});
