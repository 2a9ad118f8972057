import type { Db, DbOrTrx } from '../../lib/db';
import type { Actor } from '../../lib/http/identity';
import * as repo from './audit.repository';
import type { ListAuditQuery, NewAuditEntry } from './audit.schemas';

export { AUDIT_ACTIONS, auditAction, type AuditAction } from './audit.schemas';

/**
 * Appends to the audit trail. Pass the transaction of the change being recorded, so the
 * entry exists exactly when the change does.
 */
export async function record(db: DbOrTrx, actor: Actor, entry: NewAuditEntry): Promise<void> {
  await repo.insert(db, {
    actorId: actor.userId,
    ip: actor.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export async function listAudit(db: Db, query: ListAuditQuery) {
  const { rows, nextCursor } = await repo.list(db, query);
  return { data: rows, page: { limit: query.limit, nextCursor } };
}
