import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@pvi/db';
import type { CbsAnalysis, CbsImportResult } from '@pvi/contracts';
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

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const CBS_KEY = Buffer.alloc(32, 9);
const NOW = new Date('2025-12-15T20:00:00Z');

let t: TestApp;
let org: OrgFixture;
let officer: Session;
let cdo: Session;
let unitLead: Session;
let cdoUnit: Session;

beforeAll(async () => {
  t = await createTestApp({
    config: {
      pseudonymKeys: parsePseudonymKeys(`v1:${key(1)}`),
      cbsLinkKeys: parsePseudonymKeys(`c1:${CBS_KEY.toString('base64')}`, 'PVI_CBS_LINK_KEYS'),
      cbsMinCell: 10,
    },
    now: () => NOW,
  });
  await seedAreas(t.database.db);
  org = await buildOrg(t.database.db, 'Koppeling');
  officer = await signInAs(
    t.app,
    t.services,
    'medewerker',
    { type: 'team', id: org.teamId },
    { personId: org.memberIds[0]! },
  );
  cdo = await signInAs(t.app, t.services, 'cdo', { type: 'national', id: null });
  unitLead = await signInAs(t.app, t.services, 'eenheidsleiding', { type: 'unit', id: org.unitId });
  cdoUnit = await signInAs(t.app, t.services, 'cdo', { type: 'unit', id: org.unitId });
});
afterAll(async () => {
  await t.close();
});

const register = (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/controls',
    headers: officer.headers,
    payload: body,
  });
const exportFile = (session: Session) =>
  t.app.inject({
    method: 'GET',
    url: '/api/v1/controls/cbs/linking-export?from=2025-12-15&to=2025-12-15',
    headers: session.headers,
  });
const upload = (session: Session, csv: string, name = 'Test') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/controls/cbs/datasets?title=${encodeURIComponent(name)}&source=CBS%20test`,
    headers: { ...session.headers, 'content-type': 'text/csv' },
    payload: csv,
  });
const parse = (csv: string) => {
  const [head, ...rows] = csv.trim().split('\r\n');
  const names = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i], v])));
};

describe('the CBS linking export', () => {
  const BSN = '123456782';
  // Amsterdam, 15 December 2025: civil dawn ≈ 08:02, sunrise ≈ 08:44, sunset ≈ 16:28, civil
  // dusk ≈ 17:09 CET (timeanddate.com); the earliest dusk of the year starts the window.
  const times = {
    '2025-12-15T06:30:00.000Z': { darkness: 'dark', vod_window: 'false', clock_bin: '' },
    '2025-12-15T07:30:00.000Z': { darkness: 'twilight', vod_window: 'false', clock_bin: '' },
    '2025-12-15T12:00:00.000Z': { darkness: 'daylight', vod_window: 'false', clock_bin: '' },
    '2025-12-15T15:45:00.000Z': { darkness: 'twilight', vod_window: 'false', clock_bin: '' },
    '2025-12-15T16:40:00.000Z': { darkness: 'dark', vod_window: 'true', clock_bin: '17:30' },
  };

  beforeAll(async () => {
    for (const at of Object.keys(times)) {
      const res = await register(
        registration({
          occurredAt: at,
          subjectKind: 'person',
          subjectKey: `${BSN.slice(0, 4)} ${BSN.slice(4)}`,
          actions: ['identity_check', 'frisk'],
          outcome: 'fine',
          outcomeLinked: true,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    // Without a person key, and with a vehicle key: not in the file.
    expect((await register(registration({ occurredAt: '2025-12-15T12:00:00Z' }))).statusCode).toBe(
      201,
    );
    const vehicle = registration({
      occurredAt: '2025-12-15T12:00:00Z',
      controlType: 'vehicle',
      actions: ['identity_check'],
      subjectKind: 'vehicle',
      subjectKey: '12-ABC-3',
    });
    expect((await register(vehicle)).statusCode).toBe(201);
  });

  it('has one line per control with a person key, the CBS pseudonym and darkness at the buurt', async () => {
    const res = await exportFile(cdo);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(res.body);
    expect(rows).toHaveLength(5);
    // Computed here from the clear key, as CBS will on its side.
    const expected = createHmac('sha256', CBS_KEY).update(`person:${BSN}`).digest('hex');
    for (const row of rows) {
      expect(row).toMatchObject({
        link_pseudonym: expected,
        link_key_version: 'c1',
        month: '2025-12',
        buurt_code: 'BU03630000',
        selection_reason: 'behaviour',
        actions: 'identity_check;frisk',
        outcome: 'fine',
        outcome_linked: 'true',
      });
    }
    expect(
      rows.map(({ darkness, vod_window, clock_bin }) => ({ darkness, vod_window, clock_bin })),
    ).toEqual(Object.values(times));
  });

  it('holds no clear key, internal pseudonym, officer, control id or timestamp', async () => {
    const body = (await exportFile(cdo)).body;
    const stored = await queryRows<{ id: string; hash: string; officer: string }>(
      t.database.db,
      sql`select id, subject_key_hash as hash, officer_person_id as officer from controls
          where subject_key_hash is not null`,
    );
    expect(stored.length).toBeGreaterThanOrEqual(5);
    for (const s of stored) {
      expect(body).not.toContain(s.hash);
      expect(body).not.toContain(s.id);
      expect(body).not.toContain(s.officer);
    }
    expect(body).not.toContain('123456782');
    expect(body).not.toContain('1234 56782');
    expect(body).not.toContain('12-ABC-3');
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('is audited', async () => {
    await exportFile(cdo);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log
          where record_type = 'control_cbs_linking' and action = 'export'`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('is refused to roles without a national cdo grant', async () => {
    for (const s of [officer, unitLead, cdoUnit])
      expect((await exportFile(s)).statusCode).toBe(403);
  });
});

