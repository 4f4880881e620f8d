import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './harness.ts';
import { buildSurveyOrg, signInAs, type Session, type SurveyOrgFixture } from './factories.ts';

/** A real SMTP receiver on 127.0.0.1: every message with its envelope recipients. */
interface Received {
  to: string[];
  text: string;
}
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decodeQuotedPrintable(data),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    port,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => {
          r();
        });
      }),
  };
}
const decodeQuotedPrintable = (s: string) =>
  s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const secretOf = (text: string) => /\/vragenlijst#([A-Za-z0-9_-]{20,})/.exec(text)![1]!;

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let org: SurveyOrgFixture;
let hr: Session;
let waveId: string;
const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}` } });
  org = await buildSurveyOrg(t.database.db, [8, 6, 3]);
  hr = await signInAs(t.app, t.services, 'hr_analist', { type: 'national', id: null });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const post = (url: string, payload?: unknown, headers: Record<string, string> = hr.headers) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

const answersFor = (i: number) => ({
  social_safety_1: 1 + (i % 5),
  social_safety_2: 4,
  social_safety_3: 2,
  psy_safety_1: 4,
  psy_safety_2: 5,
  psy_safety_3: 3,
  open_going_well: `Goede samenwerking ${i}`,
});

describe('a team-monitor wave, end to end through a real SMTP server', () => {
  let secrets: Map<string, string>;
  /** The person who answered late, through a reminder's link. */
  let late = '';

  it('creates a draft and refuses bad input field by field', async () => {
    const bad = await post('/api/v1/survey/waves', {
      name: 'x',
      instrumentKey: 'nope',
      units: [{ unitId: org.unitId, opensOn: inAWeek, closesOn: today }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const names = bad.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['name', 'instrumentKey', 'units.0.closesOn']));

    const res = await post('/api/v1/survey/waves', {
      name: 'Teammonitor test',
      instrumentKey: 'memo',
      units: [{ unitId: org.unitId, opensOn: today, closesOn: inAWeek }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', rulesLocked: false, invited: 0 });
    waveId = res.json().id;
  });

  it('shows wave managers the installation rules, which a new draft starts with', async () => {
    const rules = await t.app.inject({
      method: 'GET',
      url: '/api/v1/survey/rules',
      headers: hr.headers,
    });
    expect(rules.statusCode).toBe(200);
    expect(rules.json()).toEqual({ minGroupSize: 5, minOpenAnswerGroupSize: 10 });
    const wave = await t.app.inject({
      method: 'GET',
      url: `/api/v1/survey/waves/${waveId}`,
      headers: hr.headers,
    });
    expect(wave.json().rules).toEqual(rules.json());
    const member = await signInAs(t.app, t.services, 'medewerker', {
      type: 'team',
      id: org.teams[0]!.id,
    });
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/survey/rules',
      headers: member.headers,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('opens: snapshots 17 people, mails each a one-time link, locks the rules', async () => {
    const res = await post(`/api/v1/survey/waves/${waveId}/open`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mailsQueued: 17,
      wave: { status: 'open', invited: 17, teams: 3 },
    });
    expect(res.json().wave.rulesLocked).toBe(true);
    const locked = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/survey/waves/${waveId}/rules`,
      payload: { minGroupSize: 3, minOpenAnswerGroupSize: 10 },
      headers: hr.headers,
    });
    expect(locked.statusCode).toBe(409);

    expect(await t.services.mail.drain()).toEqual({ sent: 17, failed: 0 });
    expect(smtp.received).toHaveLength(17);
    const all = org.teams.flatMap((team) => team.emails);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([...all].sort());
    secrets = new Map(smtp.received.map((m) => [m.to[0]!, secretOf(m.text)]));
    expect(new Set(secrets.values()).size).toBe(17);
  });

  it('answers with a link once; a second use and invalid answers are refused', async () => {
    const first = org.teams[0]!.emails[0]!;
    const q = await post('/api/v1/survey/questionnaire', { secret: secrets.get(first) }, {});
    expect(q.statusCode).toBe(200);
    expect(q.json().instrument.key).toBe('memo');

    const invalid = await post(
      '/api/v1/survey/responses',
      { secret: secrets.get(first), answers: { social_safety_1: 9, bestaat_niet: 1 } },
      {},
    );
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['answers.bestaat_niet', 'answers.social_safety_1']);

    const ok = await post(
      '/api/v1/survey/responses',
      { secret: secrets.get(first), answers: answersFor(0) },
      {},
    );
    expect(ok.statusCode).toBe(204);
    const again = await post(
      '/api/v1/survey/responses',
      { secret: secrets.get(first), answers: answersFor(0) },
      {},
    );
    expect(again.statusCode).toBe(409);
  });

  it('reminds only those who have not answered', async () => {
    // Ten answered in all: the first seven of team A and the first three of team B.
    const answering = [...org.teams[0]!.emails.slice(1, 7), ...org.teams[1]!.emails.slice(0, 3)];
    for (const [i, email] of answering.entries()) {
      const res = await post(
        '/api/v1/survey/responses',
        { secret: secrets.get(email), answers: answersFor(i + 1) },
        {},
      );
      expect(res.statusCode).toBe(204);
    }
    smtp.received.length = 0;
    const res = await post(`/api/v1/survey/waves/${waveId}/remind`);
    expect(res.json().mailsQueued).toBe(7);
    await t.services.mail.drain();
    const answered = new Set([org.teams[0]!.emails[0]!, ...answering]);
    const expected = org.teams
      .flatMap((team) => team.emails)
      .filter((e) => !answered.has(e))
      .sort();
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(expected);
    // The reminder's link works, and so does the invitation's, but only once in all.
    late = expected[0]!;
    const reminderSecret = secretOf(smtp.received.find((m) => m.to[0] === late)!.text);
    expect(
      (await post('/api/v1/survey/responses', { secret: reminderSecret, answers: {} }, {}))
        .statusCode,
    ).toBe(204);
    expect(
      (await post('/api/v1/survey/responses', { secret: secrets.get(late), answers: {} }, {}))
        .statusCode,
    ).toBe(409);
  });

  it('stores the sent mail without the link, for the administrator', async () => {
    const admin = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
    const res = await t.app.inject({
      url: '/api/v1/mail/outbox?kind=survey_invitation&pageSize=100',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(17);
    for (const m of res.json().items) {
      expect(m.status).toBe('sent');
      expect(m.body).toContain('/vragenlijst#[verstuurd]');
    }
  });

  it('gives a team link with a QR code, capped at the number invited', async () => {
    const team = org.teams[2]!;
    const res = await post(`/api/v1/survey/waves/${waveId}/team-links?teamId=${team.id}`);
    expect(res.statusCode).toBe(200);
    const link = res.json().items[0];
    expect(link.qrSvg).toMatch(/^<svg/);
    const secret = link.url.split('#')[1];
    for (let i = 0; i < 3; i++)
      expect(
        (await post('/api/v1/survey/responses', { secret, answers: answersFor(i) }, {})).statusCode,
      ).toBe(204);
    expect(
      (await post('/api/v1/survey/responses', { secret, answers: answersFor(9) }, {})).statusCode,
    ).toBe(409);
  });

  it('closes; links stop working', async () => {
    const res = await post(`/api/v1/survey/waves/${waveId}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json().wave).toMatchObject({ status: 'closed', responded: 14, invited: 17 });
    const unused = org.teams[1]!.emails[5]!;
    const late = await post('/api/v1/survey/questionnaire', { secret: secrets.get(unused) }, {});
    expect(late.statusCode).toBe(409);
  });

  it('reports through disclosure control: a small team gets a conversation kit, not numbers', async () => {
    const [a, , c] = org.teams;
    const chiefA = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: a!.id });
    const own = await t.app.inject({
      url: `/api/v1/survey/waves/${waveId}/reports/teams/${a!.id}`,
      headers: chiefA.headers,
    });
    expect(own.statusCode).toBe(200);
    const report = own.json();
    const answeredInA = 7 + (a!.emails.includes(late) ? 1 : 0);
    expect(report.group).toMatchObject({ shown: true, respondents: answeredInA, invited: 8 });
    expect(report.group.responseRate).toBeCloseTo(answeredInA / 8);
    const safety = report.scales.find((x: { key: string }) => x.key === 'social_safety');
    expect(safety.n).toBeGreaterThan(0);
    // Fewer than 10 respondents: no item-by-item distributions, no open answers, no significance.
    expect(report.items).toBeNull();
    expect(report.openAnswers).toBeNull();
    for (const x of report.scales) if (x.parent) expect(x.parent.significant).toBeNull();
    expect(report.conversationKit).toBeNull();

    const other = await t.app.inject({
      url: `/api/v1/survey/waves/${waveId}/reports/teams/${c!.id}`,
      headers: chiefA.headers,
    });
    expect(other.statusCode).toBe(403);

    const small = await t.app.inject({
      url: `/api/v1/survey/waves/${waveId}/reports/teams/${c!.id}`,
      headers: hr.headers,
    });
    expect(small.json().group).toMatchObject({ shown: false, respondents: null });
    expect(small.json().group.reasons).toContain('below_k_respondents');
    expect(small.json().scales).toEqual([]);
    expect(small.json().conversationKit.length).toBeGreaterThan(3);

    const district = await t.app.inject({
      url: `/api/v1/survey/waves/${waveId}/reports/districts/${org.districtId}`,
      headers: hr.headers,
    });
    expect(district.statusCode).toBe(200);
    const cells = new Map(
      district.json().children.map((x: { id: string; shown: boolean }) => [x.id, x.shown]),
    );
    expect(cells.get(a!.id)).toBe(true);
    expect(cells.get(c!.id)).toBe(false);
    // The district's figures include every answer, also the small team's.
    expect(district.json().group.respondents).toBe(14);
  });

  it('exports a report as CSV and XLSX with nothing the report hides', async () => {
    const c = org.teams[2]!;
    const district = await t.app.inject({
      url: `/api/v1/survey/waves/${waveId}/reports/districts/${org.districtId}/export`,
      headers: hr.headers,
    });
    expect(district.statusCode).toBe(200);
    expect(district.headers['content-type']).toMatch(/text\/csv/);
    const lines = district.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^section,group,key,/);
    expect(lines.some((l) => l.startsWith('scale,'))).toBe(true);
    // The small team appears only as hidden, with its reasons and no count.
    const small = lines.filter((l) => l.startsWith('child,') && l.includes(`team:${c.id}`));
    expect(small.length).toBeGreaterThan(0);
    for (const l of small) expect(l).toMatch(/,,,,,,,,,false,.*below_k_respondents/);

    const hidden = await t.app.inject({
      url: `/api/v1/survey/waves/${waveId}/reports/teams/${c.id}/export`,
      headers: hr.headers,
    });
    expect(
      hidden.body
        .trim()
        .split('\r\n')
        .filter((l) => l.startsWith('scale,')),
    ).toEqual([]);

    const xlsx = await t.app.inject({
      url: `/api/v1/survey/waves/${waveId}/reports/districts/${org.districtId}/export?format=xlsx`,
      headers: hr.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses wave management to a team chief and to a unit outside the scope', async () => {
    const chief = await signInAs(t.app, t.services, 'teamchef', {
      type: 'team',
      id: org.teams[0]!.id,
    });
    const res = await post(
      '/api/v1/survey/waves',
      {
        name: 'Niet toegestaan',
        instrumentKey: 'memo',
        units: [{ unitId: org.unitId, opensOn: today, closesOn: inAWeek }],
      },
      chief.headers,
    );
    expect(res.statusCode).toBe(403);
    const other = await buildSurveyOrg(t.database.db, [2]);
    const leader = await signInAs(t.app, t.services, 'eenheidsleiding', {
      type: 'unit',
      id: other.unitId,
    });
    const outside = await post(
      '/api/v1/survey/waves',
      {
        name: 'Buiten bereik',
        instrumentKey: 'memo',
        units: [{ unitId: org.unitId, opensOn: today, closesOn: inAWeek }],
      },
      leader.headers,
    );
    expect(outside.statusCode).toBe(403);
  });
});
