import { z } from 'zod';
import { id, queryInt, text, timestamp } from '../../lib/http/common-schemas';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: timestamp,
    actor: z.object({ id: z.number().int(), email: z.string(), name: z.string() }).nullable(),
    subjectName: z
      .string()
      .nullable()
      .meta({ description: 'When the entry is about a user, that user’s current name' }),
    action: z.string().meta({ example: 'item.updated' }),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    ip: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditPage = z
  .object({
    data: z.array(auditEntrySchema),
    page: z.object({ limit: z.number().int(), nextCursor: z.string().nullable() }),
  })
  .meta({ id: 'AuditPage' });

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

export const listAuditQuery = z.object({
  action: text(100).optional(),
  actorId: id.optional(),
  entityType: text(50).optional(),
  entityId: text(100).optional(),
  from: isoDate.optional().meta({ description: 'At or after this time' }),
  to: isoDate.optional().meta({ description: 'Before this time' }),
  limit: queryInt(1, 200).default(50),
  cursor: z
    .string()
    .regex(/^[0-9]{1,18}$/, { error: 'must be a cursor from a previous page' })
    .optional(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type ListAuditQuery = z.output<typeof listAuditQuery>;

/** What a service records; who and where come from the Actor. */
export interface NewAuditEntry {
  action: string;
  entityType: string | null;
  entityId: string | number | null;
  before?: object | null;
  after?: object | null;
}
