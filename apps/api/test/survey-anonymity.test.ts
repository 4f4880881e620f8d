import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@pvi/db';
import { createTestApp, type TestApp } from './harness.ts';
import { buildSurveyOrg, signInAs, type Session, type SurveyOrgFixture } from './factories.ts';

/**
 * "Anonymous by construction": the answer tables share no key with the participation table, hold
 * no time finer than the wave and nothing about a device; and after the wave, neither the rows'
 * physical order nor their transaction ids tell who answered what.
 */
const ANSWER_TABLES = [
  'survey_responses',
  'survey_answers',
  'survey_scale_scores',
  'survey_open_answers',
];

let t: TestApp;
let org: SurveyOrgFixture;
let hr: Session;

beforeAll(async () => {
  t = await createTestApp();
  org = await buildSurveyOrg(t.database.db, [12]);
  hr = await signInAs(t.app, t.services, 'hr_analist', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
});

const query = <T>(text: ReturnType<typeof sql>): Promise<T[]> => queryRows<T>(t.database.db, text);

describe('the schema', () => {
  it('gives the answer tables no person, token, device or time column', async () => {
    const columns = await query<{ table_name: string; column_name: string; data_type: string }>(
      sql`select table_name, column_name, data_type from information_schema.columns
          where table_schema = current_schema() and table_name in (${sql.join(
            ANSWER_TABLES.map((n) => sql`${n}`),
            sql`, `,
          )})`,
    );
    expect(columns.length).toBeGreaterThan(10);
    for (const c of columns) {
      expect(c.column_name).not.toMatch(
        /person|account|token|mail|ip|agent|device|session|_at$|time|date/,
      );
      expect(c.data_type).not.toMatch(/time|date|inet/);
    }
  });

  it('lets no foreign key or shared column join an answer to a participation row', async () => {
    const fks = await query<{ table_name: string; foreign_table: string }>(
      sql`select tc.table_name, ccu.table_name as foreign_table
          from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in (${sql.join(
            [...ANSWER_TABLES, 'survey_participation'].map((n) => sql`${n}`),
            sql`, `,
          )})`,
    );
    for (const fk of fks.filter((f) => ANSWER_TABLES.includes(f.table_name)))
      expect(['survey_waves', 'survey_responses']).toContain(fk.foreign_table);
    for (const fk of fks.filter((f) => f.table_name === 'survey_participation'))
      expect(ANSWER_TABLES).not.toContain(fk.foreign_table);

    const participation = await query<{ column_name: string; data_type: string }>(
      sql`select column_name, data_type from information_schema.columns
          where table_schema = current_schema() and table_name = 'survey_participation'`,
    );
    expect(participation.map((c) => c.column_name).sort()).toEqual(
      [
        'answered',
        'person_id',
        'reminder_token_hash',
        'reminders_sent',
        'team_id',
        'token_hash',
        'wave_id',
      ].sort(),
    );
    for (const c of participation) expect(c.data_type).not.toMatch(/time|date/);
  });
});

describe('a dump after a wave', () => {
  it('shows no join path: no shared values beyond wave and team, order and transaction ids shuffled', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/survey/waves',
      headers: hr.headers,
      payload: {
        name: 'Anonimiteitstest',
        instrumentKey: 'memo',
        units: [{ unitId: org.unitId, opensOn: today, closesOn: today }],
      },
    });
    const waveId = created.json().id as string;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/survey/waves/${waveId}/open`,
      headers: hr.headers,
    });
    const instrument = await t.services.waves.instrumentOf(waveId);
    const agree = instrument.items.filter((i) => i.answerScale === 'agree5' && !i.showIf);

    // Mail is held (no SMTP here): read each person's link from the outbox, in the order of the team.
    const mails = await query<{ to_address: string; body: string }>(
      sql`select to_address, body from mail_outbox where kind = 'survey_invitation'`,
    );
    const secretOf = new Map(
      mails.map((m) => [m.to_address, /#([A-Za-z0-9_-]{20,})/.exec(m.body)![1]!]),
    );
    // Respondent i answers the first three agreement items with the digits of i in base 5, a
    // pattern no one else has: the "signature" lets the test follow a response in the dump.
    const signature = (i: number) =>
      [i % 5, Math.floor(i / 5) % 5, Math.floor(i / 25) % 5].map((d) => d + 1);
    const answeringOrder: number[] = [];
    for (const [i, email] of org.teams[0]!.emails.entries()) {
      const [a, b, c] = signature(i);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/survey/responses',
        payload: {
          secret: secretOf.get(email),
          answers: {
            [agree[0]!.key]: a,
            [agree[1]!.key]: b,
            [agree[2]!.key]: c,
            [instrument.items.find((x) => x.answerScale === 'open')!.key]: `tekst ${i}`,
          },
        },
      });
      expect(res.statusCode).toBe(204);
      answeringOrder.push(i);
    }
    const decode = (rows: { item_key: string; value: number; response_id: string }[]) => {
      const byResponse = new Map<string, number[]>();
      for (const r of rows) {
        const index = agree.slice(0, 3).findIndex((x) => x.key === r.item_key);
        if (index < 0) continue;
        const digits = byResponse.get(r.response_id) ?? [0, 0, 0];
        digits[index] = r.value - 1;
        byResponse.set(r.response_id, digits);
      }
      return byResponse;
    };
    const physicalOrder = async () => {
      const responses = await query<{ id: string }>(
        sql`select id from survey_responses where wave_id = ${waveId} order by ctid`,
      );
      const answers = await query<{ item_key: string; value: number; response_id: string }>(
        sql`select item_key, value, response_id from survey_answers where wave_id = ${waveId}`,
      );
      const digits = decode(answers);
      return responses.map((r) => {
        const [x, y, z] = digits.get(r.id)!;
        return x! + 5 * y! + 25 * z!;
      });
    };
    // While the wave is open the insertion order still mirrors the answering order: the check below
    // can fail, and closing is what makes it pass.
    expect(await physicalOrder()).toEqual(answeringOrder);

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/survey/waves/${waveId}/close`,
      headers: hr.headers,
    });
    const after = await physicalOrder();
    expect([...after].sort((a, b) => a - b)).toEqual(answeringOrder);
    expect(after).not.toEqual(answeringOrder);

    // One transaction id for every row of the wave in each table: the close rewrote them all.
    for (const table of [...ANSWER_TABLES, 'survey_participation']) {
      const xmins = await query<{ n: number }>(
        sql.raw(
          `select count(distinct xmin::text)::int as n from ${table} where wave_id = '${waveId}'`,
        ),
      );
      expect(xmins[0]!.n, table).toBe(1);
    }

    // No value other than the wave and the team appears on both sides of the dump.
    const participationValues = new Set(
      (
        await query<Record<string, unknown>>(
          sql`select * from survey_participation where wave_id = ${waveId}`,
        )
      ).flatMap((r) =>
        Object.entries(r)
          .filter(
            ([k, v]) =>
              v !== null && !['wave_id', 'team_id', 'answered', 'reminders_sent'].includes(k),
          )
          .map(([, v]) => JSON.stringify(v)),
      ),
    );
    for (const table of ANSWER_TABLES) {
      const dump = await query<Record<string, unknown>>(
        sql.raw(`select * from ${table} where wave_id = '${waveId}'`),
      );
      for (const row of dump)
        for (const [column, value] of Object.entries(row)) {
          if (value === null || ['wave_id', 'team_id', 'unit_id', 'district_id'].includes(column))
            continue;
          expect(participationValues.has(JSON.stringify(value)), `${table}.${column}`).toBe(false);
        }
    }
  });
});
