import type { DbOrTrx } from '../../lib/db';
import { isoNotNull } from '../../lib/sql';
import type { AuditAction, AuditEntry, ListAuditQuery } from './audit.schemas';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  subject_name: string | null;
  // Written only from AUDIT_ACTIONS (audit.service's record); not checked again on read.
  action: AuditAction;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: isoNotNull(r.at),
  actor:
    r.actor_id === null
      ? null
      : { id: Number(r.actor_id), email: r.actor_email ?? '', name: r.actor_name ?? '' },
  subjectName: r.subject_name,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  ip: r.ip,
  before: r.before,
  after: r.after,
});

export interface AuditInsert {
  actorId: number | null;
  ip: string | null;
  action: AuditAction;
  entityType: string | null;
  entityId: string | null;
  before: object | null;
  after: object | null;
}

export async function insert(db: DbOrTrx, e: AuditInsert): Promise<void> {
  await db('audit_log').insert({
    actor_id: e.actorId,
    ip: e.ip,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: e.before === null ? null : JSON.stringify(e.before),
    after: e.after === null ? null : JSON.stringify(e.after),
  });
}

export async function list(
  db: DbOrTrx,
  q: ListAuditQuery,
): Promise<{ rows: AuditEntry[]; nextCursor: string | null }> {
  const query = db('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    // The user an entry is about (a role change, a password reset), by their current name.
    .leftJoin('users as s', function () {
      this.on('a.entity_id', '=', db.raw('s.id::text')).andOnVal('a.entity_type', '=', 'user');
    })
    .select('a.*', 'u.email as actor_email', 'u.name as actor_name', 's.name as subject_name')
    .orderBy('a.id', 'desc')
    .limit(q.limit + 1);
  if (q.action) void query.where('a.action', q.action);
  if (q.actorId) void query.where('a.actor_id', q.actorId);
  if (q.entityType) void query.where('a.entity_type', q.entityType);
  if (q.entityId) void query.where('a.entity_id', q.entityId);
  if (q.from) void query.where('a.at', '>=', q.from);
  if (q.to) void query.where('a.at', '<', q.to);
  if (q.cursor) void query.where('a.id', '<', Number(q.cursor));
  const rows = (await query) as AuditRow[];
  const page = rows.slice(0, q.limit).map(toEntry);
  return { rows: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}