const HEADER =
  'table,group,selection_reason,outcome,area,clock_minute,darkness,controls,searches,outcome_linked';

describe('importing CBS aggregates', () => {
  it('loads good rows and reports each bad row by line number, once per file', async () => {
    const csv = [
      HEADER,
      'outcomes,A,behaviour,none,,,,40,10,0',
      'outcomes,A,behaviour,arrest,,,,12,6,12',
      'outcomes,B,,none,,,,30,5,0',
      'outcomes,B,nonsense,none,,,,3,1,0', // line 5: unknown reason
      'outcomes,B,behaviour,none,,,,5,9,1', // line 6: searches > controls; none linked
      'darkness,A,,,GM0363,1080,dark,7,,',
      'darkness,A,,,GM0363,1500,dusk,7,,', // line 8: minute and darkness
      'outcomes,A,behaviour,none,,,,1,0,0', // line 9: the same cell as line 2
      'elsewhere,A,,,,,,1,,', // line 10: unknown table
    ].join('\r\n');
    const res = await upload(cdo, csv, 'Met fouten');
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<CbsImportResult>();
    expect(r).toMatchObject({ alreadyImported: false, outcomeRows: 3, darknessRows: 1 });
    expect(r.dataset).toMatchObject({ name: 'Met fouten', rowsLoaded: 4, rowsRejected: 5 });
    expect(r.problems.map((p) => p.line)).toEqual([5, 6, 8, 9, 10]);
    expect(r.problems[1]!.reason).toMatch(/searches \(9\) exceeds controls \(5\).*outcome none/);
    expect(r.problems[2]!.reason).toMatch(/clock_minute.*darkness/);
    expect(r.problems[3]!.reason).toMatch(/the same cell as line 2/);

    const again = await upload(cdo, csv, 'Nog eens');
    expect(again.statusCode).toBe(200);
    expect(again.json<CbsImportResult>()).toMatchObject({
      alreadyImported: true,
      dataset: { id: r.dataset.id, name: 'Met fouten' },
    });
    const counts = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from cbs_outcome_counts where dataset_id = ${r.dataset.id}`,
    );
    expect(counts[0]!.n).toBe(3);
  });

  it('refuses a file without the columns, and anyone but a national cdo', async () => {
    const bad = await upload(cdo, 'group,controls\r\nA,1', 'Kapot');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'csv.line.1', code: 'invalid_file' });
    expect((await upload(unitLead, HEADER)).statusCode).toBe(403);
    expect((await upload(cdoUnit, HEADER)).statusCode).toBe(403);
  });
});

describe('the analysis of a dataset', () => {
  let id: string;
  beforeAll(async () => {
    // k = 10. Group C has 6 controls: hidden, and with the total shown, the next smallest
    // group (B) too. A × information has 4 controls.
    const csv = [
      HEADER,
      'outcomes,A,behaviour,none,,,,60,20,0',
      'outcomes,A,behaviour,arrest,,,,20,10,15',
      'outcomes,A,circumstances,none,,,,30,5,0',
      'outcomes,A,information,none,,,,4,1,0',
      'outcomes,B,behaviour,none,,,,30,20,0',
      'outcomes,B,behaviour,arrest,,,,15,12,10',
      'outcomes,C,behaviour,none,,,,6,3,0',
      'outcomes,D,behaviour,none,,,,50,30,0',
      'outcomes,D,behaviour,arrest,,,,12,12,6',
      'outcomes,D,circumstances,none,,,,20,5,0',
      'outcomes,,behaviour,none,,,,3,0,0',
    ].join('\r\n');
    const res = await upload(cdo, csv, 'Klein');
    expect(res.statusCode, res.body).toBe(201);
    id = res.json<CbsImportResult>().dataset.id;
  });

  const analyse = (session: Session, suffix = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/controls/cbs/datasets/${id}/analysis${suffix}`,
      headers: session.headers,
    });

  it('suppresses cells below k, with complementary suppression where the total is shown', async () => {
    const res = await analyse(cdo);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<CbsAnalysis>();
    expect(a.minCellSize).toBe(10);
    expect(a.total.controls).toBe(247);
    const groups = new Map(a.disparity!.groups.map((g) => [g.group, g]));
    expect(a.disparity!.referenceGroup).toBe('A');
    expect(groups.get('C')).toMatchObject({ controls: null, suppressed: expect.any(String) });
    // 247 − A − D would give B + C; so B is hidden as well.
    expect(groups.get('B')).toMatchObject({ controls: null, suppressed: expect.any(String) });
    expect(groups.get('A')).toMatchObject({
      controls: 114,
      searchRate: { n: 114, successes: 36 },
      hitRateOfSearches: { n: 36, successes: 10 },
    });
    expect(groups.get('D')!.outcomeTest).not.toBeNull();
    const cells = [...a.bySelectionReason.cells, ...a.byOutcome.cells];
    const cell = (g: string, k: string) =>
      a.bySelectionReason.cells.find((c) => c.group === g && c.key === k)!;
    expect(cell('A', 'information')).toMatchObject({
      controls: null,
      suppressed: expect.any(String),
    });
    expect(
      cells.filter((c) => c.group === 'B' || c.group === 'C').every((c) => c.controls === null),
    ).toBe(true);
    // Complementary suppression: A's row and the information column need a second hidden figure.
    const hiddenInA = a.bySelectionReason.cells.filter(
      (c) => c.group === 'A' && c.controls === null,
    );
    expect(hiddenInA.length).toBeGreaterThanOrEqual(2);
    expect(a.bySelectionReason.margins.find((m) => m.key === 'information')!.controls).toBeNull();
    for (const c of [...cells, ...a.bySelectionReason.margins, ...a.byOutcome.margins])
      expect(c.controls === null || c.controls === 0 || c.controls >= 10).toBe(true);
    // 3 controls of unknown group: fewer than k, so not shown.
    expect(a.exclusions).toContainEqual(
      expect.objectContaining({ analysis: 'disparity', reason: 'unknown_group', controls: null }),
    );
    expect(a.veilOfDarkness).toBeNull();
  });

  it('exports the shown figures as CSV, audited, for national analysis roles only', async () => {
    const res = await analyse(cdo, '/export');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^section,breakdown,key,label,measure,n,successes,estimate/);
    expect(res.body).toContain('disparity,group,A,A,controls,114');
    expect(res.body).not.toMatch(/disparity,group,C,C,controls,6/);
    const audited = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log
          where record_type = 'cbs_analysis' and record_id = ${id}`,
    );
    expect(audited[0]!.n).toBeGreaterThanOrEqual(2);
    expect((await analyse(unitLead)).statusCode).toBe(403);
    expect((await analyse(officer)).statusCode).toBe(403);
  });

  it('adds the population ratio when residents are posted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/controls/cbs/datasets/${id}/analysis/population`,
      headers: cdo.headers,
      payload: {
        population: [
          { group: 'A', residents: 10000 },
          { group: 'D', residents: 2000 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<CbsAnalysis>().disparity!.groups.find((g) => g.group === 'D')!;
    expect(d.populationRate!.perThousand).toBeCloseTo(41, 10);
    expect(d.populationRate!.ratio).toBeCloseTo(41 / 11.4, 10);
  });
});
