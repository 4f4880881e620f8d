import type { Database, Executor } from '@pvi/db';
import type { AuditListQuery, AuditEntry, Page } from '@pvi/contracts';
import { AppError } from '../../errors.ts';
import { toCsv } from '../../http/csv.ts';
import * as repo from './audit.repository.ts';

const EXPORT_LIMIT = 100_000;

/** Who does something, and why: taken from the request by the auth plugin. */
export interface Actor {
  requestId: string | null;
  accountId: string | null;
  personId: string | null;
  role: string | null;
  purpose: string | null;
}

export const systemActor = (what: string): Actor => ({
  requestId: null,
  accountId: null,
  personId: null,
  role: `system:${what}`,
  purpose: null,
});

export interface AuditEvent {
  action: string;
  recordType: string;
  recordId?: string | null;
  details?: Record<string, unknown>;
}

export function createAuditService(db: Database) {
  /** Records events in the caller's transaction, so the audit entry commits with what it records. */
  async function record(tx: Executor, actor: Actor, events: AuditEvent | AuditEvent[]) {
    const list = Array.isArray(events) ? events : [events];
    await repo.insertAuditRows(
      tx,
      list.map((e) => ({
        requestId: actor.requestId,
        actorAccountId: actor.accountId,
        actorPersonId: actor.personId,
        actorRole: actor.role,
        action: e.action,
        recordType: e.recordType,
        recordId: e.recordId ?? null,
        purpose: actor.purpose,
        details: e.details ?? null,
      })),
    );
  }

  async function list(actor: Actor, query: AuditListQuery): Promise<Page<AuditEntry>> {
    return db.transaction(async (tx) => {
      const { items, total } = await repo.listAuditRows(tx, query);
      await record(tx, actor, { action: 'read', recordType: 'audit_log', details: { ...query } });
      return {
        items: items.map((r) => ({
          seq: r.seq,
          at: r.at.toISOString(),
          requestId: r.requestId,
          actorAccountId: r.actorAccountId,
          actorRole: r.actorRole,
          action: r.action,
          recordType: r.recordType,
          recordId: r.recordId,
          purpose: r.purpose,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    });
  }

  /** The filtered trail as CSV; the export itself is recorded. */
  async function exportCsv(actor: Actor, query: AuditListQuery): Promise<string> {
    return db.transaction(async (tx) => {
      const rows = await repo.listAuditRowsForExport(tx, query, EXPORT_LIMIT + 1);
      if (rows.length > EXPORT_LIMIT) {
        throw new AppError(
          'bad_request',
          `More than ${EXPORT_LIMIT} rows match: narrow the period or the filter.`,
        );
      }
      await record(tx, actor, {
        action: 'export',
        recordType: 'audit_log',
        details: { ...query, rows: rows.length },
      });
      return toCsv(
        [
          'seq',
          'at',
          'request_id',
          'actor_account_id',
          'actor_role',
          'action',
          'record_type',
          'record_id',
          'purpose',
        ],
        rows.map((r) => [
          r.seq,
          r.at,
          r.requestId,
          r.actorAccountId,
          r.actorRole,
          r.action,
          r.recordType,
          r.recordId,
          r.purpose,
        ]),
      );
    });
  }

  async function verify() {
    const [brokenAt, summary] = await Promise.all([
      repo.findFirstChainBreak(db),
      repo.auditSummary(db),
    ]);
    return { ...summary, brokenAt };
  }

  return { record, list, exportCsv, verify };
}
export type AuditService = ReturnType<typeof createAuditService>;
