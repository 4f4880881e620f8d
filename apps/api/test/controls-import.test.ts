import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@pvi/db';
import { systemActor } from '../src/modules/audit/audit.service.ts';
import { fileSource, textSource } from '../src/modules/org/import/csv.ts';
import { createAreaImportService } from '../src/modules/controls/import/areas-import.service.ts';
import { parsePseudonymKeys } from '../src/modules/controls/pseudonym.ts';
import { createTestApp, type TestApp } from './harness.ts';
import {
  buildOrg,
  registration,
  seedAreas,
  signInAs,
  type OrgFixture,
  type Session,
} from './factories.ts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
/** The real file of the City of London Police, February 2026, when shared/ is beside the repo. */
const REAL_POLICE_UK = fileURLToPath(
  new URL(
    '../../../../shared/data/police-uk/2026-02-city-of-london-stop-and-search.csv',
    import.meta.url,
  ),
);
const actor = systemActor('test');

let t: TestApp;
let org: OrgFixture;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({
    config: { pseudonymKeys: parsePseudonymKeys(`v1:${Buffer.alloc(32, 7).toString('base64')}`) },
  });
  await seedAreas(t.database.db);
  org = await buildOrg(t.database.db, 'Import');
  admin = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const count = async (where = sql`true`) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from controls where ${where}`,
    )
  )[0]!.n;

const importText = (text: string, format: 'pvi' | 'police-uk' | 'opp', sourceArea?: string) =>
  t.services.controlImport.importControls(textSource(text), { format, sourceArea, actor });

describe('police.uk stop and search', () => {
  it('loads the good rows and reports every bad one with its line number', async () => {
    const r = await importText(fixture('controls-police-uk.csv'), 'police-uk', 'test-force');
    expect(r).toMatchObject({ ok: true, rows: 9, inserted: 6, unchanged: 0, rejected: 3 });
    expect(r.problems.map((p) => p.line)).toEqual([4, 6, 7]);
    expect(r.problems[0]!.reason).toMatch(/Date "2026-02-31/);
    expect(r.problems[1]!.reason).toMatch(/Type "Bicycle search".*Outcome "Beheaded".*"maybe"/);
    expect(r.problems[2]!.reason).toMatch(/Expected 15 fields, found 14/);
    expect(await count(sql`source = 'police-uk' and source_area = 'test-force'`)).toBe(6);
  });

  it('keeps the person’s group as an attribute with its source, and maps the rest', async () => {
    const rows = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select control_type, act_search_person, act_search_vehicle, outcome, outcome_text,
            outcome_linked, legal_basis, legal_basis_text, object_of_search, subject_sex,
            subject_age_band, group_self_defined, group_officer_defined, group_opp, team_id,
            unit_id, local_hour, extra
          from controls where source = 'police-uk' and source_area = 'test-force'
          order by occurred_at`,
    );
    expect(rows[1]).toMatchObject({
      control_type: 'both',
      act_search_person: true,
      act_search_vehicle: true,
      outcome: 'arrest',
      outcome_linked: true,
      legal_basis: 'other',
      legal_basis_text: 'Misuse of Drugs Act 1971 (section 23)',
      object_of_search: 'Controlled drugs',
      subject_sex: 'male',
      subject_age_band: '18-24',
      group_self_defined: 'Black/African/Caribbean/Black British - African',
      group_officer_defined: 'Black',
      group_opp: null,
      team_id: null,
      unit_id: null,
      local_hour: 21,
    });
    expect(rows[2]).toMatchObject({ outcome: 'warning', outcome_text: 'Community resolution' });
    expect(rows.at(-1)).toMatchObject({
      outcome: 'fine',
      subject_sex: null,
      group_self_defined: null,
    });
    expect(
      rows.filter(
        (r) =>
          (r.extra as { removalOfMoreThanOuterClothing?: boolean } | null)
            ?.removalOfMoreThanOuterClothing,
      ),
    ).toHaveLength(2);
  });

  it('changes nothing when the same file comes again, nor when its rows come in another file', async () => {
    const before = await count();
    const again = await importText(fixture('controls-police-uk.csv'), 'police-uk', 'test-force');
    expect(again).toMatchObject({ alreadyImported: true, inserted: 0, rows: 9, rejected: 3 });
    const reshaped = fixture('controls-police-uk.csv').replace(/\n/g, '\r\n');
    const other = await importText(reshaped, 'police-uk', 'test-force');
    expect(other).toMatchObject({ alreadyImported: false, inserted: 0, unchanged: 6, rejected: 3 });
    expect(await count()).toBe(before);
  });

  it('audits each import', async () => {
    const rows = await queryRows<{ details: { format: string; inserted: number } }>(
      t.database.db,
      sql`select details from audit_log where action = 'import' and record_type = 'control' order by seq`,
    );
    expect(rows.map((r) => r.details.inserted)).toEqual([6, 0, 0]);
  });

  // Runs wherever shared/ is beside the repository; CI always has it, so there it must run.
  it.runIf(existsSync(REAL_POLICE_UK) || process.env.CI === 'true')(
    'imports the real City of London file without a bad row',
    async () => {
      const r = await t.services.controlImport.importControls(await fileSource(REAL_POLICE_UK), {
        format: 'police-uk',
        sourceArea: 'city-of-london',
        actor,
      });
      expect(r).toMatchObject({ ok: true, rows: 111, rejected: 0, inserted: 111 });
      const [g] = await queryRows<{ self: number; officer: number }>(
        t.database.db,
        sql`select count(group_self_defined)::int as self, count(group_officer_defined)::int as officer
          from controls where source_area = 'city-of-london'`,
      );
      expect(g).toEqual({ self: 111, officer: 109 });
    },
  );

  it('refuses a file whose header is not police.uk, and lets it be tried again', async () => {
    const r = await importText('Type,Date\nPerson search,2026-02-01T00:00:00Z\n', 'police-uk');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ line: 1 });
    expect(r.problems[0]!.reason).toMatch(/lacks column\(s\): latitude/);
    const again = await importText('Type,Date\nPerson search,2026-02-01T00:00:00Z\n', 'police-uk');
    expect(again.alreadyImported).toBe(false);
  });
});

