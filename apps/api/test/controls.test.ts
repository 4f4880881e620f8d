import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@pvi/db';
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
const KEYS_V1 = `v1:${key(1)}`;
const KEYS_V2 = `v2:${key(2)},v1:${key(1)}`;

let t: TestApp;
let org: OrgFixture;
let other: OrgFixture;
let officer: Session;
let colleague: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp({ config: { pseudonymKeys: parsePseudonymKeys(KEYS_V1) } });
  await seedAreas(t.database.db);
  org = await buildOrg(t.database.db, 'Controle');
  other = await buildOrg(t.database.db, 'Elders');
  officer = await signInAs(
    t.app,
    t.services,
    'medewerker',
    { type: 'team', id: org.teamId },
    {
      personId: org.memberIds[0]!,
    },
  );
  colleague = await signInAs(
    t.app,
    t.services,
    'medewerker',
    { type: 'team', id: org.teamId },
    {
      personId: org.memberIds[1]!,
    },
  );
  outsider = await signInAs(
    t.app,
    t.services,
    'medewerker',
    { type: 'team', id: other.teamId },
    {
      personId: other.memberIds[0]!,
    },
  );
});
afterAll(async () => {
  await t.close();
});

const register = (session: Session, body: Record<string, unknown>, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/v1/controls', headers: session.headers, payload: body });

const fieldsOf = (res: { json: () => { invalidParams?: { name: string; code: string }[] } }) =>
  (res.json().invalidParams ?? []).map((p) => `${p.name}:${p.code}`);

describe('registering a control', () => {
  it('stores it at buurt level in the officer’s team, and answers 201 with the record', async () => {
    const body = registration();
    const res = await register(officer, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/controls/${body.id as string}`);
    const record = res.json();
    expect(record).toMatchObject({
      id: body.id,
      source: 'pvi',
      team: { id: org.teamId },
      unitId: org.unitId,
      districtId: org.districtId,
      officerId: null,
      buurt: { code: 'BU03630000', name: 'Kop Zeedijk' },
      wijk: { code: 'WK036300', name: 'Burgwallen-Oude Zijde' },
      gemeente: { code: 'GM0363', name: 'Amsterdam' },
      actions: ['identity_check'],
      subjectKeyGiven: false,
    });
    const [row] = await queryRows<{ local_hour: number; officer_person_id: string }>(
      t.database.db,
      sql`select local_hour, officer_person_id from controls where id = ${body.id as string}`,
    );
    expect(row!.officer_person_id).toBe(org.memberIds[0]);
    expect(row!.local_hour).toBeGreaterThanOrEqual(0);
  });

  it('finds the nearest buurt from a GPS position and keeps no position', async () => {
    const body = registration({ buurtCode: undefined, position: { lat: 52.3736, lng: 4.9046 } });
    const res = await register(officer, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().buurt.code).toBe('BU03630000');
    const [row] = await queryRows<{ lat: number | null }>(
      t.database.db,
      sql`select lat from controls where id = ${body.id as string}`,
    );
    expect(row!.lat).toBeNull();
  });

  it('defaults the time to now', async () => {
    const res = await register(officer, registration({ occurredAt: undefined }));
    expect(res.statusCode).toBe(201);
    expect(Math.abs(Date.parse(res.json().occurredAt) - Date.now())).toBeLessThan(60_000);
  });

  it('answers every broken rule as a field of one problem', async () => {
    const res = await register(
      officer,
      registration({
        occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
        actions: ['search_vehicle'],
        explained: false,
        outcomeLinked: true,
        reasonText: 'kenteken 12-ABC-3 reed weg',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('validation_failed');
    expect(fieldsOf(res)).toEqual([
      'occurredAt:in_future',
      'actions:impossible_combination',
      'notExplainedWhy:required',
      'outcomeLinked:impossible_combination',
      'reasonText:clear_identifier',
    ]);
  });

  it('refuses a BSN in the reason text, and fields of the wrong type, field by field', async () => {
    expect(
      fieldsOf(await register(officer, registration({ reasonText: 'bsn 111222333' }))),
    ).toEqual(['reasonText:clear_identifier']);
    const res = await register(officer, registration({ controlType: 'bike', outcome: 3 }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).map((f) => f.split(':')[0])).toEqual(['controlType', 'outcome']);
  });

  it('refuses an unknown buurt and an account without a person', async () => {
    expect(fieldsOf(await register(officer, registration({ buurtCode: 'BU99999999' })))).toEqual([
      'buurtCode:unknown',
    ]);
    const nobody = await signInAs(t.app, t.services, 'medewerker', {
      type: 'team',
      id: org.teamId,
    });
    expect((await register(nobody, registration())).statusCode).toBe(403);
  });
});

describe('sending again (offline clients)', () => {
  it('answers 200 with the stored record for the same id and body', async () => {
    const body = registration({ subjectKind: 'person', subjectKey: '111222333' });
    const first = await register(officer, body);
    expect(first.statusCode).toBe(201);
    const again = await register(officer, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from controls where id = ${body.id as string}`,
    );
    expect(n!.n).toBe(1);
  });

  it('answers 409 for the same id with another body, another subject or another officer', async () => {
    const body = registration({ subjectKind: 'person', subjectKey: '111222333' });
    expect((await register(officer, body)).statusCode).toBe(201);
    for (const [who, changed] of [
      [officer, { ...body, outcome: 'warning', outcomeLinked: true }],
      [officer, { ...body, subjectKey: '123456782' }],
      [officer, { ...body, subjectKey: undefined, subjectKind: undefined }],
      [colleague, body],
    ] as const) {
      const res = await register(who, changed);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('conflict');
    }
  });
});

describe('pseudonymised subject keys', () => {
  it('never returns the key or its pseudonym, and stores only the keyed hash', async () => {
    const body = registration({ subjectKind: 'person', subjectKey: '111222333' });
    const res = await register(officer, body);
    expect(res.body).not.toContain('111222333');
    expect(res.json().subjectKeyGiven).toBe(true);
    const [row] = await queryRows<{ subject_key_hash: string; subject_key_version: string }>(
      t.database.db,
      sql`select subject_key_hash, subject_key_version from controls where id = ${body.id as string}`,
    );
    expect(row!.subject_key_version).toBe('v1');
    expect(row!.subject_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body).not.toContain(row!.subject_key_hash);
    const chief = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: org.teamId });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/controls?pageSize=500',
      headers: chief.headers,
    });
    expect(list.body).not.toContain(row!.subject_key_hash);
    expect(list.body).not.toContain('111222333');
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/controls/export',
      headers: chief.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(row!.subject_key_hash);
  });

  it('gives the same subject the same pseudonym, and links repeat controls across a key rotation', async () => {
    const plate = { subjectKind: 'vehicle', subjectKey: 'GH-123-K', controlType: 'vehicle' };
    const a = registration(plate);
    const b = registration({ ...plate, subjectKey: 'gh123k' });
    expect((await register(officer, a)).statusCode).toBe(201);
    expect((await register(colleague, b)).statusCode).toBe(201);
    // The keys rotate: v2 is current, v1 is kept for finding earlier controls.
    const rotated = await createTestApp({
      database: t.database,
      config: { pseudonymKeys: parsePseudonymKeys(KEYS_V2) },
    });
    const c = registration({ ...plate, subjectKey: 'GH 123 K' });
    const officerAgain = await signInAs(
      rotated.app,
      rotated.services,
      'medewerker',
      {
        type: 'team',
        id: org.teamId,
      },
      { personId: org.memberIds[0]! },
    );
    expect((await register(officerAgain, c, rotated.app)).statusCode).toBe(201);
    const rows = await queryRows<{ id: string; h: string; v: string; ref: string }>(
      t.database.db,
      sql`select id, subject_key_hash as h, subject_key_version as v, subject_ref as ref from controls
          where id in (${a.id as string}, ${b.id as string}, ${c.id as string})`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.id as string)!.h).toBe(byId.get(b.id as string)!.h);
    expect(byId.get(c.id as string)!.v).toBe('v2');
    expect(byId.get(c.id as string)!.h).not.toBe(byId.get(a.id as string)!.h);
    expect(new Set(rows.map((r) => r.ref)).size).toBe(1);
    await rotated.app.close();
  });

  it('refuses a subject key when no key is configured', async () => {
    const keyless = await createTestApp({ database: t.database, config: { pseudonymKeys: [] } });
    const s = await signInAs(
      keyless.app,
      keyless.services,
      'medewerker',
      {
        type: 'team',
        id: org.teamId,
      },
      { personId: org.memberIds[0]! },
    );
    const res = await register(
      s,
      registration({ subjectKind: 'person', subjectKey: '111222333' }),
      keyless.app,
    );
    expect(res.statusCode).toBe(503);
    await keyless.app.close();
  });
});

