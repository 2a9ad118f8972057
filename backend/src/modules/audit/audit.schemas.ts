import { z } from 'zod';
import { id, queryInt, text, timestamp } from '../../lib/http/common-schemas';

/**
 * Every action the audit trail records: the services' writes are typed by it (a typo fails
 * the type check), the filter accepts only these, and the OpenAPI document publishes them
 * as the AuditAction enum that the front end's filter lists. Adding an action is one line
 * here (then `npm run openapi -w backend && npm run gen:api -w frontend`). Never remove or
 * rename one: the trail keeps what was written (reads do not check it, so old rows still read).
 */
export const AUDIT_ACTIONS = [
  'auth.setup',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.sign_in_unlocked',
  'token.created',
  'token.revoked',
  'token.disabled',
  'token.enabled',
  'settings.updated',
  'item.created',
  'item.updated',
  'item.archived',
  'item.unarchived',
  'item.deleted',
  'location.created',
  'location.updated',
  'location.archived',
  'location.unarchived',
  'location.deleted',
  'labels.printed',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.enabled',
  'webhook.disabled',
  'user.invited',
  'auth.invitation_accepted',
  'auth.password_reset_by_email',
  'user.invitation_resent',
  'mail.settings_updated',
  'mail.settings_cleared',
  'mail.test_sent',
  'count.opened',
  'count.approved',
  'count.cancelled',
  'import.committed',
] as const;

export const auditAction = z
  .enum(AUDIT_ACTIONS, {
    // The whole list would be cut short in a message; the API description has all of them.
    error:
      'must be an audit action such as item.updated (all are listed as AuditAction in /api/v1/openapi.json)',
  })
  .meta({ id: 'AuditAction' });
export type AuditAction = z.infer<typeof auditAction>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: timestamp,
    actor: z.object({ id: z.number().int(), email: z.string(), name: z.string() }).nullable(),
    subjectName: z
      .string()
      .nullable()
      .meta({ description: 'When the entry is about a user, that user’s current name' }),
    action: auditAction,
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
  action: auditAction.optional(),
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
  action: AuditAction;
  entityType: string | null;
  entityId: string | number | null;
  before?: object | null;
  after?: object | null;
}
