import { z } from 'zod';
import { pageQuery, uuid } from './common.ts';

export const auditEntry = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime(),
    requestId: z.string().nullable(),
    actorAccountId: uuid.nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string().nullable(),
    purpose: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListQuery = pageQuery.extend({
  actorAccountId: uuid.optional(),
  action: z.string().max(100).optional(),
  recordType: z.string().max(100).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