describe('who reads which controls', () => {
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    mine = (await register(officer, registration())).json().id;
    theirs = (await register(outsider, registration())).json().id;
  });

  const read = (session: Session, id: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/controls/${id}`,
      headers: { ...session.headers, 'x-purpose': 'reflectie in het team' },
    });
  const list = async (session: Session) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/controls?pageSize=500',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json().items as { id: string; officerId: string | null; team: { id: string } }[];
  };

  it('lets a medewerker read and list only their own registrations, without officer ids', async () => {
    expect((await read(officer, mine)).statusCode).toBe(200);
    expect((await read(colleague, mine)).statusCode).toBe(403);
    expect((await read(officer, theirs)).statusCode).toBe(403);
    const items = await list(colleague);
    expect(items.every((i) => i.officerId === null)).toBe(true);
    expect(items.map((i) => i.id)).not.toContain(mine);
  });

  it('lets a teamchef see the team, with officer ids, and not other teams', async () => {
    const chief = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: org.teamId });
    expect((await read(chief, mine)).json().officerId).toBe(org.memberIds[0]);
    expect((await read(chief, theirs)).statusCode).toBe(403);
    const items = await list(chief);
    expect(new Set(items.map((i) => i.team.id))).toEqual(new Set([org.teamId]));
    expect(items.map((i) => i.id)).toContain(mine);
  });

  it('lets eenheidsleiding see the unit and cdo everything', async () => {
    const unit = await signInAs(t.app, t.services, 'eenheidsleiding', {
      type: 'unit',
      id: other.unitId,
    });
    expect((await read(unit, theirs)).statusCode).toBe(200);
    expect((await read(unit, mine)).statusCode).toBe(403);
    const cdo = await signInAs(t.app, t.services, 'cdo', { type: 'national', id: null });
    const ids = (await list(cdo)).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it('needs a purpose to read one control, and audits the read with it', async () => {
    const chief = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: org.teamId });
    const bare = await t.app.inject({
      method: 'GET',
      url: `/api/v1/controls/${mine}`,
      headers: chief.headers,
    });
    expect(bare.statusCode).toBe(400);
    expect(fieldsOf(bare)).toEqual(['x-purpose:required']);
    expect((await read(chief, mine)).statusCode).toBe(200);
    const audit = await queryRows<{ action: string; purpose: string; actor_account_id: string }>(
      t.database.db,
      sql`select action, purpose, actor_account_id from audit_log
          where record_type = 'control' and record_id = ${mine} order by seq`,
    );
    expect(audit.at(-1)).toMatchObject({
      action: 'read',
      purpose: 'reflectie in het team',
      actor_account_id: chief.accountId,
    });
  });

  it('answers 404 for a control that does not exist', async () => {
    const chief = await signInAs(t.app, t.services, 'cdo', { type: 'national', id: null });
    expect((await read(chief, '00000000-0000-4000-8000-000000000001')).statusCode).toBe(404);
  });
});

describe('areas', () => {
  const get = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/areas?${query}`,
      headers: officer.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lists the nearest buurten first, with their distance', async () => {
    const r = await get('near=51.9225,4.4792&pageSize=3');
    expect(r.items).toHaveLength(3);
    expect(r.items[0].gemeente).toEqual({ code: 'GM0599', name: 'Rotterdam' });
    const d = r.items.map((a: { distanceM: number }) => a.distanceM);
    expect(d).toEqual([...d].sort((x: number, y: number) => x - y));
  });

  it('searches by name, and by level', async () => {
    const r = await get('q=zeedijk');
    expect(r.items.map((a: { code: string }) => a.code)).toEqual(['BU03630000']);
    const g = await get('q=amster&level=gemeente');
    expect(g.items).toMatchObject([{ code: 'GM0363', level: 'gemeente', wijk: null }]);
  });

  it('refuses a malformed position', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/areas?near=amsterdam',
      headers: officer.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)[0]).toMatch(/^near:/);
  });
});
