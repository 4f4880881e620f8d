import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog, queryRows, type Executor } from '@pvi/db';
import type { AuditListQuery } from '@pvi/contracts';

export interface AuditInsert {
  requestId: string | null;
  actorAccountId: string | null;
  actorPersonId: string | null;
  actorRole: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  purpose: string | null;
  details?: Record<string, unknown> | null;
}

export async function insertAuditRows(executor: Executor, rows: AuditInsert[]): Promise<void> {
  if (rows.length === 0) return;
  // seq, prev_hash and hash are set by the chain trigger.
  await executor.insert(auditLog).values(rows.map((r) => ({ ...r, details: r.details ?? null })));
}

function filters(query: AuditListQuery): SQL | undefined {
  const where: SQL[] = [];
  if (query.actorAccountId) where.push(eq(auditLog.actorAccountId, query.actorAccountId));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.recordType) where.push(eq(auditLog.recordType, query.recordType));
  if (query.from) where.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) where.push(lte(auditLog.at, new Date(query.to)));
  return where.length ? and(...where) : undefined;
}

export async function listAuditRowsForExport(
  executor: Executor,
  query: AuditListQuery,
  limit: number,
) {
  return executor
    .select()
    .from(auditLog)
    .where(filters(query))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

export async function listAuditRows(executor: Executor, query: AuditListQuery) {
  const where = filters(query);
  const [items, totals] = await Promise.all([
    executor
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'link_mismatch';
}

/** The first row whose content no longer matches its hash, or whose link to its predecessor is broken. */
export async function findFirstChainBreak(executor: Executor): Promise<ChainBreak | null> {
  const rows = await queryRows<{ seq: string | number; hash_ok: boolean }>(
    executor,
    sql`select seq, hash_ok from (
          select a.seq, a.hash = audit_row_hash(a) as hash_ok, a.prev_hash,
                 lag(a.hash) over (order by a.seq) as prev_actual
          from audit_log a) x
        where not hash_ok or prev_hash <> coalesce(prev_actual, repeat('0', 64))
        order by seq limit 1`,
  );
  const row = rows[0];
  if (!row) return null;
  return { seq: Number(row.seq), reason: row.hash_ok ? 'link_mismatch' : 'hash_mismatch' };
}

export async function auditSummary(executor: Executor) {
  const rows = await queryRows<{ n: string | number; head: string | null }>(
    executor,
    sql`select count(*) as n, (select hash from audit_log order by seq desc limit 1) as head from audit_log`,
  );
  return { rows: Number(rows[0]?.n ?? 0), head: rows[0]?.head ?? null };
}
