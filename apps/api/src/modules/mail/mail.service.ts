import nodemailer, { type Transporter } from 'nodemailer';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { mailOutbox, type Database, type Executor } from '@pvi/db';
import type { MailMessage, Page, PageQuery } from '@pvi/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../audit/audit.service.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  kind: string;
}

/** What replaces a one-time link in a mail once it has been handed to the SMTP server. */
const LINK = /(https?:\/\/\S+#)[A-Za-z0-9_-]{20,}/g;
export const redactLinks = (body: string) => body.replace(LINK, '$1[verstuurd]');

/**
 * The outbox is the mail queue: mail is written in the same transaction as what caused it, and a
 * worker hands queued mail to SMTP. Without SMTP configured, mail is `held` for the administrator
 * to read in the browser (the embedded default). Once sent, one-time links are removed from the
 * stored copy so the outbox cannot be used to answer in someone's name.
 */
export function createMailService(deps: {
  db: Database;
  audit: AuditService;
  smtpUrl: string | undefined;
  from: string;
}) {
  const { db, audit } = deps;
  let transport: Transporter | null = null;
  const transporter = () => {
    if (!deps.smtpUrl) return null;
    transport ??= nodemailer.createTransport(deps.smtpUrl);
    return transport;
  };

  return {
    /** Queues mail inside the caller's transaction. */
    async enqueue(tx: Executor, mails: OutgoingMail[]): Promise<number> {
      const status = deps.smtpUrl ? ('queued' as const) : ('held' as const);
      for (let i = 0; i < mails.length; i += 500) {
        const chunk = mails.slice(i, i + 500);
        await tx.insert(mailOutbox).values(
          chunk.map((m) => ({
            toAddress: m.to,
            subject: m.subject,
            body: m.body,
            kind: m.kind,
            status,
          })),
        );
      }
      return mails.length;
    },

    /** Sends up to `limit` queued mails; returns how many were sent and how many failed. */
    async drain(limit = 100): Promise<{ sent: number; failed: number }> {
      const smtp = transporter();
      if (!smtp) return { sent: 0, failed: 0 };
      let sent = 0;
      let failed = 0;
      await db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(mailOutbox)
          .where(eq(mailOutbox.status, 'queued'))
          .orderBy(mailOutbox.createdAt)
          .limit(limit)
          .for('update', { skipLocked: true });
        for (const row of rows) {
          try {
            await smtp.sendMail({
              from: deps.from,
              to: row.toAddress,
              subject: row.subject,
              text: row.body,
            });
            await tx
              .update(mailOutbox)
              .set({
                status: 'sent',
                sentAt: sql`now()`,
                body: redactLinks(row.body),
                attempts: row.attempts + 1,
                lastError: null,
              })
              .where(eq(mailOutbox.id, row.id));
            sent++;
          } catch (error) {
            const attempts = row.attempts + 1;
            await tx
              .update(mailOutbox)
              .set({
                status: attempts >= 5 ? 'failed' : 'queued',
                attempts,
                lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
              })
              .where(eq(mailOutbox.id, row.id));
            failed++;
          }
        }
      });
      return { sent, failed };
    },

    /** The outbox, newest first, for the administrator; reading it is audited. */
    async list(
      actor: Actor,
      q: PageQuery & { kind?: string | undefined; recipient?: string | undefined },
    ): Promise<Page<MailMessage>> {
      return db.transaction(async (tx) => {
        const where = and(
          q.kind ? eq(mailOutbox.kind, q.kind) : undefined,
          q.recipient ? eq(mailOutbox.toAddress, q.recipient) : undefined,
        );
        const [rows, total] = await Promise.all([
          tx
            .select()
            .from(mailOutbox)
            .where(where)
            .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize),
          tx
            .select({ n: sql<number>`count(*)::int` })
            .from(mailOutbox)
            .where(where),
        ]);
        await audit.record(tx, actor, {
          action: 'read',
          recordType: 'mail_outbox',
          details: { page: q.page, kind: q.kind ?? null },
        });
        return {
          items: rows.map((r) => ({
            id: r.id,
            recipient: r.toAddress,
            subject: r.subject,
            body: r.body,
            kind: r.kind,
            status: r.status,
            createdAt: r.createdAt.toISOString(),
            sentAt: r.sentAt?.toISOString() ?? null,
          })),
          page: q.page,
          pageSize: q.pageSize,
          total: total[0]?.n ?? 0,
        };
      });
    },

    /** Mail addresses in the outbox, for tests and the reminder check. */
    async recipients(kind: string, ids?: string[]): Promise<string[]> {
      const rows = await db
        .select({ to: mailOutbox.toAddress })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.kind, kind), ids ? inArray(mailOutbox.id, ids) : undefined));
      return rows.map((r) => r.to);
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;
