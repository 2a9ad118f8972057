import type { DbOrTrx } from '../../lib/db';
import { isoNotNull } from '../../lib/sql';

export interface SessionRow {
  id: string;
  userId: number;
  /** When it ends if nothing else happens: the earlier of idle and absolute expiry. */
  expiresAt: string;
}

export async function insert(
  db: DbOrTrx,
  s: { id: string; userId: number; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db('sessions').insert({
    id: s.id,
    user_id: s.userId,
    expires_at: s.expiresAt,
    ip: s.ip,
    user_agent: s.userAgent,
  });
}

/** A session that has neither been idle too long nor reached its absolute end. */
export async function findLive(
  db: DbOrTrx,
  id: string,
  idleMinutes: number,
): Promise<(SessionRow & { lastSeenAt: Date }) | undefined> {
  const row = (await db('sessions')
    .select(
      'id',
      'user_id',
      'last_seen_at',
      db.raw('least(expires_at, last_seen_at + make_interval(mins => ?)) as effective_expires_at', [
        idleMinutes,
      ]),
    )
    .where({ id })
    .where('expires_at', '>', db.fn.now())
    .whereRaw('last_seen_at + make_interval(mins => ?) > now()', [idleMinutes])
    .first()) as
    { id: string; user_id: string; last_seen_at: Date; effective_expires_at: Date } | undefined;
  return (
    row && {
      id: row.id,
      userId: Number(row.user_id),
      lastSeenAt: row.last_seen_at,
      expiresAt: isoNotNull(row.effective_expires_at),
    }
  );
}

/** Marks the session used, at most once a minute (one write per minute, not per request). */
export async function touch(db: DbOrTrx, id: string): Promise<void> {
  await db('sessions')
    .where({ id })
    .whereRaw("last_seen_at < now() - interval '1 minute'")
    .update({ last_seen_at: db.fn.now() });
}

export async function remove(db: DbOrTrx, id: string): Promise<void> {
  await db('sessions').where({ id }).delete();
}

export async function removeForUser(
  db: DbOrTrx,
  userId: number,
  exceptId?: string,
): Promise<number> {
  const q = db('sessions').where({ user_id: userId });
  if (exceptId) void q.whereNot({ id: exceptId });
  return q.delete();
}

export async function removeExpired(db: DbOrTrx): Promise<void> {
  await db('sessions').where('expires_at', '<', db.fn.now()).delete();
}
