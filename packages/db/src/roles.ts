import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * Gives a PostgreSQL role what the API needs: read and write on the tables, but only
 * INSERT and SELECT on the audit trail, so the API can never rewrite history.
 */
export async function grantApiRole(db: Database, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`"${role}" is not a plain role name.`);
  const r = sql.raw(`"${role}"`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`grant usage on schema public to ${r}`);
    await tx.execute(
      sql`grant select, insert, update, delete on all tables in schema public to ${r}`,
    );
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${r}`);
    await tx.execute(sql`revoke update, delete, truncate on audit_log from ${r}`);
  });
}