describe('Stanford Open Policing Project', () => {
  it('loads good rows, reports bad ones, reads NA as missing and keeps subject_race as opp', async () => {
    const r = await importText(fixture('controls-opp.csv'), 'opp', 'sf-test');
    expect(r).toMatchObject({ ok: true, rows: 6, inserted: 4, rejected: 2 });
    expect(r.problems.map((p) => p.line)).toEqual([4, 5]);
    expect(r.problems[1]!.reason).toMatch(
      /time "25:61".*subject_race "martian".*type "boat".*"MAYBE"/,
    );
    const rows = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select control_type, outcome, local_hour, subject_age_band, group_opp, group_officer_defined,
            act_frisk, act_search_person, outcome_linked, extra
          from controls where source = 'opp' order by occurred_at`,
    );
    expect(rows).toMatchObject([
      {
        control_type: 'vehicle',
        outcome: 'fine',
        local_hour: 20,
        subject_age_band: '25-34',
        group_opp: 'hispanic',
      },
      {
        control_type: 'person',
        outcome: 'arrest',
        local_hour: null,
        subject_age_band: '18-24',
        group_opp: 'black',
        group_officer_defined: null,
        act_frisk: true,
        act_search_person: true,
        outcome_linked: true,
        extra: { searchBasis: 'probable cause', contrabandFound: true, location: 'Main St & 3rd' },
      },
      { outcome: 'warning', group_opp: 'asian/pacific islander', outcome_linked: false },
      { outcome: 'none', group_opp: 'other/unknown', subject_age_band: 'over 34' },
    ]);
    expect((await importText(fixture('controls-opp.csv'), 'opp', 'sf-test')).alreadyImported).toBe(
      true,
    );
  });
});

describe('our own format', () => {
  it('round-trips: export, delete, import the export, export again gives the same file', async () => {
    const officer = await signInAs(
      t.app,
      t.services,
      'medewerker',
      { type: 'team', id: org.teamId },
      {
        personId: org.memberIds[0]!,
      },
    );
    for (const body of [
      registration(),
      registration({
        reasonText: '-1 = "lastig", zei hij',
        explained: false,
        notExplainedWhy: 'Liep weg',
      }),
      registration({
        controlType: 'both',
        actions: ['frisk', 'search_vehicle'],
        outcome: 'seizure',
        outcomeLinked: true,
        subjectKind: 'vehicle',
        subjectKey: 'AB-12-CD',
      }),
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/controls',
        headers: officer.headers,
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const exportAll = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/controls/export',
        headers: admin.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      return res.body;
    };
    const first = await exportAll();
    const lines = first.trim().split('\r\n');
    expect(lines.length - 1).toBe(await count());
    expect(first).toContain(`"'-1 = ""lastig"", zei hij"`);
    await t.database.db.execute(sql`delete from controls`);
    const r = await importText(first, 'pvi');
    expect(r).toMatchObject({ ok: true, rejected: 0, inserted: lines.length - 1 });
    expect(await exportAll()).toBe(first);
    expect((await importText(first, 'pvi')).alreadyImported).toBe(true);
  });

  it('reports a row with an unknown team or a bad value by line number', async () => {
    const header = fixture('controls-pvi-header.csv').trim();
    const csv = `${header}\n${[
      '6a8c1a44-3a7e-4a51-9b1c-7f7d8d3f2b10,pvi,,2026-03-01T10:00:00.000Z,true,NO-SUCH-TEAM,,BU03630000,WK036300,GM0363,,,person,proactive,behaviour,,wid,,true,,identity_check,none,,false,lt5,,,,,,,,,',
      'not-a-uuid,pvi,,yesterday,true,,,,,,,,spaceship,proactive,behaviour,,wid,,true,,teleport,none,,false,lt5,,,,,,,,,',
    ].join('\n')}\n`;
    const r = await importText(csv, 'pvi');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(r.problems[0]!.reason).toMatch(/team NO-SUCH-TEAM does not exist/);
    expect(r.problems[1]!.reason).toMatch(
      /id "not-a-uuid".*occurred_at.*action "teleport".*control_type "spaceship"/,
    );
  });
});

describe('control files from the browser', () => {
  const upload = (query: string, csv: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/imports?${query}`,
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: csv,
    });

  it('runs as an import job with progress, good rows loaded and bad rows listed', async () => {
    const csv = fixture('controls-police-uk.csv').replace(
      'Person search,2026-02-07',
      'Vehicle search,2026-02-07',
    );
    const res = await upload('kind=controls&format=police-uk&sourceArea=browser-force', csv);
    expect(res.statusCode, res.body).toBe(202);
    let job: Record<string, unknown> & { status: string } = { status: 'running' };
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/imports/${res.json().id as string}`,
          headers: admin.headers,
        })
      ).json();
    }
    expect(job).toMatchObject({
      kind: 'controls',
      status: 'done',
      phase: 'done',
      result: { ok: true, rows: 9, inserted: 6, rejected: 3, alreadyImported: false },
    });
    expect(await count(sql`source_area = 'browser-force'`)).toBe(6);
  });

  it('needs the format for a control file', async () => {
    const res = await upload('kind=controls', 'a,b\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['format']);
  });
});

describe('CBS areas', () => {
  it('imports a CBS-style file (semicolons, padded codes) and changes nothing the second time', async () => {
    const areas = createAreaImportService({ db: t.database.db, audit: t.services.audit });
    const csv = fixture('areas-cbs.csv');
    const r = await areas.importAreas(textSource(csv), { actor });
    expect(r).toMatchObject({ ok: true, rows: 4, problems: [] });
    expect(r.inserted + r.updated + r.unchanged).toBe(4);
    const again = await areas.importAreas(textSource(csv), { actor });
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 4 });
  });

  it('writes nothing from a file with a bad row', async () => {
    const areas = createAreaImportService({ db: t.database.db, audit: t.services.audit });
    const r = await areas.importAreas(textSource(fixture('areas-bad.csv')), { actor });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4]);
    const [g] = await queryRows<{ lat: number }>(
      t.database.db,
      sql`select lat from areas where code = 'GM0014'`,
    );
    expect(g!.lat).not.toBe(53.2);
  });
});
