import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@pvi/db';
import { createTestApp, type TestApp } from './harness.ts';
import { buildOrg, signInAs, type OrgFixture } from './factories.ts';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t.database.db);
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const run = (q: ReturnType<typeof sql>) => db().execute(q);

/** Tampering needs the table owner to switch the immutability trigger off first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await run(sql`alter table audit_log disable trigger audit_log_immutable`);
  await run(sql`alter table audit_log disable trigger audit_log_chain`);
  try {
    await run(statement);
  } finally {
    await run(sql`alter table audit_log enable trigger audit_log_immutable`);
    await run(sql`alter table audit_log enable trigger audit_log_chain`);
  }
}

describe('audit trail', () => {
  it('records who read a person, in which role and why, in the same transaction', async () => {
    const s = await signInAs(t.app, t.services, 'teamchef', { type: 'team', id: org.teamId });
    const noPurpose = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${org.memberIds[0]}`,
      headers: { cookie: s.cookie },
    });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().invalidParams[0].name).toBe('x-purpose');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${org.memberIds[0]}`,
      headers: {
        cookie: s.cookie,
        'x-purpose': 'voorbereiding functioneringsgesprek',
        'x-request-id': 'req-audit-test-1',
      },
    });
    expect(res.statusCode).toBe(200);
    const rows = await queryRows<{
      actor_account_id: string;
      actor_role: string;
      action: string;
      record_type: string;
      record_id: string;
      purpose: string;
      request_id: string;
    }>(db(), sql`select * from audit_log where request_id = 'req-audit-test-1'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_account_id: s.accountId,
      actor_role: 'teamchef',
      action: 'read',
      record_type: 'person',
      record_id: org.memberIds[0],
      purpose: 'voorbereiding functioneringsgesprek',
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the immutability triggers', async () => {
    await expect(run(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(run(sql`delete from audit_log`)).rejects.toThrow();
    await expect(run(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('verifies an intact chain, and names the first altered, inserted or removed row', async () => {
    // Enough rows to tamper in the middle.
    const s = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit-log',
        headers: { cookie: s.cookie },
      });
    expect((await t.services.audit.verify()).brokenAt).toBeNull();
    const seqs = (
      await queryRows<{ seq: number }>(
        db(),
        sql`select seq::int as seq from audit_log order by seq`,
      )
    ).map((r) => r.seq);
    const middle = seqs[Math.floor(seqs.length / 2)]!;

    await tamper(sql`update audit_log set purpose = 'rewritten' where seq = ${middle}`);
    expect((await t.services.audit.verify()).brokenAt).toEqual({
      seq: middle,
      reason: 'hash_mismatch',
    });
    await tamper(sql`update audit_log set purpose = null where seq = ${middle}`);
    expect((await t.services.audit.verify()).brokenAt).toBeNull();

    const victim = seqs[seqs.length - 3]!;
    await tamper(sql`create table audit_saved as select * from audit_log where seq = ${victim}`);
    await tamper(sql`delete from audit_log where seq = ${victim}`);
    expect((await t.services.audit.verify()).brokenAt).toEqual({
      seq: seqs[seqs.length - 2],
      reason: 'link_mismatch',
    });
    await tamper(sql`insert into audit_log select * from audit_saved`);
    await run(sql`drop table audit_saved`);
    expect((await t.services.audit.verify()).brokenAt).toBeNull();

    // An inserted row with a valid hash of its own still does not link to the row before it.
    const forgedSeq = seqs[seqs.length - 1]! + 100;
    await tamper(sql`insert into audit_log (seq, action, record_type, prev_hash)
      select ${forgedSeq}, 'forged', 'person', hash from audit_log where seq = ${middle}`);
    await tamper(
      sql`update audit_log set hash = audit_row_hash(audit_log) where seq = ${forgedSeq}`,
    );
    expect((await t.services.audit.verify()).brokenAt).toEqual({
      seq: forgedSeq,
      reason: 'link_mismatch',
    });
  });
});

describe('audit trail export', () => {
  it('exports the filtered trail as CSV for a national beheerder, and records the export', async () => {
    const s = await signInAs(t.app, t.services, 'beheerder', { type: 'national', id: null });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log/export?action=sign_in',
      headers: s.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,request_id,actor_account_id,actor_role,action,record_type,record_id,purpose',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.split(',')[5] === 'sign_in')).toBe(true);
    const recorded = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'export' and actor_account_id = ${s.accountId}`,
    );
    expect(recorded[0]!.n).toBe(1);
  });
});
